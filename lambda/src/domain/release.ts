/** The release vocabulary the skill speaks, independent of AWS. */

/** A pipeline, wherever it lives. */
export interface PipelineRef {
  readonly name: string;
  readonly region: string;
}

/** A CodeDeploy deployment group, wherever it lives. */
export interface DeploymentGroupRef {
  readonly application: string;
  readonly deploymentGroup: string;
  readonly region: string;
}

/** A service in an environment, resolved from the config: what the user means by "checkout in production". */
export interface Target {
  readonly service: string;
  readonly environment: string;
  readonly pipeline?: PipelineRef;
  readonly deploymentGroup?: DeploymentGroupRef;
  /** Stage of a V2 pipeline to roll back with RollbackStage, when the config names one. */
  readonly rollbackStage?: string;
  /** CloudWatch alarms (in the target's region) that refuse a deploy while one is in ALARM. */
  readonly alarms?: AlarmsRef;
  /** Where a deploy takes what it ships from, when the config says so (promoteFrom). */
  readonly promoteFrom?: PromoteFrom;
  /** The pipeline's manual approvals the skill may answer, when the config opts in. */
  readonly approvals?: ApprovalScope;
}

export interface AlarmsRef {
  readonly names: readonly string[];
  readonly region: string;
}

/** Deploys ship the source revisions of another environment's latest succeeded release, once it has baked there. */
export interface PromoteFrom {
  readonly environment: string;
  readonly pipeline: PipelineRef;
  readonly bakeMinutes: number;
}

/** Which manual approval actions of a pipeline the skill may answer: every one (no names), or one stage and action. */
export interface ApprovalScope {
  readonly stage?: string;
  readonly action?: string;
}

/** A manual approval action of a pipeline, waiting for someone's answer. */
export interface PendingApproval {
  readonly stage: string;
  readonly action: string;
  /** CodePipeline's token for this one approval request: an answer must carry it, and it changes with each request. */
  readonly token: string;
  /** When the action began to wait. */
  readonly since?: Date;
  /** What the pipeline's author asks the approver (the action's CustomData), else the action's own summary. */
  readonly message?: string;
  /** The execution that waits on it. */
  readonly executionId?: string;
}

/** An answer to a manual approval, in CodePipeline's words. */
export type ApprovalDecision = 'Approved' | 'Rejected';

/** A source revision a pipeline execution carries (a commit, an S3 object version). */
export interface SourceRevision {
  readonly actionName?: string;
  readonly revisionId?: string;
  /** Commit message or other human summary, as the source provider gave it. */
  readonly summary?: string;
  readonly url?: string;
}

/** What a source action can be told to fetch instead of its newest revision (CodePipeline's SourceRevisionType). */
export type RevisionType = 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY';

/** A source action of a pipeline, and the kind of revision it can be told to fetch (none: it cannot). */
export interface SourceAction {
  readonly name: string;
  /** The action's provider, for the words: CodeStarSourceConnection, CodeCommit, S3, ECR… */
  readonly provider: string;
  readonly revisionType?: RevisionType;
}

/** Starts a pipeline with this revision in this source action instead of the newest one. */
export interface SourceRevisionOverride {
  readonly actionName: string;
  readonly revisionType: RevisionType;
  readonly revisionValue: string;
}

export type PipelineExecutionStatus =
  | 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed' | string;

export interface PipelineExecution {
  readonly id: string;
  readonly status: PipelineExecutionStatus;
  readonly startedAt?: Date;
  readonly updatedAt?: Date;
  readonly revisions: readonly SourceRevision[];
  /** Who or what started it, in words: a user or role name, "a webhook", "a source change". */
  readonly startedBy?: string;
  /** True when the execution is itself a rollback (executionType ROLLBACK). */
  readonly isRollback: boolean;
}

export interface StageState {
  readonly name: string;
  readonly status?: string;
  readonly executionId?: string;
  /** The action inside the stage that is running or failed, when there is one. */
  readonly currentAction?: string;
  /** A manual approval action in the stage that waits for an answer, and since when. */
  readonly waitingApproval?: { readonly action: string; readonly since?: Date };
}

export interface PipelineState {
  readonly pipeline: string;
  readonly stages: readonly StageState[];
}

/** What CodeDeploy deployed: enough to say it aloud and to deploy it again. */
export interface Revision {
  /** What it is, so that speech can say it: a commit, an archive (S3 object), an AppSpec, or something else. */
  readonly kind: 'commit' | 'archive' | 'appspec' | 'other';
  /** A short identifier: commit prefix, object version or eTag prefix, AppSpec hash prefix. */
  readonly id: string;
  /** The archive's file name, when it has a readable one (app.zip; not CodePipeline's random artifact keys). */
  readonly file?: string;
  /** The revision exactly as CodeDeploy described it, so that a rollback redeploys the very same thing. */
  readonly location: unknown;
}

export type DeploymentStatus =
  | 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready' | string;

export interface Deployment {
  readonly id: string;
  readonly status: DeploymentStatus;
  readonly createdAt?: Date;
  readonly completedAt?: Date;
  readonly revision?: Revision;
  /** user, autoscaling, codeDeployRollback, CodeDeploy, CodeDeployAutoUpdate, CloudFormation… */
  readonly creator?: string;
  /** True when CodeDeploy created it to roll back another deployment, or when we created it as a rollback. */
  readonly isRollback: boolean;
  readonly description?: string;
  /** For a rollback CodeDeploy made: the deployment it rolls back (rollbackInfo.rollbackTriggeringDeploymentId). */
  readonly rollbackOf?: string;
}

/**
 * What a bounded read of history found: `items`, and whether they are all there are (`complete`) or a page bound
 * stopped the read first.
 */
export interface ReadHistory<T> {
  readonly items: readonly T[];
  readonly complete: boolean;
}

/** Deployment statuses during which a deployment group is busy. */
export const ACTIVE_DEPLOYMENT_STATUSES: readonly DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];

/** Pipeline execution statuses during which a pipeline is busy. */
export const ACTIVE_EXECUTION_STATUSES: readonly PipelineExecutionStatus[] = ['InProgress', 'Stopping'];

/** Marks the deployments the skill creates as rollbacks, so that a later rollback can recognise them. */
export const ROLLBACK_DESCRIPTION = 'push-to-prod rollback';
