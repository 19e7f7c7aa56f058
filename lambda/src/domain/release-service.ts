import type { AlarmPort } from '../ports/alarm.port';
import type { DeploymentPort } from '../ports/deployment.port';
import type { PipelinePort } from '../ports/pipeline.port';
import { NO_ALARMS, readAlarms, type AlarmReading } from './alarms';
import { choosePending, type ApprovalPlan } from './approval';
import { ApprovalNotPendingError, BusyError } from './errors';
import { choosePromotion, isPromotionProblem, promotionKey, type PromotionPlan, type PromotionProblem } from './promotion';
import {
  ACTIVE_DEPLOYMENT_STATUSES, ACTIVE_EXECUTION_STATUSES, ROLLBACK_DESCRIPTION,
  type ApprovalDecision, type Deployment, type PendingApproval, type PipelineExecution, type PipelineState, type StageState, type Target,
} from './release';
import { chooseRedeploy, chooseStageRollback, planKey, type RollbackPlan } from './rollback';

/** How many recent executions are read to find a running one and the last release. */
const EXECUTION_WINDOW = 10;
/** How many succeeded deployments are read to find the one before the current one. */
const DEPLOYMENT_WINDOW = 50;
/** How many recent executions of the environment a promotion comes from are read to find its latest success. */
const PROMOTION_WINDOW = 25;

export type DeployPlan =
  | { readonly kind: 'busy'; readonly running: PipelineExecution }
  /** The environment promotes from another, and nothing there can be promoted. */
  | { readonly kind: 'cannot-promote'; readonly from: string; readonly problem: PromotionProblem }
  /**
   * `key` names what was read back (the last release, and what a promotion ships), so that a confirmation can be
   * matched to it. `current` is the latest release that succeeded here; `promotion`, what a promotion ships.
   */
  | {
    readonly kind: 'ready'; readonly key: string; readonly lastRelease?: PipelineExecution;
    readonly current?: PipelineExecution; readonly promotion?: PromotionPlan;
  };

/** What a deploy needs to know before it asks anything: the plan, and what the environment's alarms say. */
export interface DeployReading {
  readonly plan: DeployPlan;
  readonly alarms: AlarmReading;
}

/** What "what would ship?" needs: what runs, what a deploy would ship, and what stands in its way. */
export interface PreviewReading {
  /** The latest release that succeeded in the environment. */
  readonly current?: PipelineExecution;
  readonly lastRelease?: PipelineExecution;
  /** A release running now (a deploy would be refused). */
  readonly running?: PipelineExecution;
  /** For an environment with promoteFrom: what it would ship, or why nothing. */
  readonly promotion?: PromotionPlan | { readonly from: string; readonly problem: PromotionProblem };
  readonly alarms: AlarmReading;
  /** A stage whose manual approval waits for an answer. */
  readonly waitingApproval?: StageState;
}

export type DeployOutcome =
  | { readonly kind: 'busy'; readonly running: PipelineExecution }
  /** Something shipped since the read-back: the user must hear the new plan before anything starts. */
  | { readonly kind: 'changed'; readonly plan: Exclude<DeployPlan, { kind: 'busy' }> }
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
  /** Only for a target with alarms. */
  readonly alarms?: AlarmReading;
}

/**
 * The release decisions, over the pipeline and deployment ports: what would ship, whether it may start now,
 * what a rollback would put back. It holds no state; every decision reads AWS afresh.
 */
export class ReleaseService {
  constructor(
    private readonly pipelines: PipelinePort,
    private readonly deployments: DeploymentPort,
    private readonly alarmPort: AlarmPort,
  ) {}

