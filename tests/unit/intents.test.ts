import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, type IntentSpec } from '../../lambda/src/intents';
import { Conversation, directive } from '../support/conversation';
import { STRANGER } from '../support/envelopes';
import { testSkill } from '../support/test-skill';
import { ssml } from '../../lambda/src/speech/ssml';

interface ModelIntent { name: string; slots?: { name: string }[] }
const model = JSON.parse(readFileSync(join(__dirname, '../../skill-package/interactionModels/custom/en-US.json'), 'utf8')) as {
  interactionModel: { languageModel: { intents: ModelIntent[] } };
};
const modelIntents = model.interactionModel.languageModel.intents;

describe('the intent table', () => {
  it('declares every intent of the interaction model, and nothing else', () => {
    expect(INTENTS.map((i) => i.name).sort()).toEqual(modelIntents.map((i) => i.name).sort());
  });

  it.each(modelIntents)('gives $name exactly the slots the model gives it', (intent) => {
    const row = INTENTS.find((i) => i.name === intent.name);
    expect([...(row?.slots ?? [])].sort()).toEqual((intent.slots ?? []).map((s) => s.name).sort());
  });

  it('guards every intent that reads or changes production', () => {
    const open = INTENTS.filter((i) => i.access === 'open').map((i) => i.name);
    expect(open.every((name) => name.startsWith('AMAZON.'))).toBe(true);
  });

  describe('a new intent', () => {
    const calls: string[] = [];
    const added: IntentSpec = {
      name: 'ExampleNewIntent',
      handle: (turn) => {
        calls.push(turn.principal.userId ?? '');
        return turn.say(ssml`Here is what would ship.`);
      },
      // No `access: 'open'`: nothing says it may answer strangers.
      access: 'guarded',
      canFulfill: false,
      slots: [],
    };
    const undeclared = { ...added, access: undefined as unknown as 'guarded' };

    beforeEach(() => { calls.length = 0; });

    it.each([['declared guarded', added], ['whose access is missing', undeclared]])('is refused for a stranger when %s', async (_, row) => {
      const { skill } = testSkill({}, { intents: [...INTENTS, row] });
      const talk = new Conversation(skill, { userId: STRANGER });

      expect(await talk.ask('ExampleNewIntent')).toMatch(/not on this skill's list/);
      expect(calls).toEqual([]);
    });

    it('answers a person on the allowlist', async () => {
      const { skill } = testSkill({}, { intents: [...INTENTS, added] });
      const talk = new Conversation(skill);

      expect(await talk.ask('ExampleNewIntent')).toBe('Here is what would ship.');
      expect(calls).toHaveLength(1);
    });

    it('that is not in the table at all is refused for a stranger too', async () => {
      const { skill } = testSkill();
      const talk = new Conversation(skill, { userId: STRANGER });

      expect(await talk.ask('SomethingNewIntent')).toMatch(/not on this skill's list/);
    });
  });

  it('sends back only the slots of the intent it asks about', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    await talk.ask('LockIntent');

    const elicit = directive(talk.last, 'Dialog.ElicitSlot');
    expect(elicit?.slotToElicit).toBe('environment');
    expect(Object.keys(elicit?.updatedIntent?.slots ?? {})).toEqual(['environment']);
  });

  it('sends back every slot of a deploy, the release code always empty', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'], pin: ['1234'] });

    const slots = directive(talk.last, 'Dialog.ConfirmIntent')?.updatedIntent?.slots ?? {};
    expect(Object.keys(slots).sort()).toEqual(['environment', 'pin', 'service']);
    expect(slots.pin).toEqual({ name: 'pin', confirmationStatus: 'NONE' });
  });
});
