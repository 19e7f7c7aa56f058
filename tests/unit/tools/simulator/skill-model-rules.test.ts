import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { SkillResponseRejectedError } from '../../../../tools/simulator/errors';
import { loadInteractionModel } from '../../../../tools/simulator/model';
import { PROBLEM_CAPTION } from '../../../../tools/simulator/simulator';
import { recordingSkill, simulatorFor, speak } from './fake-skill';

/** The skill's own interaction model: LockIntent has the slot environment and no other. */
const MODEL_PATH = join(__dirname, '../../../../skill-package/interactionModels/custom/en-US.json');
const ASK_ENVIRONMENT = 'Which environment should I lock: production or staging?';

/** What the skill answered to "lock" before the fix: withSlot copied service and environment into every intent. */
function preFixAnswer(): ResponseEnvelope {
  const slots = { service: { name: 'service', confirmationStatus: 'NONE' as const }, environment: { name: 'environment', confirmationStatus: 'NONE' as const } };
  return speak(ASK_ENVIRONMENT, { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment', updatedIntent: { name: 'LockIntent', confirmationStatus: 'NONE', slots } }] });
}

/** The same answer with only the slots the model gives LockIntent. */
function fixedAnswer(): ResponseEnvelope {
  const slots = { environment: { name: 'environment', confirmationStatus: 'NONE' as const } };
  return speak(ASK_ENVIRONMENT, { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'environment', updatedIntent: { name: 'LockIntent', confirmationStatus: 'NONE', slots } }] });
}

describe('Simulator on the skill\'s interaction model', () => {
  it('refuses the Dialog.ElicitSlot the skill sent for "lock" before the fix, naming the rule', async () => {
    // Prepare
    const skill = recordingSkill((e) => (e.request.type === 'SessionEndedRequest' ? speak(undefined) : preFixAnswer()));
    const simulator = simulatorFor(skill.invoker, await loadInteractionModel(MODEL_PATH));
    // Act
    const turn = await simulator.say('ask release captain to lock');
    // Assess
    expect(turn.resolved?.intent).toBe('LockIntent');
    expect(turn.alexa).toEqual([PROBLEM_CAPTION]);
    expect((turn.error as SkillResponseRejectedError).rules).toEqual(['dialog-slots-match-model']);
    expect(String(turn.error)).toMatch(/LockIntent carries "service", which LockIntent does not have/);
  });

  it('asks for the environment when LockIntent carries only its own slot', async () => {
    // Prepare
    const skill = recordingSkill(() => fixedAnswer());
    const simulator = simulatorFor(skill.invoker, await loadInteractionModel(MODEL_PATH));
    // Act
    const turn = await simulator.say('ask release captain to lock');
    // Assess
    expect(turn.error).toBeUndefined();
    expect(turn.alexa).toEqual([ASK_ENVIRONMENT]);
    expect(simulator.inSession).toBe(true);
  });
});
