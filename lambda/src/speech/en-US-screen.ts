import type { Format } from './messages';
import type { ScreenMessages } from './screen-messages';
import { screenMessages } from './screen-words';

/** The words on an Echo Show's screen, in English. */
export function enUSScreen(f: Format): ScreenMessages {
  return screenMessages(f, {
    heading: { status: 'Release status', ships: 'What would ship' },
    where: (w) => `${w.service} in ${w.environment}`,
    releaseState: {
      InProgress: 'in progress', Succeeded: 'succeeded', Failed: 'failed', Stopped: 'stopped', Stopping: 'stopping',
      Superseded: 'superseded', Cancelled: 'cancelled',
    },
    deploymentState: { InProgress: 'in progress', Succeeded: 'succeeded', Failed: 'failed', Stopped: 'stopped' },
    stage: {
      notReached: 'not reached yet', waitingApproval: 'waiting for approval', notRun: 'not run yet', running: 'running',
      runningAction: (action) => `running ${action}`, failed: 'failed', failedIn: (action) => `failed in ${action}`,
      states: { Succeeded: 'succeeded', Stopped: 'stopped', Stopping: 'stopping', Cancelled: 'cancelled', Skipped: 'skipped' },
    },
    labels: {
      latest: 'Latest release', ships: 'Ships', current: 'Running now', commit: 'Commit', state: 'State',
      startedBy: 'Started by', started: 'Started', latestDeployment: 'Latest deployment',
      latestRollback: 'Latest deployment (rollback)', from: 'From',
      last: 'Last release', restores: 'Puts back', stops: 'Stops', waiting: 'Holds', pipeline: 'Pipeline', stage: 'Stage',
      asks: 'Asks', waitingSince: 'Waiting since',
    },
    readBack: {
      heading: { deploy: 'Ready to ship', rollback: 'Ready to roll back', approve: 'Ready to approve', reject: 'Ready to reject' },
      hint: {
        deploy: 'Say yes to ship it, or no.', rollback: 'Say yes to roll back, or no.', approve: 'Say yes to approve it, or no.',
        reject: 'Say yes to reject it, or no.',
      },
    },
    noCommitMessage: 'no commit message',
    commit: (id) => `commit ${id}`,
    shipsNewest: (w) => `the newest commit of ${w.service}'s source`,
    nothingToPromote: 'nothing can be promoted now',
    noReleases: 'no releases yet',
    shipHint: (w) => `Say “push ${w.service} to ${w.environment}” to ship it.`,
  });
}
