import {
  GetPipelineCommand, GetPipelineExecutionCommand, GetPipelineStateCommand, ListPipelineExecutionsCommand,
  PipelineExecutionOutdatedException, PipelineNotFoundException, RollbackStageCommand, StartPipelineExecutionCommand,
  UnableToRollbackStageException, ValidationException,
} from '@aws-sdk/client-codepipeline';
import { BatchGetDeploymentsCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import { ManualClock, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { clientsFor, testConfig } from './clients';

const STAGE_MS = 1000;

describe('local-aws CodePipeline', () => {
  let clock: ManualClock;
  let aws: LocalAws;
  let clients: ReturnType<typeof clientsFor>;

  beforeEach(async () => {
    clock = new ManualClock();
    aws = await startLocalAws({ config: testConfig(), clock, stageDurationMs: STAGE_MS });
    clients = clientsFor(aws.url);
  });

  afterEach(async () => {
    clients.destroy();
    await aws.close();
  });

  const statusOf = async (executionId: string) => (await clients.pipeline.send(
    new GetPipelineExecutionCommand({ pipelineName: 'checkout-prod', pipelineExecutionId: executionId }),
  )).pipelineExecution?.status;

  it('sends timestamps the SDK parses into the clock times they stand for', async () => {
    // Prepare
    const startedAt = clock.now();
    const { pipelineExecutionId } = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));

    // Act
    const { pipelineExecutionSummaries } = await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod', maxResults: 1 }));

    // Assess
    expect(pipelineExecutionSummaries?.[0]?.pipelineExecutionId).toBe(pipelineExecutionId);
    expect(pipelineExecutionSummaries?.[0]?.startTime).toEqual(new Date(startedAt));
  });

  it('lists the seeded history newest first, with revisions and who started each', async () => {
    // Act
    const { pipelineExecutionSummaries: summaries = [] } = await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod' }));

    // Assess
    expect(summaries.map((s) => s.status)).toEqual(['Succeeded', 'Failed', 'Succeeded', 'Succeeded']);
    const starts = summaries.map((s) => s.startTime?.getTime() ?? 0);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(new Set(summaries.map((s) => s.sourceRevisions?.[0]?.revisionId)).size).toBe(4);
    expect(summaries[0]?.sourceRevisions?.[0]).toMatchObject({ actionName: 'Source', revisionId: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(summaries.map((s) => s.trigger?.triggerType)).toEqual(['StartPipelineExecution', 'WebhookV2', 'StartPipelineExecution', 'WebhookV2']);
    expect(summaries[0]?.trigger?.triggerDetail).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/alice');
  });

  it('pages executions with nextToken', async () => {
    // Act
    const first = await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod', maxResults: 3 }));
    const second = await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod', maxResults: 3, nextToken: first.nextToken }));

    // Assess
    expect(first.pipelineExecutionSummaries).toHaveLength(3);
    expect(second.pipelineExecutionSummaries).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();
  });

  it('runs a started execution through its stages as the clock advances, deploying through CodeDeploy', async () => {
    // Prepare
    const { pipelineExecutionId = '' } = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    const stageStatuses = async () => (await clients.pipeline.send(new GetPipelineStateCommand({ name: 'checkout-prod' })))
      .stageStates?.map((stage) => [stage.stageName, stage.latestExecution?.pipelineExecutionId === pipelineExecutionId ? stage.latestExecution.status : '-']);

    // Act & Assess
    expect(await stageStatuses()).toEqual([['Source', 'InProgress'], ['Build', '-'], ['Deploy', '-']]);
    clock.advance(STAGE_MS);
    expect(await stageStatuses()).toEqual([['Source', 'Succeeded'], ['Build', 'InProgress'], ['Deploy', '-']]);
    clock.advance(STAGE_MS);
    expect(await stageStatuses()).toEqual([['Source', 'Succeeded'], ['Build', 'Succeeded'], ['Deploy', 'InProgress']]);
    expect(await statusOf(pipelineExecutionId)).toBe('InProgress');
    const active = await clients.deploy.send(new ListDeploymentsCommand({
      applicationName: 'checkout', deploymentGroupName: 'checkout-prod', includeOnlyStatuses: ['Created', 'InProgress'],
    }));
    expect(active.deployments).toHaveLength(1);
    clock.advance(STAGE_MS);
    expect(await statusOf(pipelineExecutionId)).toBe('Succeeded');
    const { deploymentsInfo } = await clients.deploy.send(new BatchGetDeploymentsCommand({ deploymentIds: active.deployments }));
    expect(deploymentsInfo?.[0]?.status).toBe('Succeeded');
  });

  it('returns the same execution for a repeated clientRequestToken and starts only one', async () => {
    // Prepare
    const token = 'push-to-prod-3f9c1a';

    // Act
    const first = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod', clientRequestToken: token }));
    const again = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod', clientRequestToken: token }));

    // Assess
    expect(again.pipelineExecutionId).toBe(first.pipelineExecutionId);
    const { pipelineExecutionSummaries } = await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod' }));
    expect(pipelineExecutionSummaries?.filter((s) => s.status === 'InProgress')).toHaveLength(1);
    expect(pipelineExecutionSummaries).toHaveLength(5);
  });

  it('supersedes a running execution when a newer one starts, once the older finishes its stage', async () => {
    // Prepare
    const older = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    clock.advance(STAGE_MS / 2);

    // Act
    const newer = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));

    // Assess
    expect(await statusOf(older.pipelineExecutionId ?? '')).toBe('InProgress');
    clock.advance(STAGE_MS / 2);
    expect(await statusOf(older.pipelineExecutionId ?? '')).toBe('Superseded');
    clock.advance(3 * STAGE_MS);
    expect(await statusOf(newer.pipelineExecutionId ?? '')).toBe('Succeeded');
  });

  describe('RollbackStage', () => {
    const history = async () => (await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod' }))).pipelineExecutionSummaries ?? [];
    const rollBack = (stageName: string, target: string | undefined) =>
      clients.pipeline.send(new RollbackStageCommand({ pipelineName: 'checkout-prod', stageName, targetPipelineExecutionId: target }));

    it('starts a rollback execution that deploys the target execution\'s build again', async () => {
      // Prepare
      const [, , previousGood] = await history();

      // Act
      const { pipelineExecutionId } = await rollBack('Deploy', previousGood?.pipelineExecutionId);
      clock.advance(STAGE_MS);

      // Assess
      const [rollback] = await history();
      expect(rollback).toMatchObject({
        pipelineExecutionId,
        executionType: 'ROLLBACK',
        status: 'Succeeded',
        trigger: { triggerType: 'ManualRollback' },
        rollbackMetadata: { rollbackTargetPipelineExecutionId: previousGood?.pipelineExecutionId },
        sourceRevisions: previousGood?.sourceRevisions,
      });
      const ids = (await clients.deploy.send(new ListDeploymentsCommand({ applicationName: 'checkout', deploymentGroupName: 'checkout-prod' }))).deployments;
      const infos = (await clients.deploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ids }))).deploymentsInfo ?? [];
      const byTime = [...infos].sort((a, b) => (a.createTime?.getTime() ?? 0) - (b.createTime?.getTime() ?? 0));
      expect(byTime.at(-1)?.revision).toEqual(byTime[1]?.revision);
    });

    it('refuses the source stage, a failed target and a rollback target', async () => {
      // Prepare
      const [latest, failed] = await history();
      const { pipelineExecutionId: rollbackId } = await rollBack('Deploy', latest?.pipelineExecutionId);
      clock.advance(STAGE_MS);

      // Act & Assess
      await expect(rollBack('Source', latest?.pipelineExecutionId)).rejects.toBeInstanceOf(UnableToRollbackStageException);
      await expect(rollBack('Deploy', failed?.pipelineExecutionId)).rejects.toBeInstanceOf(UnableToRollbackStageException);
      await expect(rollBack('Deploy', rollbackId)).rejects.toBeInstanceOf(UnableToRollbackStageException);
    });

    it('refuses a target from an older pipeline version', async () => {
      // Prepare
      const [latest] = await history();
      aws.store.bumpPipelineVersion('checkout-prod');

      // Act
      const rolling = rollBack('Deploy', latest?.pipelineExecutionId);

      // Assess
      await expect(rolling).rejects.toBeInstanceOf(PipelineExecutionOutdatedException);
    });
  });

  it('answers an unknown pipeline with PipelineNotFoundException', async () => {
    // Act
    const getting = clients.pipeline.send(new GetPipelineStateCommand({ name: 'no-such-pipeline' }));

    // Assess
    await expect(getting).rejects.toBeInstanceOf(PipelineNotFoundException);
    await expect(getting).rejects.toMatchObject({ name: 'PipelineNotFoundException', $metadata: { httpStatusCode: 400, requestId: expect.any(String) } });
  });

  it('answers a missing required member with ValidationException', async () => {
    // Act
    const starting = clients.pipeline.send(new StartPipelineExecutionCommand({ name: undefined }));

    // Assess
    await expect(starting).rejects.toBeInstanceOf(ValidationException);
  });

  describe('source revision overrides', () => {
    const latestOf = async (pipelineName: string) => (await clients.pipeline.send(new ListPipelineExecutionsCommand({ pipelineName, maxResults: 1 }))).pipelineExecutionSummaries?.[0];
    const start = (sourceRevisions: { actionName: string; revisionType: 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY'; revisionValue: string }[]) =>
      clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod', sourceRevisions }));

    it('describes the pipeline\'s actions with their category and provider', async () => {
      // Act
      const { pipeline } = await clients.pipeline.send(new GetPipelineCommand({ name: 'checkout-prod' }));

      // Assess
      expect(pipeline?.stages?.map((stage) => stage.actions?.map((a) => [a.name, a.actionTypeId?.category, a.actionTypeId?.provider]))).toEqual([
        [['Source', 'Source', 'CodeStarSourceConnection']], [['Build', 'Build', 'CodeBuild']], [['Deploy', 'Deploy', 'CodeDeploy']],
      ]);
    });

    it('starts with the commit another pipeline of the same repository ran, and lists it with its message', async () => {
      // Prepare
      const staging = await latestOf('checkout-staging');
      const commit = staging?.sourceRevisions?.[0];

      // Act
      const { pipelineExecutionId } = await start([{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: commit?.revisionId ?? '' }]);

      // Assess
      const started = await latestOf('checkout-prod');
      expect(started?.pipelineExecutionId).toBe(pipelineExecutionId);
      expect(started?.sourceRevisions).toEqual([{ actionName: 'Source', revisionId: commit?.revisionId, revisionSummary: commit?.revisionSummary, revisionUrl: commit?.revisionUrl }]);
    });

    it('refuses an override for an action the pipeline does not have, or that is no source action', async () => {
      await expect(start([{ actionName: 'App', revisionType: 'COMMIT_ID', revisionValue: 'abc' }])).rejects.toMatchObject({ name: 'ValidationException', message: "Action 'App' does not exist in pipeline 'checkout-prod'" });
      await expect(start([{ actionName: 'Build', revisionType: 'COMMIT_ID', revisionValue: 'abc' }])).rejects.toBeInstanceOf(ValidationException);
      expect(aws.mutatingCalls()).toHaveLength(2);
      expect((await latestOf('checkout-prod'))?.status).toBe('Succeeded');
    });

    it('refuses a revision type the source provider does not take, and an unknown type', async () => {
      await expect(start([{ actionName: 'Source', revisionType: 'IMAGE_DIGEST', revisionValue: 'sha256:abc' }])).rejects.toBeInstanceOf(ValidationException);
      const unknownType = clients.pipeline.send(new StartPipelineExecutionCommand({
        name: 'checkout-prod', sourceRevisions: [{ actionName: 'Source', revisionType: 'BRANCH' as never, revisionValue: 'main' }],
      }));
      await expect(unknownType).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining("at 'sourceRevisions.1.member.revisionType'") });
    });

    it('fails in the source stage when the repository has no such commit', async () => {
      // Act
      const { pipelineExecutionId } = await start([{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: 'f'.repeat(40) }]);
      clock.advance(10 * STAGE_MS);

      // Assess
      expect(await statusOf(pipelineExecutionId ?? '')).toBe('Failed');
    });
  });
});
