import { StopDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { releaseEndFrom } from '../../../../lambda/src/notifier/release-events';
import { ManualClock, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { eventFixture } from '../../../support/eventbridge-fixtures';
import { clientsFor, testConfig } from './clients';

const STAGE_MS = 1000;

describe('local-aws state-change events', () => {
  let clock: ManualClock;
  let aws: LocalAws;
  let clients: ReturnType<typeof clientsFor>;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2026, 10, 26, 14, 0, 0));
    aws = await startLocalAws({ config: testConfig(), clock, stageDurationMs: STAGE_MS });
    clients = clientsFor(aws.url);
  });

  afterEach(async () => {
    clients.destroy();
    await aws.close();
  });

  it('makes no event for the seeded history, nor for a release still running', async () => {
    // Prepare
    await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    clock.advance(2 * STAGE_MS + 100);

    // Act / Assess: the execution, and the deployment its deploy stage has begun
    expect(aws.events.take()).toEqual([]);
    expect(aws.events.running()).toBe(2);
  });

  it('sends a succeeded pipeline execution, and its deploy stage\'s deployment, once each, shaped like AWS\'s own', async () => {
    // Prepare
    const { pipelineExecutionId } = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    clock.advance(3 * STAGE_MS);

    // Act
    const events = aws.events.take();
    const again = aws.events.take();

    // Assess
    expect(events.map((e) => e['detail-type'])).toEqual(['CodeDeploy Deployment State-change Notification', 'CodePipeline Pipeline Execution State Change']);
    const pipeline = events[1];
    expect(Object.keys(pipeline ?? {}).sort()).toEqual(Object.keys(eventFixture('codepipeline-execution-succeeded')).sort());
    expect(pipeline).toMatchObject({
      source: 'aws.codepipeline', account: '123456789012', region: 'us-east-1', time: '2026-11-26T14:00:03Z',
      detail: { pipeline: 'checkout-prod', 'execution-id': pipelineExecutionId, state: 'SUCCEEDED', version: 1 },
    });
    expect(Object.keys(events[0]?.detail ?? {}).sort()).toEqual(Object.keys(eventFixture('codedeploy-deployment-success').detail).sort());
    expect(events.map((e) => releaseEndFrom(e)?.outcome)).toEqual(['succeeded', 'succeeded']);
    expect(again).toEqual([]);
    expect(aws.events.running()).toBe(0);
  });

  it('reports a deployment stopped for a rollback as STOP, and the deployment that puts the old version back as it ends', async () => {
    // Prepare
    await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    clock.advance(2 * STAGE_MS + 100);
    aws.events.take();
    const running = aws.store.activeDeployment(aws.store.deploymentGroup('checkout', 'checkout-prod'));

    // Act
    await clients.deploy.send(new StopDeploymentCommand({ deploymentId: running?.id, autoRollbackEnabled: true }));
    clock.advance(2 * STAGE_MS);
    const events = aws.events.take();

    // Assess
    expect(events.map((e) => [e.source, e.detail['state']])).toEqual([
      ['aws.codedeploy', 'STOP'], ['aws.codepipeline', 'FAILED'], ['aws.codedeploy', 'SUCCESS'],
    ]);
    expect(events[0]?.detail['deploymentId']).toBe(running?.id);
  });

  it('reports an execution a newer one overtook as SUPERSEDED', async () => {
    // Prepare
    const first = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-staging' }));
    clock.advance(STAGE_MS + 100);
    await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-staging' }));
    clock.advance(10 * STAGE_MS);

    // Act
    const states = aws.events.take().filter((e) => e.source === 'aws.codepipeline').map((e) => [e.detail['execution-id'], e.detail['state']]);

    // Assess
    expect(states).toContainEqual([first.pipelineExecutionId, 'SUPERSEDED']);
  });
});
