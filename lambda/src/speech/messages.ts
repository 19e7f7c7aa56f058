import type { Alarm } from '../domain/alarms';
import type { PromotionPlan, PromotionProblem } from '../domain/promotion';
import type { Deployment, PendingApproval, PipelineExecution, StageState } from '../domain/release';
import type { FinishedRelease } from '../domain/release-journal';
import type { CardWords } from './cards';
import type { ReportMessages } from './report-messages';
import type { ScreenMessages } from './screen-messages';
import type { Routine } from '../domain/shortcut-offers';
import type { Ssml } from './ssml';

/** Formatting a locale table may use: times in the team's time zone, relative to the request. */
export interface Format {
  when(at: Date | undefined): string | undefined;
  /** A time of day as people say it ("8:30 PM" in English), for moments to come. */
  clock(at: Date): string;
  /** A moment written out for a card, exact and with its zone: "December 1, 2026 at 10:05 AM (Europe/Berlin)". */
  written(at: Date): string;
}

/** What a spoken answer needs about a target. */
export interface Where {
  readonly service: string;
  readonly environment: string;
}

/** Every sentence Alexa says, per locale. A locale table implements this whole interface. */
export interface Messages extends ReportMessages, ScreenMessages {
  launch(): Ssml;
  launchReprompt(): Ssml;
  help(services: readonly string[], environments: readonly string[]): Ssml;
  helpReprompt(): Ssml;
  goodbye(): Ssml;
  fallback(): Ssml;
  fallbackReprompt(): Ssml;
  nothingToConfirm(): Ssml;
  notAllowed(): Ssml;
  /** The card a stranger gets: their ids, and the exact config line that lets them in. Plain text, not speech. */
  strangerCard(ids: { readonly userId?: string; readonly personId?: string }): { readonly title: string; readonly text: string };

  askService(action: Action, choices: readonly string[]): Ssml;
  unknownService(heard: string, choices: readonly string[]): Ssml;
  askEnvironment(action: Action, service: string, choices: readonly string[]): Ssml;
  unknownEnvironment(heard: string, service: string, choices: readonly string[]): Ssml;
  notConfigured(action: Action, where: Where): Ssml;

  deployBusy(where: Where, running: PipelineExecution): Ssml;
  /**
   * Read-backs (deployConfirm…, rollbackConfirm…, approvalConfirm) are at most two sentences and about 35 words: what
   * ships or what runs, then the question (tests/support/ear-rules.ts). `lead` says why it is asked again.
   */
  deployConfirm(where: Where, pipeline: string, lastRelease: PipelineExecution | undefined, lead?: ReadBackLead): Ssml;
  /** The read-back of a promotion: what ships, from where and since when, and what runs here now. */
  deployConfirmPromotion(where: Where, pipeline: string, promotion: PromotionPlan, current: PipelineExecution | undefined, alreadyRuns: boolean, lead?: ReadBackLead): Ssml;
  deployConfirmReprompt(where: Where): Ssml;
  cannotPromote(where: Where, pipeline: string, from: string, problem: PromotionProblem): Ssml;
  bakeRefused(where: Where, promotion: PromotionPlan, minutesLeft: number): Ssml;
  bakeOverrideQuestion(where: Where, promotion: PromotionPlan, minutesLeft: number): Ssml;
  alarmsFiring(environment: string, alarms: readonly Alarm[]): Ssml;
  alarmOverrideQuestion(environment: string, alarms: readonly Alarm[]): Ssml;
  alarmsMissing(environment: string, names: readonly string[]): Ssml;
  deployStarted(where: Where, pipeline: string, executionId: string): Ssml;
  deployDenied(where: Where): Ssml;
  deployOutcomeUnknown(where: Where, pipeline: string): Ssml;

  rollbackConfirmStop(where: Where, deployment: Deployment, lead?: ReadBackLead): Ssml;
  rollbackConfirmRedeploy(where: Where, current: Deployment, target: Deployment, undoesRollback: boolean, lead?: ReadBackLead): Ssml;
  rollbackConfirmStage(where: Where, stage: string, current: PipelineExecution, target: PipelineExecution, undoesRollback: boolean, lead?: ReadBackLead): Ssml;
  rollbackConfirmReprompt(where: Where): Ssml;
  rollbackNothing(where: Where, reason: 'no-history' | 'no-earlier-revision'): Ssml;
  rollbackStopping(where: Where, deployment: Deployment, status: string): Ssml;
  rollbackRedeploying(where: Where, deploymentId: string, target: Deployment): Ssml;
  rollbackStageStarted(where: Where, stage: string, executionId: string, target: PipelineExecution): Ssml;
  rollbackBusy(where: Where, running: Deployment): Ssml;
  rollbackDenied(where: Where): Ssml;
  rollbackOutcomeUnknown(where: Where): Ssml;

  status(where: Where, report: StatusSpeech): Ssml;
  preview(where: Where, report: PreviewSpeech): Ssml;

