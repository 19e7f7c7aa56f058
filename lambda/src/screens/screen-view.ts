import type { Deployment, PipelineExecution, StageState } from '../domain/release';

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
export type ScreenView = StatusView | ShipsView;

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
