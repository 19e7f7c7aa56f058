import type { DeploymentPort } from '../ports/deployment.port';
import type { PipelinePort } from '../ports/pipeline.port';
import { deliveryMetrics, type DeliveryMetrics, type TargetHistory } from './delivery-report';
import { AwsTimeoutError, PushToProdError } from './errors';
import type { Deployment, PipelineExecution, ReadHistory, Target } from './release';
import type { ReportPeriod } from './report-period';

/** ListPipelineExecutions pages (of 100) read at most per pipeline: five hundred releases, five a day for 90 days. */
export const MAX_EXECUTION_PAGES = 5;
/** ListDeployments pages read at most per deployment group. */
export const MAX_DEPLOYMENT_PAGES = 10;
/** Services read at the same time: enough to answer for a dozen in time, few enough not to be throttled. */
const PARALLEL_READS = 4;
/** A read is not started with less time left than this: it would only be left out later. */
const MIN_TIME_TO_READ_MS = 1500;
/** Time kept for working out the numbers and the words once the reads are done or given up. */
const ANSWER_RESERVE_MS = 700;

export interface ReportRow {
  readonly target: Target;
  readonly metrics: DeliveryMetrics;
}

/** A service and environment the report could not read: no time left for it, or AWS refused or failed. */
export interface LeftOut {
  readonly target: Target;
  readonly reason: 'time' | 'error';
}

export interface DeliveryReport {
  readonly period: ReportPeriod;
  readonly rows: readonly ReportRow[];
  readonly leftOut: readonly LeftOut[];
}

type Outcome = { readonly kind: 'read'; readonly history: TargetHistory } | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Reads the history of many services and environments within the invocation's deadline: a few at a time, none
 * started once too little time is left, and when the deadline comes near the report is made of what was read, the
 * rest left out by name, rather than answering nothing at all.
 */
export class DeliveryReports {
  constructor(
    private readonly pipelines: PipelinePort,
    private readonly deployments: DeploymentPort,
    /** Milliseconds left before the invocation must answer. */
    private readonly timeLeftMs: () => number,
  ) {}

  async report(targets: readonly Target[], period: ReportPeriod): Promise<DeliveryReport> {
    const outcomes = new Map<number, Outcome>();
    let next = 0;
    const worker = async () => {
      while (next < targets.length && this.timeLeftMs() >= MIN_TIME_TO_READ_MS) {
        const index = next;
        next += 1;
        try {
          outcomes.set(index, { kind: 'read', history: await this.read(targets[index] as Target, period) });
        } catch (error) {
          outcomes.set(index, { kind: 'failed', error });
        }
      }
    };
    const reads = Promise.all(Array.from({ length: Math.min(PARALLEL_READS, targets.length) }, worker));
    await withinTime(reads, this.timeLeftMs() - ANSWER_RESERVE_MS);

    const rows: ReportRow[] = [];
    const leftOut: LeftOut[] = [];
    const errors: unknown[] = [];
    targets.forEach((target, index) => {
      const outcome = outcomes.get(index);
      if (outcome?.kind === 'read') rows.push({ target, metrics: deliveryMetrics(outcome.history, period.start, period.end) });
      else {
        if (outcome !== undefined) errors.push(outcome.error);
        const timedOut = outcome === undefined || outcome.error instanceof AwsTimeoutError;
        leftOut.push({ target, reason: timedOut ? 'time' : 'error' });
      }
    });
    if (rows.length === 0 && targets.length > 0) {
      // Nothing to report: say why as for any other request, AWS's own refusal first.
      throw errors.find((e) => e instanceof PushToProdError && !(e instanceof AwsTimeoutError)) ?? errors[0]
        ?? new AwsTimeoutError('ListPipelineExecutions', 'no time left to read any history for the report', false);
    }
    return { period, rows, leftOut };
  }

  private async read(target: Target, period: ReportPeriod): Promise<TargetHistory> {
    const none = { items: [], complete: true };
    const [executions, deployments] = await Promise.all([
      target.pipeline ? this.pipelines.executionsSince(target.pipeline, period.start, MAX_EXECUTION_PAGES) : Promise.resolve<ReadHistory<PipelineExecution>>(none),
      target.deploymentGroup
        ? this.deployments.deploymentsCreated(target.deploymentGroup, period.start, period.end, MAX_DEPLOYMENT_PAGES)
        : Promise.resolve<ReadHistory<Deployment>>(none),
    ]);
    return {
      hasPipeline: target.pipeline !== undefined,
      executions: executions.items,
      deployments: deployments.items,
      complete: executions.complete && deployments.complete,
      readFrom: executions.complete ? undefined : oldestStart(executions.items),
    };
  }
}

function oldestStart(executions: readonly PipelineExecution[]): Date | undefined {
  const starts = executions.flatMap((e) => (e.startedAt === undefined ? [] : [e.startedAt.getTime()]));
  return starts.length === 0 ? undefined : new Date(Math.min(...starts));
}

/** Waits for `work`, or for `ms` at most; a read still running then is given up (its own deadline ends it). */
async function withinTime(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  try {
    await Promise.race([work, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}