  /** The read-back of a waiting manual approval: where, since when, what it asks, what it lets through. */
  approvalConfirm(where: Where, action: ApprovalAction, pipeline: string, approval: PendingApproval, release: PipelineExecution | undefined, lead?: ReadBackLead): Ssml;
  approvalConfirmReprompt(where: Where, action: ApprovalAction): Ssml;
  approvalNone(where: Where, action: ApprovalAction, pipeline: string): Ssml;
  approvalDenied(where: Where, action: ApprovalAction): Ssml;
  approvalAnswered(where: Where, action: ApprovalAction, pipeline: string, approval: PendingApproval): Ssml;
  /** The approval read back was answered, expired or replaced before the yes: nothing was sent. */
  approvalGone(): Ssml;
  approvalOutcomeUnknown(where: Where, action: ApprovalAction, pipeline: string): Ssml;
  /**
   * The routine shortcuts Alexa offers. `shortcutPhrases` are what the person says to Alexa ("push to prod"), up to
   * five in order of preference, written as sample utterances; `shortcutDescription` is how Alexa names the action.
   */
  shortcutPhrases(routine: Routine): readonly string[];
  shortcutDescription(routine: Routine): string;
  /**
   * Said before Alexa offers the routine: when the person `asked`, `after-release` (they just started a release), or
   * `next` (right after they took the previous one).
   */
  shortcutOffer(routine: Routine, when: 'asked' | 'after-release' | 'next'): Ssml;
  shortcutAccepted(routine: Routine): Ssml;
  shortcutAlreadyEnabled(routine: Routine): Ssml;
  shortcutDeclined(): Ssml;
  shortcutFailed(): Ssml;
  shortcutAllSet(): Ssml;
  shortcutNotInThisLanguage(): Ssml;

  /** The words of the cards left in the Alexa app (titles, labels); the layout is speech/cards.ts. Plain text. */
  cardWords(): CardWords;

  /** Progressive responses, said while a slow read runs: short, and nothing secret (they go through Alexa's API). */
  checkingPipeline(where: Where): Ssml;
  checkingRollback(where: Where): Ssml;

  notAllowedHere(environment: string): Ssml;
  lockedBy(environment: string, holder: string | undefined, since: Date, reason: string | undefined): Ssml;
  frozen(environment: string, reason: string): Ssml;
  freezeOverrideQuestion(environment: string, reason: string): Ssml;
  undoRollbackQuestion(where: Where): Ssml;
  askPin(): Ssml;
  wrongPin(attemptsLeft: number): Ssml;
  pinLockedOut(until: Date): Ssml;

  askLockEnvironment(action: 'lock' | 'unlock', choices: readonly string[]): Ssml;
  unknownLockEnvironment(heard: string, choices: readonly string[]): Ssml;
  locked(environment: string, reason: string | undefined): Ssml;
  alreadyYourLock(environment: string, since: Date): Ssml;
  lockHeldByOther(environment: string, holder: string | undefined, since: Date): Ssml;
  unlocked(environment: string): Ssml;
  notLocked(environment: string): Ssml;
  notYourLock(environment: string, holder: string | undefined, since: Date): Ssml;

  awsAccessDenied(operation: string): Ssml;
  awsNotFound(where: Where | undefined): Ssml;
  awsThrottled(): Ssml;
  awsBusy(where: Where | undefined): Ssml;
  awsInvalidState(): Ssml;
  awsTimeout(): Ssml;
  awsUnavailable(): Ssml;
  unexpected(): Ssml;

  /** How a release this person started ended, said first when they open the skill again. */
  releaseOutcome(release: ReleaseEndSpeech): Ssml;
  /**
   * The same news as an Alexa notification: plain text, not SSML. It is the sender's name of an
   * AMAZON.MessageAlert.Activated event, which Alexa reads as "You have one new message from <this>".
   */
  releaseNotification(release: ReleaseEndSpeech): string;
}

/** What the outcome sentences need of a release that ended (a FinishedRelease fits). */
export type ReleaseEndSpeech = Pick<FinishedRelease, 'kind' | 'service' | 'environment' | 'outcome' | 'finishedAt'>;

/**
 * Why a read-back is asked again: the plan changed since the last one (nothing was done), or the approval the person
 * said yes to was answered or expired meanwhile (nothing was sent) and another one waits.
 */
export type ReadBackLead = 'plan-changed' | 'approval-gone';

export type Action = 'deploy' | 'rollback' | 'status' | 'preview' | ApprovalAction;

export type ApprovalAction = 'approve' | 'reject';

export interface StatusSpeech {
  readonly latestExecution?: PipelineExecution;
  readonly stage?: StageState;
  readonly latestDeployment?: Deployment;
  readonly hasPipeline: boolean;
  readonly hasDeploymentGroup: boolean;
  readonly lock?: { readonly holder?: string; readonly since: Date; readonly yours: boolean };
  /** Only for an environment with alarms. */
  readonly alarms?: { readonly firing: readonly Alarm[]; readonly missing: readonly string[] };
}

/** "What would ship to prod?": what runs, what a deploy would ship, and what would stop it. */
export interface PreviewSpeech {
  readonly pipeline: string;
  /** The latest release that succeeded here. */
  readonly current?: PipelineExecution;
  /** What a deploy ships: a promotion's release, or (without promoteFrom) whatever is newest in the source. */
  readonly ships:
    | { readonly kind: 'promotion'; readonly promotion: PromotionPlan; readonly alreadyRuns: boolean }
    | { readonly kind: 'newest'; readonly lastRelease?: PipelineExecution }
    | { readonly kind: 'cannot-promote'; readonly from: string; readonly problem: PromotionProblem };
  /** What would stop a deploy now, in the order a deploy meets them. */
  readonly gates: readonly PreviewGate[];
}

export type PreviewGate =
  | { readonly kind: 'not-allowed' }
  | { readonly kind: 'locked'; readonly holder?: string; readonly since: Date }
  | { readonly kind: 'frozen'; readonly reason: string; readonly overridable: boolean }
  | { readonly kind: 'alarms'; readonly alarms: readonly Alarm[]; readonly overridable: boolean }
  | { readonly kind: 'alarms-missing'; readonly names: readonly string[] }
  | { readonly kind: 'baking'; readonly minutesLeft: number; readonly from: string; readonly overridable: boolean }
  | { readonly kind: 'running'; readonly execution: PipelineExecution }
  | { readonly kind: 'approval'; readonly stage: string; readonly action: string; readonly since?: Date };
