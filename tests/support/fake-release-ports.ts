import type { Alarm } from '../../lambda/src/domain/alarms';
import { ApprovalNotPendingError } from '../../lambda/src/domain/errors';
import type {
  AlarmsRef, ApprovalDecision, Deployment, DeploymentGroupRef, PendingApproval, PipelineExecution, PipelineRef, PipelineState, ReadHistory,
  Revision, SourceAction, SourceRevisionOverride,
} from '../../lambda/src/domain/release';
import type { AlarmPort } from '../../lambda/src/ports/alarm.port';
import type { DeploymentPort } from '../../lambda/src/ports/deployment.port';
import type { PipelinePort } from '../../lambda/src/ports/pipeline.port';

/** In-memory ports for handler and domain tests: scripted history, every call recorded. */

export interface Call {
  op: string;
  args: unknown[];
}

export const MUTATING = new Set(['start', 'rollbackStage', 'redeploy', 'stopDeployment', 'putApprovalResult']);

export class FakePipelines implements PipelinePort {
  readonly calls: Call[] = [];
  readonly executions = new Map<string, PipelineExecution[]>();
  readonly states = new Map<string, PipelineState>();
  /** Source actions by pipeline; a pipeline not set has one, "Source", of a Git connection. */
  readonly sources = new Map<string, SourceAction[]>();
  /** Approvals waiting, by pipeline name; an answer takes its approval out, as CodePipeline's state would. */
  readonly approvals = new Map<string, PendingApproval[]>();
  failure: Partial<Record<string, Error>> = {};
  private started = new Map<string, string>();

  async recentExecutions(pipeline: PipelineRef, limit: number): Promise<PipelineExecution[]> {
    this.record('recentExecutions', pipeline, limit);
    return (this.executions.get(pipeline.name) ?? []).slice(0, limit);
  }

  async executionsSince(pipeline: PipelineRef, since: Date, maxPages: number): Promise<ReadHistory<PipelineExecution>> {
    this.record('executionsSince', pipeline, since, maxPages);
    const items = (this.executions.get(pipeline.name) ?? []).filter((e) => e.startedAt !== undefined && e.startedAt >= since);
    return { items, complete: true };
  }

  async state(pipeline: PipelineRef): Promise<PipelineState> {
    this.record('state', pipeline);
    return this.states.get(pipeline.name) ?? { pipeline: pipeline.name, stages: [] };
  }

  async sourceActions(pipeline: PipelineRef): Promise<SourceAction[]> {
    this.record('sourceActions', pipeline);
    return this.sources.get(pipeline.name) ?? [{ name: 'Source', provider: 'CodeStarSourceConnection', revisionType: 'COMMIT_ID' }];
  }

  async start(pipeline: PipelineRef, token: string, sourceRevisions?: readonly SourceRevisionOverride[]): Promise<{ executionId: string; requestId?: string }> {
    this.record('start', pipeline, token, ...(sourceRevisions === undefined ? [] : [sourceRevisions]));
    const existing = this.started.get(token);
    if (existing) return { executionId: existing };
    const executionId = `exec-${this.started.size + 1}-0000-aaaa-bbbb-cccc`;
    this.started.set(token, executionId);
    return { executionId, requestId: `fake-request-${this.started.size}` };
  }

  async rollbackStage(pipeline: PipelineRef, stage: string, target: string): Promise<{ executionId: string }> {
    this.record('rollbackStage', pipeline, stage, target);
    return { executionId: 'rollback-exec-1234' };
  }

  async pendingApprovals(pipeline: PipelineRef): Promise<PendingApproval[]> {
    this.record('pendingApprovals', pipeline);
    return [...(this.approvals.get(pipeline.name) ?? [])];
  }

