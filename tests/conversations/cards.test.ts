import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { ThrottledError } from '../../lambda/src/domain/errors';
import { ALLOWED_USER } from '../support/envelopes';
import { Conversation } from '../support/conversation';
import { deployment, execution } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

/** What the Alexa app shows: the card's title and text; undefined without a card. */
function cardOf(response: ResponseEnvelope | undefined): { title: string; text: string } | undefined {
  const card = response?.response.card as ui.SimpleCard | undefined;
  return card && { title: card.title ?? '', text: card.content ?? '' };
}

const CHECKOUT_PROD = { service: ['checkout', 'checkout'], environment: ['prod', 'production'] } as Record<string, [string, string]>;
const NOW = new Date('2026-12-01T14:00:00Z');

describe('cards in the Alexa app', () => {
  it('reads back without an id and leaves the full ids, who and when, and the console link of the last release on a card', async () => {
    // Prepare
    const { skill, pipelines } = testSkill({ people: { [ALLOWED_USER]: 'Dana' }, timeZone: 'Europe/Berlin' }, { now: () => NOW });
    pipelines.executions.set('checkout-prod', [{ ...execution('e-last-1', 'Succeeded', 90, 'Add gift cards\n\nLong body of the commit', 'alice'), startedAt: new Date('2026-12-01T12:30:00Z') }]);
    const talk = new Conversation(skill);

    // Act
    const said = await talk.ask('DeployIntent', CHECKOUT_PROD);
    const card = cardOf(talk.last);

    // Assess
    expect(said).not.toMatch(/e-last-1|abcdef/);
    expect(card?.title).toBe('Release captain: checkout in production');
    expect(card?.text.split('\n')).toEqual([
      said,
      '',
      'Service: checkout',
      'Environment: production',
      'Pipeline: checkout-prod (eu-west-1)',
      'CodeDeploy group: checkout/checkout-prod (eu-west-1)',
      'Asked by: Dana, 2026-12-01 14:00 UTC',
      '',
      'Last release',
      'Execution: e-last-1 (Succeeded)',
      // The whole commit message: the card is read, not heard.
      'Commit: Source: e-last-1abcdef0123456789 Add gift cards',
      '',
      'Long body of the commit',
      'Started by: alice',
      'Started: December 1, 2026 at 1:30 PM (Europe/Berlin)',
      'AWS console: https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/checkout-prod/executions/e-last-1/timeline?region=eu-west-1',
    ]);
  });

  it('links the execution it started, in the region and pipeline of the target, and says no id', async () => {
    // Prepare: billing's production lives in another region than the config's default.
    const services = [TEST_CONFIG.services[0], { name: 'billing', environments: { production: { pipeline: 'billing-prod', region: 'us-west-2' } } }];
    const { skill } = testSkill({ services }, { now: () => NOW });
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', { service: ['billing', 'billing'], environment: ['prod', 'production'] });

    // Act
    const done = await talk.yes();
    const card = cardOf(talk.last);

    // Assess
    expect(done).toMatch(/^Done: the billing-prod pipeline has started, and billing is on its way to production\./);
    expect(done).not.toContain('exec-');
    expect(card?.text).toContain('\n\nStarted now\nExecution: exec-1-0000-aaaa-bbbb-cccc\n');
    expect(card?.text).toContain('AWS console: https://us-west-2.console.aws.amazon.com/codesuite/codepipeline/pipelines/billing-prod/executions/exec-1-0000-aaaa-bbbb-cccc/timeline?region=us-west-2');
    expect(card?.text).not.toContain('eu-west-1');
  });

  it('leaves the deployment ids, the full commit and the CodeDeploy links of a rollback on its card', async () => {
    // Prepare
    const { skill, deployments } = testSkill({}, { now: () => NOW });
    deployments.deployments.set('checkout-prod', [
      deployment('d-CURRENT1', 'Succeeded', 60, 'v3v3v3v3c0ffee'),
      deployment('d-GOOD0001', 'Succeeded', 300, 'v2v2v2v2c0ffee'),
    ]);
    const talk = new Conversation(skill);

    // Act
    const question = await talk.ask('RollbackIntent', CHECKOUT_PROD);
    const readBackCard = cardOf(talk.last);
    const done = await talk.yes();
    const doneCard = cardOf(talk.last);

    // Assess
    expect(question).not.toMatch(/d-|v3v3|v2v2/);
    expect(readBackCard?.text).toContain('\n\nRuns now\nDeployment: d-CURRENT1 (Succeeded)\nRevision: commit acme/checkout v3v3v3v3c0ffee\n');
    expect(readBackCard?.text).toContain('\n\nRolls back to\nDeployment: d-GOOD0001 (Succeeded)\nRevision: commit acme/checkout v2v2v2v2c0ffee\n');
    expect(readBackCard?.text).toContain('AWS console: https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-GOOD0001?region=eu-west-1');
    expect(done).not.toMatch(/d-ROLLBACK/);
    expect(doneCard?.text).toContain('\n\nStarted now\nDeployment: d-ROLLBACK01\nAWS console: https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-ROLLBACK01?region=eu-west-1');
  });

  it('leaves a card when it refuses, with what stands in the way', async () => {
    // Prepare
    const { skill, pipelines } = testSkill({}, { now: () => NOW });
    pipelines.executions.set('checkout-prod', [execution('e-run-1', 'InProgress', 5, 'Refactor cart', 'bob')]);

    // Act
    const said = await new Conversation(skill).ask('DeployIntent', CHECKOUT_PROD);
    const talk = new Conversation(skill);
    await talk.ask('DeployIntent', CHECKOUT_PROD);

    // Assess
    expect(said).toMatch(/^A release of checkout in production is already running/);
    const card = cardOf(talk.last);
    expect(card?.text.startsWith(said)).toBe(true);
    expect(card?.text).toContain('\n\nRunning\nExecution: e-run-1 (InProgress)\nCommit: Source: e-run-1abcdef0123456789 Refactor cart\nStarted by: bob\n');
  });

  it('leaves a card naming the AWS error when AWS refuses', async () => {
    // Prepare
    const { skill, pipelines } = testSkill({}, { now: () => NOW });
    pipelines.failure.recentExecutions = new ThrottledError('ListPipelineExecutions', 'Rate exceeded', { requestId: 'req-123' });
    const talk = new Conversation(skill);

    // Act
    const said = await talk.ask('StatusIntent', CHECKOUT_PROD);
    const card = cardOf(talk.last);

    // Assess
    expect(said).toBe('AWS is throttling my requests right now. Nothing was changed. Please try again in a minute.');
    expect(card?.text).toContain('\n\nAWS error: AWS_THROTTLED\nOperation: ListPipelineExecutions\nAWS request id: req-123');
    expect(card?.text).toContain('AWS console: https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/checkout-prod/view?region=eu-west-1');
  });

  it('leaves a card for a lock, naming the environment, who holds it and since when', async () => {
    const { skill } = testSkill({ people: { [ALLOWED_USER]: 'Dana' } }, { now: () => NOW });
    const talk = new Conversation(skill);

    await talk.ask('LockIntent', { environment: ['prod', 'production'] });

    expect(cardOf(talk.last)).toEqual({
      title: 'Release captain: production',
      text: expect.stringContaining('\n\nLock: production\nHeld by: Dana\nSince: December 1, 2026 at 2:00 PM (UTC)'),
    });
  });

  it('asks which service without a card, and answers a status with one', async () => {
    const { skill, pipelines } = testSkill({}, { now: () => NOW });
    pipelines.executions.set('checkout-prod', [execution('e-last-1', 'Succeeded', 90)]);
    const talk = new Conversation(skill);

    await talk.ask('StatusIntent', {});
    const asked = cardOf(talk.last);
    await talk.fill('checkout', 'checkout');
    if (!talk.ended) await talk.fill('production', 'production');

    expect(asked).toBeUndefined();
    expect(cardOf(talk.last)?.text).toContain('\n\nLatest\nExecution: e-last-1 (Succeeded)\n');
  });
});
