import {
  ActionNotFoundException, ApprovalAlreadyCompletedException, GetPipelineCommand, GetPipelineExecutionCommand,
  GetPipelineStateCommand, InvalidApprovalTokenException, PutApprovalResultCommand, StageNotFoundException,
  StartPipelineExecutionCommand, ValidationException, type PutApprovalResultCommandInput,
} from '@aws-sdk/client-codepipeline';
import { ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import { APPROVAL_TIMEOUT_MS, ManualClock, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { clientsFor, testConfig } from './clients';

const STAGE_MS = 1000;
const UNKNOWN_TOKEN = '00000000-0000-4000-8000-000000000000';

/** Production answers its approvals by voice ("Approve" / "ManualApproval"); staging has none. */
const config = () => {
  const base = testConfig();
  const [checkout] = base.services;
  if (!checkout?.environments.production) throw new Error('the test config has no checkout production');
  return { ...base, services: [{ ...checkout, environments: { ...checkout.environments, production: { ...checkout.environments.production, approvals: true } } }] };
};

describe('local-aws manual approvals', () => {
  let clock: ManualClock;
  let aws: LocalAws;
  let clients: ReturnType<typeof clientsFor>;

  beforeEach(async () => {
    clock = new ManualClock();
    aws = await startLocalAws({ config: config(), clock, stageDurationMs: STAGE_MS });
    clients = clientsFor(aws.url);
  });

  afterEach(async () => {
    clients.destroy();
    await aws.close();
  });

  const approvalState = async (pipeline = 'checkout-prod') => {
    const { stageStates = [] } = await clients.pipeline.send(new GetPipelineStateCommand({ name: pipeline }));
    const stage = stageStates.find((s) => s.stageName === 'Approve');
    return { stage, action: stage?.actionStates?.[0], execution: stage?.actionStates?.[0]?.latestExecution };
  };
  const executionStatus = async (id: string | undefined) => (await clients.pipeline.send(
    new GetPipelineExecutionCommand({ pipelineName: 'checkout-prod', pipelineExecutionId: id }),
  )).pipelineExecution?.status;
  const deploymentCount = async () => (await clients.deploy.send(
    new ListDeploymentsCommand({ applicationName: 'checkout', deploymentGroupName: 'checkout-prod' }),
  )).deployments?.length ?? 0;
  const answer = (token: string | undefined, overrides: Partial<PutApprovalResultCommandInput> = {}) => clients.pipeline.send(new PutApprovalResultCommand({
    pipelineName: 'checkout-prod', stageName: 'Approve', actionName: 'ManualApproval', token, result: { status: 'Approved', summary: 'Looks good' }, ...overrides,
  }));

  /** Starts a release and lets it reach the approval stage. */
  async function waitingRelease(): Promise<{ executionId: string | undefined; token: string | undefined }> {
    const { pipelineExecutionId } = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    clock.advance(2 * STAGE_MS + 500);
    const { execution } = await approvalState();
    return { executionId: pipelineExecutionId, token: execution?.token };
  }

  it('seeds an approval stage before the deploy stage where the config sets approvals, answered for each past release', async () => {
    // Act
    const { pipeline } = await clients.pipeline.send(new GetPipelineCommand({ name: 'checkout-prod' }));
    const staging = await clients.pipeline.send(new GetPipelineCommand({ name: 'checkout-staging' }));
    const { execution } = await approvalState();

    // Assess
    expect(pipeline?.stages?.map((s) => s.name)).toEqual(['Source', 'Build', 'Approve', 'Deploy']);
    expect(pipeline?.stages?.[2]?.actions?.[0]).toMatchObject({
      name: 'ManualApproval',
      actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
      configuration: { CustomData: 'Check the production dashboards before this release goes on' },
    });
    expect(staging.pipeline?.stages?.map((s) => s.name)).toEqual(['Source', 'Build', 'Deploy']);
    expect(execution).toMatchObject({ status: 'Succeeded', summary: 'Dashboards look fine', lastUpdatedBy: 'arn:aws:sts::123456789012:assumed-role/Deployer/alice' });
    expect(execution?.token).toBeUndefined();
  });

  it('waits at the approval with a token, and goes on to deploy once approved', async () => {
    // Prepare
    const { executionId, token } = await waitingRelease();
    const deployedBefore = await deploymentCount();
    const { stage, execution } = await approvalState();
    expect(execution).toMatchObject({ status: 'InProgress', token: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });
    expect(stage?.latestExecution).toEqual({ pipelineExecutionId: executionId, status: 'InProgress', type: 'STANDARD' });
    clock.advance(60 * 60_000);
    expect(await executionStatus(executionId)).toBe('InProgress');

    // Act
    const { approvedAt } = await answer(token);
    clock.advance(STAGE_MS + 500);

    // Assess
    expect(approvedAt).toEqual(new Date(clock.now() - STAGE_MS - 500));
    expect(await approvalState()).toMatchObject({ execution: { status: 'Succeeded', summary: 'Looks good', lastUpdatedBy: aws.store.callerArn } });
    expect((await approvalState()).execution?.token).toBeUndefined();
    expect(await executionStatus(executionId)).toBe('Succeeded');
    expect(await deploymentCount()).toBe(deployedBefore + 1);
  });

  it('fails the stage and the execution when rejected, and deploys nothing', async () => {
    // Prepare
    const { executionId, token } = await waitingRelease();
    const deployedBefore = await deploymentCount();

    // Act
    await answer(token, { result: { status: 'Rejected', summary: 'Not during the sale' } });
    clock.advance(10 * STAGE_MS);

    // Assess
    expect(await approvalState()).toMatchObject({ stage: { latestExecution: { status: 'Failed' } }, execution: { status: 'Failed', summary: 'Not during the sale' } });
    expect(await executionStatus(executionId)).toBe('Failed');
    expect(await deploymentCount()).toBe(deployedBefore);
  });

  it('refuses a second answer to the same request with ApprovalAlreadyCompletedException', async () => {
    // Prepare
    const { token } = await waitingRelease();
    await answer(token);

    // Act
    const again = answer(token, { result: { status: 'Rejected', summary: 'Changed my mind' } });

    // Assess
    await expect(again).rejects.toBeInstanceOf(ApprovalAlreadyCompletedException);
    expect((await approvalState()).execution).toMatchObject({ status: 'Succeeded', summary: 'Looks good' });
  });

  it('expires an unanswered request after seven days of the clock: the execution fails and the token is refused', async () => {
    // Prepare
    const { executionId, token } = await waitingRelease();
    clock.advance(APPROVAL_TIMEOUT_MS - 1000);
    expect((await approvalState()).execution?.status).toBe('InProgress');

    // Act
    clock.advance(1000);

    // Assess
    expect(await executionStatus(executionId)).toBe('Failed');
    expect((await approvalState()).execution).toMatchObject({ status: 'Failed', errorDetails: { message: 'The approval request expired' } });
    await expect(answer(token)).rejects.toBeInstanceOf(ApprovalAlreadyCompletedException);
  });

  it('refuses a token the action never handed out with InvalidApprovalTokenException', async () => {
    await waitingRelease();

    await expect(answer(UNKNOWN_TOKEN)).rejects.toBeInstanceOf(InvalidApprovalTokenException);
  });

  it('refuses an unknown stage or action, and an action that is no approval', async () => {
    const { token } = await waitingRelease();

    await expect(answer(token, { stageName: 'Approval' })).rejects.toBeInstanceOf(StageNotFoundException);
    await expect(answer(token, { actionName: 'Manual' })).rejects.toBeInstanceOf(ActionNotFoundException);
    await expect(answer(token, { stageName: 'Deploy', actionName: 'Deploy' })).rejects.toBeInstanceOf(InvalidApprovalTokenException);
    expect((await approvalState()).execution?.status).toBe('InProgress');
  });

  it.each([
    ['a status that is neither Approved nor Rejected', { result: { status: 'Maybe' as never, summary: 's' } }, /enum value set: \[Approved, Rejected\]/],
    ['a missing summary', { result: { status: 'Approved' as const, summary: undefined } }, /'result\.summary'.*must not be null/],
    ['a summary over 512 characters', { result: { status: 'Approved' as const, summary: 'x'.repeat(513) } }, /less than or equal to 512/],
    ['a missing result', { result: undefined }, /'result'.*must not be null/],
    ['a token that is no UUID', { token: 'not-a-token' }, /'token'.*regular expression/],
    ['a stage name with a space', { stageName: 'Approve it' }, /'stageName'.*regular expression/],
  ])('answers %s with ValidationException and records nothing', async (_what, overrides, message) => {
    // Prepare
    const { token } = await waitingRelease();

    // Act
    const failure = answer(token, overrides);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ValidationException);
    await expect(failure).rejects.toThrow(message);
    expect((await approvalState()).execution?.status).toBe('InProgress');
  });

  it('shows no token in a PARALLEL pipeline, as CodePipeline does not', async () => {
    // Prepare
    aws.store.addPipeline({
      name: 'parallel-prod', executionMode: 'PARALLEL',
      stages: [{ name: 'Source', kind: 'source' }, { name: 'Approve', kind: 'approval', actionName: 'ManualApproval' }],
    });
    await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'parallel-prod' }));
    clock.advance(STAGE_MS + 500);

    // Act
    const { execution } = await approvalState('parallel-prod');

    // Assess
    expect(execution?.status).toBe('InProgress');
    expect(execution?.token).toBeUndefined();
  });

  it('counts PutApprovalResult among the calls that change something', async () => {
    const { token } = await waitingRelease();
    aws.clearCalls();

    await answer(token);

    expect(aws.mutatingCalls().map((call) => call.operation)).toEqual(['PutApprovalResult']);
  });
});
