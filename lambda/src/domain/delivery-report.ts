import { ACTIVE_DEPLOYMENT_STATUSES, ACTIVE_EXECUTION_STATUSES, type Deployment, type PipelineExecution } from './release';

/*
 * Delivery numbers for one service in one environment over a period, computed from its pipeline executions and
 * CodeDeploy deployments. They follow DORA's software delivery metrics (https://dora.dev/guides/dora-metrics-four-keys/,
 * and Google's Four Keys project, https://github.com/dora-team/fourkeys): deployment frequency ("how often an
 * organization successfully releases to production"), change failure rate ("the percentage of deployments causing a
 * failure in production") and time to restore service ("how long it takes an organization to recover from a failure
 * in production"; DORA now calls it failed deployment recovery time). Lead time for changes needs commit times that
 * neither API gives, so median pipeline duration stands in for the part of it a pipeline controls.
 *
 * What counts, exactly (README "How are we doing" says the same in plain words):
 * - A release is a pipeline execution that started in the period and ended Succeeded or Failed; an environment with
 *   no pipeline counts its CodeDeploy deployments instead (ended Succeeded, Failed or Stopped). Rollbacks (pipeline
 *   executions of type ROLLBACK, deployments CodeDeploy or this skill made to roll back) are recoveries, not
 *   releases. Executions still running are not counted; neither are Stopped, Cancelled or Superseded ones, which
 *   shipped nothing and did not fail. In an environment with a pipeline, CodeDeploy deployments other than rollbacks
 *   are the pipeline's own and are not counted twice.
 * - Deployment frequency: succeeded releases per day (or per week) of the period.
 * - A failed release is one that failed (a Failed execution, wherever in the pipeline; a Failed or Stopped
 *   deployment) or one that succeeded and was then rolled back. A rollback rolls back the deployment CodeDeploy names
 *   as its trigger (`rollbackInfo.rollbackTriggeringDeploymentId`) when that one succeeded; a rollback of a failed
 *   or stopped deployment recovers from a failure already counted. A rollback without a trigger (the skill's own, a
 *   pipeline stage rollback) rolls back the latest release that ended before it, if that one succeeded.
 * - Change failure rate: failed releases / releases.
 * - Time to restore: from a failure (a failed release ending; for a release rolled back later, the moment it went
 *   live) to the end of the next succeeded release or succeeded rollback in that environment. Failures in a row are
 *   one outage, timed from the first. The median over outages that began in the period; an outage not over by the
 *   end of the period is counted as not restored.
 * - Median pipeline duration: from start to last update of the succeeded pipeline executions among the releases.
 */

/** The history read for one service in one environment. */
export interface TargetHistory {
  readonly hasPipeline: boolean;
  readonly executions: readonly PipelineExecution[];
  readonly deployments: readonly Deployment[];
  /** False when a page bound stopped a read: the numbers may then miss records. */
  readonly complete: boolean;
  /**
   * When a bound stopped the pipeline's read (newest first), the oldest start it reached: the numbers then cover
   * only the time from there.
   */
  readonly readFrom?: Date;
}

export interface DeliveryMetrics {
  readonly start: Date;
  readonly end: Date;
  readonly days: number;
  /** Releases that ended in success or failure. */
  readonly releases: number;
  readonly succeeded: number;
  /** Releases that failed, and succeeded releases rolled back later. */
  readonly failed: number;
  readonly rolledBack: number;
  /** Releases still running: not counted anywhere else. */
  readonly running: number;
  /** failed / releases; undefined without releases. */
  readonly changeFailureRate?: number;
  /** How long each outage that began in the period took to restore, in order. */
  readonly restoresMs: readonly number[];
  /** Outages still open at the end of the period. */
  readonly unrestored: number;
  /** Start to last update of each succeeded pipeline execution. */
  readonly pipelineRunsMs: readonly number[];
  readonly complete: boolean;
}

interface Release {
  readonly id: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly succeeded: boolean;
  /** Succeeded pipeline runs only. */
  readonly runMs?: number;
}

interface Rollback {
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly succeeded: boolean;
  readonly rollbackOf?: string;
}

const DAY_MS = 86_400_000;
const ENDED_EXECUTION = new Set(['Succeeded', 'Failed']);
const ENDED_DEPLOYMENT = new Set(['Succeeded', 'Failed', 'Stopped']);

