import type { Operation } from './codepipeline';
import type { DeploymentGroupRecord, DeploymentRecord, RevisionLocation, S3Location } from './model';
import { ACCOUNT_ID, type LocalAwsStore } from './store';
import { AwsServiceError, decodeToken, encodeToken, type Input, optionalBoolean, optionalString, requiredString, toEpochSeconds as s } from './wire';

/** The CodeDeploy operations the stand-in answers, in the shapes of the CodeDeploy API reference. */

/** ListDeployments answers this many ids per page. */
export const LIST_DEPLOYMENTS_PAGE_SIZE = 10;
export const BATCH_GET_DEPLOYMENTS_LIMIT = 25;
const DEPLOYMENT_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready'];
const BUNDLE_TYPES: readonly S3Location['bundleType'][] = ['zip', 'tar', 'tgz', 'YAML', 'JSON'];
const DEPLOYMENT_CONFIG = 'CodeDeployDefault.OneAtATime';
const AUTO_ROLLBACK = { enabled: true, events: ['DEPLOYMENT_FAILURE'] };
const DEPLOYMENT_STYLE = { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' };

const applicationNameRequired = (input: Input) =>
  requiredString(input, 'applicationName', 'ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
const deploymentGroupNameRequired = (input: Input) =>
  requiredString(input, 'deploymentGroupName', 'DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
const deploymentIdRequired = (input: Input) =>
  requiredString(input, 'deploymentId', 'DeploymentIdRequiredException', 'At least one deployment ID must be specified.');

function lastDeploymentInfo(store: LocalAwsStore, deployment: DeploymentRecord | undefined) {
  if (deployment === undefined) return undefined;
  const end = store.deploymentEnd(deployment);
  return {
    deploymentId: deployment.id,
    status: store.deploymentStatus(deployment),
    endTime: end === undefined ? undefined : s(end),
    createTime: s(deployment.createdAt),
  };
}

function deploymentInfo(store: LocalAwsStore, deployment: DeploymentRecord) {
  const status = store.deploymentStatus(deployment);
  const end = store.deploymentEnd(deployment);
  const started = status !== 'Created';
  const errorInformation = status === 'Failed'
    ? { code: 'HEALTH_CONSTRAINTS', message: 'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.' }
    : status === 'Stopped' ? { code: 'MANUAL_STOP', message: 'The deployment was stopped by the user.' } : undefined;
  return {
    applicationName: deployment.application,
    deploymentGroupName: deployment.deploymentGroup,
    deploymentConfigName: DEPLOYMENT_CONFIG,
    deploymentId: deployment.id,
    previousRevision: deployment.previousRevision,
    revision: deployment.revision,
    status,
    errorInformation,
    createTime: s(deployment.createdAt),
    startTime: started ? s(deployment.startAt) : undefined,
    completeTime: end === undefined ? undefined : s(end),
    deploymentOverview: {
      Pending: status === 'Created' ? 1 : 0,
      InProgress: status === 'InProgress' ? 1 : 0,
      Succeeded: status === 'Succeeded' ? 1 : 0,
      Failed: status === 'Failed' ? 1 : 0,
      Skipped: status === 'Stopped' ? 1 : 0,
      Ready: 0,
    },
    description: deployment.description,
    creator: deployment.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: AUTO_ROLLBACK,
    updateOutdatedInstancesOnly: false,
    rollbackInfo: deployment.rollbackInfo,
    deploymentStyle: DEPLOYMENT_STYLE,
    instanceTerminationWaitTimeStarted: false,
    fileExistsBehavior: 'DISALLOW',
    deploymentStatusMessages: [],
    computePlatform: 'Server',
  };
}

/**
 * The real API promises no order. This one deliberately answers in neither time order: oldest-first odd positions,
 * then even ones, so a caller that forgets to sort by createTime is caught.
 */
function unordered<T>(oldestFirst: readonly T[]): T[] {
  return [...oldestFirst.filter((_, i) => i % 2 === 1), ...oldestFirst.filter((_, i) => i % 2 === 0)];
}

function groupOf(store: LocalAwsStore, input: Input): DeploymentGroupRecord {
  const application = applicationNameRequired(input);
  const group = deploymentGroupNameRequired(input);
  return store.deploymentGroup(application, group);
}

function revisionLocation(value: unknown): RevisionLocation {
  const invalid = () => new AwsServiceError('InvalidRevisionException', 'The revision was specified in an invalid format.');
  if (typeof value !== 'object' || value === null) throw invalid();
  const revision = value as Record<string, unknown>;
  const s3 = revision.s3Location as Record<string, unknown> | undefined;
  const gitHub = revision.gitHubLocation as Record<string, unknown> | undefined;
  if (revision.revisionType === 'S3' && typeof s3?.bucket === 'string' && typeof s3.key === 'string') {
    const bundleType = s3.bundleType ?? 'zip';
    if (!BUNDLE_TYPES.includes(bundleType as S3Location['bundleType'])) throw invalid();
    return {
      revisionType: 'S3',
      s3Location: {
        bucket: s3.bucket,
        key: s3.key,
        bundleType: bundleType as S3Location['bundleType'],
        eTag: typeof s3.eTag === 'string' ? s3.eTag : undefined,
        version: typeof s3.version === 'string' ? s3.version : undefined,
      },
    };
  }
  if (revision.revisionType === 'GitHub' && typeof gitHub?.repository === 'string' && typeof gitHub.commitId === 'string') {
    return { revisionType: 'GitHub', gitHubLocation: { repository: gitHub.repository, commitId: gitHub.commitId } };
  }
  throw invalid();
}

/** ListApplications and ListDeploymentGroups answer this many names per page (AWS promises no page size). */
export const LIST_NAMES_PAGE_SIZE = 5;

/** A page of a name list, in name order, and the token for the next. */
function page(names: readonly string[], input: Input): { names: string[]; nextToken?: string } {
  const offset = decodeToken(optionalString(input, 'nextToken'));
  const sorted = [...names].sort();
  const more = offset + LIST_NAMES_PAGE_SIZE < sorted.length;
  return { names: sorted.slice(offset, offset + LIST_NAMES_PAGE_SIZE), nextToken: more ? encodeToken(offset + LIST_NAMES_PAGE_SIZE) : undefined };
}

export const codeDeployOperations: Readonly<Record<string, Operation>> = {
  ListApplications(store, input) {
    const { names, nextToken } = page(store.applicationNames(), input);
    return { applications: names, nextToken };
  },

  ListDeploymentGroups(store, input) {
    const application = applicationNameRequired(input);
    if (application.length > 100) throw new AwsServiceError('InvalidApplicationNameException', 'The application name was specified in an invalid format.');
    const { names, nextToken } = page(store.deploymentGroupNames(application), input);
    return { applicationName: application, deploymentGroups: names, nextToken };
  },


  GetDeploymentGroup(store, input) {
    const group = groupOf(store, input);
    const deployments = store.deploymentsOf(group).filter((d) => d.createdAt <= store.now());
    const lastSucceeded = store.lastSucceeded(group);
    return {
      deploymentGroupInfo: {
        applicationName: group.application,
        deploymentGroupId: group.deploymentGroupId,
        deploymentGroupName: group.deploymentGroup,
        deploymentConfigName: DEPLOYMENT_CONFIG,
        ec2TagFilters: [{ Key: 'DeploymentGroup', Value: group.deploymentGroup, Type: 'KEY_AND_VALUE' }],
        onPremisesInstanceTagFilters: [],
        autoScalingGroups: [],
        serviceRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/CodeDeployServiceRole`,
        targetRevision: lastSucceeded?.revision,
        triggerConfigurations: [],
        alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
        autoRollbackConfiguration: AUTO_ROLLBACK,
        deploymentStyle: DEPLOYMENT_STYLE,
        outdatedInstancesStrategy: 'UPDATE',
        lastSuccessfulDeployment: lastDeploymentInfo(store, lastSucceeded),
        // The group's most recently created deployment, whatever its status, as CodeDeploy names it.
        lastAttemptedDeployment: lastDeploymentInfo(store, deployments.reduce<DeploymentRecord | undefined>((newest, d) => (newest === undefined || d.createdAt >= newest.createdAt ? d : newest), undefined)),
        computePlatform: 'Server',
        terminationHookEnabled: false,
      },
    };
  },

  ListDeployments(store, input) {
    const application = optionalString(input, 'applicationName');
    const groupName = optionalString(input, 'deploymentGroupName');
    if (application !== undefined && groupName === undefined) deploymentGroupNameRequired(input);
    if (groupName !== undefined && application === undefined) applicationNameRequired(input);
    const group = application === undefined || groupName === undefined ? undefined : store.deploymentGroup(application, groupName);
    const statuses = input.includeOnlyStatuses ?? [];
    if (!Array.isArray(statuses) || statuses.some((status) => !DEPLOYMENT_STATUSES.includes(status as string))) {
      throw new AwsServiceError('InvalidDeploymentStatusException', "The specified deployment status doesn't exist or cannot be determined.");
    }
    const range = input.createTimeRange ?? {};
    if (typeof range !== 'object' || range === null || Array.isArray(range)) throw new AwsServiceError('SerializationException', "'createTimeRange' must be a structure");
    // A TimeRange's ends are timestamps (epoch seconds in AWS JSON 1.1), either left out for an open end; both inclusive here.
    const { start: rawStart, end: rawEnd } = range as { start?: unknown; end?: unknown };
    for (const [member, value] of [['start', rawStart], ['end', rawEnd]] as const) {
      if (value !== undefined && value !== null && typeof value !== 'number') throw new AwsServiceError('SerializationException', `'createTimeRange.${member}' must be a timestamp`);
    }
    const start = typeof rawStart === 'number' ? rawStart * 1000 : -Infinity;
    const end = typeof rawEnd === 'number' ? rawEnd * 1000 : Infinity;
    if (start > end) throw new AwsServiceError('InvalidTimeRangeException', 'The specified time range was specified in an invalid format.');
    const externalId = optionalString(input, 'externalId');
    const matching = store.deploymentsOf(group).filter((d) => externalId === undefined
      && d.createdAt <= store.now() && d.createdAt >= start && d.createdAt <= end
      && (statuses.length === 0 || statuses.includes(store.deploymentStatus(d))));
    const ids = unordered(matching.map((d) => d.id));
    const offset = decodeToken(optionalString(input, 'nextToken'));
    const more = offset + LIST_DEPLOYMENTS_PAGE_SIZE < ids.length;
    return {
      deployments: ids.slice(offset, offset + LIST_DEPLOYMENTS_PAGE_SIZE),
      nextToken: more ? encodeToken(offset + LIST_DEPLOYMENTS_PAGE_SIZE) : undefined,
    };
  },

  BatchGetDeployments(store, input) {
    const ids = input.deploymentIds;
    if (!Array.isArray(ids) || ids.length === 0) {
      throw new AwsServiceError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    }
    if (ids.length > BATCH_GET_DEPLOYMENTS_LIMIT) {
      throw new AwsServiceError('BatchLimitExceededException', `The maximum number of names or IDs allowed for this request (${BATCH_GET_DEPLOYMENTS_LIMIT}) was exceeded.`);
    }
    // Unknown ids are left out of the answer rather than failing the batch.
    const found = ids.map((id) => store.findDeployment(String(id))).filter((d): d is DeploymentRecord => d !== undefined);
    return { deploymentsInfo: found.map((deployment) => deploymentInfo(store, deployment)) };
  },

  GetDeployment(store, input) {
    return { deploymentInfo: deploymentInfo(store, store.deployment(deploymentIdRequired(input))) };
  },

  CreateDeployment(store, input) {
    const application = applicationNameRequired(input);
    const deploymentGroup = deploymentGroupNameRequired(input);
    if (input.revision === undefined || input.revision === null) {
      throw new AwsServiceError('RevisionRequiredException', 'The revision ID was not specified.');
    }
    const revision = revisionLocation(input.revision);
    const description = optionalString(input, 'description');
    return { deploymentId: store.createDeployment({ application, deploymentGroup, revision, description }).id };
  },

  StopDeployment(store, input) {
    return store.stopDeployment(deploymentIdRequired(input), optionalBoolean(input, 'autoRollbackEnabled') ?? false);
  },
};

/** The error a "notFound" fault answers with. */
export function codeDeployNotFound(operation: string): AwsServiceError {
  if (['GetDeployment', 'StopDeployment', 'BatchGetDeployments'].includes(operation)) {
    return new AwsServiceError('DeploymentDoesNotExistException', 'The deployment could not be found (injected fault).');
  }
  return operation === 'ListDeploymentGroups'
    ? new AwsServiceError('ApplicationDoesNotExistException', 'No application found for that name (injected fault).')
    : new AwsServiceError('DeploymentGroupDoesNotExistException', 'No Deployment Group found for that name (injected fault).');
}
