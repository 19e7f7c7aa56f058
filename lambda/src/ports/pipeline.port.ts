import type {
  ApprovalDecision, PendingApproval, PipelineExecution, PipelineRef, PipelineState, ReadHistory, SourceAction, SourceRevisionOverride,
} from '../domain/release';

/** What AWS said when it accepted a call that starts something: its id, and AWS's request id for the audit trail. */
export interface Started {
  readonly executionId: string;
  readonly requestId?: string;
}

/** What AWS said when it recorded an answer to a manual approval. */
export interface ApprovalAnswered {
  readonly approvedAt?: Date;
  readonly requestId?: string;
}

/** A release pipeline (AWS CodePipeline in production). Every method may throw a PushToProdError. */
export interface PipelinePort {
  /** The most recent executions, newest first, at most `limit`. */
  recentExecutions(pipeline: PipelineRef, limit: number): Promise<PipelineExecution[]>;
  /**
   * The executions that started at or after `since`, newest first, read page by page until one reaches back past
   * `since`; `complete` is false when `maxPages` pages ended the read first.
   */
  executionsSince(pipeline: PipelineRef, since: Date, maxPages: number): Promise<ReadHistory<PipelineExecution>>;
  /** Where each stage stands now. */
  state(pipeline: PipelineRef): Promise<PipelineState>;
  /**
   * Starts a release. `idempotencyToken` makes a retried request return the first execution instead of starting a
   * second one. `sourceRevisions` makes those source actions fetch the given revisions instead of their newest.
   */
  start(pipeline: PipelineRef, idempotencyToken: string, sourceRevisions?: readonly SourceRevisionOverride[]): Promise<Started>;
  /** The pipeline's source actions, from its structure. */
  sourceActions(pipeline: PipelineRef): Promise<SourceAction[]>;
  /** Rolls one stage of a V2 pipeline back to an execution that succeeded in it. */
  rollbackStage(pipeline: PipelineRef, stage: string, targetExecutionId: string): Promise<Started>;
  /** The manual approval actions (Approval/Manual) waiting for an answer now: in progress, with a token. */
  pendingApprovals(pipeline: PipelineRef): Promise<PendingApproval[]>;
  /**
   * Answers one manual approval. Throws ApprovalNotPendingError when that request was already answered, expired or
   * replaced; nothing is recorded then. Not idempotent: a second answer with the same token fails that way too.
   */
  putApprovalResult(
    pipeline: PipelineRef, approval: Pick<PendingApproval, 'stage' | 'action' | 'token'>, decision: ApprovalDecision, summary: string,
  ): Promise<ApprovalAnswered>;
}
