import 'aws-sdk-client-mock-jest';
import { ROLLBACK_DESCRIPTION } from '../../../../lambda/src/domain/release';
import { createHash } from 'node:crypto';
import {
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  DeploymentAlreadyCompletedException,
  DeploymentGroupDoesNotExistException,
  DeploymentLimitExceededException,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
  type DeploymentInfo,
  type RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CodeDeployAdapter,
  describeRevision,
} from '../../../../lambda/src/adapters/aws/codedeploy.adapter';
import {
  AwsUnavailableError,
  BusyError,
  InvalidStateError,
  ResourceNotFoundError,
} from '../../../../lambda/src/domain/errors';
import type { DeploymentGroupRef } from '../../../../lambda/src/domain/release';

const deployMock = mockClient(CodeDeployClient);
const group: DeploymentGroupRef = { application: 'checkout', deploymentGroup: 'prod', region: 'us-west-2' };
const metadata = { $metadata: { requestId: 'req-7', httpStatusCode: 400 } };
const gitHub: RevisionLocation = { revisionType: 'GitHub', gitHubLocation: { repository: 'acme/checkout', commitId: 'abcdef1234567890' } };

function makeAdapter() {
  const regions: string[] = [];
  const adapter = new CodeDeployAdapter((region) => {
    regions.push(region);
    return new CodeDeployClient({ region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  });
  return { adapter, regions };
}

function info(id: string, day: number, extra: Partial<DeploymentInfo> = {}): DeploymentInfo {
  return { deploymentId: id, status: 'Succeeded', createTime: new Date(Date.UTC(2024, 4, day)), creator: 'user', ...extra };
}

beforeEach(() => deployMock.reset());

describe('CodeDeployAdapter.recentDeployments', () => {
  it('lists the group with the requested statuses in its own region', async () => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).resolves({ deployments: [] });
    const { adapter, regions } = makeAdapter();

    // Act
    const deployments = await adapter.recentDeployments(group, ['Succeeded', 'Stopped'], 3);

    // Assess
    expect(deployMock).toHaveReceivedCommandWith(ListDeploymentsCommand, {
      applicationName: 'checkout',
      deploymentGroupName: 'prod',
      includeOnlyStatuses: ['Succeeded', 'Stopped'],
    });
    expect(deployMock).not.toHaveReceivedCommand(BatchGetDeploymentsCommand);
    expect(deployments).toEqual([]);
    expect(regions).toEqual(['us-west-2']);
  });

  it('maps each deployment and sorts newest first whatever order AWS returns', async () => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-1', 'd-3', 'd-2'] });
    deployMock.on(BatchGetDeploymentsCommand).resolves({
      deploymentsInfo: [
        info('d-1', 1),
        info('d-3', 3, { completeTime: new Date(Date.UTC(2024, 4, 3, 1)), description: 'hotfix', revision: gitHub }),
        info('d-2', 2),
      ],
    });
    const { adapter } = makeAdapter();

    // Act
    const deployments = await adapter.recentDeployments(group, ['Succeeded'], 10);

    // Assess
    expect(deployments.map((deployment) => deployment.id)).toEqual(['d-3', 'd-2', 'd-1']);
    expect(deployments[0]).toEqual({
      id: 'd-3',
      status: 'Succeeded',
      createdAt: new Date(Date.UTC(2024, 4, 3)),
      completedAt: new Date(Date.UTC(2024, 4, 3, 1)),
      creator: 'user',
      description: 'hotfix',
      isRollback: false,
      revision: { kind: 'commit', id: 'abcdef1', location: gitHub },
    });
  });

  it('follows one next page and fetches 30 ids in two batches', async () => {
    // Prepare
    const ids = Array.from({ length: 30 }, (_, i) => `d-${i + 1}`);
    deployMock
      .on(ListDeploymentsCommand)
      .resolvesOnce({ deployments: ids.slice(0, 20), nextToken: 'page-2' })
      .resolvesOnce({ deployments: ids.slice(20) });
    deployMock.on(BatchGetDeploymentsCommand).callsFake((input: { deploymentIds: string[] }) => ({
      deploymentsInfo: input.deploymentIds.map((id) => info(id, Number(id.slice(2)))),
    }));
    const { adapter } = makeAdapter();

    // Act
    const deployments = await adapter.recentDeployments(group, ['Succeeded'], 5);

    // Assess
    expect(deployMock).toHaveReceivedCommandTimes(ListDeploymentsCommand, 2);
    expect(deployMock).toHaveReceivedNthSpecificCommandWith(2, ListDeploymentsCommand, { nextToken: 'page-2' });
    expect(deployMock).toHaveReceivedCommandTimes(BatchGetDeploymentsCommand, 2);
    expect(deployMock).toHaveReceivedCommandWith(BatchGetDeploymentsCommand, { deploymentIds: ids.slice(0, 25) });
    expect(deployMock).toHaveReceivedCommandWith(BatchGetDeploymentsCommand, { deploymentIds: ids.slice(25) });
    expect(deployments.map((deployment) => deployment.id)).toEqual(['d-30', 'd-29', 'd-28', 'd-27', 'd-26']);
  });

  it('looks for the newest among the last week\'s deployments, then the last quarter\'s, then all, until a window holds enough', async () => {
    // Prepare: AWS lists in no promised order, so only a window listed in full can be trusted to hold the newest.
    const now = new Date('2024-05-20T12:00:00Z');
    deployMock
      .on(ListDeploymentsCommand)
      .resolvesOnce({ deployments: ['d-19'] })
      .resolvesOnce({ deployments: ['d-19', 'd-3'] })
      .resolvesOnce({ deployments: ['d-19', 'd-3', 'd-1'] });
    deployMock.on(BatchGetDeploymentsCommand).callsFake((input: { deploymentIds: string[] }) => ({
      deploymentsInfo: input.deploymentIds.map((id) => info(id, Number(id.slice(2)))),
    }));
    const adapter = new CodeDeployAdapter(() => new CodeDeployClient({ region: 'us-west-2', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }), () => now);

    // Act
    const deployments = await adapter.recentDeployments(group, ['Succeeded'], 3);

    // Assess
    const ranges = deployMock.commandCalls(ListDeploymentsCommand).map((call) => call.args[0].input.createTimeRange);
    expect(ranges).toEqual([{ start: new Date('2024-05-13T12:00:00Z') }, { start: new Date('2024-02-20T12:00:00Z') }, undefined]);
    expect(deployments.map((d) => d.id)).toEqual(['d-19', 'd-3', 'd-1']);
  });

  it('keeps the last week listed in full rather than a quarter cut short by the page bound', async () => {
    // Prepare
    deployMock
      .on(ListDeploymentsCommand)
      .resolvesOnce({ deployments: ['d-19', 'd-18'] })
      .resolves({ deployments: ['d-2', 'd-1'], nextToken: 'more' });
    deployMock.on(BatchGetDeploymentsCommand).callsFake((input: { deploymentIds: string[] }) => ({
      deploymentsInfo: input.deploymentIds.map((id) => info(id, Number(id.slice(2)))),
    }));
    const { adapter } = makeAdapter();

    // Act
    const deployments = await adapter.recentDeployments(group, ['Succeeded'], 50);

    // Assess
    expect(deployMock).toHaveReceivedCommandTimes(ListDeploymentsCommand, 3);
    expect(deployments.map((d) => d.id)).toEqual(['d-19', 'd-18']);
  });

  it('trusts the last week when it was listed in full and holds enough', async () => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-19', 'd-18'] });
    deployMock.on(BatchGetDeploymentsCommand).callsFake((input: { deploymentIds: string[] }) => ({
      deploymentsInfo: input.deploymentIds.map((id) => info(id, Number(id.slice(2)))),
    }));
    const { adapter } = makeAdapter();

    // Act
    const [latest] = await adapter.recentDeployments(group, [], 1);

    // Assess
    expect(deployMock).toHaveReceivedCommandTimes(ListDeploymentsCommand, 1);
    expect(latest?.id).toBe('d-19');
  });

  it('stops after two pages even when AWS offers more', async () => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).resolves({ deployments: [], nextToken: 'more' });
    const { adapter } = makeAdapter();

    // Act
    await adapter.recentDeployments(group, ['Succeeded'], 5);

    // Assess
    expect(deployMock).toHaveReceivedCommandTimes(ListDeploymentsCommand, 2);
  });

  it.each([
    ['CodeDeploy created it to roll back', { creator: 'codeDeployRollback' }],
    ['it names the deployment it rolls back', { rollbackInfo: { rollbackTriggeringDeploymentId: 'd-0' } }],
    ['we created it as a rollback', { description: `${ROLLBACK_DESCRIPTION} of d-0 to abcdef1` }],
  ] as const)('marks a deployment as a rollback when %s', async (_reason, extra) => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-1'] });
    deployMock.on(BatchGetDeploymentsCommand).resolves({ deploymentsInfo: [info('d-1', 1, extra)] });
    const { adapter } = makeAdapter();

    // Act
    const [deployment] = await adapter.recentDeployments(group, ['Succeeded'], 5);

    // Assess
    expect(deployment?.isRollback).toBe(true);
  });

  it('reports a missing deployment group as ResourceNotFoundError with the request id', async () => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).rejects(new DeploymentGroupDoesNotExistException({ message: 'nope', ...metadata }));
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.recentDeployments(group, ['Succeeded'], 5);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(failure).rejects.toMatchObject({ requestId: 'req-7', operation: 'ListDeployments' });
  });
});

