import type { Deployment, PipelineExecution } from '../../lambda/src/domain/release';
import { Conversation, directive } from '../support/conversation';
import { STRANGER } from '../support/envelopes';
import { testSkill } from '../support/test-skill';

// Thursday 2026-11-26, 14:00 UTC. The test config speaks UTC unless a test says otherwise.
const NOW = new Date('2026-11-26T14:00:00Z');
const MINUTE = 60_000;

function ran(status: string, startIso: string, minutes: number, isRollback = false): PipelineExecution {
  const startedAt = new Date(startIso);
  return { id: `e-${startIso}`, status, startedAt, updatedAt: new Date(startedAt.getTime() + minutes * MINUTE), revisions: [], isRollback };
}

function rollbackDeployment(createdIso: string, minutes: number): Deployment {
  const createdAt = new Date(createdIso);
  return { id: `d-${createdIso}`, status: 'Succeeded', createdAt, completedAt: new Date(createdAt.getTime() + minutes * MINUTE), isRollback: true, creator: 'user' };
}

/** This week: checkout production fails once and recovers, staging never fails, billing is rolled back once. */
function aWeekOfReleases(overrides: Record<string, unknown> = {}) {
  const skill = testSkill(overrides, { now: () => NOW });
  skill.pipelines.executions.set('checkout-prod', [
    ran('Succeeded', '2026-11-23T09:00:00Z', 12),
    ran('Failed', '2026-11-23T15:00:00Z', 5),
    ran('Succeeded', '2026-11-23T15:40:00Z', 10),
    ran('Succeeded', '2026-11-24T10:00:00Z', 14),
    ran('Succeeded', '2026-11-25T10:00:00Z', 11),
    ran('InProgress', '2026-11-26T13:55:00Z', 3),
  ]);
  skill.pipelines.executions.set('checkout-staging', ['23', '24', '25', '26'].map((day, i) => ran('Succeeded', `2026-11-${day}T08:00:00Z`, [10, 9, 13, 12][i] ?? 0)));
  skill.pipelines.executions.set('billing-prod', [ran('Succeeded', '2026-11-24T11:00:00Z', 20), ran('Succeeded', '2026-11-24T16:00:00Z', 20)]);
  skill.deployments.deployments.set('billing-prod', [rollbackDeployment('2026-11-24T16:30:00Z', 10)]);
  return skill;
}

