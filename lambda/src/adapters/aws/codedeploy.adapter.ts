import type {
  CodeDeployClient, DeploymentInfo, DeploymentStatus as AwsDeploymentStatus, ListDeploymentsCommandInput, RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { ROLLBACK_DESCRIPTION, type Deployment, type DeploymentGroupRef, type DeploymentStatus, type ReadHistory, type Revision } from '../../domain/release';
import type { DeploymentPort } from '../../ports/deployment.port';
import { BatchGetDeploymentsCommand, CreateDeploymentCommand, GetDeploymentGroupCommand, ListDeploymentsCommand, StopDeploymentCommand } from './sdk';
import { requireId, sendCommand } from './send';
import { nodeCrypto } from '../../runtime/node-crypto';

/** BatchGetDeployments takes at most 25 ids. */
const BATCH_SIZE = 25;
/** ListDeployments pages followed at most; each page holds up to 100 ids, more than any limit we ask for. */
const MAX_LIST_PAGES = 2;
/** BatchGetDeployments calls in flight at once while reading a long history, so that a report is not throttled. */
const PARALLEL_BATCHES = 4;
/**
 * ListDeployments promises no order, so "the newest" is only known once every id that could be newer was listed:
 * the recent deployments are looked for among those created in the last week, then the last quarter, then ever,
 * until a window that was listed in full holds enough of them. A wider window the page bound cut short could miss
 * the newest, so then the narrower window listed in full is kept, even with fewer than asked for.
 */
const RECENT_WINDOWS_DAYS = [7, 90] as const;
const DAY_MS = 86_400_000;

function basename(key: string): string {
  return key.split('/').filter((part) => part !== '').pop() ?? key;
}

function shortSha256(content: { content?: string; sha256?: string } | undefined): string {
  const sha = content?.sha256 ?? nodeCrypto().createHash('sha256').update(content?.content ?? '').digest('hex');
  return sha.slice(0, 8);
}

/** What a revision is, in the domain's terms: kind, short id, and a readable file name when there is one. */
export function describeRevision(location: RevisionLocation): Omit<Revision, 'location'> {
  switch (location.revisionType) {
    case 'GitHub':
      return { kind: 'commit', id: (location.gitHubLocation?.commitId ?? 'unknown').slice(0, 7) };
    case 'S3': {
      const s3 = location.s3Location;
      const name = basename(s3?.key ?? 'unknown');
      const version = s3?.version ?? s3?.eTag?.replace(/"/g, '');
      // CodePipeline names its artifacts with random keys ("tVvunsm"): only a name with an extension is worth saying.
      const file = /\.[a-z0-9]{2,5}$/i.test(name) ? name : undefined;
      return { kind: 'archive', id: version !== undefined && version !== '' ? version.slice(0, 8) : (file ?? name.slice(0, 8)), file };
    }
    case 'String':
      return { kind: 'appspec', id: shortSha256(location.string) };
    case 'AppSpecContent':
      return { kind: 'appspec', id: shortSha256(location.appSpecContent) };
    default:
      return { kind: 'other', id: location.revisionType ?? 'unknown' };
  }
}

function toDeployment(info: DeploymentInfo): Deployment | undefined {
  if (info.deploymentId === undefined) return undefined;
  return {
    id: info.deploymentId,
    status: info.status ?? 'Unknown',
    createdAt: info.createTime,
    completedAt: info.completeTime,
    creator: info.creator,
    description: info.description,
    rollbackOf: info.rollbackInfo?.rollbackTriggeringDeploymentId,
    isRollback:
      info.creator === 'codeDeployRollback' ||
      info.rollbackInfo?.rollbackTriggeringDeploymentId !== undefined ||
      (info.description ?? '').startsWith(ROLLBACK_DESCRIPTION),
    revision: info.revision === undefined ? undefined : { ...describeRevision(info.revision), location: info.revision },
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function asRevisionLocation(location: unknown): RevisionLocation {
  if (typeof location !== 'object' || location === null || !('revisionType' in location)) {
    throw new TypeError('redeploy needs the revision location exactly as CodeDeploy returned it');
  }
  return location as RevisionLocation;
}

const newestFirst = (a: Deployment, b: Deployment) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0);

/** DeploymentPort on AWS CodeDeploy. */
export class CodeDeployAdapter implements DeploymentPort {
  constructor(private readonly clientFor: (region: string) => CodeDeployClient, private readonly now: () => Date = () => new Date()) {}

  async recentDeployments(group: DeploymentGroupRef, statuses: readonly DeploymentStatus[], limit: number): Promise<Deployment[]> {
    const client = this.clientFor(group.region);
    const includeOnlyStatuses = statuses.length > 0 ? (statuses as AwsDeploymentStatus[]) : undefined;
    let ids: string[] = [];
    let listedInFull = false;
    for (const days of [...RECENT_WINDOWS_DAYS, undefined]) {
      const createTimeRange = days === undefined ? undefined : { start: new Date(this.now().getTime() - days * DAY_MS) };
      const listed = await this.listIds(client, group, { includeOnlyStatuses, createTimeRange }, MAX_LIST_PAGES);
      if (!listed.complete) {
        if (!listedInFull || ids.length === 0) ids = listed.ids;
        break;
      }
      [ids, listedInFull] = [listed.ids, true];
      if (ids.length >= limit) break;
    }
    const deployments = await this.describe(client, ids, ids.length);
    return deployments.slice(0, limit);
  }

  /**
   * GetDeploymentGroup names the group's most recent attempted deployment (`lastAttemptedDeployment`: its id, status
   * and times, not its revision), which BatchGetDeployments then reads in full. Listing the group's deployments
   * instead would read every one of a busy week's (ListDeployments promises no order) and, past the pages it follows,
   * could miss the newest.
   */
  async latestDeployment(group: DeploymentGroupRef): Promise<Deployment | undefined> {
    const client = this.clientFor(group.region);
    const output = await sendCommand(
      client,
      new GetDeploymentGroupCommand({ applicationName: group.application, deploymentGroupName: group.deploymentGroup }),
      { operation: 'GetDeploymentGroup', mutating: false, retrySafe: true },
    );
    const id = output.deploymentGroupInfo?.lastAttemptedDeployment?.deploymentId;
    if (id === undefined || id === '') return undefined;
    const [deployment] = await this.describe(client, [id], 1);
    return deployment;
  }

  async deploymentsCreated(group: DeploymentGroupRef, from: Date, to: Date, maxPages: number): Promise<ReadHistory<Deployment>> {
    const client = this.clientFor(group.region);
    const { ids, complete } = await this.listIds(client, group, { createTimeRange: { start: from, end: to } }, maxPages);
    const deployments = await this.describe(client, ids, PARALLEL_BATCHES);
    // The range's ends are AWS's to interpret: the report's period includes its start and excludes its end.
    const inRange = deployments.filter((d) => d.createdAt !== undefined && d.createdAt >= from && d.createdAt < to);
    return { items: inRange, complete };
  }

  /** The deployments with these ids, newest first, read `parallel` batches at a time. */
  private async describe(client: CodeDeployClient, ids: readonly string[], parallel: number): Promise<Deployment[]> {
    const batches = chunks(ids, BATCH_SIZE);
    const infos: DeploymentInfo[] = [];
    for (const wave of chunks(batches, Math.max(1, parallel))) {
      const outputs = await Promise.all(wave.map((deploymentIds) =>
        sendCommand(client, new BatchGetDeploymentsCommand({ deploymentIds }), {
          operation: 'BatchGetDeployments',
          mutating: false,
          retrySafe: true,
        })));
      infos.push(...outputs.flatMap((output) => output.deploymentsInfo ?? []));
    }
    return infos
      .map(toDeployment)
      .filter((deployment): deployment is Deployment => deployment !== undefined)
      .sort(newestFirst);
  }

  private async listIds(
    client: CodeDeployClient, group: DeploymentGroupRef, filter: Pick<ListDeploymentsCommandInput, 'includeOnlyStatuses' | 'createTimeRange'>, maxPages: number,
  ): Promise<{ ids: string[]; complete: boolean }> {
    const ids: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const output = await sendCommand(
        client,
        new ListDeploymentsCommand({
          applicationName: group.application,
          deploymentGroupName: group.deploymentGroup,
          ...filter,
          nextToken,
        }),
        { operation: 'ListDeployments', mutating: false, retrySafe: true },
      );
      ids.push(...(output.deployments ?? []));
      nextToken = output.nextToken;
      if (nextToken === undefined || nextToken === '') return { ids: [...new Set(ids)], complete: true };
    }
    return { ids: [...new Set(ids)], complete: false };
  }

  async redeploy(group: DeploymentGroupRef, revision: Revision, description: string): Promise<{ deploymentId: string; requestId?: string }> {
    const operation = 'CreateDeployment';
    const output = await sendCommand(
      this.clientFor(group.region),
      new CreateDeploymentCommand({
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        revision: asRevisionLocation(revision.location),
        description,
      }),
      // No idempotency token exists: a second attempt could deploy twice, or fail as busy because of the first.
      { operation, mutating: true, retrySafe: false },
    );
    return { deploymentId: requireId(output.deploymentId, operation, output.$metadata?.requestId), requestId: output.$metadata?.requestId };
  }

  async stop(deploymentId: string, region: string, rollBack: boolean): Promise<{ status: string; message?: string; requestId?: string }> {
    const output = await sendCommand(
      this.clientFor(region),
      new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollBack }),
      { operation: 'StopDeployment', mutating: true, retrySafe: false },
    );
    return { status: output.status ?? 'Unknown', message: output.statusMessage, requestId: output.$metadata?.requestId };
  }
}
