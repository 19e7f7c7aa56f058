import type { Deployment, PipelineExecution } from './release';

/** What "roll back" means right now for a service in an environment. */
export type RollbackPlan =
  /** A deployment is running: stop it and let CodeDeploy put the previous revision back. */
  | { readonly kind: 'stop-deployment'; readonly deployment: Deployment }
  /** Nothing running: deploy again the last revision that succeeded before the current one. */
  | { readonly kind: 'redeploy'; readonly current: Deployment; readonly target: Deployment }
  /** A V2 pipeline stage named in the config: RollbackStage to the previous execution that succeeded. */
  | { readonly kind: 'rollback-stage'; readonly stage: string; readonly current: PipelineExecution; readonly target: PipelineExecution }
  | { readonly kind: 'nothing'; readonly reason: 'no-history' | 'no-earlier-revision' };

/**
 * A stable key for a plan, kept in the session when the skill asks for confirmation, so that a "yes" acts only
 * on the plan that was read back and not on one that changed in between.
 */
export function planKey(plan: RollbackPlan): string {
  switch (plan.kind) {
    case 'stop-deployment': return `stop:${plan.deployment.id}`;
    case 'redeploy': return `redeploy:${plan.target.id}`;
    case 'rollback-stage': return `stage:${plan.stage}:${plan.target.id}`;
    case 'nothing': return `nothing:${plan.reason}`;
  }
}

/** True when the plan would undo a rollback, that is, put back what someone already rolled away from. */
export function undoesARollback(plan: RollbackPlan): boolean {
  return (plan.kind === 'redeploy' || plan.kind === 'rollback-stage') && plan.current.isRollback;
}

/**
 * Chooses the redeployment: the newest succeeded deployment is what runs now; the target is the newest older
 * succeeded deployment of a different revision. Failed and stopped deployments never count.
 */
export function chooseRedeploy(deployments: readonly Deployment[]): RollbackPlan {
  const succeeded = deployments
    .filter((d) => d.status === 'Succeeded' && d.revision !== undefined)
    .sort(byNewest((d) => d.createdAt));
  const [current, ...older] = succeeded;
  if (current === undefined) return { kind: 'nothing', reason: 'no-history' };
  const currentKey = revisionKey(current);
  const target = older.find((d) => revisionKey(d) !== currentKey);
  return target ? { kind: 'redeploy', current, target } : { kind: 'nothing', reason: 'no-earlier-revision' };
}

/**
 * Chooses the RollbackStage target: the newest succeeded execution is what runs now; the target is the newest
 * older one that succeeded, is not itself a rollback (AWS refuses those) and ships other revisions.
 */
export function chooseStageRollback(stage: string, executions: readonly PipelineExecution[]): RollbackPlan {
  const succeeded = executions.filter((e) => e.status === 'Succeeded').sort(byNewest((e) => e.startedAt));
  const [current, ...older] = succeeded;
  if (current === undefined) return { kind: 'nothing', reason: 'no-history' };
  const currentKey = executionKey(current);
  const target = older.find((e) => !e.isRollback && executionKey(e) !== currentKey);
  return target ? { kind: 'rollback-stage', stage, current, target } : { kind: 'nothing', reason: 'no-earlier-revision' };
}

function revisionKey(deployment: Deployment): string {
  return stableStringify(deployment.revision?.location);
}

function executionKey(execution: PipelineExecution): string {
  const ids = execution.revisions.map((r) => `${r.actionName ?? ''}=${r.revisionId ?? ''}`).sort();
  // Without revision ids two executions cannot be told apart, so each counts as distinct.
  return ids.length === 0 || ids.every((id) => id.endsWith('=')) ? `execution:${execution.id}` : ids.join(',');
}

function byNewest<T>(time: (item: T) => Date | undefined) {
  return (a: T, b: T): number => (time(b)?.getTime() ?? 0) - (time(a)?.getTime() ?? 0);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