/** The delivery numbers of one service in one environment over [start, end). */
export function deliveryMetrics(history: TargetHistory, periodStart: Date, end: Date): DeliveryMetrics {
  const start = history.readFrom !== undefined && history.readFrom > periodStart ? history.readFrom : periodStart;
  const from = start.getTime();
  const to = end.getTime();
  const inPeriod = (at: number | undefined): at is number => at !== undefined && at >= from && at < to;

  const { releases, rollbacks, running } = history.hasPipeline ? fromPipeline(history.executions) : fromDeployments(history.deployments);
  // CodeDeploy's and this skill's rollbacks count in an environment with a pipeline too.
  rollbacks.push(...rollbackDeployments(history.deployments));
  const counted = releases.filter((r) => inPeriod(r.startedAt)).sort((a, b) => a.startedAt - b.startedAt);
  const rolledBack = rolledBackReleases(releases, rollbacks, history.deployments);
  const failed = counted.filter((r) => !r.succeeded || rolledBack.has(r.id)).length;
  const outages = restoreTimes(releases, rollbacks, rolledBack, from, to);

  return {
    start, end,
    days: (to - from) / DAY_MS,
    releases: counted.length,
    succeeded: counted.filter((r) => r.succeeded).length,
    failed,
    rolledBack: counted.filter((r) => rolledBack.has(r.id)).length,
    running: running.filter((at) => inPeriod(at)).length,
    changeFailureRate: counted.length === 0 ? undefined : failed / counted.length,
    restoresMs: outages.restored,
    unrestored: outages.open,
    pipelineRunsMs: counted.flatMap((r) => (r.runMs === undefined ? [] : [r.runMs])),
    complete: history.complete,
  };
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type Events = { releases: Release[]; rollbacks: Rollback[]; running: number[] };

function fromPipeline(executions: readonly PipelineExecution[]): Events {
  const events: Events = { releases: [], rollbacks: [], running: [] };
  for (const e of executions) {
    const startedAt = e.startedAt?.getTime();
    const endedAt = e.updatedAt?.getTime();
    if (startedAt === undefined) continue;
    if (ACTIVE_EXECUTION_STATUSES.includes(e.status)) {
      if (e.isRollback) events.rollbacks.push({ startedAt, succeeded: false });
      else events.running.push(startedAt);
    } else if (ENDED_EXECUTION.has(e.status) && endedAt !== undefined) {
      const succeeded = e.status === 'Succeeded';
      if (e.isRollback) events.rollbacks.push({ startedAt, endedAt, succeeded });
      else events.releases.push({ id: e.id, startedAt, endedAt, succeeded, runMs: succeeded ? endedAt - startedAt : undefined });
    }
  }
  return events;
}

function fromDeployments(deployments: readonly Deployment[]): Events {
  const events: Events = { releases: [], rollbacks: [], running: [] };
  for (const d of deployments) {
    const startedAt = d.createdAt?.getTime();
    if (startedAt === undefined || d.isRollback) continue;
    const endedAt = d.completedAt?.getTime();
    if (ACTIVE_DEPLOYMENT_STATUSES.includes(d.status)) events.running.push(startedAt);
    else if (ENDED_DEPLOYMENT.has(d.status) && endedAt !== undefined) {
      events.releases.push({ id: d.id, startedAt, endedAt, succeeded: d.status === 'Succeeded' });
    }
  }
  return events;
}

function rollbackDeployments(deployments: readonly Deployment[]): Rollback[] {
  return deployments.flatMap((d) => {
    const startedAt = d.createdAt?.getTime();
    if (!d.isRollback || startedAt === undefined) return [];
    const ended = !ACTIVE_DEPLOYMENT_STATUSES.includes(d.status);
    return [{ startedAt, endedAt: ended ? d.completedAt?.getTime() : undefined, succeeded: d.status === 'Succeeded', rollbackOf: d.rollbackOf }];
  });
}

/** Ids of the releases that succeeded and were rolled back afterwards (see the rules at the top). */
function rolledBackReleases(releases: readonly Release[], rollbacks: readonly Rollback[], deployments: readonly Deployment[]): Set<string> {
  const byId = new Map(deployments.map((d) => [d.id, d]));
  const latest = (at: number, time: (r: Release) => number) =>
    releases.filter((r) => time(r) <= at).sort((a, b) => time(a) - time(b)).at(-1);
  const marked = new Set<string>();
  for (const rollback of rollbacks) {
    const trigger = rollback.rollbackOf === undefined ? undefined : byId.get(rollback.rollbackOf);
    if (trigger !== undefined && trigger.status !== 'Succeeded') continue;
    const rolledBack = trigger === undefined
      // Only what went live can be rolled back: the latest release to end before the rollback began.
      ? latest(rollback.startedAt, (r) => r.endedAt)
      // The deployment itself (no pipeline), or the latest pipeline execution to start before it was created.
      : releases.find((r) => r.id === trigger.id) ?? latest(trigger.createdAt?.getTime() ?? rollback.startedAt, (r) => r.startedAt);
    if (rolledBack?.succeeded) marked.add(rolledBack.id);
  }
  return marked;
}

/** Outages that began in [from, to): how long each took to restore, and how many were still open at `to`. */
function restoreTimes(releases: readonly Release[], rollbacks: readonly Rollback[], rolledBack: ReadonlySet<string>, from: number, to: number) {
  type Event = { at: number; kind: 'failure' | 'recovery' };
  const events: Event[] = [
    ...releases.map((r): Event => ({ at: r.endedAt, kind: r.succeeded && !rolledBack.has(r.id) ? 'recovery' : 'failure' })),
    ...rollbacks.flatMap((r): Event[] => (r.succeeded && r.endedAt !== undefined ? [{ at: r.endedAt, kind: 'recovery' }] : [])),
  ].filter((e) => e.at < to).sort((a, b) => a.at - b.at);
  const restored: number[] = [];
  let openSince: number | undefined;
  for (const event of events) {
    if (event.kind === 'failure') openSince ??= event.at;
    else if (openSince !== undefined) {
      if (openSince >= from) restored.push(event.at - openSince);
      openSince = undefined;
    }
  }
  return { restored, open: openSince !== undefined && openSince >= from ? 1 : 0 };
}
