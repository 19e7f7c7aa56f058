import type { CardWords } from './cards';
import type { Format } from './messages';

/** The words of the cards in the Alexa app, in English. */
export function enUSCards(f: Format): { cardWords(): CardWords } {
  const words: CardWords = {
    title: (where, environment) => (where ? `Release captain: ${where.service} in ${where.environment}` : environment ? `Release captain: ${environment}` : 'Release captain'),
    roles: {
      started: 'Started now',
      ships: 'Would ship',
      runs: 'Runs now',
      last: 'Last release',
      running: 'Running',
      latest: 'Latest',
      stopping: 'Deployment to stop',
      'rolls-back-to': 'Rolls back to',
      'rolled-back-from': 'Runs now',
      waiting: 'Waiting for approval',
    },
    labels: {
      service: 'Service', environment: 'Environment', pipeline: 'Pipeline', deploymentGroup: 'CodeDeploy group', region: 'Region',
      execution: 'Execution', status: 'Status', commit: 'Commit', deployment: 'Deployment', revision: 'Revision',
      startedBy: 'Started by', started: 'Started', finished: 'Finished', console: 'AWS console', askedBy: 'Asked by',
      approval: 'Approval', approvalAsks: 'It asks', waitingSince: 'Waiting since', lock: 'Lock', lockedBy: 'Held by',
      since: 'Since', reason: 'Reason', error: 'AWS error', operation: 'Operation', awsRequestId: 'AWS request id',
      rollback: 'a rollback', nobody: 'someone not named in the config',
    },
    colon: ': ',
    written: (at) => f.written(at),
  };
  return { cardWords: () => words };
}