  async putApprovalResult(pipeline: PipelineRef, approval: Pick<PendingApproval, 'stage' | 'action' | 'token'>, decision: ApprovalDecision, summary: string) {
    this.record('putApprovalResult', pipeline, approval, decision, summary);
    const waiting = this.approvals.get(pipeline.name) ?? [];
    const found = waiting.find((a) => a.token === approval.token && a.stage === approval.stage && a.action === approval.action);
    if (!found) throw new ApprovalNotPendingError('PutApprovalResult', 'PutApprovalResult: ApprovalAlreadyCompletedException (fake)');
    this.approvals.set(pipeline.name, waiting.filter((a) => a !== found));
    return { approvedAt: new Date(), requestId: 'fake-approval-request' };
  }

  private record(op: string, ...args: unknown[]) {
    this.calls.push({ op, args });
    const failure = this.failure[op];
    if (failure) throw failure;
  }
}

export class FakeDeployments implements DeploymentPort {
  readonly calls: Call[] = [];
  readonly deployments = new Map<string, Deployment[]>();
  failure: Partial<Record<string, Error>> = {};

  async recentDeployments(group: DeploymentGroupRef, statuses: readonly string[], limit: number): Promise<Deployment[]> {
    this.record('recentDeployments', group, statuses, limit);
    return (this.deployments.get(group.deploymentGroup) ?? [])
      .filter((d) => statuses.length === 0 || statuses.includes(d.status))
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
      .slice(0, limit);
  }

  async latestDeployment(group: DeploymentGroupRef): Promise<Deployment | undefined> {
    this.record('latestDeployment', group);
    return [...(this.deployments.get(group.deploymentGroup) ?? [])]
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  }

  async deploymentsCreated(group: DeploymentGroupRef, from: Date, to: Date, maxPages: number): Promise<ReadHistory<Deployment>> {
    this.record('deploymentsCreated', group, from, to, maxPages);
    const items = (this.deployments.get(group.deploymentGroup) ?? []).filter((d) => d.createdAt !== undefined && d.createdAt >= from && d.createdAt < to);
    return { items, complete: true };
  }

  async redeploy(group: DeploymentGroupRef, revision: Revision, description: string): Promise<{ deploymentId: string }> {
    this.record('redeploy', group, revision, description);
    return { deploymentId: 'd-ROLLBACK01' };
  }

  async stop(deploymentId: string, region: string, rollBack: boolean) {
    this.record('stopDeployment', deploymentId, region, rollBack);
    return { status: 'Pending' };
  }

  private record(op: string, ...args: unknown[]) {
    this.calls.push({ op, args });
    const failure = this.failure[op];
    if (failure) throw failure;
  }
}

export function execution(id: string, status: string, minutesAgo: number, summary = 'Fix tax rounding', startedBy = 'alice', isRollback = false): PipelineExecution {
  return {
    id, status, isRollback, startedBy,
    startedAt: new Date(Date.now() - minutesAgo * 60_000),
    revisions: [{ actionName: 'Source', revisionId: `${id}abcdef0123456789`, summary }],
  };
}

export function deployment(id: string, status: string, minutesAgo: number, commit: string, isRollback = false): Deployment {
  return {
    id, status, isRollback, creator: isRollback ? 'codeDeployRollback' : 'user',
    createdAt: new Date(Date.now() - minutesAgo * 60_000),
    revision: { kind: 'commit', id: commit.slice(0, 7), location: { revisionType: 'GitHub', gitHubLocation: { repository: 'acme/checkout', commitId: commit } } },
  };
}

/** Alarms by name; a name not set has no alarm, as CloudWatch leaves it out. */
export class FakeAlarms implements AlarmPort {
  readonly calls: Call[] = [];
  readonly alarms = new Map<string, Alarm>();
  failure?: Error;

  async describe(ref: AlarmsRef): Promise<Alarm[]> {
    this.calls.push({ op: 'describe', args: [ref] });
    if (this.failure) throw this.failure;
    return ref.names.flatMap((name) => {
      const alarm = this.alarms.get(name);
      return alarm === undefined ? [] : [alarm];
    });
  }

  /** Sets an alarm, in OK unless said otherwise. */
  set(name: string, state = 'OK', minutesAgo = 60, kind: Alarm['kind'] = 'metric'): void {
    this.alarms.set(name, { name, kind, state, since: new Date(Date.now() - minutesAgo * 60_000), reason: `${name} is ${state}` });
  }
}
