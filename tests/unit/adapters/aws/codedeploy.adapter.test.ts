import { ROLLBACK_DESCRIPTION } from '../../../../lambda/src/domain/release';
import { createHash } from 'node:crypto';
import {
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  DeploymentAlreadyCompletedException,
  DeploymentGroupDoesNotExistException,
  DeploymentLimitExceededException,
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
