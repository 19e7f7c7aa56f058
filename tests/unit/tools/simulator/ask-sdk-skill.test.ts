import { getDialogState, getIntentName, getRequestType, getSlotValue, SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import type { IntentRequest, Response } from 'ask-sdk-model';
import { runReplay } from '../../../../tools/simulator/replay';
import type { SkillInvoker } from '../../../../tools/simulator/simulator';
import { formatTranscript } from '../../../../tools/simulator/transcript';
import { simulatorFor, SKILL_ID } from './fake-skill';

/** A small ask-sdk-core skill, so the envelopes are checked against the SDK the project's skill is built on. */
function buildSkill(): SkillInvoker {
  const skill = SkillBuilders.custom()
    .withSkillId(SKILL_ID)
    .addRequestHandlers(
      {
        canHandle: (input: HandlerInput) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
        handle: (input: HandlerInput): Response => input.responseBuilder.speak('What shall we ship?').reprompt('What shall we ship?').getResponse(),
      },
      {
        canHandle: (input: HandlerInput) => getRequestType(input.requestEnvelope) === 'IntentRequest' && getIntentName(input.requestEnvelope) === 'DeployIntent',
        handle: (input: HandlerInput): Response => {
          const request = input.requestEnvelope.request as IntentRequest;
          const service = getSlotValue(input.requestEnvelope, 'service');
          if (getDialogState(input.requestEnvelope) !== 'COMPLETED' && request.intent.confirmationStatus === 'NONE' && service === undefined) {
            return input.responseBuilder.addDelegateDirective(request.intent).getResponse();
          }
          if (request.intent.confirmationStatus === 'NONE') {
            return input.responseBuilder.speak(`Ship ${service} to ${getSlotValue(input.requestEnvelope, 'environment')}?`).addConfirmIntentDirective(request.intent).getResponse();
          }
          if (request.intent.confirmationStatus === 'DENIED') return input.responseBuilder.speak('Nothing shipped.').withShouldEndSession(true).getResponse();
          return input.responseBuilder.speak(`Shipping ${service}.`).withShouldEndSession(true).getResponse();
        },
      },
      {
        canHandle: () => true,
        handle: (input: HandlerInput): Response => input.responseBuilder.speak('Sorry?').reprompt('Sorry?').getResponse(),
      },
    )
    .create();
  return (envelope) => skill.invoke(envelope);
}

describe('Simulator with an ask-sdk-core skill', () => {
  it('runs a delegated, confirmed deploy through the SDK end to end', async () => {
    // Prepare
    const simulator = simulatorFor(buildSkill());
    const script = { skillId: SKILL_ID, locale: 'en-US', userInputs: ['open release captain', 'push to prod', 'checkout', 'yes'], quits: true };
    // Act
    const turns = await runReplay(script, simulator);
    // Assess
    expect(formatTranscript(turns)).toBe(
      ['User  > open release captain', 'Alexa > What shall we ship?', 'User  > push to prod', 'Alexa > Which service?', 'User  > checkout',
        'Alexa > Ship checkout to prod?', 'User  > yes', 'Session ended', 'Alexa > Shipping checkout.', ''].join('\n'),
    );
  });

  it('lets the SDK see a denied confirmation as DENIED', async () => {
    // Prepare
    const simulator = simulatorFor(buildSkill());
    await simulator.say('ask release captain to deploy checkout to staging');
    // Act
    const turn = await simulator.say('no');
    // Assess
    expect(turn.alexa).toEqual(['Nothing shipped.']);
    expect(turn.sessionEnded).toBe(true);
  });
});
