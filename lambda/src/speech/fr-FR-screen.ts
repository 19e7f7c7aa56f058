import type { Format } from './messages';
import type { ScreenMessages } from './screen-messages';
import { screenMessages } from './screen-words';

/** The words on an Echo Show's screen, in French. Built into speech-fr-FR.js with the French table. */
export function frFRScreen(f: Format): ScreenMessages {
  return screenMessages(f, {
    heading: { status: 'État de la livraison', ships: 'Ce qui serait livré' },
    where: (w) => `${w.service} en ${w.environment}`,
    releaseState: {
      InProgress: 'en cours', Succeeded: 'réussie', Failed: 'échouée', Stopped: 'arrêtée', Stopping: 'en cours d’arrêt',
      Superseded: 'remplacée', Cancelled: 'annulée',
    },
    deploymentState: { InProgress: 'en cours', Succeeded: 'réussi', Failed: 'échoué', Stopped: 'arrêté' },
    stage: {
      notReached: 'pas encore atteinte', waitingApproval: 'attend une approbation', notRun: 'pas encore exécutée', running: 'en cours',
      runningAction: (action) => `en cours : ${action}`, failed: 'échouée', failedIn: (action) => `échouée dans ${action}`,
      states: { Succeeded: 'réussie', Stopped: 'arrêtée', Stopping: 'en cours d’arrêt', Cancelled: 'annulée', Skipped: 'ignorée' },
    },
    labels: {
      latest: 'Dernière livraison', ships: 'Livre', current: 'En service', commit: 'Commit', state: 'État',
      startedBy: 'Lancée par', started: 'Lancée', latestDeployment: 'Dernier déploiement',
      latestRollback: 'Dernier déploiement (retour arrière)', from: 'Depuis',
      last: 'Dernière livraison', restores: 'Remet en place', stops: 'Arrête', waiting: 'Retient', pipeline: 'Pipeline', stage: 'Étape',
      asks: 'Demande', waitingSince: 'Attend depuis',
    },
    readBack: {
      heading: { deploy: 'Prêt à livrer', rollback: 'Prêt pour le retour arrière', approve: 'Prêt à approuver', reject: 'Prêt à rejeter' },
      hint: {
        deploy: 'Dites « oui » pour le livrer, ou « non ».', rollback: 'Dites « oui » pour revenir en arrière, ou « non ».',
        approve: 'Dites « oui » pour l’approuver, ou « non ».', reject: 'Dites « oui » pour le rejeter, ou « non ».',
      },
    },
    noCommitMessage: 'pas de message de commit',
    commit: (id) => `commit ${id}`,
    shipsNewest: (w) => `le commit le plus récent de la source de ${w.service}`,
    nothingToPromote: 'rien à promouvoir pour le moment',
    noReleases: 'pas encore de livraison',
    shipHint: (w) => `Dites « déploie ${w.service} en ${w.environment} » pour le livrer.`,
  });
}
