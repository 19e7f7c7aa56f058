import 'aws-sdk-client-mock-jest';
import {
  ActionNotFoundException,
  ApprovalAlreadyCompletedException,
  CodePipelineClient,
  ConflictException,
  GetPipelineCommand,
  type GetPipelineCommandOutput,
  GetPipelineStateCommand,
  InvalidApprovalTokenException,
  PutApprovalResultCommand,
  StageNotFoundException,
  ListPipelineExecutionsCommand,
  PipelineNotFoundException,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  UnableToRollbackStageException,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { CodePipelineAdapter, describeTrigger } from '../../../../lambda/src/adapters/aws/codepipeline.adapter';
import {
  ApprovalNotPendingError,
  AwsTimeoutError,
  AwsUnavailableError,
  BusyError,
  InvalidStateError,
  ResourceNotFoundError,
} from '../../../../lambda/src/domain/errors';
import type { PipelineRef } from '../../../../lambda/src/domain/release';
import { runWithDeadline } from '../../../../lambda/src/runtime/deadline';

const pipelineMock = mockClient(CodePipelineClient);
const pipeline: PipelineRef = { name: 'checkout-prod', region: 'eu-west-1' };
const metadata = { $metadata: { requestId: 'req-123', httpStatusCode: 400 } };

function makeAdapter() {
  const regions: string[] = [];
  const adapter = new CodePipelineAdapter((region) => {
    regions.push(region);
    return new CodePipelineClient({ region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  });
  return { adapter, regions };
}

beforeEach(() => pipelineMock.reset());

describe('CodePipelineAdapter.recentExecutions', () => {
  it('lists executions of the named pipeline in its own region', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [] });
    const { adapter, regions } = makeAdapter();

    // Act
    await adapter.recentExecutions(pipeline, 5);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(ListPipelineExecutionsCommand, { pipelineName: 'checkout-prod', maxResults: 5 });
    expect(regions).toEqual(['eu-west-1']);
  });

  it('maps each summary and sorts newest first whatever order AWS returns', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).resolves({
      pipelineExecutionSummaries: [
        { pipelineExecutionId: 'old', status: 'Succeeded', startTime: new Date('2024-05-01T10:00:00Z') },
        {
          pipelineExecutionId: 'new',
          status: 'InProgress',
          startTime: new Date('2024-05-03T10:00:00Z'),
          lastUpdateTime: new Date('2024-05-03T10:05:00Z'),
          executionType: 'ROLLBACK',
          sourceRevisions: [{ actionName: 'Source', revisionId: 'abc1234def', revisionSummary: 'Fix cart', revisionUrl: 'https://example.com/c' }],
          trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:sts::123456789012:assumed-role/Deployer/alice' },
        },
        { pipelineExecutionId: 'middle', status: 'Failed', startTime: new Date('2024-05-02T10:00:00Z'), executionType: 'STANDARD' },
      ],
    });
    const { adapter } = makeAdapter();

    // Act
    const executions = await adapter.recentExecutions(pipeline, 10);

    // Assess
    expect(executions.map((execution) => execution.id)).toEqual(['new', 'middle', 'old']);
    expect(executions[0]).toEqual({
      id: 'new',
      status: 'InProgress',
      startedAt: new Date('2024-05-03T10:00:00Z'),
      updatedAt: new Date('2024-05-03T10:05:00Z'),
      revisions: [{ actionName: 'Source', revisionId: 'abc1234def', summary: 'Fix cart', url: 'https://example.com/c' }],
      startedBy: 'alice',
      isRollback: true,
    });
    expect(executions[1]?.isRollback).toBe(false);
  });

  it('returns no more than the limit even when AWS returns more', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).resolves({
      pipelineExecutionSummaries: [1, 2, 3].map((day) => ({ pipelineExecutionId: `e${day}`, startTime: new Date(2024, 0, day) })),
    });
    const { adapter } = makeAdapter();

    // Act
    const executions = await adapter.recentExecutions(pipeline, 2);

    // Assess
    expect(executions.map((execution) => execution.id)).toEqual(['e3', 'e2']);
  });

  it('turns a missing pipeline into ResourceNotFoundError with the request id', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).rejects(new PipelineNotFoundException({ message: 'no such pipeline', ...metadata }));
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.recentExecutions(pipeline, 5);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(failure).rejects.toMatchObject({ requestId: 'req-123', operation: 'ListPipelineExecutions' });
  });
});

