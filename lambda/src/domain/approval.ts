import { nodeCrypto } from '../runtime/node-crypto';
import type { ApprovalDecision, ApprovalScope, PendingApproval, PipelineExecution } from './release';

/** What "approve" or "reject" would answer right now for a service in an environment. */
export type ApprovalPlan =
  | { readonly kind: 'none' }
  | {
    readonly kind: 'pending';
    /** Names this one approval request (its token, hashed): a yes acts only when it still waits. */
    readonly key: string;
    readonly approval: PendingApproval;
    /** The execution waiting on it, when it is among the recent ones: what the approval lets through. */
    readonly release?: PipelineExecution;
  };

/** CodePipeline takes a summary of at most 512 characters with an answer. */
const MAX_SUMMARY_LENGTH = 512;

/**
 * The read-back key of an approval request. The token itself never goes into the session, which travels through
 * Alexa and the device: a hash of it tells two requests apart just as well.
 */
export function approvalKey(approval: Pick<PendingApproval, 'token'>): string {
  return `approval:${nodeCrypto().createHash('sha256').update(approval.token).digest('hex').slice(0, 32)}`;
}

/** Whether the config lets the skill answer this approval action. */
export function inScope(scope: ApprovalScope | undefined, approval: Pick<PendingApproval, 'stage' | 'action'>): boolean {
  if (scope === undefined) return false;
  return (scope.stage === undefined || scope.stage === approval.stage) && (scope.action === undefined || scope.action === approval.action);
}

/**
 * The approval to read back: of those the config lets the skill answer, the one that has waited longest (the
 * others wait behind it in a SUPERSEDED pipeline, or in later stages).
 */
export function choosePending(scope: ApprovalScope | undefined, pending: readonly PendingApproval[], executions: readonly PipelineExecution[]): ApprovalPlan {
  const [approval] = pending
    .filter((candidate) => inScope(scope, candidate))
    .sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0));
  if (approval === undefined) return { kind: 'none' };
  return { kind: 'pending', key: approvalKey(approval), approval, release: executions.find((e) => e.id === approval.executionId) };
}

/**
 * The summary CodePipeline keeps with the answer (shown in the console and in the action's history): that it came
 * by voice, and from whom, by name where the config gives one. Alexa ids are left out: the audit log has them.
 */
export function approvalSummary(decision: ApprovalDecision, who: string | undefined): string {
  const verb = decision === 'Approved' ? 'Approved' : 'Rejected';
  return `${verb} by voice through push-to-prod, for ${who ?? 'a person on the skill\'s allowlist'}`.slice(0, MAX_SUMMARY_LENGTH);
}
