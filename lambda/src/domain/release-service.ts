import type { DeploymentPort } from '../ports/deployment.port';
import type { PipelinePort } from '../ports/pipeline.port';
import { choosePending, type ApprovalPlan } from './approval';
import { ApprovalNotPendingError, BusyError } from './errors';
import {
  ACTIVE_DEPLOYMENT_STATUSES, ACTIVE_EXECUTION_STATUSES, ROLLBACK_DESCRIPTION,
  type ApprovalDecision, type Deployment, type PendingApproval, type PipelineExecution, type PipelineState, type Target,
} from './release';
import { chooseRedeploy, chooseStageRollback, planKey, type RollbackPlan } from './rollback';

/** How many recent executions are read to find a running one and the last release. */
const EXECUTION_WINDOW = 10;
/** How many succeeded deployments are read to find the one before the current one. */
const DEPLOYMENT_WINDOW = 50;

export type DeployPlan =
  | { readonly kind: 'busy'; readonly running: PipelineExecution }
  /** `key` names what was read back (the last release), so that a confirmation can be matched to it. */
  | { readonly kind: 'ready'; readonly key: string; readonly lastRelease?: PipelineExecution };

export type DeployOutcome =
  | { readonly kind: 'busy'; readonly running: PipelineExecution }
  /** Something shipped since the read-back: the user must hear the new plan before anything starts. */
  | { readonly kind: 'changed'; readonly plan: DeployPlan & { kind: 'ready' } }
  | { readonly kind: 'started'; readonly executionId: string; readonly awsRequestId?: string };

export type RollbackOutcome =
  | { readonly kind: 'changed'; readonly plan: RollbackPlan }
  | { readonly kind: 'stopping'; readonly deployment: Deployment; readonly status: string; readonly awsRequestId?: string }
  | { readonly kind: 'redeploying'; readonly deploymentId: string; readonly target: Deployment; readonly awsRequestId?: string }
  | { readonly kind: 'rolling-back-stage'; readonly executionId: string; readonly target: PipelineExecution; readonly awsRequestId?: string }
  | { readonly kind: 'busy'; readonly running: Deployment };

export type ApprovalOutcome =
  | {
    readonly kind: 'answered';
    readonly approval: PendingApproval;
    readonly approvedAt?: Date;
    readonly awsRequestId?: string;
  }
  /**
   * The approval read back no longer waits (answered, expired, or replaced by a newer request): nothing was sent,
   * or AWS recorded nothing. `next` is what waits now, to be read back before anything is answered.
   */
  | { readonly kind: 'gone'; readonly next: ApprovalPlan };

export interface StatusReport {
  readonly latestExecution?: PipelineExecution;
  readonly state?: PipelineState;
  readonly latestDeployment?: Deployment;
}

/**
 * The release decisions, over the pipeline and deployment ports: what would ship, whether it may start now,
 * what a rollback would put back. It holds no state; every decision reads AWS afresh.
 */
export class ReleaseService {
  constructor(private readonly pipelines: PipelinePort, private readonly deployments: DeploymentPort) {}

