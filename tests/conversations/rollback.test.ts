import { Conversation, directive } from '../support/conversation';
import { deployment, execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';

const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };

describe('rolling back', () => {
  it('stops the deployment in progress with CodeDeploy rollback, after a yes', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-RUNNING1', 'InProgress', 3, 'bad0000c0ffee'), deployment('d-GOOD0001', 'Succeeded', 300, 'good000c0ffee')]);
    const talk = new Conversation(skill);

    const question = await talk.ask('RollbackIntent', CHECKOUT_PROD);
    expect(question).toBe('A deployment of checkout in production is in progress, started 3 minutes ago. Shall I stop it and let CodeDeploy put the previous version back?');
    expect(mutations()).toEqual([]);

    const done = await talk.yes();

    expect(done).toBe('CodeDeploy is stopping the deployment of checkout in production that started 3 minutes ago, and will put the previous version back. Ask me for the status in a minute.');
    expect(mutations()).toEqual([{ op: 'stopDeployment', args: ['d-RUNNING1', 'eu-west-1', true] }]);
  });

  it('redeploys the last revision that succeeded before the current one, skipping failed ones and repeats', async () => {
    // Prepare: newest first is the current one; a failed deploy and a redeploy of the same revision lie between.
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [
      deployment('d-OLDEST01', 'Succeeded', 5000, 'v1v1v1v1'),
      deployment('d-CURRENT1', 'Succeeded', 60, 'v3v3v3v3'),
      deployment('d-FAILED01', 'Failed', 100, 'v9v9v9v9'),
      deployment('d-SAMEREV1', 'Succeeded', 200, 'v3v3v3v3'),
      deployment('d-STOPPED1', 'Stopped', 250, 'v8v8v8v8'),
      deployment('d-TARGET01', 'Succeeded', 3000, 'v2v2v2v2'),
    ]);
    const talk = new Conversation(skill);

    const question = await talk.ask('RollbackIntent', CHECKOUT_PROD);
    // The target is 50 hours old by the real clock: on the hour it is said without minutes ("at 10 AM").
    expect(question).toMatch(/^checkout in production runs the version deployed an hour ago; rolling back puts back the last good one, deployed on \w+ \d+ at \d\d?(:\d\d)? [AP]M\. Shall I roll back checkout in production\?$/);

    await talk.yes();

    expect(mutations()).toHaveLength(1);
    expect(mutations()[0]?.op).toBe('redeploy');
    expect(mutations()[0]?.args[1]).toEqual({ kind: 'commit', id: 'v2v2v2v', location: { revisionType: 'GitHub', gitHubLocation: { repository: 'acme/checkout', commitId: 'v2v2v2v2' } } });
    expect(talk.ended).toBe(true);
    expect(talk.last?.response.outputSpeech).toBeDefined();
  });

  it('rolls back nothing when the user says no', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);
    const talk = new Conversation(skill);
    await talk.ask('RollbackIntent', CHECKOUT_PROD);

    expect(await talk.no()).toBe("Okay, I won't roll back checkout in production. Nothing was changed.");
    expect(mutations()).toEqual([]);
  });

  it('says there is nothing to roll back to when only one version ever succeeded', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Failed', 30, 'bbbb')]);
    const talk = new Conversation(skill);

    const answer = await talk.ask('RollbackIntent', CHECKOUT_PROD);

    expect(answer).toBe('checkout in production has only ever run one version successfully, so there is nothing earlier to roll back to. Nothing was changed.');
    expect(directive(talk.last, 'Dialog.ConfirmIntent')).toBeUndefined();
    expect(mutations()).toEqual([]);
  });

  it('warns when the current version is itself a rollback', async () => {
    const { skill, deployments } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-RB', 'Succeeded', 10, 'v1v1v1v1', true), deployment('d-BAD', 'Succeeded', 20, 'v2v2v2v2'), deployment('d-V1', 'Succeeded', 90, 'v1v1v1v1')]);
    const talk = new Conversation(skill);

    expect(await talk.ask('RollbackIntent', CHECKOUT_PROD)).toContain('runs the version deployed 10 minutes ago, itself a rollback; rolling back puts back');
  });

  it('does not roll back to another revision than the one read back', async () => {
    const { skill, deployments, mutations } = testSkill();
    deployments.deployments.set('checkout-prod', [deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);
    const talk = new Conversation(skill);
    await talk.ask('RollbackIntent', CHECKOUT_PROD);
    deployments.deployments.set('checkout-prod', [deployment('d-C', 'Succeeded', 1, 'cccc'), deployment('d-A', 'Succeeded', 60, 'aaaa'), deployment('d-B', 'Succeeded', 600, 'bbbb')]);

    const answer = await talk.yes();

    expect(answer).toMatch(/^checkout in production runs the version deployed .* That changed, so I did nothing yet: shall I roll back/);
    expect(mutations()).toEqual([]);
  });

  it('rolls a V2 pipeline stage back with RollbackStage when the config names a stage', async () => {
    const services = [{ name: 'checkout', environments: { production: { pipeline: 'checkout-prod', rollbackStage: 'Deploy' } } }];
    const { skill, pipelines, mutations } = testSkill({ services });
    pipelines.executions.set('checkout-prod', [execution('e-now', 'Succeeded', 30, 'New'), execution('e-failed', 'Failed', 50), execution('e-prev', 'Succeeded', 300, 'Old')]);
    const talk = new Conversation(skill);

    expect(await talk.ask('RollbackIntent', { environment: ['prod', 'production'] })).toMatch(/rolling back returns it to Old, from 5 hours ago\. /);
    await talk.yes();

    expect(mutations()).toEqual([{ op: 'rollbackStage', args: [{ name: 'checkout-prod', region: 'eu-west-1' }, 'Deploy', 'e-prev'] }]);
  });
});
