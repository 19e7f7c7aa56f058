import type { Directive } from 'ask-sdk-model';
import { MemoryStateStore } from '../../lambda/src/adapters/state/memory-state-store.adapter';
import type { StoredRecord } from '../../lambda/src/ports/state-store.port';
import { Conversation, directive } from '../support/conversation';
import { SKILL_ID, STRANGER } from '../support/envelopes';
import { execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';

/**
 * The skill offers a routine, so that "Alexa, push to prod" starts its PushToProd task: when asked ("make a
 * shortcut") and once after a person's first release, through Alexa's AMAZON.OfferAutomation. The routine still
 * leads to a read-back and a yes (task-launch.test.ts).
 */
type Offer = Directive & { uri: string; onCompletion: string; token: string; input: { automation: Record<string, never>; renderingData: unknown } };
const offerIn = (talk: Conversation) => directive(talk.last, 'Connections.StartConnection') as Offer | undefined;
const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };

async function release(talk: Conversation): Promise<string> {
  await talk.ask('DeployIntent', CHECKOUT_PROD);
  return talk.yes();
}

describe('the routine shortcut', () => {
  it('is offered on "make a shortcut" as a push to prod phrase that starts the PushToProd task', async () => {
    // Prepare
    const { skill, mutations } = testSkill();
    const talk = new Conversation(skill);

    // Act
    const said = await talk.ask('ShortcutIntent');

    // Assess
    expect(said).toMatch(/Alexa, push to prod, and skip my name\. I'll still read back what it does and wait for your yes\.$/);
    const offer = offerIn(talk);
    expect(offer).toMatchObject({ uri: 'connection://AMAZON.OfferAutomation/1', onCompletion: 'RESUME_SESSION', token: 'shortcut-offer:push-to-prod' });
    expect(offer?.input.automation).toEqual({
      trigger: { type: 'Alexa.Automation.Trigger.Voice.CustomUtterance', version: '1.0', payload: { utterances: ['push to prod', 'ship to prod', 'release to prod'], locale: 'en-US' } },
      operations: { serial: [{ operation: {
        type: 'Alexa.Automation.Operation.Skill.StartConnection', version: '1.0', operationId: 'PushToProd-push-to-prod',
        payload: { connectionRequest: { uri: `connection://${SKILL_ID}.PushToProd/1?provider=${SKILL_ID}`, input: { environment: 'prod' } } },
      } }] },
    });
    expect(talk.last?.response.reprompt).toBeUndefined();
    expect(talk.last?.response.shouldEndSession).toBeUndefined();
    expect(mutations()).toEqual([]);
  });

  it('after a yes to the offer, says how the routine works and offers the roll back one', async () => {
    // Prepare
    const { skill } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('ShortcutIntent');

    // Act
    const said = await talk.answerOffer('accept');

    // Assess
    expect(said).toBe("Done. From now on, just say, Alexa, push to prod. I'll still read back what it does and wait for your yes. There's one for the way back too: Alexa, roll back prod.");
    expect(offerIn(talk)?.token).toBe('shortcut-offer:roll-back-prod');
    expect(offerIn(talk)?.input.automation).toMatchObject({ trigger: { payload: { utterances: ['roll back prod', 'roll back production', 'undo the release'] } } });
    expect(await talk.answerOffer('accept')).toBe("Done. From now on, just say, Alexa, roll back prod. I'll still read back what it does and wait for your yes.");
    expect(offerIn(talk)).toBeUndefined();
    expect(talk.ended).toBe(true);
  });

  it('is offered once after a person\'s first release, and not after the next one', async () => {
    // Prepare
    const { skill, pipelines } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-1', 'Succeeded', 60)]);

    // Act
    const first = new Conversation(skill);
    const firstDone = await release(first);
    const second = new Conversation(skill);
    pipelines.executions.set('checkout-prod', [execution('e-2', 'Succeeded', 1)]);
    const secondDone = await release(second);

    // Assess
    expect(firstDone).toMatch(/^Done: the checkout-prod pipeline has started, .* By the way: a routine can make this shorter\. Just say, Alexa, push to prod\./);
    expect(offerIn(first)?.token).toBe('shortcut-offer:push-to-prod');
    expect(secondDone).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(secondDone).not.toMatch(/routine/);
    expect(offerIn(second)).toBeUndefined();
    expect(second.ended).toBe(true);
  });

  it('is never offered again unasked to someone who declined it', async () => {
    // Prepare
    const { skill } = testSkill();
    const asked = new Conversation(skill);
    await asked.ask('ShortcutIntent');

    // Act
    const declined = await asked.answerOffer('decline');
    const later = new Conversation(skill);
    await release(later);

    // Assess
    expect(declined).toBe("Okay, no shortcut. I won't offer it again. If you change your mind, say make a shortcut.");
    expect(asked.ended).toBe(true);
    expect(offerIn(later)).toBeUndefined();
    expect(later.ended).toBe(true);
  });

  it('says so when the routine is there already, and offers the next one', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('ShortcutIntent');

    expect(await talk.answerOffer('already-enabled')).toBe("You already have a routine for push to prod. There's one for the way back too: Alexa, roll back prod.");
    expect(offerIn(talk)?.token).toBe('shortcut-offer:roll-back-prod');
  });

  it('says where to set it up by hand when the offer failed, and offers nothing more', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('ShortcutIntent');

    expect(await talk.answerOffer('fail')).toMatch(/^I couldn't set up the routine just now\. You can add one in the Alexa app/);
    expect(offerIn(talk)).toBeUndefined();
    expect(talk.ended).toBe(true);
  });

  it('says both are set once the person has them', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('ShortcutIntent');
    await talk.answerOffer('accept');
    await talk.answerOffer('already-enabled');

    const again = new Conversation(skill);
    expect(await again.ask('ShortcutIntent')).toBe('You already have both shortcuts: Alexa, push to prod, and Alexa, roll back prod.');
    expect(offerIn(again)).toBeUndefined();
  });

  it('is not offered in a language Alexa takes no routine phrases in', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill, { locale: 'ja-JP' });

    expect(await talk.ask('ShortcutIntent')).toBe("Sorry, I can't set up a spoken shortcut in this language.");
    expect(offerIn(talk)).toBeUndefined();
  });

  it('is refused to a stranger, and a stranger\'s answer to an offer is kept nowhere', async () => {
    // Prepare
    const store = new MemoryStateStore();
    const { skill } = testSkill({}, { store });
    const talk = new Conversation(skill, { userId: STRANGER });

    // Act
    const refused = await talk.ask('ShortcutIntent');
    const forged = await new Conversation(skill, { userId: STRANGER }).send({
      type: 'SessionResumedRequest',
      cause: { type: 'ConnectionCompleted', token: 'shortcut-offer:push-to-prod', status: { code: '204' }, result: { offerAutomationResponse: { reason: 'REJECTED_BY_CUSTOMER' } } },
    });

    // Assess
    expect(refused).toMatch(/^Sorry, you're not on this skill's list/);
    expect(forged).toBe('');
    expect(await store.get(`shortcut-offers#${STRANGER}`)).toBeUndefined();
  });

  it('leaves another connection\'s answer to the quiet handler', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    const said = await talk.send({ type: 'SessionResumedRequest', cause: { type: 'ConnectionCompleted', token: 'someone-else', status: { code: '200' } } });

    expect(said).toBe('');
  });

  it('never costs the release its answer when the offers cannot be read', async () => {
    // Prepare
    class BrokenOffersStore extends MemoryStateStore {
      override async get<T>(key: string): Promise<StoredRecord<T> | undefined> {
        if (key.startsWith('shortcut-offers#')) throw new Error('DynamoDB is down');
        return super.get<T>(key);
      }
    }
    const { skill, mutations, logs } = testSkill({}, { store: new BrokenOffersStore() });
    const talk = new Conversation(skill);

    // Act
    const done = await release(talk);

    // Assess
    expect(done).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(talk.ended).toBe(true);
    expect(mutations().map((m) => m.op)).toEqual(['start']);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'shortcut.unavailable' }));
  });
});
