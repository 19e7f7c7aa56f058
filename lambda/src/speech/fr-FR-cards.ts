import type { CardWords } from './cards';
import type { Format } from './messages';

/** The words of the cards in the Alexa app, in French. Built into speech-fr-FR.js with the French table. */
export function frFRCards(f: Format): { cardWords(): CardWords } {
  const words: CardWords = {
    title: (where, environment) => (where ? `Capitaine de livraison\u00a0: ${where.service} en ${where.environment}` : environment ? `Capitaine de livraison\u00a0: ${environment}` : 'Capitaine de livraison'),
    roles: {
      started: 'Lancée à l\'instant',
      ships: 'Partirait',
      runs: 'Tourne maintenant',
      last: 'Dernière mise en production',
      running: 'En cours',
      latest: 'La plus récente',
      stopping: 'Déploiement à arrêter',
      'rolls-back-to': 'Retour arrière vers',
      'rolled-back-from': 'Tourne maintenant',
      waiting: 'En attente d\'approbation',
    },
    labels: {
      service: 'Service', environment: 'Environnement', pipeline: 'Pipeline', deploymentGroup: 'Groupe CodeDeploy', region: 'Région',
      execution: 'Exécution', status: 'Statut', commit: 'Commit', deployment: 'Déploiement', revision: 'Révision',
      startedBy: 'Lancée par', started: 'Début', finished: 'Fin', console: 'Console AWS', askedBy: 'Demandé par',
      approval: 'Approbation', approvalAsks: 'Message', waitingSince: 'En attente depuis', lock: 'Verrou', lockedBy: 'Tenu par',
      since: 'Depuis', reason: 'Raison', error: 'Erreur AWS', operation: 'Opération', awsRequestId: 'Identifiant de requête AWS',
      rollback: 'un retour arrière', nobody: 'une personne absente de la configuration',
    },
    colon: '\u00a0: ',
    written: (at) => f.written(at),
  };
  return { cardWords: () => words };
}
