import type { CardWords } from './cards';
import type { Format } from './messages';

/** The words of the cards in the Alexa app, in German. Built into speech-de-DE.js with the German table. */
export function deDECards(f: Format): { cardWords(): CardWords } {
  const words: CardWords = {
    title: (where, environment) => (where ? `Versions-Kapitän: ${where.service} in ${where.environment}` : environment ? `Versions-Kapitän: ${environment}` : 'Versions-Kapitän'),
    roles: {
      started: 'Jetzt gestartet',
      ships: 'Würde ausgeliefert',
      runs: 'Läuft jetzt',
      last: 'Letztes Release',
      running: 'Läuft gerade',
      latest: 'Neuestes',
      stopping: 'Zu stoppendes Deployment',
      'rolls-back-to': 'Rollback auf',
      'rolled-back-from': 'Läuft jetzt',
      waiting: 'Wartet auf Freigabe',
    },
    labels: {
      service: 'Dienst', environment: 'Umgebung', pipeline: 'Pipeline', deploymentGroup: 'CodeDeploy-Gruppe', region: 'Region',
      execution: 'Ausführung', status: 'Status', commit: 'Commit', deployment: 'Deployment', revision: 'Revision',
      startedBy: 'Gestartet von', started: 'Gestartet', finished: 'Beendet', console: 'AWS-Konsole', askedBy: 'Gefragt von',
      approval: 'Freigabe', approvalAsks: 'Sie fragt', waitingSince: 'Wartet seit', lock: 'Sperre', lockedBy: 'Gehalten von',
      since: 'Seit', reason: 'Grund', error: 'AWS-Fehler', operation: 'Operation', awsRequestId: 'AWS-Anfrage-ID',
      rollback: 'ein Rollback', nobody: 'jemand, der nicht in der Konfiguration steht',
    },
    colon: ': ',
    written: (at) => f.written(at),
  };
  return { cardWords: () => words };
}