describe('CodePipelineAdapter.executionsSince', () => {
  const summary = (id: string, iso: string) => ({ pipelineExecutionId: id, status: 'Succeeded' as const, startTime: new Date(iso), lastUpdateTime: new Date(iso) });
  const since = new Date('2024-05-10T00:00:00Z');

  it('follows nextToken until a page reaches back past the period, and keeps only what started in it', async () => {
    // Prepare
    pipelineMock
      .on(ListPipelineExecutionsCommand)
      .resolvesOnce({ pipelineExecutionSummaries: [summary('e4', '2024-05-14T10:00:00Z'), summary('e3', '2024-05-12T10:00:00Z')], nextToken: 'page-2' })
      .resolvesOnce({ pipelineExecutionSummaries: [summary('e2', '2024-05-10T00:00:00Z'), summary('e1', '2024-05-09T23:59:59Z')], nextToken: 'page-3' })
      .resolvesOnce({ pipelineExecutionSummaries: [summary('e0', '2024-05-01T10:00:00Z')] });
    const { adapter } = makeAdapter();

    // Act
    const history = await adapter.executionsSince(pipeline, since, 5);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandTimes(ListPipelineExecutionsCommand, 2);
    expect(pipelineMock).toHaveReceivedNthSpecificCommandWith(1, ListPipelineExecutionsCommand, { pipelineName: 'checkout-prod', maxResults: 100, nextToken: undefined });
    expect(pipelineMock).toHaveReceivedNthSpecificCommandWith(2, ListPipelineExecutionsCommand, { pipelineName: 'checkout-prod', maxResults: 100, nextToken: 'page-2' });
    expect(history).toEqual({ items: expect.any(Array), complete: true });
    expect(history.items.map((e) => e.id)).toEqual(['e4', 'e3', 'e2']);
  });

  it('stops at the page bound and says the history is not complete', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [summary('e9', '2024-05-14T10:00:00Z')], nextToken: 'more' });
    const { adapter } = makeAdapter();

    // Act
    const history = await adapter.executionsSince(pipeline, since, 3);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandTimes(ListPipelineExecutionsCommand, 3);
    expect(history.complete).toBe(false);
    expect(history.items.map((e) => e.id)).toEqual(['e9']);
  });

  it('ends at the last page AWS has, complete', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [summary('e1', '2024-05-11T10:00:00Z')] });
    const { adapter } = makeAdapter();

    // Act
    const history = await adapter.executionsSince(pipeline, since, 5);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandTimes(ListPipelineExecutionsCommand, 1);
    expect(history).toMatchObject({ complete: true, items: [{ id: 'e1', status: 'Succeeded' }] });
  });

  it('reports a missing pipeline as ResourceNotFoundError', async () => {
    // Prepare
    pipelineMock.on(ListPipelineExecutionsCommand).rejects(new PipelineNotFoundException({ message: 'no such pipeline', ...metadata }));
    const { adapter } = makeAdapter();

    // Act and assess
    await expect(adapter.executionsSince(pipeline, since, 5)).rejects.toBeInstanceOf(ResourceNotFoundError);
  });
});

