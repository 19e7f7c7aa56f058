import { Conversation, directive } from '../support/conversation';
import { execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';
import { AwsTimeoutError, ThrottledError } from '../../lambda/src/domain/errors';

describe('pushing to production', () => {
  it('reads back what last shipped, asks, and starts the right pipeline only after a yes', async () => {
    // Prepare
    const { skill, pipelines, mutations, logs } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-last-1', 'Succeeded', 90, 'Add gift cards', 'alice')]);
    const talk = new Conversation(skill);

    // Act
    const question = await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });

    // Assess
    expect(question).toBe(
      'This starts the checkout-prod pipeline, shipping the latest checkout; the last release, Add gift cards, was started 2 hours ago by alice and succeeded. Shall I push checkout to production?');
    expect(directive(talk.last, 'Dialog.ConfirmIntent')).toBeDefined();
    expect(talk.ended).toBe(false);
    expect(mutations()).toEqual([]);

    const done = await talk.yes();
    expect(done).toMatch(/^Done: the checkout-prod pipeline has started, and checkout is on its way to production\. /);
    // A person's first release hands over to Alexa's offer of a shortcut (shortcut.test.ts): the session stays open.
    expect(talk.last?.response.directives?.map((d) => d.type)).toEqual(['Connections.StartConnection']);
    expect(talk.ended).toBe(false);
    const starts = pipelines.calls.filter((c) => c.op === 'start');
    expect(starts).toHaveLength(1);
    expect(starts[0]?.args[0]).toEqual({ name: 'checkout-prod', region: 'eu-west-1' });
    expect(starts[0]?.args[1]).toMatch(/^ptp-[0-9a-f]{48}$/);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'audit.deploy', fields: expect.objectContaining({
      outcome: 'started', userId: 'amzn1.ask.account.ALLOWED_TEAM_LEAD', pipeline: 'checkout-prod', executionId: 'exec-1-0000-aaaa-bbbb-cccc', awsRequestId: 'fake-request-1',
    }) }));
  });

  it('starts nothing when the user says no', async () => {
    const { skill, mutations } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['production', 'production'] });

    const answer = await talk.no();

    expect(answer).toBe("Okay, I won't push checkout in production. Nothing was changed.");
    expect(mutations()).toEqual([]);
    expect(talk.ended).toBe(true);
  });

  it('does not start a second release while one is running, and says what and since when', async () => {
    const { skill, pipelines, mutations } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-run-1', 'InProgress', 5, 'Refactor cart', 'bob'), execution('e-old', 'Succeeded', 600)]);
    const talk = new Conversation(skill);

    const answer = await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });

    expect(answer).toBe("A release of checkout in production is already running, shipping Refactor cart, started 5 minutes ago by bob. I won't start another one. Ask me for the status to follow it.");
    expect(directive(talk.last, 'Dialog.ConfirmIntent')).toBeUndefined();
    expect(mutations()).toEqual([]);
  });

  it('re-asks instead of starting when a release began between the question and the yes', async () => {
    const { skill, pipelines, mutations } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-1', 'Succeeded', 60)]);
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });
    pipelines.executions.set('checkout-prod', [execution('e-2', 'Succeeded', 0.2, 'Hotfix', 'carol'), execution('e-1', 'Succeeded', 60)]);

    const answer = await talk.yes();

    expect(answer).toMatch(/^This starts the checkout-prod pipeline, .*Hotfix.* That changed, so I did nothing yet: shall I push checkout to production\?$/);
    expect(mutations()).toEqual([]);
    expect(await talk.yes()).toMatch(/^Done: the checkout-prod pipeline has started/);
  });

  it('asks for the service, naming the choices, when several are configured and none was said', async () => {
    const { skill, pipelines } = testSkill();
    const talk = new Conversation(skill);

    const question = await talk.ask('DeployIntent', { environment: ['prod', 'production'] });

    expect(question).toBe('Which service should I push: checkout or billing?');
    expect(directive(talk.last, 'Dialog.ElicitSlot')?.slotToElicit).toBe('service');
    expect(pipelines.calls).toEqual([]);
    expect(await talk.fill('billing', 'billing')).toMatch(/^This starts the billing-prod pipeline/);
  });

  it('uses the configured default service when none is said', async () => {
    const { skill } = testSkill({ defaultService: 'checkout' });
    const talk = new Conversation(skill);

    expect(await talk.ask('DeployIntent', { environment: ['prod', 'production'] })).toMatch(/^This starts the checkout-prod pipeline/);
  });

  it('matches a service synonym that entity resolution did not, and re-asks for an unknown one', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    expect(await talk.ask('DeployIntent', { service: ['the shop', null], environment: ['live', null] })).toMatch(/^This starts the checkout-prod pipeline/);

    const unknown = new Conversation(skill);
    expect(await unknown.ask('DeployIntent', { service: ['basket', null], environment: ['prod', 'production'] }))
      .toBe("I don't know a service called basket. Which one: checkout or billing?");
  });

  it('asks for the environment when the service has several and none was said', async () => {
    const { skill } = testSkill();
    const talk = new Conversation(skill);

    expect(await talk.ask('DeployIntent', { service: ['checkout', 'checkout'] })).toBe('Where should I push checkout to: production or staging?');
    expect(await talk.fill('stage', 'staging')).toMatch(/^This starts the checkout-staging pipeline/);
  });

  it('says plainly that the outcome is unknown when the start call times out', async () => {
    const { skill, pipelines } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });
    pipelines.failure.start = new AwsTimeoutError('StartPipelineExecution', 'no answer', true);

    const answer = await talk.yes();

    expect(answer).toMatch(/^I asked CodePipeline to start checkout-prod, but got no answer in time, so I can't tell whether the release of checkout in production started\./);
    expect(answer).not.toMatch(/Done/);
  });

  it('explains throttling in plain words and changes nothing', async () => {
    const { skill, pipelines, mutations } = testSkill();
    pipelines.failure.recentExecutions = new ThrottledError('ListPipelineExecutions', 'Rate exceeded');
    const talk = new Conversation(skill);

    const answer = await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });

    expect(answer).toBe('AWS is throttling my requests right now. Nothing was changed. Please try again in a minute.');
    expect(mutations()).toEqual([]);
  });

  it('gives the same token when the same confirmed request is retried, so AWS starts one release', async () => {
    const { skill, pipelines } = testSkill();
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });
    await talk.yes();
    const confirmed = talk.requests[talk.requests.length - 1]!;

    await skill.invoke(confirmed);

    const tokens = pipelines.calls.filter((c) => c.op === 'start').map((c) => c.args[1]);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
  });
});
