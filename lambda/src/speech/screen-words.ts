import type { ConsentAction } from '../domain/consent';
import { shortId } from '../domain/ids';
import type { Deployment, PipelineExecution } from '../domain/release';
import type { Format, Where } from './messages';
import type { ScreenLine, ScreenMessages } from './screen-messages';

/**
 * The words one language puts on an Echo Show's screen. The screen's sentences are built from them the same way in
 * every language (screenMessages below), so a locale writes only its words, never the layout's logic.
 */
export interface ScreenWords {
  readonly heading: { readonly status: string; readonly ships: string };
  where(where: Where): string;
  /** A release's (pipeline execution's) state, by CodePipeline's status. */
  readonly releaseState: Readonly<Record<string, string>>;
  /** A deployment's state, by CodeDeploy's status. */
  readonly deploymentState: Readonly<Record<string, string>>;
  readonly stage: {
    readonly notReached: string;
    readonly waitingApproval: string;
    readonly notRun: string;
    readonly running: string;
    runningAction(action: string): string;
    readonly failed: string;
    failedIn(action: string): string;
    /** Other stage statuses, by CodePipeline's name: Succeeded, Stopped, Stopping, Cancelled, Skipped. */
    readonly states: Readonly<Record<string, string>>;
  };
  readonly labels: {
    readonly latest: string;
    readonly ships: string;
    readonly current: string;
    readonly commit: string;
    readonly state: string;
    readonly startedBy: string;
    readonly started: string;
    readonly latestDeployment: string;
    readonly latestRollback: string;
    readonly from: string;
    readonly last: string;
    readonly restores: string;
    readonly stops: string;
    readonly waiting: string;
    readonly pipeline: string;
    readonly stage: string;
    readonly asks: string;
    readonly waitingSince: string;
  };
  /** A read-back's screen: its heading and, at its foot, what to say, by what a yes does. */
  readonly readBack: { readonly heading: Readonly<Record<ConsentAction, string>>; readonly hint: Readonly<Record<ConsentAction, string>> };
  readonly noCommitMessage: string;
  /** "commit a1b2c3d4" for a CodeDeploy revision that is a commit. */
  commit(id: string): string;
  shipsNewest(where: Where): string;
  readonly nothingToPromote: string;
  readonly noReleases: string;
  shipHint(where: Where): string;
}

/** The screen's sentences in the language of `words`, times from the locale's Format. */
export function screenMessages(f: Format, words: ScreenWords): ScreenMessages {
  const { labels } = words;
  return {
    screenHeading: (kind) => words.heading[kind],
    screenWhere: (w) => words.where(w),
    screenStageState: (stage, earlier) => {
      if (earlier) return words.stage.notReached;
      if (stage.waitingApproval) return words.stage.waitingApproval;
      switch (stage.status) {
        case undefined: return words.stage.notRun;
        case 'InProgress': return stage.currentAction ? words.stage.runningAction(stage.currentAction) : words.stage.running;
        case 'Failed': return stage.currentAction ? words.stage.failedIn(stage.currentAction) : words.stage.failed;
        default: return words.stage.states[stage.status] ?? stage.status;
      }
    },
    screenRelease: (role, release) => {
      const lines: ScreenLine[] = [{ label: labels[role], value: summaryOf(release) ?? words.noCommitMessage }];
      const commit = release.revisions[0]?.revisionId;
      if (commit) lines.push({ label: labels.commit, value: shortId(commit) });
      if (role === 'latest' || role === 'last') lines.push({ label: labels.state, value: words.releaseState[release.status] ?? release.status });
      if (release.startedBy) lines.push({ label: labels.startedBy, value: release.startedBy });
      const when = f.when(release.startedAt);
      if (when) lines.push({ label: labels.started, value: when });
      return lines;
    },
    screenDeployment: (d) => ({ label: d.isRollback ? labels.latestRollback : labels.latestDeployment, value: deploymentText(d) }),
    screenShipsUnknown: (kind, w) => ({ label: labels.ships, value: kind === 'newest' ? words.shipsNewest(w) : words.nothingToPromote }),
    screenFrom: () => labels.from,
    screenNoReleases: () => ({ label: labels.latest, value: words.noReleases }),
    screenShipHint: (w) => words.shipHint(w),
    screenReadBackHeading: (action) => words.readBack.heading[action],
    screenReadBackHint: (action) => words.readBack.hint[action],
    screenDeploymentAs: (role, d) => ({ label: labels[role], value: deploymentText(d) }),
    screenFact: (fact, value) => ({ label: labels[fact], value }),
    screenWaitingSince: (since) => {
      const when = f.when(since);
      return when ? { label: labels.waitingSince, value: when } : undefined;
    },
  };

  /** A deployment in a few words: its revision, its state, when it ended (or began). */
  function deploymentText(d: Deployment): string {
    const what = d.revision ? (d.revision.kind === 'commit' ? words.commit(d.revision.id) : d.revision.id) : d.id;
    const state = words.deploymentState[d.status] ?? d.status.toLowerCase();
    const when = f.when(d.completedAt ?? d.createdAt);
    return `${what}, ${state}${when ? `, ${when}` : ''}`;
  }
}

/** The commit message's first line, at most 100 characters. */
function summaryOf(release: PipelineExecution): string | undefined {
  const summary = release.revisions[0]?.summary?.split('\n')[0]?.trim().slice(0, 100);
  return summary === '' ? undefined : summary;
}