describe('describeTrigger', () => {
  it.each([
    [{ triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:sts::1:assumed-role/Deployer/alice' }, 'alice'],
    [{ triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::1:user/bob' }, 'bob'],
    [{ triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::1:user/team/carol' }, 'carol'],
    [{ triggerType: 'Webhook', triggerDetail: 'arn:aws:codepipeline:eu-west-1:1:webhook:x' }, 'a webhook'],
    [{ triggerType: 'WebhookV2', triggerDetail: 'arn:aws:codestar-connections:…' }, 'a webhook'],
    [{ triggerType: 'PutActionRevision', triggerDetail: 'x' }, 'a source change'],
    [{ triggerType: 'CreatePipeline', triggerDetail: 'x' }, 'pipeline creation'],
    [{ triggerType: 'AutomatedRollback', triggerDetail: 'x' }, 'an automatic rollback'],
  ] as const)('names the starter of %j as %s', (trigger, expected) => {
    // Act
    const words = describeTrigger(trigger);

    // Assess
    expect(words).toBe(expected);
  });

  it('says nothing when there is no trigger', () => {
    expect(describeTrigger(undefined)).toBeUndefined();
  });
});

describe('CodePipelineAdapter.state', () => {
  it('maps each stage with the action that is running or failed', async () => {
    // Prepare
    pipelineMock.on(GetPipelineStateCommand).resolves({
      pipelineName: 'checkout-prod',
      stageStates: [
        {
          stageName: 'Source',
          latestExecution: { pipelineExecutionId: 'e1', status: 'Succeeded' },
          actionStates: [{ actionName: 'Checkout', latestExecution: { status: 'Succeeded' } }],
        },
        {
          stageName: 'Deploy',
          latestExecution: { pipelineExecutionId: 'e1', status: 'InProgress' },
          actionStates: [
            { actionName: 'Canary', latestExecution: { status: 'Succeeded' } },
            { actionName: 'Fleet', latestExecution: { status: 'InProgress' } },
          ],
        },
      ],
    });
    const { adapter } = makeAdapter();

    // Act
    const state = await adapter.state(pipeline);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(GetPipelineStateCommand, { name: 'checkout-prod' });
    expect(state).toEqual({
      pipeline: 'checkout-prod',
      stages: [
        { name: 'Source', status: 'Succeeded', executionId: 'e1', currentAction: undefined },
        { name: 'Deploy', status: 'InProgress', executionId: 'e1', currentAction: 'Fleet' },
      ],
    });
  });
});

describe('CodePipelineAdapter.start', () => {
  it('starts the pipeline with the idempotency token and returns the execution id', async () => {
    // Prepare
    pipelineMock.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: 'exec-42' });
    const { adapter } = makeAdapter();

    // Act
    const result = await adapter.start(pipeline, 'token-1');

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(StartPipelineExecutionCommand, { name: 'checkout-prod', clientRequestToken: 'token-1' });
    expect(result).toEqual({ executionId: 'exec-42' });
  });

  it('fails instead of reporting success when AWS returns no execution id', async () => {
    // Prepare
    pipelineMock.on(StartPipelineExecutionCommand).resolves({ $metadata: { requestId: 'req-9' } });
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.start(pipeline, 'token-1');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(AwsUnavailableError);
    await expect(failure).rejects.toMatchObject({ mutating: true, requestId: 'req-9' });
  });

  it('reports a busy pipeline as BusyError', async () => {
    // Prepare
    pipelineMock.on(StartPipelineExecutionCommand).rejects(new ConflictException({ message: 'conflict', ...metadata }));
    const { adapter } = makeAdapter();

    // Act / Assess
    await expect(adapter.start(pipeline, 'token-1')).rejects.toBeInstanceOf(BusyError);
  });

  it('reports a timeout on start as an unknown outcome', async () => {
    // Prepare
    pipelineMock.on(StartPipelineExecutionCommand).rejects(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.start(pipeline, 'token-1');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(AwsTimeoutError);
    await expect(failure).rejects.toMatchObject({ mutating: true });
  });

  it('does not call AWS when the deadline has already passed', async () => {
    // Prepare
    pipelineMock.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: 'exec-42' });
    const { adapter } = makeAdapter();

    // Act
    const failure = runWithDeadline(100, () => adapter.start(pipeline, 'token-1'));

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsTimeoutError', mutating: false });
    expect(pipelineMock).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
  });
});

describe('CodePipelineAdapter.start with source revisions', () => {
  it('sends the source revision overrides with the token', async () => {
    // Prepare
    pipelineMock.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: 'exec-43' });
    const { adapter } = makeAdapter();
    const sourceRevisions = [{ actionName: 'Source', revisionType: 'COMMIT_ID' as const, revisionValue: 'a1b2c3d4' }];

    // Act
    await adapter.start(pipeline, 'token-2', sourceRevisions);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(StartPipelineExecutionCommand, { name: 'checkout-prod', clientRequestToken: 'token-2', sourceRevisions });
  });

  it('sends no sourceRevisions member for a plain start', async () => {
    pipelineMock.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: 'exec-44' });

    await makeAdapter().adapter.start(pipeline, 'token-3');

    expect(pipelineMock.commandCalls(StartPipelineExecutionCommand)[0]?.args[0].input).not.toHaveProperty('sourceRevisions');
  });
});

