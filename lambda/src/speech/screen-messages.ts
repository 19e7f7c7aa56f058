import type { ConsentAction } from '../domain/consent';
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
  /**
   * A release as lines: what it ships (the commit message's first line), the commit, its state (for the latest or
   * last release), who started it and when. `role` says what it is to the screen: the latest, what ships, what runs
   * now, the pipeline's last release, what a rollback puts back, what waits on an approval.
   */
  screenRelease(role: ReleaseRole, release: PipelineExecution): readonly ScreenLine[];
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
  /** The heading of a read-back's screen, by what a yes does: "Ready to ship". */
  screenReadBackHeading(action: ConsentAction): string;
  /** At the foot of a read-back's screen, what to say: "Say yes to ship it, or no." */
  screenReadBackHint(action: ConsentAction): string;
  /** A deployment in a rollback's read-back, as one line: what runs now, what it puts back, what it stops. */
  screenDeploymentAs(role: 'current' | 'restores' | 'stops', deployment: Deployment): ScreenLine;
  /** A fact of a read-back as a line: the pipeline's name, the stage that waits, what an approval asks. */
  screenFact(fact: 'pipeline' | 'stage' | 'asks', value: string): ScreenLine;
  /** How long an approval has waited, as a line; none when the time is not known. */
  screenWaitingSince(since: Date | undefined): ScreenLine | undefined;
}

/** What a release is to the screen that shows it. */
export type ReleaseRole = 'latest' | 'ships' | 'current' | 'last' | 'restores' | 'waiting';