describe('CodeDeployAdapter.latestDeployment', () => {
  it('reads the deployment the group last attempted, in full, in the group\'s region, without listing the group', async () => {
    // Prepare: the group's last attempt is a rollback still running
    deployMock.on(GetDeploymentGroupCommand).resolves({
      deploymentGroupInfo: {
        lastAttemptedDeployment: { deploymentId: 'd-NEWEST', status: 'InProgress', createTime: new Date(Date.UTC(2024, 4, 9)) },
        lastSuccessfulDeployment: { deploymentId: 'd-OLDER', status: 'Succeeded' },
      },
    });
    deployMock.on(BatchGetDeploymentsCommand).resolves({
      deploymentsInfo: [info('d-NEWEST', 9, { status: 'InProgress', creator: 'codeDeployRollback', revision: gitHub })],
    });
    const { adapter, regions } = makeAdapter();

    // Act
    const deployment = await adapter.latestDeployment(group);

    // Assess
    expect(deployMock).toHaveReceivedCommandWith(GetDeploymentGroupCommand, { applicationName: 'checkout', deploymentGroupName: 'prod' });
    expect(deployMock).toHaveReceivedCommandWith(BatchGetDeploymentsCommand, { deploymentIds: ['d-NEWEST'] });
    expect(deployMock).not.toHaveReceivedCommand(ListDeploymentsCommand);
    expect(deployment).toMatchObject({ id: 'd-NEWEST', status: 'InProgress', isRollback: true, revision: { kind: 'commit', id: 'abcdef1' } });
    expect(regions).toEqual(['us-west-2']);
  });

  it('says there is none for a group that was never deployed to, without reading any deployment', async () => {
    // Prepare
    deployMock.on(GetDeploymentGroupCommand).resolves({ deploymentGroupInfo: { deploymentGroupName: 'prod' } });
    const { adapter } = makeAdapter();

    // Act
    const deployment = await adapter.latestDeployment(group);

    // Assess
    expect(deployment).toBeUndefined();
    expect(deployMock).not.toHaveReceivedCommand(BatchGetDeploymentsCommand);
  });

  it('reports a missing deployment group as ResourceNotFoundError', async () => {
    // Prepare
    deployMock.on(GetDeploymentGroupCommand).rejects(new DeploymentGroupDoesNotExistException({ message: 'nope', ...metadata }));
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.latestDeployment(group);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(failure).rejects.toMatchObject({ requestId: 'req-7', operation: 'GetDeploymentGroup' });
  });
});

