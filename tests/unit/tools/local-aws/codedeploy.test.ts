import {
  ApplicationDoesNotExistException, ApplicationNameRequiredException, BatchGetDeploymentsCommand, BatchLimitExceededException,
  CreateDeploymentCommand, DeploymentAlreadyCompletedException, DeploymentDoesNotExistException,
  DeploymentGroupDoesNotExistException, DeploymentLimitExceededException, GetDeploymentCommand, GetDeploymentGroupCommand,
  ListDeploymentsCommand, StopDeploymentCommand, type DeploymentInfo, type RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { GetPipelineExecutionCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { LIST_DEPLOYMENTS_PAGE_SIZE, ManualClock, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { clientsFor, testConfig } from './clients';

const STAGE_MS = 1000;
const GROUP = { applicationName: 'checkout', deploymentGroupName: 'checkout-prod' };
const revision = (commitId: string): RevisionLocation => ({ revisionType: 'GitHub', gitHubLocation: { repository: 'example-org/checkout', commitId } });

describe('local-aws CodeDeploy', () => {
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

  const deploymentsOldestFirst = async (): Promise<DeploymentInfo[]> => {
    const ids = (await clients.deploy.send(new ListDeploymentsCommand(GROUP))).deployments ?? [];
    const infos = (await clients.deploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ids }))).deploymentsInfo ?? [];
    return infos.sort((a, b) => (a.createTime?.getTime() ?? 0) - (b.createTime?.getTime() ?? 0));
  };
  const getDeployment = async (deploymentId: string | undefined) =>
    (await clients.deploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo;

  it('seeds distinct revisions with one failed deployment between successes', async () => {
    // Act
    const deployments = await deploymentsOldestFirst();

    // Assess
    expect(deployments.map((d) => d.status)).toEqual(['Succeeded', 'Succeeded', 'Failed', 'Succeeded']);
    expect(new Set(deployments.map((d) => JSON.stringify(d.revision))).size).toBe(4);
    expect(deployments[2]?.errorInformation?.code).toBe('HEALTH_CONSTRAINTS');
    expect(deployments[3]?.previousRevision).toEqual(deployments[1]?.revision);
  });

  it('lists ids in an order that is not their creation order', async () => {
    // Prepare
    const oldestFirst = (await deploymentsOldestFirst()).map((d) => d.deploymentId);

    // Act
    const { deployments } = await clients.deploy.send(new ListDeploymentsCommand(GROUP));

    // Assess
    expect([...(deployments ?? [])].sort()).toEqual([...oldestFirst].sort());
    expect(deployments).not.toEqual(oldestFirst);
    expect(deployments).not.toEqual([...oldestFirst].reverse());
  });

  it('pages ids with nextToken and filters by status and creation time', async () => {
    // Prepare
    for (let i = 0; i < LIST_DEPLOYMENTS_PAGE_SIZE; i += 1) {
      await clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision(`${i}`.padStart(40, 'a')) }));
      clock.advance(STAGE_MS);
    }

    // Act
    const first = await clients.deploy.send(new ListDeploymentsCommand(GROUP));
    const second = await clients.deploy.send(new ListDeploymentsCommand({ ...GROUP, nextToken: first.nextToken }));
    const failed = await clients.deploy.send(new ListDeploymentsCommand({ ...GROUP, includeOnlyStatuses: ['Failed'] }));
    const recent = await clients.deploy.send(new ListDeploymentsCommand({ ...GROUP, createTimeRange: { start: new Date(clock.now() - 2 * STAGE_MS) } }));

    // Assess
    expect(first.deployments).toHaveLength(LIST_DEPLOYMENTS_PAGE_SIZE);
    expect(second.deployments).toHaveLength(4);
    expect(second.nextToken).toBeUndefined();
    expect(failed.deployments).toHaveLength(1);
    expect(recent.deployments).toHaveLength(2);
  });

  it('lists only the deployments created within a time range, over every page, and refuses a range that ends before it starts', async () => {
    // Prepare: the seeded four, then twelve more a stage apart.
    const from = clock.now();
    for (let i = 0; i < 12; i += 1) {
      await clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision(`${i}`.padStart(40, 'b')) }));
      clock.advance(STAGE_MS);
    }
    const to = new Date(from + 10 * STAGE_MS);

    // Act
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await clients.deploy.send(new ListDeploymentsCommand({ ...GROUP, createTimeRange: { start: new Date(from), end: to }, nextToken }));
      ids.push(...(page.deployments ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    const backwards = clients.deploy.send(new ListDeploymentsCommand({ ...GROUP, createTimeRange: { start: to, end: new Date(from) } }));

    // Assess: created at from, from + 1 stage, …, from + 10 stages (the end is inclusive).
    expect(ids).toHaveLength(11);
    await expect(backwards).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
  });

  it('reports the last successful and the last attempted deployment of a group', async () => {
    // Prepare
    const { deploymentId } = await clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision('b'.repeat(40)) }));

    // Act
    const { deploymentGroupInfo } = await clients.deploy.send(new GetDeploymentGroupCommand(GROUP));

    // Assess
    expect(deploymentGroupInfo?.lastAttemptedDeployment).toEqual({ deploymentId, status: 'Created', createTime: new Date(clock.now()) });
    const previous = (await deploymentsOldestFirst())[3];
    expect(deploymentGroupInfo?.lastSuccessfulDeployment).toMatchObject({ deploymentId: previous?.deploymentId, status: 'Succeeded', endTime: expect.any(Date) });
  });

  it('moves a deployment from Created through InProgress to Succeeded as the clock advances', async () => {
    // Prepare
    const { deploymentId } = await clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision('c'.repeat(40)), description: 'redeploy' }));

    // Act & Assess
    expect((await getDeployment(deploymentId))?.status).toBe('Created');
    clock.advance(STAGE_MS / 2);
    expect((await getDeployment(deploymentId))?.status).toBe('InProgress');
    clock.advance(STAGE_MS / 2);
    expect(await getDeployment(deploymentId)).toMatchObject({ status: 'Succeeded', creator: 'user', description: 'redeploy', completeTime: new Date(clock.now()) });
  });

  it('refuses a second deployment while one is active in the group', async () => {
    // Prepare
    await clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision('d'.repeat(40)) }));

    // Act
    const creating = clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision('e'.repeat(40)) }));

    // Assess
    await expect(creating).rejects.toBeInstanceOf(DeploymentLimitExceededException);
  });

  it('stops a deployment and rolls back to the previous revision in a deployment of its own', async () => {
    // Prepare
    const before = await deploymentsOldestFirst();
    const { deploymentId } = await clients.deploy.send(new CreateDeploymentCommand({ ...GROUP, revision: revision('f'.repeat(40)) }));
    clock.advance(STAGE_MS / 2);

    // Act
    const answer = await clients.deploy.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true }));

    // Assess
    expect(answer.status).toBe('Pending');
    const stopped = await getDeployment(deploymentId);
    expect(stopped).toMatchObject({ status: 'Stopped', errorInformation: { code: 'MANUAL_STOP' } });
    const rollback = await getDeployment(stopped?.rollbackInfo?.rollbackDeploymentId);
    expect(rollback).toMatchObject({
      creator: 'codeDeployRollback',
      revision: before.at(-1)?.revision,
      rollbackInfo: { rollbackTriggeringDeploymentId: deploymentId },
    });
    clock.advance(STAGE_MS);
    expect((await getDeployment(rollback?.deploymentId))?.status).toBe('Succeeded');
  });

  it('refuses to stop a deployment that has completed', async () => {
    // Prepare
    const [done] = await deploymentsOldestFirst();

    // Act
    const stopping = clients.deploy.send(new StopDeploymentCommand({ deploymentId: done?.deploymentId, autoRollbackEnabled: true }));

    // Assess
    await expect(stopping).rejects.toBeInstanceOf(DeploymentAlreadyCompletedException);
  });

  it('fails the pipeline execution whose deployment is stopped', async () => {
    // Prepare
    const { pipelineExecutionId } = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
    clock.advance(2.5 * STAGE_MS);
    const [active] = (await clients.deploy.send(new ListDeploymentsCommand({ ...GROUP, includeOnlyStatuses: ['InProgress'] }))).deployments ?? [];

    // Act
    await clients.deploy.send(new StopDeploymentCommand({ deploymentId: active, autoRollbackEnabled: false }));

    // Assess
    const { pipelineExecution } = await clients.pipeline.send(new GetPipelineExecutionCommand({ pipelineName: 'checkout-prod', pipelineExecutionId }));
    expect(pipelineExecution?.status).toBe('Failed');
    expect(pipelineExecution?.statusSummary).toContain(active);
  });

  it('answers unknown and missing names with CodeDeploy\'s own exceptions', async () => {
    // Act & Assess
    await expect(clients.deploy.send(new GetDeploymentGroupCommand({ applicationName: 'nope', deploymentGroupName: 'x' })))
      .rejects.toBeInstanceOf(ApplicationDoesNotExistException);
    await expect(clients.deploy.send(new GetDeploymentGroupCommand({ applicationName: 'checkout', deploymentGroupName: 'nope' })))
      .rejects.toBeInstanceOf(DeploymentGroupDoesNotExistException);
    await expect(clients.deploy.send(new GetDeploymentCommand({ deploymentId: 'd-NOSUCHONE' })))
      .rejects.toBeInstanceOf(DeploymentDoesNotExistException);
    await expect(clients.deploy.send(new ListDeploymentsCommand({ deploymentGroupName: 'checkout-prod' })))
      .rejects.toBeInstanceOf(ApplicationNameRequiredException);
    await expect(clients.deploy.send(new BatchGetDeploymentsCommand({ deploymentIds: Array.from({ length: 26 }, (_, i) => `d-${i}`) })))
      .rejects.toBeInstanceOf(BatchLimitExceededException);
  });
});
