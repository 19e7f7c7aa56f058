import type { Deployment, PipelineExecution, StageState } from '../domain/release';
import type { Where } from './messages';

/** One line of a screen: a short label and its value, plain text. */
export interface ScreenLine {
  readonly label: string;
  readonly value: string;
}

/**
 * The words on an Echo Show's screen, per locale: plain text, not SSML, short enough for a 5-inch screen. The screen
 * repeats what the voice answer says; it never says more than the voice answer may.
 */
export interface ScreenMessages {
  /** The screen's heading: "Status", "What would ship". */
  screenHeading(kind: 'status' | 'ships'): string;
  /** Under the heading: "checkout in production". */
  screenWhere(where: Where): string;
  /**
   * A stage's state in a word or three: "succeeded", "running DeployToFleet", "waiting for approval", "not run yet".
   * `earlier`: the stage's state is that of an earlier release, which the running one has not reached yet.
   */
  screenStageState(stage: StageState, earlier: boolean): string;
  /** A release as lines: what it ships (the commit message's first line), the commit, its state, who started it and when. */
  screenRelease(role: 'latest' | 'ships' | 'current', release: PipelineExecution): readonly ScreenLine[];
  /** The latest CodeDeploy deployment, as one line. */
  screenDeployment(deployment: Deployment): ScreenLine;
  /** What ships when a deploy takes the newest source (unknown until the pipeline fetches it), or when nothing can. */
  screenShipsUnknown(kind: 'newest' | 'nothing', where: Where): ScreenLine;
  /** The label of the environment a promotion ships from. */
  screenFrom(): string;
  /** A pipeline without releases, a deployment group without deployments. */
  screenNoReleases(): ScreenLine;
  /** How to go on, at the foot of the "what would ship" screen: "Say “push checkout to production” to ship it." */
  screenShipHint(where: Where): string;
}
