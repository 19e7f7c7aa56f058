import type { Format } from './messages';
import type { ScreenMessages } from './screen-messages';
import { screenMessages } from './screen-words';

/** The words on an Echo Show's screen, in German. Built into speech-de-DE.js with the German table. */
export function deDEScreen(f: Format): ScreenMessages {
  return screenMessages(f, {
    heading: { status: 'Release-Status', ships: 'Was ausgeliefert würde' },
    where: (w) => `${w.service} in ${w.environment}`,
    releaseState: {
      InProgress: 'läuft', Succeeded: 'erfolgreich', Failed: 'fehlgeschlagen', Stopped: 'gestoppt', Stopping: 'wird gestoppt',
      Superseded: 'überholt', Cancelled: 'abgebrochen',
    },
    deploymentState: { InProgress: 'läuft', Succeeded: 'erfolgreich', Failed: 'fehlgeschlagen', Stopped: 'gestoppt' },
    stage: {
      notReached: 'noch nicht erreicht', waitingApproval: 'wartet auf Freigabe', notRun: 'noch nicht gelaufen', running: 'läuft',
      runningAction: (action) => `läuft: ${action}`, failed: 'fehlgeschlagen', failedIn: (action) => `fehlgeschlagen in ${action}`,
      states: { Succeeded: 'erfolgreich', Stopped: 'gestoppt', Stopping: 'wird gestoppt', Cancelled: 'abgebrochen', Skipped: 'übersprungen' },
    },
    labels: {
      latest: 'Neuestes Release', ships: 'Liefert aus', current: 'Läuft jetzt', commit: 'Commit', state: 'Status',
      startedBy: 'Gestartet von', started: 'Gestartet', latestDeployment: 'Neuestes Deployment',
      latestRollback: 'Neuestes Deployment (Rollback)', from: 'Aus',
      last: 'Letztes Release', restores: 'Stellt wieder her', stops: 'Stoppt', waiting: 'Hält zurück', pipeline: 'Pipeline', stage: 'Stufe',
      asks: 'Fragt', waitingSince: 'Wartet seit',
    },
    readBack: {
      heading: { deploy: 'Bereit zum Ausliefern', rollback: 'Bereit zum Zurückrollen', approve: 'Bereit zur Freigabe', reject: 'Bereit zur Ablehnung' },
      hint: {
        deploy: 'Sag „ja“, um es auszuliefern, oder „nein“.', rollback: 'Sag „ja“, um zurückzurollen, oder „nein“.',
        approve: 'Sag „ja“, um es freizugeben, oder „nein“.', reject: 'Sag „ja“, um es abzulehnen, oder „nein“.',
      },
    },
    noCommitMessage: 'keine Commit-Nachricht',
    commit: (id) => `Commit ${id}`,
    shipsNewest: (w) => `den neuesten Commit der Quelle von ${w.service}`,
    nothingToPromote: 'gerade nichts, was befördert werden kann',
    noReleases: 'noch keine Releases',
    shipHint: (w) => `Sag „schiebe ${w.service} nach ${w.environment}“, um es auszuliefern.`,
  });
}