describe('how are we doing', () => {
  it('sums up every service this week in three sentences and puts every row on the card', async () => {
    const { skill, mutations } = aWeekOfReleases();
    const talk = new Conversation(skill);

    const answer = await talk.ask('ReportIntent', { period: ['this week', 'this_week'] });

    expect(answer).toBe('This week, you shipped ten times, about three times a day, and about one in six releases failed. '
      + 'The worst was billing in production: one in two releases failed, restored in twenty minutes. '
      + 'Pipelines took a median of twelve minutes per run; the full table is in the Alexa app.');
    expect(talk.ended).toBe(true);
    const card = talk.last?.response.card as { type: string; title: string; content: string };
    expect(card.type).toBe('Simple');
    expect(card.title).toBe('Delivery report: this week');
    expect(card.content).toContain('Mon, Nov 23, 00:00 to Thu, Nov 26, 14:00 (UTC)');
    expect(card.content).toContain([
      'checkout in production',
      '  Shipped: 4 (1.1 a day)',
      '  Change failure rate: 20% (1 of 5 releases: 1 failed, 0 rolled back)',
      '  Time to restore: median 45 min (1 restored)',
      '  Pipeline run: median 12 min (4 runs)',
      '  Running now: 1 (not counted)',
    ].join('\n'));
    expect(card.content).toContain('billing in production\n  Shipped: 2 (0.6 a day)\n  Change failure rate: 50% (1 of 2 releases: 0 failed, 1 rolled back)');
    expect(card.content).toContain('checkout in staging\n  Shipped: 4 (1.1 a day)\n  Change failure rate: 0% (0 of 4 releases: 0 failed, 0 rolled back)');
    expect(mutations()).toEqual([]);
  });

  it('reports on the last seven days when no period is said', async () => {
    const { skill, pipelines } = aWeekOfReleases();
    const talk = new Conversation(skill);

    expect(await talk.ask('ReportIntent')).toMatch(/^In the last seven days, you shipped ten times/);
    const since = pipelines.calls.find((c) => c.op === 'executionsSince')?.args[1];
    expect(since).toEqual(new Date('2026-11-19T14:00:00Z'));
  });

  it('reads "the last fourteen days" from the duration Alexa sends as P14D', async () => {
    const { skill, pipelines } = aWeekOfReleases();
    const talk = new Conversation(skill);

    expect(await talk.ask('ReportIntent', { duration: ['P14D'] })).toMatch(/^In the last fourteen days, you shipped ten times, about once a day, /);
    expect(pipelines.calls.find((c) => c.op === 'executionsSince')?.args[1]).toEqual(new Date('2026-11-12T14:00:00Z'));
  });

  it('reports one service in one environment, and how it recovered', async () => {
    const { skill, pipelines, deployments } = aWeekOfReleases();
    const talk = new Conversation(skill);

    const answer = await talk.ask('ReportIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'], period: ['this week', 'this_week'] });

    expect(answer).toBe('This week, checkout in production shipped four times, about once a day, and one in five releases failed. '
      + 'It was restored in forty-five minutes. The pipeline took a median of twelve minutes per run.');
    expect(pipelines.calls.map((c) => (c.args[0] as { name: string }).name)).toEqual(['checkout-prod']);
    expect(deployments.calls.map((c) => (c.args[0] as { deploymentGroup: string }).deploymentGroup)).toEqual(['checkout-prod']);
  });

  it('reports every environment of a named service', async () => {
    const { skill, pipelines } = aWeekOfReleases();
    const talk = new Conversation(skill);

    const answer = await talk.ask('ReportIntent', { service: ['checkout', 'checkout'], period: ['this week', 'this_week'] });

    expect(answer).toBe('This week, checkout shipped eight times, about twice a day, and one in nine releases failed. '
      + 'The failure was in checkout in production, restored in forty-five minutes. '
      + 'Pipelines took a median of twelve minutes per run; the full table is in the Alexa app.');
    expect(pipelines.calls.map((c) => (c.args[0] as { name: string }).name).sort()).toEqual(['checkout-prod', 'checkout-staging']);
  });

  it('reads "how did prod do" as every service in production', async () => {
    const { skill, pipelines } = aWeekOfReleases();
    const talk = new Conversation(skill);

    await talk.ask('ReportIntent', { service: ['prod', null] });

    expect(pipelines.calls.map((c) => (c.args[0] as { name: string }).name).sort()).toEqual(['billing-prod', 'checkout-prod']);
  });

  it('says when a past period ended with a failure not yet put right, and that nothing shipped', async () => {
    const { skill, pipelines } = aWeekOfReleases();
    pipelines.executions.set('checkout-prod', [ran('Failed', '2026-10-05T10:00:00Z', 6), ran('Failed', '2026-10-30T10:00:00Z', 7), ran('Succeeded', '2026-11-02T10:00:00Z', 9)]);
    const talk = new Conversation(skill);

    const answer = await talk.ask('ReportIntent', { service: ['checkout', 'checkout'], environment: ['production', 'production'], period: ['last month', 'last_month'] });

    expect(answer).toBe('Last month, checkout in production shipped nothing: both releases failed. It had not recovered from the latest failure by the end of last month.');
  });

  it('says plainly when nothing was released', async () => {
    const { skill } = testSkill({}, { now: () => NOW });
    const talk = new Conversation(skill);

    expect(await talk.ask('ReportIntent', { period: ['today', 'today'] })).toBe('Today, nothing was released.');
    expect(talk.last?.response.card).toMatchObject({ title: 'Delivery report: today' });
  });

  it('counts "this week" from Monday midnight in the team\'s time zone', async () => {
    // Sunday 23:30 UTC is Monday 00:30 in Berlin: a release at 22:45 UTC on Sunday belongs to last week there.
    const { skill, pipelines } = testSkill({ timeZone: 'Europe/Berlin' }, { now: () => new Date('2026-11-29T23:30:00Z') });
    pipelines.executions.set('checkout-prod', [ran('Succeeded', '2026-11-29T22:45:00Z', 10)]);
    const talk = new Conversation(skill);

    expect(await talk.ask('ReportIntent', { period: ['this week', 'this_week'] })).toBe('This week, nothing was released.');
    expect(await new Conversation(skill).ask('ReportIntent', { period: ['last week', 'last_week'] })).toMatch(/^Last week, you shipped once, and nothing failed\./);
  });

  it('refuses a period longer than ninety days, reading nothing', async () => {
    const { skill, pipelines, deployments } = aWeekOfReleases();
    const talk = new Conversation(skill);

    const answer = await talk.ask('ReportIntent', { duration: ['P6M'] });

    expect(answer).toBe('I can report on at most the last ninety days, and that asks for about 184. Ask for a shorter period, such as the last thirty days.');
    expect([...pipelines.calls, ...deployments.calls]).toEqual([]);
  });

  it('asks again for a period it does not know, and answers once it hears one', async () => {
    const { skill } = aWeekOfReleases();
    const talk = new Conversation(skill);

    const question = await talk.ask('ReportIntent', { service: ['billing', 'billing'], period: ['the good old days', null] });

    expect(question).toBe("I can't report on the good old days. I can report on today, yesterday, this week, last week, this month, last month, or the last so many days. Which would you like?");
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('period');
    expect(await talk.fill('this week', 'this_week')).toMatch(/^This week, billing in production shipped twice/);
  });

  it('asks for the period again when Alexa could not make out the duration', async () => {
    const talk = new Conversation(aWeekOfReleases().skill);

    expect(await talk.ask('ReportIntent', { duration: ['?'] })).toMatch(/^I didn't catch the period\./);
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.updatedIntent?.slots?.duration).toEqual({ name: 'duration', confirmationStatus: 'NONE' });
  });

  it('asks which service when it does not know the one named', async () => {
    const talk = new Conversation(aWeekOfReleases().skill);

    expect(await talk.ask('ReportIntent', { service: ['basket', null] })).toBe("I don't know a service called basket. Which one: checkout or billing?");
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('service');
  });

  it('is refused to someone not on the allowlist, reading nothing', async () => {
    const { skill, pipelines } = aWeekOfReleases();
    const talk = new Conversation(skill, { userId: STRANGER });

    expect(await talk.ask('ReportIntent')).toMatch(/not on this skill's list/);
    expect(pipelines.calls).toEqual([]);
  });

  it('names a service it could not read and reports the rest', async () => {
    const { skill, deployments } = aWeekOfReleases();
    const { ThrottledError } = await import('../../lambda/src/domain/errors');
    const read = deployments.deploymentsCreated.bind(deployments);
    deployments.deploymentsCreated = async (group, ...rest) => {
      if (group.application === 'billing') throw new ThrottledError('ListDeployments', 'Rate exceeded');
      return read(group, ...rest);
    };
    const talk = new Conversation(skill);

    const answer = await talk.ask('ReportIntent', { period: ['this week', 'this_week'] });

    expect(answer).toMatch(/^This week, you shipped eight times, .* I couldn't read billing in production\.$/);
    expect((talk.last?.response.card as { content: string }).content).toContain('Left out: billing in production (AWS refused or failed)');
  });
});