  /** What a deploy would do now: refuse while a release runs, else name the last release for the read-back. */
  async planDeploy(target: Target): Promise<DeployPlan> {
    const executions = await this.pipelines.recentExecutions(requirePipeline(target), EXECUTION_WINDOW);
    const running = executions.find((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
    if (running) return { kind: 'busy', running };
    const lastRelease = executions[0];
    return { kind: 'ready', key: `after:${lastRelease?.id ?? 'none'}`, lastRelease };
  }

  /**
   * Starts a release unless one is running or the plan changed since `readBackKey` was read back. The token makes a
   * retried request return the execution the first attempt started, so one confirmation never starts two releases.
   * `planned` is a plan read within this request, just before (the deploy handler reads it beside the lock); without
   * one, the plan is read here.
   */
  async startDeploy(target: Target, idempotencyToken: string, readBackKey?: string, planned?: Promise<DeployPlan>): Promise<DeployOutcome> {
    const plan = await (planned ?? this.planDeploy(target));
    if (plan.kind === 'busy') return plan;
    if (readBackKey !== undefined && readBackKey !== plan.key) return { kind: 'changed', plan };
    const { executionId, requestId } = await this.pipelines.start(requirePipeline(target), idempotencyToken);
    return { kind: 'started', executionId, awsRequestId: requestId };
  }

  /** What a rollback would do now. */
  async planRollback(target: Target): Promise<RollbackPlan> {
    const group = target.deploymentGroup;
    const [active, history, executions] = await Promise.all([
      group ? this.deployments.recentDeployments(group, ACTIVE_DEPLOYMENT_STATUSES, 5) : Promise.resolve([]),
      group && !target.rollbackStage ? this.deployments.recentDeployments(group, ['Succeeded'], DEPLOYMENT_WINDOW) : Promise.resolve([]),
      target.rollbackStage && target.pipeline ? this.pipelines.recentExecutions(target.pipeline, 25) : Promise.resolve([]),
    ]);
    const running = active[0];
    if (running) return { kind: 'stop-deployment', deployment: running };
    if (target.rollbackStage) return chooseStageRollback(target.rollbackStage, executions);
    return chooseRedeploy(history);
  }

  /**
   * Carries out the rollback the user confirmed: the plan is worked out afresh and must still be the one read back
   * (`readBackKey`), else nothing happens and the new plan is returned to be read back.
   */
  async rollback(target: Target, readBackKey?: string): Promise<RollbackOutcome> {
    const plan = await this.planRollback(target);
    if (plan.kind === 'nothing' || (readBackKey !== undefined && readBackKey !== planKey(plan))) return { kind: 'changed', plan };
    switch (plan.kind) {
      case 'stop-deployment': {
        const { status, requestId } = await this.deployments.stop(plan.deployment.id, requireGroup(target).region, true);
        return { kind: 'stopping', deployment: plan.deployment, status, awsRequestId: requestId };
      }
      case 'redeploy': {
        // CreateDeployment has no idempotency token: planRollback just found no active deployment, and a race with
        // one started since is caught below through DeploymentLimitExceededException.
        const group = requireGroup(target);
        const description = `${ROLLBACK_DESCRIPTION} of ${target.service} in ${target.environment} to ${plan.target.id}`;
        try {
          const { deploymentId, requestId } = await this.deployments.redeploy(group, requireRevision(plan.target), description);
          return { kind: 'redeploying', deploymentId, target: plan.target, awsRequestId: requestId };
        } catch (error) {
          if (!(error instanceof BusyError)) throw error;
          // Another deployment started between the check and the call.
          const [started] = await this.deployments.recentDeployments(group, ACTIVE_DEPLOYMENT_STATUSES, 1);
          if (started) return { kind: 'busy', running: started };
          throw error;
        }
      }
      case 'rollback-stage': {
        const { executionId, requestId } = await this.pipelines.rollbackStage(requirePipeline(target), plan.stage, plan.target.id);
        return { kind: 'rolling-back-stage', executionId, target: plan.target, awsRequestId: requestId };
      }
    }
  }

  /** The manual approval a yes would answer now, if the config lets the skill answer this pipeline's approvals. */
  async planApproval(target: Target): Promise<ApprovalPlan> {
    const pipeline = requirePipeline(target);
    const [pending, executions] = await Promise.all([
      this.pipelines.pendingApprovals(pipeline),
      this.pipelines.recentExecutions(pipeline, EXECUTION_WINDOW),
    ]);
    return choosePending(target.approvals, pending, executions);
  }

  /**
   * Answers the approval the user said yes to, identified by `readBackKey`, only while that very request still waits:
   * one answered or expired since, or replaced by a newer one, is never answered, whatever waits now. `planned` is a
   * plan read within this request, just before; without one it is read here.
   */
  async answerApproval(target: Target, decision: ApprovalDecision, readBackKey: string, summary: string, planned?: Promise<ApprovalPlan>): Promise<ApprovalOutcome> {
    const plan = await (planned ?? this.planApproval(target));
    // The read-back named the approval that had waited longest; while it waits, it still has (a newer one cannot
    // have waited longer). Any other plan means it was answered, expired or replaced.
    if (plan.kind !== 'pending' || plan.key !== readBackKey) return { kind: 'gone', next: plan };
    try {
      const { approvedAt, requestId } = await this.pipelines.putApprovalResult(requirePipeline(target), plan.approval, decision, summary);
      return { kind: 'answered', approval: plan.approval, approvedAt, awsRequestId: requestId };
    } catch (error) {
      if (!(error instanceof ApprovalNotPendingError)) throw error;
      // Answered or expired between the read and the answer: AWS recorded nothing of ours.
      return { kind: 'gone', next: { kind: 'none' } };
    }
  }

  /** Where the release stands: the latest execution and stage, and the latest deployment. */
  async status(target: Target): Promise<StatusReport> {
    const [executions, state, deployments] = await Promise.all([
      target.pipeline ? this.pipelines.recentExecutions(target.pipeline, 1) : Promise.resolve([]),
      target.pipeline ? this.pipelines.state(target.pipeline) : Promise.resolve(undefined),
      target.deploymentGroup ? this.deployments.recentDeployments(target.deploymentGroup, [], 1) : Promise.resolve([]),
    ]);
    return { latestExecution: executions[0], state, latestDeployment: deployments[0] };
  }
}

function requirePipeline(target: Target) {
  if (!target.pipeline) throw new Error(`${target.service} in ${target.environment} has no pipeline`);
  return target.pipeline;
}

function requireGroup(target: Target) {
  if (!target.deploymentGroup) throw new Error(`${target.service} in ${target.environment} has no CodeDeploy group`);
  return target.deploymentGroup;
}

function requireRevision(deployment: Deployment) {
  if (!deployment.revision) throw new Error(`Deployment ${deployment.id} has no revision to deploy again`);
  return deployment.revision;
}
