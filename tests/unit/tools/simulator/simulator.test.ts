import type { Intent, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SkillResponseRejectedError } from '../../../../tools/simulator/errors';
import { PROBLEM_CAPTION } from '../../../../tools/simulator/simulator';
import { formatTranscript } from '../../../../tools/simulator/transcript';
import { describeRequest, fixtureModel, intentRequestOf, recordingSkill, simulatorFor, SKILL_ID, slotValuesOf, speak } from './fake-skill';

/** The intent of a request, for a skill that echoes it back in a directive. */
function intentOf(envelope: RequestEnvelope): Intent {
  return intentRequestOf(envelope).intent;
}

describe('Simulator', () => {
  describe('starting a conversation', () => {
    it('sends a LaunchRequest in a new session for "open <invocation name>"', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Welcome to release captain.', { end: false }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turn = await simulator.say('open release captain');
      // Assess
      expect(skill.received.map(describeRequest)).toEqual(['LaunchRequest']);
      expect(skill.received[0]?.session?.new).toBe(true);
      expect(skill.received[0]?.session?.sessionId).toMatch(/^amzn1\.echo-api\.session\.[0-9a-f-]{36}$/);
      expect(skill.received[0]?.request.requestId).toMatch(/^amzn1\.echo-api\.request\.[0-9a-f-]{36}$/);
      expect(turn.alexa).toEqual(['Welcome to release captain.']);
      expect(turn.resolved).toBeUndefined();
      expect(simulator.inSession).toBe(true);
    });

    it('parses a one-shot into the intent with every slot (virtual-alexa regression)', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Shipping.', { end: true }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turn = await simulator.say('ask release captain to deploy api to production');
      // Assess
      expect(describeRequest(skill.received[0])).toBe('DeployIntent');
      expect(slotValuesOf(skill.received[0])).toEqual({ service: 'api', environment: 'production' });
      expect(turn.resolved).toEqual({ intent: 'DeployIntent', slots: { service: 'api', environment: 'production' } });
    });

    it('sends a first input that names no skill as a one-shot, even with "ask" inside a word (virtual-alexa regression)', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Ok.', { end: true }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      await simulator.say('deploy the basket service');
      // Assess
      expect(describeRequest(skill.received[0])).toBe('DeployIntent');
      expect(slotValuesOf(skill.received[0])).toEqual({ service: 'the basket service' });
    });

    it('sends a custom slot value that is not in the type, as custom types are not closed lists (virtual-alexa regression)', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Ok.', { end: true }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      await simulator.say('ask release captain to deploy inventory to moon base');
      // Assess
      const slots = intentRequestOf(skill.received[0]).intent.slots;
      expect(slots?.service?.value).toBe('inventory');
      expect(slots?.environment?.value).toBe('moon base');
      expect(slots?.environment?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).toBe('ER_SUCCESS_NO_MATCH');
    });

    it('gives the first request of a dialog-model intent dialogState STARTED and a plain intent none', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Ok.', { end: true }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      await simulator.say('ask release captain to push to prod');
      await simulator.say('ask release captain what\'s the status of checkout');
      // Assess
      expect(intentRequestOf(skill.received[0]).dialogState).toBe('STARTED');
      expect('dialogState' in intentRequestOf(skill.received[1])).toBe(false);
    });

    it('carries the user, device, person and locale it was given', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Hi.', { end: true }));
      const { Simulator } = await import('../../../../tools/simulator/simulator');
      const simulator = new Simulator({
        model: fixtureModel(), invoker: skill.invoker, skillId: SKILL_ID, locale: 'en-GB',
        userId: 'amzn1.ask.account.ALICE', personId: 'amzn1.ask.person.ALICE', deviceId: 'amzn1.ask.device.KITCHEN',
      });
      // Act
      await simulator.say('open release captain');
      // Assess
      const envelope = skill.received[0];
      expect(envelope?.session?.user.userId).toBe('amzn1.ask.account.ALICE');
      expect(envelope?.context.System.person?.personId).toBe('amzn1.ask.person.ALICE');
      expect(envelope?.context.System.device?.deviceId).toBe('amzn1.ask.device.KITCHEN');
      expect(envelope?.context.System.application.applicationId).toBe(SKILL_ID);
      expect(envelope?.request.locale).toBe('en-GB');
    });
  });

  describe('a task launch', () => {
    it('sends a LaunchRequest in a new session carrying the task, named after the skill', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Shall I push checkout to production?', { end: false }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turn = await simulator.startTask('PushToProd', { service: 'checkout' });
      // Assess
      expect(skill.received.map(describeRequest)).toEqual(['LaunchRequest']);
      expect(skill.received[0]?.session?.new).toBe(true);
      expect((skill.received[0]?.request as { task?: unknown }).task).toEqual({ name: `${SKILL_ID}.PushToProd`, version: '1', input: { service: 'checkout' } });
      expect(turn.task).toEqual({ name: 'PushToProd', version: '1', input: { service: 'checkout' } });
      expect(formatTranscript([turn])).toBe('Task  > PushToProd {"service":"checkout"}\nAlexa > Shall I push checkout to production?\n');
    });

    it('takes the yes to a ConfirmIntent chained from the launch as a yes to that intent', async () => {
      // Prepare
      const chained: Intent = { name: 'DeployIntent', confirmationStatus: 'NONE', slots: { service: { name: 'service', value: 'checkout', confirmationStatus: 'NONE' }, environment: { name: 'environment', value: 'production', confirmationStatus: 'NONE' } } };
      const skill = recordingSkill((envelope) => (envelope.request.type === 'LaunchRequest'
        ? speak('Shall I push checkout to production?', { directives: [{ type: 'Dialog.ConfirmIntent', updatedIntent: chained }] })
        : speak('Done.', { end: true })));
      const simulator = simulatorFor(skill.invoker);
      await simulator.startTask('PushToProd', { service: 'checkout', environment: 'production' });
      // Act
      const turn = await simulator.say('yes');
      // Assess
      expect(turn.error).toBeUndefined();
      expect(describeRequest(skill.received[1])).toBe('DeployIntent');
      expect(intentRequestOf(skill.received[1]).intent.confirmationStatus).toBe('CONFIRMED');
      expect(skill.received[1]?.session?.new).toBe(false);
    });

    it('sends the yes to a plain question as AMAZON.YesIntent, and takes the skill chaining it into its custom intent', async () => {
      // Prepare: a read-back asked on a screen has no confirmation step; the yes's answer asks for a slot of DeployIntent
      const chained: Intent = { name: 'DeployIntent', confirmationStatus: 'CONFIRMED', slots: { service: { name: 'service', value: 'checkout', confirmationStatus: 'NONE' }, environment: { name: 'environment', confirmationStatus: 'NONE' } } };
      const skill = recordingSkill((envelope) => {
        if (envelope.request.type === 'LaunchRequest') return speak('Shall I push checkout?', { end: false });
        if (describeRequest(envelope) === 'AMAZON.YesIntent') return speak('Which environment?', { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment', updatedIntent: chained }] });
        return speak('Done.', { end: true });
      });
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      const yes = await simulator.say('yes');
      const filled = await simulator.say('production');
      // Assess
      expect(yes.error).toBeUndefined();
      expect(filled.error).toBeUndefined();
      expect(skill.received.map(describeRequest)).toEqual(['LaunchRequest', 'AMAZON.YesIntent', 'DeployIntent']);
      expect(intentRequestOf(skill.received[2]).intent.confirmationStatus).toBe('CONFIRMED');
      expect(slotValuesOf(skill.received[2])).toEqual({ service: 'checkout', environment: 'production' });
    });

    it('refuses any other built-in intent answered with a Dialog directive for another intent', async () => {
      // Prepare
      const other: Intent = { name: 'DeployIntent', confirmationStatus: 'NONE', slots: { service: { name: 'service', confirmationStatus: 'NONE' }, environment: { name: 'environment', confirmationStatus: 'NONE' } } };
      const skill = recordingSkill((envelope) => (envelope.request.type === 'LaunchRequest'
        ? speak('Hi.', { end: false })
        : speak('Which service?', { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'service', updatedIntent: other }] })));
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      const turn = await simulator.say('help');
      // Assess
      expect(describeRequest(skill.received[1])).toBe('AMAZON.HelpIntent');
      expect(turn.error).toBeInstanceOf(SkillResponseRejectedError);
      expect(String(turn.error)).toMatch(/dialog-names-request-intent/);
    });

    it('ends a session still open before the task starts its own', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Hi.', { end: false }));
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      await simulator.startTask('Rollback');
      // Assess
      expect(skill.received.map(describeRequest)).toEqual(['LaunchRequest', 'SessionEndedRequest', 'LaunchRequest']);
      expect(skill.received[2]?.session?.sessionId).not.toBe(skill.received[0]?.session?.sessionId);
    });
  });

  describe('Alexa\'s offer of a routine', () => {
    const offer = {
      type: 'Connections.StartConnection', uri: 'connection://AMAZON.OfferAutomation/1', onCompletion: 'RESUME_SESSION', token: 'offer-1',
      input: {
        automation: {
          trigger: { type: 'Alexa.Automation.Trigger.Voice.CustomUtterance', version: '1.0', payload: { utterances: ['push to prod'], locale: 'en-US' } },
          operations: { serial: [{ operation: { type: 'Alexa.Automation.Operation.Skill.StartConnection', version: '1.0', operationId: 'op', payload: {} } }] },
        },
        renderingData: { operations: { op: { descriptionPrompt: 'Push to prod' } } },
      },
    } as never;
    const offeringSkill = () => recordingSkill((envelope) => (envelope.request.type === 'SessionResumedRequest'
      ? speak('Noted.', { end: true })
      : speak('Want a shortcut?', { directives: [offer] })));
    const causeOf = (envelope: RequestEnvelope | undefined) => (envelope?.request as { cause?: unknown } | undefined)?.cause;

    it('offers it in its own words and hands the session back with a 200 after a yes', async () => {
      // Prepare
      const skill = offeringSkill();
      const simulator = simulatorFor(skill.invoker);
      // Act
      const offered = await simulator.say('open release captain');
      const answered = await simulator.say('yes');
      // Assess
      expect(formatTranscript([offered])).toBe('User  > open release captain\nAlexa > Want a shortcut?\nAlexa (offer) > Do you want to add a routine? When you say "push to prod", Alexa will start "Push to prod".\n');
      expect(describeRequest(skill.received[1])).toBe('SessionResumedRequest');
      expect(skill.received[1]?.session?.new).toBe(false);
      expect(causeOf(skill.received[1])).toEqual({ type: 'ConnectionCompleted', token: 'offer-1', status: { code: '200', message: 'OK' }, result: null });
      expect(answered.alexa).toEqual(['Noted.']);
    });

    it('hands back REJECTED_BY_CUSTOMER for anything but a yes', async () => {
      const skill = offeringSkill();
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');

      await simulator.say('not now');

      expect(causeOf(skill.received[1])).toMatchObject({ status: { code: '204' }, result: { offerAutomationResponse: { reason: 'REJECTED_BY_CUSTOMER' } } });
    });

    it('hands back AUTOMATION_ALREADY_ENABLED at once for a routine the user took before', async () => {
      // Prepare
      const skill = offeringSkill();
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      await simulator.say('yes');
      // Act
      const again = await simulator.say('open release captain');
      // Assess
      expect(skill.received.map(describeRequest)).toEqual(['LaunchRequest', 'SessionResumedRequest', 'LaunchRequest', 'SessionResumedRequest']);
      expect(causeOf(skill.received[3])).toMatchObject({ status: { code: '204' }, result: { offerAutomationResponse: { reason: 'AUTOMATION_ALREADY_ENABLED' } } });
      expect(again.captions.filter((c) => c.kind === 'offer')).toEqual([]);
    });
  });

  describe('in a session', () => {
    it('takes plain utterances, most specific sample first, in the same session', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Sure.', { end: false }));
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      await simulator.say('ship it to live');
      // Assess
      expect(describeRequest(skill.received[1])).toBe('DeployIntent');
      expect(slotValuesOf(skill.received[1])).toEqual({ environment: 'live' });
      expect(skill.received[1]?.session?.new).toBe(false);
      expect(skill.received[1]?.session?.sessionId).toBe(skill.received[0]?.session?.sessionId);
    });

    it('carries the session attributes of each response into the next request', async () => {
      // Prepare
      let n = 0;
      const skill = recordingSkill(() => speak('Ok.', { end: false, attributes: { step: ++n } }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      await simulator.say('open release captain');
      await simulator.say('status');
      await simulator.say('help');
      // Assess
      expect(skill.received.map((e) => e.session?.attributes)).toEqual([undefined, { step: 1 }, { step: 2 }]);
    });

    it('keeps the session open when shouldEndSession is undefined or false', async () => {
      // Prepare
      const answers = [speak('Welcome.'), speak('Still here.', { end: false }), speak('Still.')];
      const skill = recordingSkill(() => answers.shift() ?? speak('Bye.', { end: true }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turns = [await simulator.say('open release captain'), await simulator.say('status'), await simulator.say('status')];
      // Assess
      expect(turns.map((t) => t.sessionEnded)).toEqual([false, false, false]);
      expect(new Set(skill.received.map((e) => e.session?.sessionId)).size).toBe(1);
    });

    it('ends the session when shouldEndSession is true, so the next input starts a new one', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Done.', { end: true, attributes: { stale: true } }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      const first = await simulator.say('open release captain');
      await simulator.say('status');
      // Assess
      expect(first.sessionEnded).toBe(true);
      expect(simulator.inSession).toBe(false);
      expect(skill.received[1]?.session?.new).toBe(true);
      expect(skill.received[1]?.session?.sessionId).not.toBe(skill.received[0]?.session?.sessionId);
      expect(skill.received[1]?.session?.attributes).toBeUndefined();
    });

    it('sends AMAZON.YesIntent for "yes" when no confirmation is pending', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Want to hear the status?', { end: false }));
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      await simulator.say('yes');
      await simulator.say('nope');
      // Assess
      expect(skill.received.slice(1).map(describeRequest)).toEqual(['AMAZON.YesIntent', 'AMAZON.NoIntent']);
    });

    it('sends AMAZON.FallbackIntent for what no sample matches', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Sorry?', { end: false }));
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      const turn = await simulator.say('order me a pizza');
      // Assess
      expect(describeRequest(skill.received[1])).toBe('AMAZON.FallbackIntent');
      expect(turn.resolved).toEqual({ intent: 'AMAZON.FallbackIntent', slots: {} });
    });

    it('sends SessionEndedRequest USER_INITIATED for "exit" and ends the session without speech', async () => {
      // Prepare
      const skill = recordingSkill((e) => (e.request.type === 'SessionEndedRequest' ? speak('ignored') : speak('Hi.', { end: false })));
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      // Act
      const turn = await simulator.say('Exit.');
      // Assess
      expect(skill.received[1]?.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' });
      expect(turn.alexa).toEqual([]);
      expect(turn.sessionEnded).toBe(true);
      expect(simulator.inSession).toBe(false);
    });
  });

  describe('dialogs the skill drives (SKILL_RESPONSE)', () => {
    it('fills the elicited slot with a bare value and sends the same intent IN_PROGRESS', async () => {
      // Prepare
      const skill = recordingSkill((e) => {
        if (e.request.type === 'LaunchRequest') return speak('Welcome.', { end: false });
        const request = intentRequestOf(e);
        if (request.dialogState === 'STARTED') {
          return speak('Which service?', { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'service', updatedIntent: request.intent }] });
        }
        return speak('Got it.', { end: false });
      });
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('open release captain');
      await simulator.say('push to prod');
      // Act
      const turn = await simulator.say('checkout');
      // Assess
      const request = intentRequestOf(skill.received[2]);
      expect(request.intent.name).toBe('DeployIntent');
      expect(request.dialogState).toBe('IN_PROGRESS');
      expect(slotValuesOf(skill.received[2])).toEqual({ service: 'checkout', environment: 'prod' });
      expect(request.intent.slots?.service?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.name).toBe('checkout');
      expect(turn.resolved).toEqual({ intent: 'DeployIntent', slots: { service: 'checkout', environment: 'prod' } });
    });

    it('fills the elicited slot from a slot sample or an intent sample of the same intent', async () => {
      // Prepare
      const skill = recordingSkill((e) => {
        const intent = intentOf(e);
        const missing = ['service', 'environment'].find((name) => intent.slots?.[name]?.value === undefined);
        return missing
          ? speak(`Which ${missing}?`, { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: missing, updatedIntent: intent }] })
          : speak('Ok.', { end: true });
      });
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('ask release captain to deploy');
      // Act
      await simulator.say('the basket service');
      await simulator.say('to staging');
      // Assess
      expect(slotValuesOf(skill.received[1])).toEqual({ service: 'basket' });
      expect(slotValuesOf(skill.received[2])).toEqual({ service: 'basket', environment: 'staging' });
    });

    it('takes an utterance of another intent during elicitation as that intent', async () => {
      // Prepare
      const skill = recordingSkill((e) =>
        intentRequestOf(e).dialogState === 'STARTED'
          ? speak('Which service?', { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'service' }] })
          : speak('Cancelled.', { end: true }),
      );
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('ask release captain to push to prod');
      // Act
      await simulator.say('never mind');
      // Assess
      expect(describeRequest(skill.received[1])).toBe('AMAZON.CancelIntent');
    });

    it.each([
      ['yes', 'CONFIRMED', 'IN_PROGRESS'],
      ['yeah', 'CONFIRMED', 'IN_PROGRESS'],
      ['no', 'DENIED', 'COMPLETED'],
    ])('answers "%s" to Dialog.ConfirmIntent with the same intent %s (%s)', async (answer, status, dialogState) => {
      // Prepare
      const skill = recordingSkill((e) => {
        const intent = intentOf(e);
        return intent.confirmationStatus === 'NONE'
          ? speak(`Ship ${intent.slots?.service?.value} to production?`, { directives: [{ type: 'Dialog.ConfirmIntent', updatedIntent: intent }] })
          : speak('Ok.', { end: true });
      });
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('ask release captain to deploy checkout to production');
      // Act
      await simulator.say(answer);
      // Assess
      const request = intentRequestOf(skill.received[1]);
      expect(request.intent.name).toBe('DeployIntent');
      expect(request.intent.confirmationStatus).toBe(status);
      expect(request.dialogState).toBe(dialogState);
      expect(slotValuesOf(skill.received[1])).toEqual({ service: 'checkout', environment: 'production' });
    });

    it('takes another utterance during a confirmation as a new intent, not as yes', async () => {
      // Prepare
      const skill = recordingSkill((e) =>
        intentOf(e).name === 'DeployIntent'
          ? speak('Ship it?', { directives: [{ type: 'Dialog.ConfirmIntent', updatedIntent: intentOf(e) }] })
          : speak('Status.', { end: false }),
      );
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('ask release captain to deploy checkout to production');
      // Act
      await simulator.say('how is checkout doing');
      await simulator.say('yes');
      // Assess
      expect(skill.received.slice(1).map(describeRequest)).toEqual(['StatusIntent', 'AMAZON.YesIntent']);
      expect(intentRequestOf(skill.received[1]).intent.confirmationStatus).toBe('NONE');
    });

    it('sets the slot confirmationStatus after Dialog.ConfirmSlot', async () => {
      // Prepare
      const skill = recordingSkill((e) =>
        intentOf(e).slots?.service?.confirmationStatus === 'NONE'
          ? speak('Checkout, right?', { directives: [{ type: 'Dialog.ConfirmSlot', slotToConfirm: 'service', updatedIntent: intentOf(e) }] })
          : speak('Ok.', { end: true }),
      );
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('ask release captain to roll back checkout');
      // Act
      await simulator.say('no');
      // Assess
      const request = intentRequestOf(skill.received[1]);
      expect(request.intent.slots?.service).toMatchObject({ value: 'checkout', confirmationStatus: 'DENIED' });
      expect(request.dialogState).toBe('IN_PROGRESS');
    });

    it('speaks the model prompts after Dialog.Delegate and sends COMPLETED once nothing is missing', async () => {
      // Prepare: the skill delegates until the dialog is COMPLETED, then ships.
      const skill = recordingSkill((e) =>
        intentRequestOf(e).dialogState === 'COMPLETED' ? speak('Shipping.', { end: true }) : speak(undefined, { directives: [{ type: 'Dialog.Delegate' }] }),
      );
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turns = [];
      for (const input of ['ask release captain to deploy', 'checkout', 'staging', 'yes']) turns.push(await simulator.say(input));
      // Assess
      expect(turns.map((t) => t.alexa)).toEqual([['Which service?'], ['Where should checkout go?'], ['Ship checkout to staging?'], ['Shipping.']]);
      expect(skill.received.map((e) => intentRequestOf(e).dialogState)).toEqual(['STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED']);
      expect(turns[3]?.requests).toHaveLength(2);
      expect(intentRequestOf(skill.received[4]).intent.confirmationStatus).toBe('CONFIRMED');
      expect(turns[3]?.sessionEnded).toBe(true);
    });

    it('sends a delegated intent the user denied as COMPLETED and DENIED', async () => {
      // Prepare
      const skill = recordingSkill((e) =>
        intentRequestOf(e).dialogState === 'COMPLETED' ? speak('Not shipping.', { end: true }) : speak(undefined, { directives: [{ type: 'Dialog.Delegate' }] }),
      );
      const simulator = simulatorFor(skill.invoker);
      await simulator.say('ask release captain to deploy checkout to production');
      // Act
      const turn = await simulator.say('no');
      // Assess
      const last = intentRequestOf(turn.requests[turn.requests.length - 1]);
      expect(last).toMatchObject({ dialogState: 'COMPLETED', intent: { confirmationStatus: 'DENIED' } });
    });
  });

  describe('auto-delegated dialogs (ALWAYS)', () => {
    it('runs the dialog itself and sends the skill only the COMPLETED intent', async () => {
      // Prepare
      const model = fixtureModel();
      if (model.dialog) model.dialog.delegationStrategy = 'ALWAYS';
      const skill = recordingSkill(() => speak('Shipping.', { end: true }));
      const simulator = simulatorFor(skill.invoker, model);
      // Act
      const turns = [await simulator.say('ask release captain to push to prod'), await simulator.say('checkout'), await simulator.say('yes')];
      // Assess
      expect(turns.map((t) => t.alexa)).toEqual([['Which service?'], ['Ship checkout to prod?'], ['Shipping.']]);
      expect(skill.received).toHaveLength(1);
      expect(intentRequestOf(skill.received[0])).toMatchObject({ dialogState: 'COMPLETED', intent: { confirmationStatus: 'CONFIRMED' } });
    });
  });

  describe('when the skill fails', () => {
    it('apologises, sends SessionEndedRequest ERROR and ends the session when the invoker throws', async () => {
      // Prepare
      const failure = new Error('handler crashed');
      const skill = recordingSkill((e): ResponseEnvelope => {
        if (e.request.type === 'SessionEndedRequest') return speak(undefined);
        throw failure;
      });
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turn = await simulator.say('open release captain');
      // Assess
      expect(turn.alexa).toEqual([PROBLEM_CAPTION]);
      expect(turn.error).toBe(failure);
      expect(turn.sessionEnded).toBe(true);
      expect(skill.received[1]?.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'ERROR', error: { type: 'INVALID_RESPONSE' } });
    });

    it('refuses a Dialog directive that also ends the session', async () => {
      // Prepare
      const skill = recordingSkill(() => speak('Which?', { end: true, directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'service' }] }));
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turn = await simulator.say('ask release captain to deploy');
      // Assess
      expect(turn.error).toBeInstanceOf(SkillResponseRejectedError);
      expect((turn.error as SkillResponseRejectedError).rules).toEqual(['dialog-keeps-session-open']);
      expect(turn.alexa).toEqual([PROBLEM_CAPTION]);
      expect(turn.sessionEnded).toBe(true);
    });

    it('does not speak a response Alexa would refuse, names the rule it breaks and ends the session with ERROR', async () => {
      // Prepare: the skill elicits with a slot DeployIntent does not have.
      const skill = recordingSkill((e) => {
        if (e.request.type === 'SessionEndedRequest') return speak(undefined);
        const intent = intentOf(e);
        const withExtra = { ...intent, slots: { ...intent.slots, count: { name: 'count', confirmationStatus: 'NONE' as const } } };
        return speak('Which service?', { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'service', updatedIntent: withExtra }] });
      });
      const simulator = simulatorFor(skill.invoker);
      // Act
      const turn = await simulator.say('ask release captain to deploy');
      // Assess
      expect(turn.alexa).toEqual([PROBLEM_CAPTION]);
      expect(turn.error).toBeInstanceOf(SkillResponseRejectedError);
      expect((turn.error as SkillResponseRejectedError).rules).toEqual(['dialog-slots-match-model']);
      expect(String(turn.error)).toMatch(/updatedIntent DeployIntent carries "count"/);
      expect(skill.received[1]?.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'ERROR', error: { type: 'INVALID_RESPONSE' } });
      expect(turn.sessionEnded).toBe(true);
      expect(simulator.inSession).toBe(false);
    });

    it('stops a skill that keeps delegating a completed dialog', async () => {
      // Prepare
      const skill = recordingSkill(() => speak(undefined, { directives: [{ type: 'Dialog.Delegate' }] }));
      const model = fixtureModel();
      model.dialog?.intents.find((i) => i.name === 'DeployIntent')?.slots?.forEach((slot) => (slot.elicitationRequired = false));
      const dialogIntent = model.dialog?.intents.find((i) => i.name === 'DeployIntent');
      if (dialogIntent) dialogIntent.confirmationRequired = false;
      const simulator = simulatorFor(skill.invoker, model);
      // Act
      const turn = await simulator.say('ask release captain to deploy');
      // Assess
      expect(String(turn.error)).toMatch(/kept the dialog going/);
      expect(turn.requests[turn.requests.length - 1]?.request.type).toBe('SessionEndedRequest');
    });
  });

  it('refuses a blank input', async () => {
    // Prepare
    const skill = recordingSkill(() => speak('Hi.'));
    const simulator = simulatorFor(skill.invoker);
    // Act
    const saying = simulator.say('   ');
    // Assess
    await expect(saying).rejects.toThrow(/needs at least one word/);
    expect(skill.received).toEqual([]);
  });
});
