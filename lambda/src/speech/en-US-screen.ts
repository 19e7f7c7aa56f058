import { shortId } from '../domain/ids';
import type { PipelineExecution } from '../domain/release';
import type { Format } from './messages';
import type { ScreenLine, ScreenMessages } from './screen-messages';

/** The words on an Echo Show's screen, in English. */
export function enUSScreen(f: Format): ScreenMessages {
  const releaseState: Record<string, string> = {
    InProgress: 'in progress', Succeeded: 'succeeded', Failed: 'failed', Stopped: 'stopped', Stopping: 'stopping',
    Superseded: 'superseded', Cancelled: 'cancelled',
  };
  const label = { latest: 'Latest release', ships: 'Ships', current: 'Running now' } as const;
  return {
    screenHeading: (kind) => (kind === 'status' ? 'Release status' : 'What would ship'),
    screenWhere: (w) => `${w.service} in ${w.environment}`,
    screenStageState: (stage, earlier) => {
      if (earlier) return 'not reached yet';
      if (stage.waitingApproval) return 'waiting for approval';
      switch (stage.status) {
        case undefined: return 'not run yet';
        case 'InProgress': return stage.currentAction ? `running ${stage.currentAction}` : 'running';
        case 'Succeeded': return 'succeeded';
        case 'Failed': return stage.currentAction ? `failed in ${stage.currentAction}` : 'failed';
        case 'Stopped': return 'stopped';
        case 'Stopping': return 'stopping';
        case 'Cancelled': return 'cancelled';
        case 'Skipped': return 'skipped';
        default: return stage.status;
      }
    },
    screenRelease: (role, release) => {
      const lines: ScreenLine[] = [{ label: label[role], value: summaryOf(release) ?? 'no commit message' }];
      const commit = release.revisions[0]?.revisionId;
      if (commit) lines.push({ label: 'Commit', value: shortId(commit) });
      if (role === 'latest') lines.push({ label: 'State', value: releaseState[release.status] ?? release.status });
      if (release.startedBy) lines.push({ label: 'Started by', value: release.startedBy });
      const when = f.when(release.startedAt);
      if (when) lines.push({ label: 'Started', value: when });
      return lines;
    },
    screenDeployment: (d) => {
      const what = d.revision ? `${d.revision.kind === 'commit' ? 'commit ' : ''}${d.revision.id}` : d.id;
      const state = { InProgress: 'in progress', Succeeded: 'succeeded', Failed: 'failed', Stopped: 'stopped' }[d.status] ?? d.status.toLowerCase();
      const when = f.when(d.completedAt ?? d.createdAt);
      return { label: d.isRollback ? 'Latest deployment (rollback)' : 'Latest deployment', value: `${what}, ${state}${when ? `, ${when}` : ''}` };
    },
    screenShipsUnknown: (kind, w) => (kind === 'newest'
      ? { label: 'Ships', value: `the newest commit of ${w.service}'s source` }
      : { label: 'Ships', value: 'nothing can be promoted now' }),
    screenFrom: () => 'From',
    screenNoReleases: () => ({ label: 'Latest release', value: 'no releases yet' }),
    screenShipHint: (w) => `Say “push ${w.service} to ${w.environment}” to ship it.`,
  };
}

/** The commit message's first line, at most 100 characters. */
function summaryOf(release: PipelineExecution): string | undefined {
  const summary = release.revisions[0]?.summary?.split('\n')[0]?.trim().slice(0, 100);
  return summary === '' ? undefined : summary;
}
