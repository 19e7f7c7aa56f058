/** The records the stand-in keeps. Times are epoch milliseconds from the store's clock. */

export type ExecutionMode = 'SUPERSEDED' | 'PARALLEL';
export type PipelineType = 'V1' | 'V2';
export type StageKind = 'source' | 'build' | 'deploy' | 'approval';
export type ExecutionType = 'STANDARD' | 'ROLLBACK';
export type ExecutionStatus = 'InProgress' | 'Stopping' | 'Stopped' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageStatus = 'InProgress' | 'Stopping' | 'Stopped' | 'Succeeded' | 'Failed';
export type ActionStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Abandoned';
export type DeploymentStatus = 'Created' | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped';
/** Who created a deployment, in CodeDeploy's words (CodePipeline's deploy action counts as "user"). */
export type DeploymentCreator = 'user' | 'codeDeployRollback' | 'CodeDeploy' | 'autoscaling';

export interface DeploymentGroupKey {
  readonly application: string;
  readonly deploymentGroup: string;
}

export interface StageSpec {
  readonly name: string;
  readonly kind: StageKind;
  readonly actionName: string;
  /** The action's provider (actionTypeId.provider): CodeStarSourceConnection, S3, ECR, CodeBuild, CodeDeploy… */
  readonly provider: string;
  /** How long the stage runs; an approval stage waits for its answer instead (at most APPROVAL_TIMEOUT_MS). */
  readonly durationMs: number;
  /** An approval action's CustomData: what it asks the approver. */
  readonly customData?: string;
}

/** A manual approval request: opened when its stage begins, answered once by PutApprovalResult, or left to expire. */
export interface ApprovalRecord {
  readonly token: string;
  readonly openedAt: number;
  answer?: {
    readonly status: 'Approved' | 'Rejected';
    readonly summary: string;
    readonly at: number;
    /** Who answered, as CodePipeline writes it into `lastUpdatedBy`. */
    readonly by: string;
  };
}

/** What StartPipelineExecution's sourceRevisions asks a source action to fetch instead of its latest revision. */
export interface SourceRevisionOverride {
  readonly actionName: string;
  readonly revisionType: 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY';
  readonly revisionValue: string;
}

export interface SourceRevision {
  readonly actionName: string;
  readonly revisionId: string;
  readonly revisionSummary: string;
  readonly revisionUrl: string;
}

export interface Trigger {
  readonly triggerType: string;
  readonly triggerDetail: string;
}

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
  readonly bundleType: 'zip' | 'tar' | 'tgz' | 'YAML' | 'JSON';
  readonly eTag?: string;
  readonly version?: string;
}

export interface GitHubLocation {
  readonly repository: string;
  readonly commitId: string;
}

/** A CodeDeploy revision, exactly in the wire shape. */
export type RevisionLocation =
  | { readonly revisionType: 'S3'; readonly s3Location: S3Location }
  | { readonly revisionType: 'GitHub'; readonly gitHubLocation: GitHubLocation };

/** A deploy action of another provider than CodeDeploy: ECS, CloudFormation, S3 … */
export interface OtherDeployAction {
  readonly provider: string;
  readonly configuration: Readonly<Record<string, string>>;
}

export interface PipelineRecord {
  readonly name: string;
  readonly pipelineType: PipelineType;
  readonly executionMode: ExecutionMode;
  version: number;
  readonly stages: readonly StageSpec[];
  /** The deployment group the deploy stage's CodeDeploy action deploys to, when there is one. */
  readonly deploysTo?: DeploymentGroupKey;
  /** The deploy stage's action when it is not CodeDeploy's (GetPipeline shows it; it creates no deployment). */
  readonly otherDeployAction?: OtherDeployAction;
  /** owner/name of the source repository. */
  readonly repository: string;
  /** The newest commit on the source branch: what the next start ships. */
  head: SourceRevision;
  readonly createdAt: number;
  updatedAt: number;
  /** In start order. */
  readonly executions: ExecutionRecord[];
  /** clientRequestToken → execution id, for idempotent starts. */
  readonly tokens: Map<string, string>;
}

export interface ExecutionRecord {
  readonly id: string;
  readonly pipelineName: string;
  readonly pipelineVersion: number;
  readonly executionType: ExecutionType;
  readonly startedAt: number;
  readonly trigger: Trigger;
  readonly sourceRevisions: readonly SourceRevision[];
  /** The build output the deploy stage hands to CodeDeploy. */
  readonly artifact: RevisionLocation;
  /** Indexes of the stages this execution runs: all of them, or just one for a rollback. */
  readonly stageIndexes: readonly number[];
  readonly rollbackTargetId?: string;
  /** A stage whose action fails (scenarios and seeded history). */
  readonly failAtStage?: string;
  /** Overrides every stage's duration for this execution (seeded history). */
  readonly stageDurationMs?: number;
  /** Set when a newer execution started: this one ends Superseded after finishing that stage. */
  supersedeAfterStage?: number;
  deploymentId?: string;
  /** Why the deploy action could not create its deployment. */
  deployError?: string;
  /** The approval requests of its approval stages, by stage index, once each stage has begun. */
  readonly approvals: Map<number, ApprovalRecord>;
}

export interface RollbackInfo {
  readonly rollbackDeploymentId?: string;
  readonly rollbackTriggeringDeploymentId?: string;
  readonly rollbackMessage?: string;
}

export interface DeploymentRecord {
  readonly id: string;
  readonly application: string;
  readonly deploymentGroup: string;
  readonly revision: RevisionLocation;
  readonly previousRevision?: RevisionLocation;
  readonly creator: DeploymentCreator;
  readonly description?: string;
  readonly createdAt: number;
  /** When it leaves Created for InProgress. */
  readonly startAt: number;
  /** When it ends with `outcome`, unless stopped earlier. */
  readonly completeAt: number;
  readonly outcome: 'Succeeded' | 'Failed';
  stoppedAt?: number;
  rollbackInfo?: RollbackInfo;
}

export interface DeploymentGroupRecord extends DeploymentGroupKey {
  readonly deploymentGroupId: string;
  /** Deployment ids in creation order. */
  readonly deploymentIds: string[];
}

/** A stage as an execution will have run it, computed from the records. */
export interface StageRun {
  readonly index: number;
  readonly name: string;
  readonly kind: StageKind;
  readonly actionName: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status: 'Succeeded' | 'Failed';
  readonly actionStatus: 'Succeeded' | 'Failed';
  readonly message?: string;
}

/** A stage as it stands at a moment: `endedAt` is absent while it runs. */
export interface StageView {
  readonly index: number;
  readonly name: string;
  readonly kind: StageKind;
  readonly actionName: string;
  readonly status: StageStatus;
  readonly actionStatus: ActionStatus;
  readonly startedAt: number;
  readonly lastChangeAt: number;
  readonly endedAt?: number;
  readonly message?: string;
}

export interface ExecutionView {
  readonly status: ExecutionStatus;
  readonly summary?: string;
  readonly lastUpdatedAt: number;
  /** Stages the execution has entered by then, in order. */
  readonly stages: readonly StageView[];
}