  /**
   * What a deploy would do now: refuse while a release runs, else name the last release for the read-back; for an
   * environment that promotes from another, what that one's latest success would ship. Reads only.
   */
  async planDeploy(target: Target): Promise<DeployPlan> {
    const from = target.promoteFrom;
    const [executions, promotion] = await Promise.all([this.recentHere(target), this.promotion(target)]);
    const running = executions.find((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
    if (running) return { kind: 'busy', running };
    if (from !== undefined && promotion !== undefined && isPromotionProblem(promotion)) {
      return { kind: 'cannot-promote', from: from.environment, problem: promotion };
    }
    const lastRelease = executions[0];
    const current = executions.find((e) => e.status === 'Succeeded');
    const shipped = promotion === undefined || isPromotionProblem(promotion) ? undefined : promotion;
    return {
      kind: 'ready',
      key: `after:${lastRelease?.id ?? 'none'}${shipped === undefined ? '' : `|${promotionKey(shipped)}`}`,
      lastRelease,
      current,
      ...(shipped === undefined ? {} : { promotion: shipped }),
    };
  }

  /** What the target's alarms say; nothing to read (and no call) without alarms. */
  async alarms(target: Target): Promise<AlarmReading> {
    if (target.alarms === undefined) return NO_ALARMS;
    return readAlarms(target.alarms.names, await this.alarmPort.describe(target.alarms));
  }

  /** The plan and the alarms, read at once. */
  async readForDeploy(target: Target): Promise<DeployReading> {
    const [plan, alarms] = await Promise.all([this.planDeploy(target), this.alarms(target)]);
    return { plan, alarms };
  }

  /**
   * What "what would ship?" reads, all at once: what a deploy reads, and the pipeline's state for a manual approval
   * that waits. Unlike a deploy's plan, it says what would ship even while a release runs. Reads only.
   */
  async preview(target: Target): Promise<PreviewReading> {
    const [executions, promotion, alarms, state] = await Promise.all([
      this.recentHere(target), this.promotion(target), this.alarms(target), this.pipelines.state(requirePipeline(target)),
    ]);
    const running = executions.find((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
    const waitingApproval = state.stages.find((stage) => stage.waitingApproval !== undefined);
    const from = target.promoteFrom?.environment ?? '';
    return {
      current: executions.find((e) => e.status === 'Succeeded'),
      lastRelease: executions[0],
      alarms,
      ...(running === undefined ? {} : { running }),
      ...(promotion === undefined ? {} : { promotion: isPromotionProblem(promotion) ? { from, problem: promotion } : promotion }),
      ...(waitingApproval === undefined ? {} : { waitingApproval }),
    };
  }

  private recentHere(target: Target): Promise<PipelineExecution[]> {
    return this.pipelines.recentExecutions(requirePipeline(target), EXECUTION_WINDOW);
  }

  /** For an environment with promoteFrom: the source environment's latest success, matched to this pipeline. */
  private async promotion(target: Target): Promise<PromotionPlan | PromotionProblem | undefined> {
    const from = target.promoteFrom;
    if (from === undefined) return undefined;
    const [source, actions] = await Promise.all([
      this.pipelines.recentExecutions(from.pipeline, PROMOTION_WINDOW),
      this.pipelines.sourceActions(requirePipeline(target)),
    ]);
    return choosePromotion(from.environment, from.bakeMinutes, source, actions);
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
    if (plan.kind === 'cannot-promote') return { kind: 'changed', plan };
    if (readBackKey !== undefined && readBackKey !== plan.key) return { kind: 'changed', plan };
    const { executionId, requestId } = await this.pipelines.start(requirePipeline(target), idempotencyToken, plan.promotion?.revisions);
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

  /** Where the release stands: the latest execution and stage, the latest deployment, and firing alarms. */
  async status(target: Target): Promise<StatusReport> {
    const [executions, state, latestDeployment, alarms] = await Promise.all([
      target.pipeline ? this.pipelines.recentExecutions(target.pipeline, 1) : Promise.resolve([]),
      target.pipeline ? this.pipelines.state(target.pipeline) : Promise.resolve(undefined),
      target.deploymentGroup ? this.deployments.latestDeployment(target.deploymentGroup) : Promise.resolve(undefined),
      target.alarms ? this.alarms(target) : Promise.resolve(undefined),
    ]);
    return { latestExecution: executions[0], state, latestDeployment, ...(alarms === undefined ? {} : { alarms }) };
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