describe('CodeDeployAdapter.deploymentsCreated', () => {
  const from = new Date('2024-05-10T00:00:00Z');
  const to = new Date('2024-05-17T00:00:00Z');

  it('lists the group over the period with createTimeRange, every page, and keeps [from, to)', async () => {
    // Prepare
    deployMock
      .on(ListDeploymentsCommand)
      .resolvesOnce({ deployments: ['d-10', 'd-12'], nextToken: 'page-2' })
      .resolvesOnce({ deployments: ['d-17', 'd-16'] });
    deployMock.on(BatchGetDeploymentsCommand).callsFake((input: { deploymentIds: string[] }) => ({
      deploymentsInfo: input.deploymentIds.map((id) => info(id, Number(id.slice(2)))),
    }));
    const { adapter } = makeAdapter();

    // Act
    const history = await adapter.deploymentsCreated(group, from, to, 10);

    // Assess
    expect(deployMock).toHaveReceivedNthSpecificCommandWith(1, ListDeploymentsCommand, {
      applicationName: 'checkout', deploymentGroupName: 'prod', createTimeRange: { start: from, end: to }, nextToken: undefined,
    });
    expect(deployMock).toHaveReceivedNthSpecificCommandWith(2, ListDeploymentsCommand, { nextToken: 'page-2', createTimeRange: { start: from, end: to } });
    expect(deployMock.commandCalls(ListDeploymentsCommand)[0]?.args[0].input).not.toHaveProperty('includeOnlyStatuses');
    // Created at the first instant: kept; at the period's end: left for the next period.
    expect(history).toEqual({ items: expect.any(Array), complete: true });
    expect(history.items.map((d) => d.id)).toEqual(['d-16', 'd-12', 'd-10']);
  });

  it('reads batches four at a time, and says the history is incomplete at the page bound', async () => {
    // Prepare: three pages of 100 ids offered, two read: eight batches of 25.
    let page = 0;
    deployMock.on(ListDeploymentsCommand).callsFake(() => {
      page += 1;
      return { deployments: Array.from({ length: 100 }, (_, i) => `d-${page}-${i}`), nextToken: 'more' };
    });
    let inFlight = 0;
    let mostInFlight = 0;
    deployMock.on(BatchGetDeploymentsCommand).callsFake(async (input: { deploymentIds: string[] }) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { deploymentsInfo: input.deploymentIds.map((id) => info(id, 12)) };
    });
    const { adapter } = makeAdapter();

    // Act
    const history = await adapter.deploymentsCreated(group, from, to, 2);

    // Assess
    expect(deployMock).toHaveReceivedCommandTimes(ListDeploymentsCommand, 2);
    expect(deployMock).toHaveReceivedCommandTimes(BatchGetDeploymentsCommand, 8);
    expect(mostInFlight).toBe(4);
    expect(history.complete).toBe(false);
    expect(history.items).toHaveLength(200);
  });

  it('names the deployment a CodeDeploy rollback rolls back', async () => {
    // Prepare
    deployMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-12'] });
    deployMock.on(BatchGetDeploymentsCommand).resolves({
      deploymentsInfo: [info('d-12', 12, { creator: 'codeDeployRollback', rollbackInfo: { rollbackTriggeringDeploymentId: 'd-11' } })],
    });
    const { adapter } = makeAdapter();

    // Act
    const { items: [deployment] } = await adapter.deploymentsCreated(group, from, to, 10);

    // Assess
    expect(deployment).toMatchObject({ id: 'd-12', isRollback: true, rollbackOf: 'd-11' });
  });
});