describe('CodePipelineAdapter.sourceActions', () => {
  it('finds the source actions in the pipeline\'s structure, with the revision type each provider takes', async () => {
    // Prepare
    pipelineMock.on(GetPipelineCommand).resolves({ pipeline: { name: 'checkout-prod', roleArn: 'arn:aws:iam::1:role/r', stages: [
      { name: 'Source', actions: [
        { name: 'App', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' } },
        { name: 'Config', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' } },
        { name: 'Image', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'ECR', version: '1' } },
        { name: 'Custom', actionTypeId: { category: 'Source', owner: 'Custom', provider: 'MySource', version: '1' } },
      ] },
      { name: 'Build', actions: [{ name: 'Build', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' } }] },
    ] } });
    const { adapter } = makeAdapter();

    // Act
    const actions = await adapter.sourceActions(pipeline);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(GetPipelineCommand, { name: 'checkout-prod' });
    expect(actions).toEqual([
      { name: 'App', provider: 'CodeStarSourceConnection', revisionType: 'COMMIT_ID' },
      { name: 'Config', provider: 'S3', revisionType: 'S3_OBJECT_VERSION_ID' },
      { name: 'Image', provider: 'ECR', revisionType: 'IMAGE_DIGEST' },
      { name: 'Custom', provider: 'MySource' },
    ]);
  });

  it('turns a missing pipeline into ResourceNotFoundError', async () => {
    pipelineMock.on(GetPipelineCommand).rejects(new PipelineNotFoundException({ message: 'no such pipeline', ...metadata }));

    await expect(makeAdapter().adapter.sourceActions(pipeline)).rejects.toBeInstanceOf(ResourceNotFoundError);
  });
});

describe('CodePipelineAdapter.state, manual approvals', () => {
  it('marks a stage whose approval action waits with a token, and since when', async () => {
    // Prepare
    const since = new Date('2026-11-26T13:00:00Z');
    pipelineMock.on(GetPipelineStateCommand).resolves({ pipelineName: 'checkout-prod', stageStates: [
      { stageName: 'Approve', latestExecution: { pipelineExecutionId: 'e1', status: 'InProgress' }, actionStates: [
        { actionName: 'ReleaseManager', latestExecution: { status: 'InProgress', token: 'tok-1', lastStatusChange: since } },
      ] },
      { stageName: 'Build', latestExecution: { pipelineExecutionId: 'e1', status: 'InProgress' }, actionStates: [
        { actionName: 'Compile', latestExecution: { status: 'InProgress' } },
      ] },
    ] });

    // Act
    const state = await makeAdapter().adapter.state(pipeline);

    // Assess
    expect(state.stages.map((stage) => stage.waitingApproval)).toEqual([{ action: 'ReleaseManager', since }, undefined]);
  });
});

describe('CodePipelineAdapter.rollbackStage', () => {
  it('rolls the stage back to the target execution and returns the new execution id', async () => {
    // Prepare
    pipelineMock.on(RollbackStageCommand).resolves({ pipelineExecutionId: 'rollback-1' });
    const { adapter } = makeAdapter();

    // Act
    const result = await adapter.rollbackStage(pipeline, 'Deploy', 'exec-good');

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(RollbackStageCommand, {
      pipelineName: 'checkout-prod',
      stageName: 'Deploy',
      targetPipelineExecutionId: 'exec-good',
    });
    expect(result).toEqual({ executionId: 'rollback-1' });
  });

  it('fails instead of reporting success when AWS returns no execution id', async () => {
    // Prepare
    pipelineMock.on(RollbackStageCommand).resolves({});
    const { adapter } = makeAdapter();

    // Act / Assess
    await expect(adapter.rollbackStage(pipeline, 'Deploy', 'exec-good')).rejects.toMatchObject({ name: 'AwsUnavailableError', mutating: true });
  });

  it('reports a stage that cannot be rolled back to that execution as InvalidStateError', async () => {
    // Prepare
    pipelineMock.on(RollbackStageCommand).rejects(new UnableToRollbackStageException({ message: 'not a successful execution', ...metadata }));
    const { adapter } = makeAdapter();

    // Act / Assess
    await expect(adapter.rollbackStage(pipeline, 'Deploy', 'exec-bad')).rejects.toBeInstanceOf(InvalidStateError);
  });
});

describe('CodePipelineAdapter.pendingApprovals', () => {
  const declaration: GetPipelineCommandOutput = {
    $metadata: {},
    pipeline: {
      name: 'checkout-prod', roleArn: 'arn:aws:iam::123456789012:role/pipeline', stages: [
        { name: 'Source', actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' } }] },
        { name: 'Approve', actions: [
          { name: 'ManualApproval', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }, configuration: { CustomData: 'Check the canary dashboard', ExternalEntityLink: 'https://example.com' } },
          { name: 'SecondOpinion', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' } },
        ] },
        { name: 'Deploy', actions: [{ name: 'Deploy', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeploy', version: '1' } }] },
      ],
    },
  };
  const since = new Date('2026-11-26T12:00:00Z');

  it('reads the state and the declaration of the named pipeline, and finds each Approval/Manual action in progress with a token', async () => {
    // Prepare
    pipelineMock.on(GetPipelineStateCommand).resolves({
      pipelineName: 'checkout-prod',
      stageStates: [
        { stageName: 'Source', actionStates: [{ actionName: 'Source', latestExecution: { status: 'Succeeded' } }] },
        {
          stageName: 'Approve',
          latestExecution: { pipelineExecutionId: 'exec-7', status: 'InProgress' },
          actionStates: [
            { actionName: 'ManualApproval', latestExecution: { status: 'InProgress', token: 'tok-1', lastStatusChange: since } },
            { actionName: 'SecondOpinion', latestExecution: { status: 'InProgress', token: 'tok-2', lastStatusChange: since, summary: 'Waiting for Kim' } },
          ],
        },
        // A token on an action that is not an approval, or on one no longer in progress, is no pending approval.
        { stageName: 'Deploy', actionStates: [{ actionName: 'Deploy', latestExecution: { status: 'InProgress', token: 'tok-3' } }] },
      ],
    });
    pipelineMock.on(GetPipelineCommand).resolves(declaration);
    const { adapter, regions } = makeAdapter();

    // Act
    const pending = await adapter.pendingApprovals(pipeline);

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(GetPipelineStateCommand, { name: 'checkout-prod' });
    expect(pipelineMock).toHaveReceivedCommandWith(GetPipelineCommand, { name: 'checkout-prod' });
    expect(regions.every((region) => region === 'eu-west-1')).toBe(true);
    expect(pending).toEqual([
      { stage: 'Approve', action: 'ManualApproval', token: 'tok-1', since, message: 'Check the canary dashboard', executionId: 'exec-7' },
      { stage: 'Approve', action: 'SecondOpinion', token: 'tok-2', since, message: 'Waiting for Kim', executionId: 'exec-7' },
    ]);
  });

  it('finds none when the waiting action has no token, as in a PARALLEL pipeline', async () => {
    // Prepare
    pipelineMock.on(GetPipelineStateCommand).resolves({
      stageStates: [{ stageName: 'Approve', actionStates: [{ actionName: 'ManualApproval', latestExecution: { status: 'InProgress' } }] }],
    });
    pipelineMock.on(GetPipelineCommand).resolves(declaration);
    const { adapter } = makeAdapter();

    // Act
    const pending = await adapter.pendingApprovals(pipeline);

    // Assess
    expect(pending).toEqual([]);
  });
});

describe('CodePipelineAdapter.putApprovalResult', () => {
  const approval = { stage: 'Approve', action: 'ManualApproval', token: '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d' };

  it('answers the named stage and action with the token, the decision and the summary', async () => {
    // Prepare
    const approvedAt = new Date('2026-11-26T14:00:00Z');
    pipelineMock.on(PutApprovalResultCommand).resolves({ approvedAt, $metadata: { requestId: 'req-77' } });
    const { adapter, regions } = makeAdapter();

    // Act
    const answered = await adapter.putApprovalResult(pipeline, approval, 'Approved', 'Approved by voice through push-to-prod, for Dana');

    // Assess
    expect(pipelineMock).toHaveReceivedCommandWith(PutApprovalResultCommand, {
      pipelineName: 'checkout-prod', stageName: 'Approve', actionName: 'ManualApproval', token: approval.token,
      result: { status: 'Approved', summary: 'Approved by voice through push-to-prod, for Dana' },
    });
    expect(answered).toEqual({ approvedAt, requestId: 'req-77' });
    expect(regions).toEqual(['eu-west-1']);
  });

  it.each([
    ['ApprovalAlreadyCompletedException', new ApprovalAlreadyCompletedException({ message: 'already completed', ...metadata })],
    ['InvalidApprovalTokenException', new InvalidApprovalTokenException({ message: 'invalid token', ...metadata })],
  ])('reports %s as ApprovalNotPendingError, with nothing changed', async (_name, error) => {
    // Prepare
    pipelineMock.on(PutApprovalResultCommand).rejects(error);
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.putApprovalResult(pipeline, approval, 'Rejected', 'Rejected by voice');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ApprovalNotPendingError);
    await expect(failure).rejects.toMatchObject({ code: 'AWS_APPROVAL_NOT_PENDING', operation: 'PutApprovalResult', requestId: 'req-123' });
  });

  it.each([
    ['StageNotFoundException', new StageNotFoundException({ message: 'no stage', ...metadata })],
    ['ActionNotFoundException', new ActionNotFoundException({ message: 'no action', ...metadata })],
  ])('reports %s as ResourceNotFoundError', async (_name, error) => {
    // Prepare
    pipelineMock.on(PutApprovalResultCommand).rejects(error);
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.putApprovalResult(pipeline, approval, 'Approved', 'Approved by voice');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ResourceNotFoundError);
  });

  it('reports a timeout on the answer as an unknown outcome', async () => {
    // Prepare
    pipelineMock.on(PutApprovalResultCommand).rejects(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.putApprovalResult(pipeline, approval, 'Approved', 'Approved by voice');

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsTimeoutError', mutating: true });
  });
});
