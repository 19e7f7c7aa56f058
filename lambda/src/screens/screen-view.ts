import type { ConsentAction } from '../domain/consent';
import type { Deployment, PendingApproval, PipelineExecution, StageState } from '../domain/release';
import type { RollbackPlan } from '../domain/rollback';

/** The service and environment a screen is about. */
export interface ScreenWhere {
  readonly service: string;
  readonly environment: string;
}

/**
 * What an Echo Show shows beside an answer: a view model the handlers fill from what they already read. It holds no
 * words and no layout: screens/render-document.ts turns it into an APL document and its data source, with the words
 * of the request's locale, and only for a device that supports APL.
 */
export type ScreenView = StatusView | ShipsView | ReadBackView;

/** "What's the status of prod?": every stage of the pipeline with its state, the latest release and deployment. */
export interface StatusView {
  readonly kind: 'status';
  readonly where: ScreenWhere;
  /** Every stage of the pipeline, in the pipeline's order, as GetPipelineState gave them; none without a pipeline. */
  readonly stages: readonly StageState[];
  readonly latestExecution?: PipelineExecution;
  readonly latestDeployment?: Deployment;
}

/** "What would ship to prod?": what a deploy would ship, from where, and what runs there now. */
export interface ShipsView {
  readonly kind: 'ships';
  readonly where: ScreenWhere;
  /**
   * What ships: a promotion's release from `from`, or, without promotion, whatever is newest in the source (which
   * the skill cannot know before the pipeline fetches it: `newest`). Nothing when nothing can be promoted.
   */
  readonly ships: { readonly kind: 'promotion'; readonly from: string; readonly release: PipelineExecution } | { readonly kind: 'newest' } | { readonly kind: 'nothing' };
  /** The latest release that succeeded here. */
  readonly current?: PipelineExecution;
  /** Whether nothing would stop a deploy now (the voice answer names what would): only then does the screen say how to ship. */
  readonly clear: boolean;
}

/**
 * A read-back on a screen ("push checkout to prod" → what ships, and "Shall I?"): what the handler read back, from
 * what it already read, and at the foot what to say. The voice answer asks the question; the screen shows the facts.
 */
export interface ReadBackView {
  readonly kind: 'read-back';
  readonly where: ScreenWhere;
  readonly subject: ReadBackSubject;
}

/** What is read back, by the action a yes consents to. */
export type ReadBackSubject =
  | {
    readonly action: Extract<ConsentAction, 'deploy'>;
    readonly pipeline: string;
    /** A promotion's release from `from`, or the newest commit of the source (unknown until the pipeline fetches it). */
    readonly ships: { readonly kind: 'promotion'; readonly from: string; readonly release: PipelineExecution } | { readonly kind: 'newest' };
    /** The latest release that succeeded here: what runs now. */
    readonly current?: PipelineExecution;
    /** The pipeline's last release, whatever became of it (without promotion, what the read-back names). */
    readonly lastRelease?: PipelineExecution;
  }
  | { readonly action: Extract<ConsentAction, 'rollback'>; readonly plan: Exclude<RollbackPlan, { kind: 'nothing' }> }
  | {
    readonly action: Extract<ConsentAction, 'approve' | 'reject'>;
    readonly pipeline: string;
    readonly approval: PendingApproval;
    /** The release that waits on the approval. */
    readonly release?: PipelineExecution;
  };

/** A deployment a screen names: what runs, what a rollback puts back, what it stops. */
export type DeploymentRole = 'current' | 'restores' | 'stops';