describe('describeRevision', () => {
  const appSpec = '{"version":0.0}';
  it.each([
    ['a GitHub commit', gitHub, { kind: 'commit', id: 'abcdef1' }],
    ['an S3 object version', { revisionType: 'S3', s3Location: { bucket: 'b', key: 'builds/checkout/app.zip', version: 'v123456789xyz' } }, { kind: 'archive', id: 'v1234567', file: 'app.zip' }],
    ['an S3 object eTag', { revisionType: 'S3', s3Location: { bucket: 'b', key: 'app.zip', eTag: '"0123456789abcdef"' } }, { kind: 'archive', id: '01234567', file: 'app.zip' }],
    ['an unversioned S3 object', { revisionType: 'S3', s3Location: { bucket: 'b', key: 'app.zip' } }, { kind: 'archive', id: 'app.zip', file: 'app.zip' }],
    ['a CodePipeline artifact with a random key', { revisionType: 'S3', s3Location: { bucket: 'b', key: 'checkout-prod/BuildArtif/tVvunsm', version: 'd1ce26bc99' } }, { kind: 'archive', id: 'd1ce26bc', file: undefined }],
    ['a String AppSpec with its sha256', { revisionType: 'String', string: { content: appSpec, sha256: 'feedbeef00' } }, { kind: 'appspec', id: 'feedbeef' }],
    [
      'AppSpecContent without sha256',
      { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
      { kind: 'appspec', id: createHash('sha256').update(appSpec).digest('hex').slice(0, 8) },
    ],
  ] as const)('describes %s', (_kind, location, expected) => {
    expect(describeRevision(location as RevisionLocation)).toEqual(expected);
  });
});

describe('CodeDeployAdapter.redeploy', () => {
  it('deploys the revision location unchanged with the description', async () => {
    // Prepare
    const location: RevisionLocation = { revisionType: 'S3', s3Location: { bucket: 'b', key: 'app.zip', bundleType: 'zip', version: 'v1', eTag: 'e1' } };
    deployMock.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-new' });
    const { adapter } = makeAdapter();

    // Act
    const result = await adapter.redeploy(group, { kind: 'archive', id: 'v1', file: 'app.zip', location }, `${ROLLBACK_DESCRIPTION} to app.zip`);

    // Assess
    expect(deployMock).toHaveReceivedCommandWith(CreateDeploymentCommand, {
      applicationName: 'checkout',
      deploymentGroupName: 'prod',
      revision: location,
      description: 'push-to-prod rollback to app.zip',
    });
    expect(result).toEqual({ deploymentId: 'd-new' });
  });

  it('fails instead of reporting success when AWS returns no deployment id', async () => {
    // Prepare
    deployMock.on(CreateDeploymentCommand).resolves({});
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.redeploy(group, { kind: 'commit', id: 'abcdef1', location: gitHub }, 'x');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(AwsUnavailableError);
    await expect(failure).rejects.toMatchObject({ mutating: true });
  });

  it('reports a deployment already running in the group as BusyError', async () => {
    // Prepare
    deployMock.on(CreateDeploymentCommand).rejects(new DeploymentLimitExceededException({ message: 'one at a time', ...metadata }));
    const { adapter } = makeAdapter();

    // Act / Assess
    await expect(adapter.redeploy(group, { kind: 'commit', id: 'abcdef1', location: gitHub }, 'x')).rejects.toBeInstanceOf(BusyError);
  });

  it('refuses a revision that is not a CodeDeploy location, without calling AWS', async () => {
    // Prepare
    const { adapter } = makeAdapter();

    // Act
    const failure = adapter.redeploy(group, { kind: 'other', id: 'x', location: 'abcdef1' }, 'x');

    // Assess
    await expect(failure).rejects.toThrow(TypeError);
    expect(deployMock).not.toHaveReceivedCommand(CreateDeploymentCommand);
  });
});

describe('CodeDeployAdapter.stop', () => {
  it('stops the deployment in the given region and returns its status', async () => {
    // Prepare
    deployMock.on(StopDeploymentCommand).resolves({ status: 'Pending', statusMessage: 'Stopping' });
    const { adapter, regions } = makeAdapter();

    // Act
    const result = await adapter.stop('d-9', 'ap-southeast-2', true);

    // Assess
    expect(deployMock).toHaveReceivedCommandWith(StopDeploymentCommand, { deploymentId: 'd-9', autoRollbackEnabled: true });
    expect(result).toEqual({ status: 'Pending', message: 'Stopping' });
    expect(regions).toEqual(['ap-southeast-2']);
  });

  it('reports a finished deployment as InvalidStateError', async () => {
    // Prepare
    deployMock.on(StopDeploymentCommand).rejects(new DeploymentAlreadyCompletedException({ message: 'done', ...metadata }));
    const { adapter } = makeAdapter();

    // Act / Assess
    await expect(adapter.stop('d-9', 'us-west-2', false)).rejects.toBeInstanceOf(InvalidStateError);
  });
});
