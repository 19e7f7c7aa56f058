import { shortHash } from './ids';
import type { PipelineExecution, SourceAction, SourceRevisionOverride } from './release';

/**
 * Staging first: a deploy to an environment with `promoteFrom` ships the source revisions of the source environment's
 * latest succeeded release, and only once it has run there for the bake time.
 *
 * The revisions are matched to the target pipeline's source actions by action name: this assumes that the two
 * pipelines name their source actions alike (both "Source", say), as pipelines made from one template do. When
 * they do not, nothing is guessed: the deploy is refused, naming the action.
 */

/** What a promotion ships. */
export interface PromotionPlan {
  /** The environment it comes from. */
  readonly from: string;
  /** That environment's latest succeeded release. */
  readonly execution: PipelineExecution;
  /** When that release succeeded there: the bake time counts from here. */
  readonly succeededAt: Date;
  /** What the target's source actions are told to fetch. */
  readonly revisions: readonly SourceRevisionOverride[];
  readonly bakeMinutes: number;
}

/** Why nothing can be promoted. */
export type PromotionProblem =
  | { readonly kind: 'nothing-succeeded' }
  | { readonly kind: 'no-source-actions' }
  /** A source action of the target has no revision in the source release, or the other way round. */
  | { readonly kind: 'actions-differ'; readonly missing: readonly string[]; readonly extra: readonly string[] }
  /** A source action whose provider takes no source revision override. */
  | { readonly kind: 'not-overridable'; readonly action: string; readonly provider: string }
  | { readonly kind: 'no-revision-id'; readonly action: string };

/**
 * The promotion of `executions`' latest succeeded release (newest first) into a pipeline with `targetActions`, or
 * why there is none.
 */
export function choosePromotion(
  from: string, bakeMinutes: number, executions: readonly PipelineExecution[], targetActions: readonly SourceAction[],
): PromotionPlan | PromotionProblem {
  const execution = executions.find((e) => e.status === 'Succeeded');
  if (execution === undefined) return { kind: 'nothing-succeeded' };
  if (targetActions.length === 0) return { kind: 'no-source-actions' };
  const shipped = new Map(execution.revisions.flatMap((r) => (r.actionName === undefined ? [] : [[r.actionName, r] as const])));
  const wanted = new Set(targetActions.map((a) => a.name));
  const missing = targetActions.map((a) => a.name).filter((name) => !shipped.has(name));
  const extra = [...shipped.keys()].filter((name) => !wanted.has(name));
  if (missing.length > 0 || extra.length > 0) return { kind: 'actions-differ', missing, extra };
  const revisions: SourceRevisionOverride[] = [];
  for (const action of targetActions) {
    if (action.revisionType === undefined) return { kind: 'not-overridable', action: action.name, provider: action.provider };
    const value = shipped.get(action.name)?.revisionId;
    if (value === undefined || value === '') return { kind: 'no-revision-id', action: action.name };
    revisions.push({ actionName: action.name, revisionType: action.revisionType, revisionValue: value });
  }
  const succeededAt = execution.updatedAt ?? execution.startedAt ?? new Date(0);
  return { from, execution, succeededAt, revisions, bakeMinutes };
}

export function isPromotionProblem(value: PromotionPlan | PromotionProblem): value is PromotionProblem {
  return !('revisions' in value);
}

/** Whole minutes of bake time still to go at `now` (0 once baked). */
export function bakeMinutesLeft(plan: PromotionPlan, now: Date): number {
  const left = plan.bakeMinutes * 60_000 - (now.getTime() - plan.succeededAt.getTime());
  return left <= 0 ? 0 : Math.ceil(left / 60_000);
}

/**
 * The part of a plan key that names what a promotion ships: the source release and its revisions. A yes to a
 * read-back whose source release has changed since is then a yes to another plan, and nothing ships.
 */
export function promotionKey(plan: PromotionPlan): string {
  const revisions = plan.revisions.map((r) => `${r.actionName}=${r.revisionValue}`).join(',');
  return `promote:${plan.execution.id}:${shortHash(revisions)}`;
}

/** True when the target's latest succeeded release already ran exactly these revisions. */
export function alreadyRuns(plan: PromotionPlan, current: PipelineExecution | undefined): boolean {
  if (current === undefined) return false;
  const running = new Map(current.revisions.map((r) => [r.actionName, r.revisionId]));
  return plan.revisions.every((r) => running.get(r.actionName) === r.revisionValue);
}
