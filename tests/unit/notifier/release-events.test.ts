import { releaseEndFrom } from '../../../lambda/src/notifier/release-events';
import { eventFixture, withDetail } from '../../support/eventbridge-fixtures';

describe('releaseEndFrom', () => {
  it('reads a succeeded pipeline execution from the user guide example', () => {
    // Act
    const end = releaseEndFrom(eventFixture('codepipeline-execution-succeeded'));

    // Assess
    expect(end).toEqual({
      source: 'pipeline', pipeline: 'myPipeline', ref: { executionId: '12345678-1234-5678-abcd-12345678abcd' },
      outcome: 'succeeded', at: new Date('2020-01-24T22:03:44Z'), eventId: '01234567-EXAMPLE',
    });
  });

  it.each([
    ['FAILED', 'failed'], ['STOPPED', 'stopped'], ['SUPERSEDED', 'superseded'], ['CANCELED', 'stopped'],
  ])('reads the pipeline end state %s as %s', (state, outcome) => {
    // Act / Assess
    expect(releaseEndFrom(withDetail(eventFixture('codepipeline-execution-failed'), { state }))?.outcome).toBe(outcome);
  });

  it('reads a CodeDeploy deployment that succeeded or was stopped', () => {
    // Act
    const success = releaseEndFrom(eventFixture('codedeploy-deployment-success'));
    const stop = releaseEndFrom(eventFixture('codedeploy-deployment-stop'));

    // Assess
    expect(success).toEqual({
      source: 'deployment', application: 'myApplication', deploymentGroup: 'myDeploymentGroup', ref: { deploymentId: 'd-123456789' },
      outcome: 'succeeded', at: new Date('2016-06-30T22:06:31Z'), eventId: 'c071bfbf-83c4-49ca-a6ff-3df053957145',
    });
    expect(stop?.outcome).toBe('stopped');
    expect(releaseEndFrom(withDetail(eventFixture('codedeploy-deployment-success'), { state: 'FAILURE' }))?.outcome).toBe('failed');
  });

  it.each([
    ['a pipeline that has only started', eventFixture('codepipeline-execution-started')],
    ['a stage that succeeded', eventFixture('codepipeline-stage-succeeded')],
    ['an instance of a deployment', eventFixture('codedeploy-instance-success')],
    ['a deployment waiting for traffic (READY)', withDetail(eventFixture('codedeploy-deployment-success'), { state: 'READY' })],
    ['a state named like an Object member', withDetail(eventFixture('codepipeline-execution-failed'), { state: 'constructor' })],
    ['an event without an execution id', withDetail(eventFixture('codepipeline-execution-failed'), { 'execution-id': undefined })],
    ['an event without a time', { ...eventFixture('codepipeline-execution-failed'), time: 'yesterday' }],
    ['something that is not an event', 'SUCCEEDED'],
  ])('finds no release end in %s', (_what, event) => {
    // Act / Assess
    expect(releaseEndFrom(event)).toBeUndefined();
  });
});
