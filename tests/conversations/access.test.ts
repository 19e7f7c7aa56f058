import { Conversation, spoken } from '../support/conversation';
import { intent, intentRequest, slot, STRANGER } from '../support/envelopes';
import { testSkill } from '../support/test-skill';

describe('who may act', () => {
  it('refuses a stranger before any AWS call and logs their id for the admin', async () => {
    const { skill, pipelines, deployments, logs } = testSkill();
    const talk = new Conversation(skill, { userId: STRANGER });

    const answer = await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });

    expect(answer).toMatch(/^Sorry, you're not on this skill's list of people allowed to release\. Nothing was changed\./);
    expect(pipelines.calls).toEqual([]);
    expect(deployments.calls).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.access', fields: expect.objectContaining({ userId: STRANGER, outcome: 'refused-not-allowed' }) }));
  });

  it('refuses a stranger even with a request that claims to be confirmed', async () => {
    const { skill, mutations } = testSkill();
    const forged = intentRequest(intent('RollbackIntent', { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') }, 'CONFIRMED'), { userId: STRANGER });

    const response = await skill.invoke(forged);

    expect(spoken(response)).toMatch(/not on this skill's list/);
    expect(mutations()).toEqual([]);
  });

  it('lets a recognised voice act on a shared account that is not on the list', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill, { userId: STRANGER, personId: 'amzn1.ask.person.ALLOWED_VOICE' });

    expect(await talk.ask('StatusIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] })).toMatch(/^The latest release|has no releases yet/);
  });

  it('lets nobody act when the allowlist is empty', async () => {
    const { skill, pipelines } = testSkill({ allowedUsers: [] });
    const talk = new Conversation(skill);

    expect(await talk.ask('StatusIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] })).toMatch(/not on this skill's list/);
    expect(pipelines.calls).toEqual([]);
  });

  it('rejects a request meant for another skill before any handler runs', async () => {
    const { skill, mutations } = testSkill();
    const foreign = intentRequest(intent('DeployIntent', {}, 'CONFIRMED'), { skillId: 'amzn1.ask.skill.99999999-9999-9999-9999-999999999999' });

    await expect(skill.invoke(foreign)).rejects.toThrow(/skill id/i);
    expect(mutations()).toEqual([]);
  });
});

describe('who am I', () => {
  it('gives a stranger a card with their ids and the exact config line that lets them in', async () => {
    const { skill, logs } = testSkill();
    const talk = new Conversation(skill, { userId: STRANGER, personId: 'amzn1.ask.person.STRANGE_VOICE' });

    expect(await talk.ask('StatusIntent')).toMatch(/I've put your user id in the Alexa app/);

    const card = talk.last?.response.card as { type: string; title: string; content: string };
    expect(card.type).toBe('Simple');
    expect(card.content).toContain(`Your user id: ${STRANGER}`);
    expect(card.content).toContain('Your voice (person) id: amzn1.ask.person.STRANGE_VOICE');
    expect(card.content).toContain(`  "${STRANGER}",`);
    expect(card.content).toContain('"allowedUsers"');
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.access', fields: expect.objectContaining({ userId: STRANGER, outcome: 'refused-not-allowed' }) }));
  });

  it('shows a stranger their card when they open the skill', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill, { userId: STRANGER });

    expect(await talk.launch()).toMatch(/^Sorry, you're not on this skill's list/);
    expect((talk.last?.response.card as { content: string }).content).toContain(STRANGER);
    expect((talk.last?.response.card as { content: string }).content).not.toContain('person');
    expect(talk.ended).toBe(true);
  });

  it('changes nothing for a person on the list', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    expect(await talk.launch()).toMatch(/^Release captain here/);
    expect(talk.last?.response.card).toBeUndefined();
  });
});
