import type { Alarm } from '../domain/alarms';
import type { PromotionPlan, PromotionProblem } from '../domain/promotion';
import type { Routine } from '../domain/shortcut-offers';
import type { Deployment, PipelineExecution } from '../domain/release';
import type { ReleaseOutcome } from '../domain/release-journal';
import type { LocaleSpeech } from './index';
import type { Action, Format, Messages, PreviewGate, PreviewSpeech, ReadBackLead, ReleaseEndSpeech, StatusSpeech, Where } from './messages';
import { frFRCards } from './fr-FR-cards';
import { frFRScreen } from './fr-FR-screen';
import { clip } from './free-text';
import { frFRReport, numberWords } from './fr-FR-report';
import { joinSsml, Ssml, ssml, spokenList } from './ssml';
import type { TimeWords } from './spoken-time';

/*
 * Everything Alexa says in French, addressing the person as "vous". Built into speech-fr-FR.js and required on the
 * first French request (speech/index.ts). No ids are spoken: what ships is named by its commit message's first line,
 * and ids belong on cards. Read-backs are at most two sentences.
 */

/** "il y a vingt minutes", "hier à 10:05", "le 20 novembre à 09:12". */
export const FR_TIME_WORDS: TimeWords = {
  justNow: 'à l\'instant',
  minutesAgo: (n) => (n === 1 ? 'il y a une minute' : `il y a ${numberWords(n)} minutes`),
  hoursAgo: (n) => (n === 1 ? 'il y a une heure' : `il y a ${numberWords(n)} heures`),
  todayAt: (time) => `aujourd'hui à ${time}`,
  yesterdayAt: (time) => `hier à ${time}`,
  onDateAt: (date, time) => `le ${date} à ${time}`,
};

const ENDED: Readonly<Record<ReleaseOutcome, string>> = {
  succeeded: 'a réussi',
  failed: 'a échoué',
  stopped: 'a été arrêtée',
  superseded: 'a été dépassée par une version plus récente',
};

/** "Votre mise en production de checkout en production", … */
function releaseSubject(r: ReleaseEndSpeech): string {
  switch (r.kind) {
    case 'deploy': return `Votre mise en production de ${r.service} vers ${r.environment}`;
    case 'rollback': return `Votre retour arrière de ${r.service} en ${r.environment}`;
    case 'approval': return `La mise en production de ${r.service} vers ${r.environment} que vous avez approuvée`;
  }
}

function statusWord(status: string): string {
  switch (status) {
    case 'InProgress': return 'est en cours';
    case 'Succeeded': return 'a réussi';
    case 'Failed': return 'a échoué';
    case 'Stopped': return 'a été arrêtée';
    case 'Stopping': return 'est en train de s\'arrêter';
    case 'Superseded': return 'a été remplacée par une plus récente';
    case 'Cancelled': return 'a été annulée';
    case 'Created': return 'va commencer';
    case 'Queued': return 'est en file d\'attente';
    case 'Baking': return 'est en observation';
    case 'Ready': return 'attend que le trafic soit redirigé';
    default: return `a le statut ${status}`;
  }
}

/** Tout ce qu'Alexa dit en français. */
export function frFR(f: Format): Messages {
  const verb: Record<Action, string> = {
    deploy: 'déployer', rollback: 'revenir en arrière sur', status: 'vérifier', preview: 'examiner', approve: 'approuver', reject: 'rejeter',
  };

  /** What ships, by its commit message's first line, or nothing. */
  const ships = (execution: PipelineExecution | undefined): Ssml | undefined => {
    const summary = clip(execution?.revisions[0]?.summary);
    return summary === undefined ? undefined : ssml`${summary}`;
  };
  /**
   * A read-back's question, led by what changed since the last one when something did, within its two sentences.
   * After the colon the question goes on in lower case, as French writes it ("… : dois-je … ?").
   */
  const question = (lead: ReadBackLead | undefined, words: Ssml): Ssml => (lead === undefined ? words : ssml`${LEADS[lead]} : ${uncapitalised(words)}`);
  const byWhom = (who: string | undefined) => (who ? ssml` par ${who}` : ssml``);
  const at = (date: Date | undefined) => {
    const when = f.when(date);
    return when ? ssml` ${when}` : ssml``;
  };
  /** "depuis vingt minutes", "depuis aujourd'hui à 10:05": the start of something still going on. */
  const since = (date: Date | undefined) => {
    const when = f.when(date);
    if (!when) return ssml``;
    if (when.startsWith('il y a ')) return ssml` depuis ${when.slice(7)}`;
    return when.startsWith('le ') ? ssml` depuis ${when}` : when === FR_TIME_WORDS.justNow ? ssml` depuis un instant` : ssml` depuis ${when}`;
  };
  const revision = (d: Deployment): Ssml => {
    const r = d.revision;
    switch (r?.kind) {
      case 'commit': return ssml`un commit`;
      case 'archive': return r.file === undefined || r.file === r.id ? ssml`une archive` : ssml`${r.file}`;
      case 'appspec': return ssml`une révision AppSpec`;
      default: return ssml`une révision`;
    }
  };
  const inWhere = (w: Where) => ssml`${w.service} en ${w.environment}`;
  const alarmList = (alarms: readonly Alarm[]): Ssml => {
    const named = alarms.slice(0, 3).map((a) => a.name);
    const more = alarms.length - named.length;
    if (named.length === 1) return ssml`l'alarme ${named[0] ?? ''}`;
    return more > 0 ? ssml`les alarmes ${named.join(', ')} et ${numberWords(more)} autres` : ssml`les alarmes ${spokenList(named, 'et')}`;
  };
  const firing = (alarms: readonly Alarm[]) => (alarms.length === 1 ? 'est déclenchée' : 'sont déclenchées');
  const alarmSince = (alarms: readonly Alarm[]): Ssml => {
    const first = [...alarms].sort((a, b) => (a.since?.getTime() ?? Infinity) - (b.since?.getTime() ?? Infinity))[0];
    if (first?.since === undefined) return ssml``;
    return alarms.length === 1 ? ssml` Elle l'est${since(first.since)}.` : ssml` ${first.name} s'est déclenchée en premier,${at(first.since)}.`;
  };
  const minutes = (n: number) => (n === 1 ? 'une minute' : `${numberWords(n)} minutes`);
  const promoted = (p: PromotionPlan): Ssml => {
    const what = ships(p.execution) ?? ssml`la dernière version réussie`;
    return ssml`${what}, réussie en ${p.from}${at(p.succeededAt)}`;
  };
  const promotionProblem = (w: Where, pipeline: string, from: string, problem: PromotionProblem): Ssml => {
    switch (problem.kind) {
      case 'nothing-succeeded':
        return ssml`${inWhere(w)} ne reçoit que ce qui a réussi en ${from}, et ${from} n'a encore aucune version réussie.`;
      case 'no-source-actions':
        return ssml`La pipeline ${pipeline} n'a pas d'action source, je ne peux donc pas lui dire quelles révisions livrer.`;
      case 'actions-differ': {
        const names = [...problem.missing, ...problem.extra];
        return ssml`Je ne peux pas faire correspondre la version de ${from} à la pipeline ${pipeline} : ${names.length === 1 ? 'l\'action source' : 'les actions sources'} ${spokenList(names, 'et')} ne ${names.length === 1 ? 'figure' : 'figurent'} pas dans les deux. Les deux pipelines doivent nommer leurs actions sources de la même façon.`;
      }
      case 'not-overridable':
        return ssml`L'action source ${problem.action} de la pipeline ${pipeline} utilise ${problem.provider}, à qui je ne peux pas imposer de révision. Je ne peux donc pas livrer ce qui tourne en ${from}.`;
      case 'no-revision-id':
        return ssml`La version de ${from} n'indique pas quelle révision son action source ${problem.action} a récupérée. Je ne peux donc pas livrer la même.`;
    }
  };
  const phrases: Record<Routine, readonly string[]> = {
    'push-to-prod': ['déploie en production', 'mets en production', 'livre en production'],
    'roll-back-prod': ['annule le déploiement en production', 'reviens en arrière en production'],
  };
  const nothingChanged = 'Rien n\'a été modifié.';

  return {
    launch: () => ssml`Ici le capitaine de livraison. Dites par exemple : déploie checkout en production, annule le déploiement, ou quel est l'état de la prod. Que voulez-vous faire ?`,
    launchReprompt: () => ssml`Dites déployer, revenir en arrière, ou statut. Que voulez-vous faire ?`,
    help: (services, environments) => ssml`Je déploie vos services et je reviens en arrière si besoin. Dites par exemple : déploie ${services[0] ?? 'checkout'} en ${environments[0] ?? 'production'}. Je vous dis d'abord ce qui partira, puis j'attends votre oui. Dites revenir en arrière pour arrêter un mauvais déploiement, ou demandez le statut. Vos services sont ${spokenList(services, 'et')}. Que voulez-vous faire ?`,
    helpReprompt: () => ssml`Que voulez-vous faire : déployer, revenir en arrière, ou le statut ?`,
    goodbye: () => ssml`D'accord. ${nothingChanged}`,
    fallback: () => ssml`Désolée, je ne sais pas faire ça. Je peux déployer une version, revenir en arrière, ou vous donner le statut. Que voulez-vous faire ?`,
    fallbackReprompt: () => ssml`Dites déployer, revenir en arrière, ou statut.`,
    nothingToConfirm: () => ssml`Rien n'attend de oui ou de non. Dites déployer, revenir en arrière, ou statut.`,
    notAllowed: () => ssml`Désolée, vous ne figurez pas parmi les personnes autorisées à livrer. ${nothingChanged} Votre identifiant est dans l'application Alexa : envoyez-le à la personne qui gère ce skill.`,
    strangerCard: (ids) => ({
      title: 'Capitaine de livraison : pas encore sur la liste',
      text: [
        'Vous ne figurez pas parmi les personnes autorisées à livrer avec ce skill.',
        `Votre identifiant utilisateur : ${ids.userId ?? '(aucun envoyé)'}`,
        ...(ids.personId ? [`Votre identifiant vocal (personne) : ${ids.personId}`] : []),
        '',
        'Pour autoriser ce compte, ajoutez cette ligne à "allowedUsers" dans lambda/push-to-prod.json, puis redéployez :',
        `  "${ids.userId ?? ''}",`,
        ...(ids.personId ? ['Pour n\'autoriser que cette voix reconnue, ajoutez plutôt cette ligne :', `  "${ids.personId}",`] : []),
      ].join('\n'),
    }),

    askService: (action, choices) => action === 'approve' || action === 'reject'
      ? ssml`La version de quel service dois-je ${verb[action]} : ${spokenList(choices, 'ou')} ?`
      : ssml`Quel service dois-je ${verb[action]} : ${spokenList(choices, 'ou')} ?`,
    unknownService: (heard, choices) => ssml`Je ne connais pas de service appelé ${heard}. Lequel : ${spokenList(choices, 'ou')} ?`,
    askEnvironment: (action, service, choices) => {
      switch (action) {
        case 'deploy': return ssml`Où dois-je déployer ${service} : ${spokenList(choices, 'ou')} ?`;
        case 'rollback': return ssml`Dans quel environnement dois-je revenir en arrière sur ${service} : ${spokenList(choices, 'ou')} ?`;
        case 'preview': return ssml`Où partirait ${service} : ${spokenList(choices, 'ou')} ?`;
        case 'status': return ssml`Quel environnement de ${service} dois-je vérifier : ${spokenList(choices, 'ou')} ?`;
        case 'approve':
        case 'reject':
          return ssml`Dans quel environnement dois-je ${verb[action]} la version de ${service} : ${spokenList(choices, 'ou')} ?`;
      }
    },
    unknownEnvironment: (heard, service, choices) => ssml`${service} n'a pas d'environnement appelé ${heard}. Lequel : ${spokenList(choices, 'ou')} ?`,
    notConfigured: (action, w) => action === 'approve' || action === 'reject'
      ? ssml`Aucune pipeline dont je peux traiter les approbations n'est configurée pour ${inWhere(w)}. ${nothingChanged}`
      : action === 'deploy' || action === 'preview'
        ? ssml`Aucune pipeline n'est configurée pour ${inWhere(w)}, je ne peux donc pas la déployer. ${nothingChanged}`
        : action === 'rollback'
          ? ssml`Ni groupe CodeDeploy ni étape de retour arrière ne sont configurés pour ${inWhere(w)}, je ne peux donc pas revenir en arrière. ${nothingChanged}`
          : ssml`Rien n'est configuré pour ${inWhere(w)} que je puisse vérifier.`,

    deployBusy: (w, running) => {
      const what = ships(running);
      return ssml`Une mise en production de ${inWhere(w)} est déjà en cours${what ? ssml`, avec ${what}` : ''}, lancée${at(running.startedAt)}${byWhom(running.startedBy)}. Je n'en lance pas une autre. Demandez-moi le statut pour la suivre.`;
    },
    deployConfirm: (w, _pipeline, last, lead) => {
      const what = ships(last);
      const ask = question(lead, ssml`Dois-je déployer ${w.service} en ${w.environment} ?`);
      return last
        ? ssml`Cela envoie la dernière version de ${w.service} en ${w.environment} ; la précédente${what ? ssml`, ${what},` : ''} est partie${at(last.startedAt)}. ${ask}`
        : ssml`Cela envoie la dernière version de ${w.service} en ${w.environment}, qui n'a encore reçu aucune version. ${ask}`;
    },
    deployConfirmPromotion: (w, _pipeline, p, _current, same, lead) => same
      ? ssml`Cela relivre ce qui tourne déjà en ${w.environment} : ${promoted(p)}. ${question(lead, ssml`Dois-je quand même déployer ${w.service} en ${w.environment} ?`)}`
      : ssml`Cela envoie en ${w.environment} ce qui vient de ${p.from} : ${promoted(p)}. ${question(lead, ssml`Dois-je déployer ${w.service} en ${w.environment} ?`)}`,
    deployConfirmReprompt: (w) => ssml`Dois-je déployer ${w.service} en ${w.environment} ? Dites oui ou non.`,
    cannotPromote: (w, pipeline, from, problem) => ssml`${promotionProblem(w, pipeline, from, problem)} ${nothingChanged}`,
    bakeRefused: (w, p, left) => ssml`${w.environment} ne reçoit que ce qui a tourné ${minutes(p.bakeMinutes)} en ${p.from}. Ce qui partirait, ${promoted(p)}, doit encore attendre ${minutes(left)}. ${nothingChanged} Un administrateur peut passer outre ce délai.`,
    bakeOverrideQuestion: (w, p, left) => ssml`${w.environment} ne reçoit que ce qui a tourné ${minutes(p.bakeMinutes)} en ${p.from}, et ${promoted(p)} doit encore attendre ${minutes(left)}. Vous êtes administrateur : voulez-vous la livrer maintenant ?`,
    alarmsFiring: (env, alarms) => ssml`Je ne déploie pas en ${env} tant que ${alarmList(alarms)} ${firing(alarms)}.${alarmSince(alarms)} ${nothingChanged} Si cette version est le correctif, un administrateur peut passer outre l'alarme.`,
    alarmOverrideQuestion: (env, alarms) => ssml`En ${env}, ${alarmList(alarms)} ${firing(alarms)}.${alarmSince(alarms)} Vous êtes administrateur. Voulez-vous déployer quand même ?`,
    alarmsMissing: (env, names) => ssml`Je ne trouve pas ${names.length === 1 ? 'l\'alarme' : 'les alarmes'} ${spokenList(names, 'et')} dans CloudWatch. Je ne peux donc pas savoir si ${env} va bien, et je ne déploie pas. ${nothingChanged} Vérifiez les noms d'alarmes dans la configuration du skill.`,
    deployStarted: (w) => ssml`C'est parti : la pipeline tourne, ${inWhere(w)} est en route. Demandez-moi le statut pour la suivre.`,
    deployDenied: (w) => ssml`D'accord, je ne déploie pas ${inWhere(w)}. ${nothingChanged}`,
    deployOutcomeUnknown: (w, pipeline) => ssml`J'ai demandé à CodePipeline de lancer ${pipeline}, mais sans réponse à temps. Je ne sais donc pas si la mise en production de ${inWhere(w)} a commencé. Demandez-moi le statut dans une minute, ou regardez la console, avant de réessayer.`,

    rollbackConfirmStop: (w, d, lead) => ssml`Un déploiement de ${inWhere(w)} est en cours, lancé${at(d.createdAt)}. ${question(lead, ssml`Dois-je l'arrêter et laisser CodeDeploy remettre la version précédente ?`)}`,
    rollbackConfirmRedeploy: (w, current, target, undoes, lead) => undoes
      ? ssml`Le dernier déploiement de ${inWhere(w)} était un retour arrière : cela remettrait une version retirée, livrée${at(target.createdAt)}. ${question(lead, ssml`Dois-je revenir en arrière sur ${inWhere(w)} ?`)}`
      : ssml`Cela remplace le déploiement fait${at(current.createdAt)} par la version d'avant, ${revision(target)}, livrée${at(target.createdAt)}. ${question(lead, ssml`Dois-je revenir en arrière sur ${inWhere(w)} ?`)}`,
    rollbackConfirmStage: (w, stage, _current, target, undoes, lead) => {
      const what = ships(target);
      return ssml`Revenir en arrière remet l'étape ${stage} sur${what ? ssml` ${what},` : ssml` la version lancée`}${at(target.startedAt)}${undoes ? ', ce qui annule un retour arrière' : ''}. ${question(lead, ssml`Dois-je revenir en arrière sur ${inWhere(w)} ?`)}`;
    },
    rollbackConfirmReprompt: (w) => ssml`Dois-je revenir en arrière sur ${inWhere(w)} ? Dites oui ou non.`,
    rollbackNothing: (w, reason) => reason === 'no-history'
      ? ssml`Je ne trouve aucun déploiement réussi de ${inWhere(w)}, il n'y a donc rien à remettre. ${nothingChanged}`
      : ssml`${inWhere(w)} n'a jamais réussi qu'avec une seule version, il n'y a donc rien d'antérieur. ${nothingChanged}`,
    rollbackStopping: (w, _d, status) => status === 'Succeeded'
      ? ssml`C'est fait : le déploiement de ${inWhere(w)} est arrêté, et CodeDeploy remet la version précédente. Demandez-moi le statut pour suivre.`
      : ssml`CodeDeploy arrête le déploiement de ${inWhere(w)} et va remettre la version précédente. Demandez-moi le statut dans une minute.`,
    rollbackRedeploying: (w, _id, target) => ssml`C'est parti : le retour arrière remet ${revision(target)} sur ${inWhere(w)}. Demandez-moi le statut pour le suivre.`,
    rollbackStageStarted: (w, stage) => ssml`C'est parti : l'étape ${stage} de ${inWhere(w)} revient en arrière. Demandez-moi le statut pour suivre.`,
    rollbackBusy: (w) => ssml`Un déploiement de ${inWhere(w)} est en cours, je n'ai donc pas lancé de retour arrière. Redemandez-moi pour l'arrêter.`,
    rollbackDenied: (w) => ssml`D'accord, je ne reviens pas en arrière sur ${inWhere(w)}. ${nothingChanged}`,
    rollbackOutcomeUnknown: (w) => ssml`J'ai demandé à CodeDeploy de revenir en arrière sur ${inWhere(w)}, mais sans réponse à temps. Je ne sais donc pas si c'est parti. Demandez-moi le statut dans une minute, ou regardez la console CodeDeploy, avant de réessayer.`,

    status: (w, r) => statusSpeech(w, r),
    preview: (w, r) => previewSpeech(w, r),
    ...frFRReport(),
    ...frFRCards(f),
    ...frFRScreen(f),

    approvalConfirm: (w, action, _pipeline, approval, release, lead) => {
      const asks = clip(approval.message);
      const what = ships(release);
      const ask = action === 'approve'
        ? ssml`Dois-je l'approuver, pour que ${w.service} continue vers ${w.environment} ?`
        : ssml`Dois-je la rejeter, et arrêter cette mise en production de ${w.service} vers ${w.environment} ?`;
      return ssml`L'étape ${approval.stage} attend une approbation${since(approval.since)}${what ? ssml` pour ${what}` : ''}${asks ? ssml` : ${asks}` : ''}. ${question(lead, ask)}`;
    },
    approvalConfirmReprompt: (w, action) => ssml`Dois-je ${verb[action]} la version de ${w.service} qui attend pour ${w.environment} ? Dites oui ou non.`,
    approvalNone: (_w, action, pipeline) => ssml`Rien n'attend d'approbation dans la pipeline ${pipeline} en ce moment, il n'y a donc rien à ${verb[action]}. ${nothingChanged}`,
    approvalDenied: (w, action) => ssml`D'accord, je ne vais pas ${verb[action]} la version de ${w.service} pour ${w.environment}. ${nothingChanged}`,
    approvalAnswered: (w, action, _pipeline, approval) => action === 'approve'
      ? ssml`C'est fait : approuvée. L'étape ${approval.stage} continue, et ${w.service} est en route vers ${w.environment}. Demandez-moi le statut pour suivre.`
      : ssml`C'est fait : rejetée. L'étape ${approval.stage} échoue, et cette version de ${w.service} n'atteindra pas ${w.environment}.`,
    approvalGone: () => ssml`Cette approbation avait déjà reçu une réponse, ou elle a expiré, avant votre oui. Je n'ai rien envoyé.`,
    approvalOutcomeUnknown: (w, action, pipeline) => ssml`J'ai demandé à CodePipeline d'${action === 'approve' ? 'approuver' : 'rejeter'} la demande dans ${pipeline}, mais sans réponse à temps. Je ne sais donc pas si elle a été enregistrée. Regardez la console, ou demandez-moi le statut de ${inWhere(w)} dans une minute, avant de réessayer.`,

    shortcutPhrases: (routine) => phrases[routine],
    shortcutDescription: (routine) => (routine === 'push-to-prod' ? 'Déployer en production avec le capitaine de livraison' : 'Revenir en arrière en production avec le capitaine de livraison'),
    shortcutOffer: (routine, when) => {
      const phrase = phrases[routine][0] ?? '';
      switch (when) {
        case 'asked': return ssml`Avec une routine, dites simplement : Alexa, ${phrase}, sans mon nom. Je vous dirai toujours ce qui se passe et j'attendrai votre oui.`;
        case 'after-release': return ssml`Au fait : une routine peut raccourcir tout ça. Dites simplement : Alexa, ${phrase}. J'attendrai toujours votre oui.`;
        case 'next': return ssml`Il y en a une aussi pour revenir en arrière : Alexa, ${phrase}.`;
      }
    },
    shortcutAccepted: (routine) => ssml`C'est fait. Désormais, dites simplement : Alexa, ${phrases[routine][0] ?? ''}. J'attendrai toujours votre oui.`,
    shortcutAlreadyEnabled: (routine) => ssml`Vous avez déjà une routine pour ${phrases[routine][0] ?? ''}.`,
    shortcutDeclined: () => ssml`D'accord, pas de raccourci. Je ne le proposerai plus. Si vous changez d'avis, dites : crée un raccourci.`,
    shortcutFailed: () => ssml`Je n'ai pas pu créer la routine pour l'instant. Vous pouvez en ajouter une dans l'application Alexa, rubrique Routines, avec mon action de déploiement.`,
    shortcutAllSet: () => ssml`Vous avez déjà les deux raccourcis : Alexa, ${phrases['push-to-prod'][0] ?? ''}, et Alexa, ${phrases['roll-back-prod'][0] ?? ''}.`,
    shortcutNotInThisLanguage: () => ssml`Désolée, je ne peux pas créer de raccourci vocal dans cette langue.`,

    checkingPipeline: (w) => ssml`Je vérifie la pipeline de ${w.service}…`,
    checkingRollback: (w) => ssml`Je cherche la version à remettre sur ${inWhere(w)}…`,

    notAllowedHere: (env) => ssml`Désolée, vous ne figurez pas parmi les personnes autorisées à modifier ${env}. ${nothingChanged}`,
    lockedBy: (env, holder, when, reason) => ssml`${env} est verrouillé par ${holder ?? 'quelqu\'un d\'autre'}${since(when)}${reason ? ssml` : ${reason}` : ''}. Je n'y touche pas avant le déverrouillage. ${nothingChanged}`,
    frozen: (env, reason) => ssml`${env} est gelé en ce moment : ${reason}. ${nothingChanged} Un administrateur peut passer outre le gel.`,
    freezeOverrideQuestion: (env, reason) => ssml`${env} est gelé en ce moment : ${reason}. Vous êtes administrateur. Voulez-vous passer outre le gel pour cette version ?`,
    undoRollbackQuestion: (w) => ssml`Juste pour être sûre : cela annule un retour arrière de ${inWhere(w)} et remet une version déjà retirée. Revenir en arrière quand même ?`,
    askPin: () => ssml`Dites votre code de livraison à quatre chiffres, s'il vous plaît.`,
    wrongPin: (left) => ssml`Ce code n'est pas le bon. ${left === 1 ? 'Encore un essai.' : ssml`Encore ${numberWords(left)} essais.`} Dites votre code de livraison à quatre chiffres.`,
    pinLockedOut: (until) => ssml`Trop de codes faux. Je n'accepte plus de code de votre part avant ${f.clock(until)}. ${nothingChanged}`,

    askLockEnvironment: (action, choices) => ssml`Quel environnement dois-je ${action === 'lock' ? 'verrouiller' : 'déverrouiller'} : ${spokenList(choices, 'ou')} ?`,
    unknownLockEnvironment: (heard, choices) => ssml`Je ne connais pas d'environnement appelé ${heard}. Lequel : ${spokenList(choices, 'ou')} ?`,
    locked: (env, reason) => ssml`C'est fait : ${env} est verrouillé${reason ? ssml`, pour ${reason}` : ''}. Personne d'autre ne peut y déployer ni revenir en arrière avant que vous le déverrouilliez.`,
    alreadyYourLock: (env, when) => ssml`Vous tenez déjà le verrou sur ${env}${since(when)}.`,
    lockHeldByOther: (env, holder, when) => ssml`${env} est déjà verrouillé par ${holder ?? 'quelqu\'un d\'autre'}${since(when)}.`,
    unlocked: (env) => ssml`C'est fait : ${env} est déverrouillé.`,
    notLocked: (env) => ssml`${env} n'est pas verrouillé.`,
    notYourLock: (env, holder, when) => ssml`${env} est verrouillé par ${holder ?? 'quelqu\'un d\'autre'}${since(when)}. Seule cette personne ou un administrateur peut le déverrouiller.`,

    awsAccessDenied: (operation) => ssml`AWS m'a refusé l'autorisation pour ${operation}. ${nothingChanged} Vérifiez le rôle IAM du skill.`,
    awsNotFound: (w) => w
      ? ssml`AWS ne trouve pas la pipeline ou le groupe de déploiement de ${inWhere(w)}. Vérifiez les noms dans la configuration du skill. ${nothingChanged}`
      : ssml`AWS ne trouve pas la pipeline ou le groupe de déploiement demandé. ${nothingChanged}`,
    awsThrottled: () => ssml`AWS limite mes requêtes en ce moment. ${nothingChanged} Réessayez dans une minute, s'il vous plaît.`,
    awsBusy: (w) => ssml`${w ? ssml`${inWhere(w)} est` : 'C\'est'} occupé par une autre mise en production ou un autre déploiement, je n'ai donc rien lancé. Demandez-moi le statut.`,
    awsInvalidState: () => ssml`AWS dit que ce n'est pas possible dans l'état actuel. Demandez-moi le statut.`,
    awsTimeout: () => ssml`AWS n'a pas répondu à temps, je ne peux donc pas vous le dire. ${nothingChanged} Réessayez dans une minute, s'il vous plaît.`,
    awsUnavailable: () => ssml`AWS a eu un problème pour me répondre. ${nothingChanged} Réessayez dans une minute, s'il vous plaît.`,
    unexpected: () => ssml`Désolée, quelque chose s'est mal passé de mon côté, et je n'ai rien modifié. Réessayez, s'il vous plaît.`,

    releaseOutcome: (r) => ssml`${releaseSubject(r)} ${ENDED[r.outcome]}${at(r.finishedAt)}.`,
    releaseNotification: (r) => `Capitaine de livraison : ${releaseSubject(r).replace(/^\p{Lu}/u, (first) => first.toLowerCase())} ${ENDED[r.outcome]}`,
  };

  function statusSpeech(w: Where, r: StatusSpeech): Ssml {
    const parts: Ssml[] = [];
    const e = r.latestExecution;
    if (r.hasPipeline) {
      if (!e) parts.push(ssml`${inWhere(w)} n'a encore aucune mise en production.`);
      else {
        const what = ships(e);
        const stage = r.stage;
        const state = e.status === 'InProgress' && stage
          ? ssml`est à l'étape ${stage.name}${stage.currentAction ? ssml`, sur ${stage.currentAction}` : ''}`
          : ssml`${statusWord(e.status)}`;
        parts.push(ssml`La dernière mise en production de ${inWhere(w)}${what ? ssml`, ${what},` : ''} ${state}. Lancée${at(e.startedAt)}${byWhom(e.startedBy)}.`);
      }
    }
    const d = r.latestDeployment;
    if (r.hasDeploymentGroup) {
      parts.push(d
        ? ssml`Le dernier déploiement${d.isRollback ? ', un retour arrière,' : ''} ${deploymentWord(d.status)}${d.completedAt ? ssml`, terminé${at(d.completedAt)}` : ssml`, lancé${at(d.createdAt)}`}.`
        : ssml`CodeDeploy n'a encore aucun déploiement pour ${inWhere(w)}.`);
    }
    if (r.lock) parts.push(ssml`${w.environment} est verrouillé par ${r.lock.yours ? 'vous' : r.lock.holder ?? 'quelqu\'un d\'autre'}${since(r.lock.since)}.`);
    if (r.alarms && r.alarms.firing.length > 0) {
      const [first] = r.alarms.firing;
      parts.push(ssml`Attention : en ${w.environment}, ${alarmList(r.alarms.firing)} ${firing(r.alarms.firing)}.${alarmSince(r.alarms.firing)}`);
      parts.push(first?.since && e?.startedAt && first.since >= e.startedAt
        ? ssml`C'est arrivé après la dernière mise en production. Pour remettre la version précédente, dites : reviens en arrière sur ${w.service}.`
        : ssml`Si la dernière mise en production en est la cause, dites : reviens en arrière sur ${w.service}.`);
    }
    if (r.alarms && r.alarms.missing.length > 0) {
      parts.push(ssml`Je ne trouve pas ${r.alarms.missing.length === 1 ? 'l\'alarme' : 'les alarmes'} ${spokenList(r.alarms.missing, 'et')} dans CloudWatch.`);
    }
    return joinSsml(parts);
  }

  /** A deployment is masculine in French: "a réussi" stays, "a été arrêté" agrees. */
  function deploymentWord(status: string): string {
    return statusWord(status).replace(/ée$/, 'é');
  }

  function previewSpeech(w: Where, r: PreviewSpeech): Ssml {
    const parts: Ssml[] = [];
    const now = r.current && ships(r.current);
    parts.push(r.current
      ? ssml`${inWhere(w)} fait tourner${now ? ssml` ${now},` : ' une version'} livrée${at(r.current.updatedAt ?? r.current.startedAt)}.`
      : ssml`${inWhere(w)} n'a encore aucune version réussie.`);
    switch (r.ships.kind) {
      case 'promotion':
        parts.push(r.ships.alreadyRuns
          ? ssml`Un déploiement enverrait ce qui a tourné en ${r.ships.promotion.from}, ${promoted(r.ships.promotion)} : les mêmes révisions, donc rien de nouveau.`
          : ssml`Un déploiement enverrait ce qui a tourné en ${r.ships.promotion.from} : ${promoted(r.ships.promotion)}.`);
        break;
      case 'newest': {
        const last = r.ships.lastRelease && ships(r.ships.lastRelease);
        parts.push(ssml`Un déploiement lance la pipeline ${r.pipeline}, qui livre ce qu'il y a de plus récent dans sa source${last && r.ships.lastRelease !== r.current ? ssml` ; sa dernière mise en production a livré ${last}` : ''}.`);
        break;
      }
      case 'cannot-promote':
        parts.push(promotionProblem(w, r.pipeline, r.ships.from, r.ships.problem));
        break;
    }
    if (r.gates.length === 0) parts.push(ssml`Rien ne l'empêcherait en ce moment.`);
    else parts.push(ssml`Un déploiement serait bloqué en ce moment.`, ...r.gates.map((g) => gateWords(w, g)));
    return joinSsml(parts);
  }

  function gateWords(w: Where, g: PreviewGate): Ssml {
    const admin = (overridable: boolean) => (overridable ? ssml` Un administrateur peut passer outre.` : ssml``);
    switch (g.kind) {
      case 'not-allowed': return ssml`Vous ne figurez pas parmi les personnes autorisées à modifier ${w.environment}.`;
      case 'locked': return ssml`${w.environment} est verrouillé par ${g.holder ?? 'quelqu\'un d\'autre'}${since(g.since)}.`;
      case 'frozen': return ssml`${w.environment} est gelé en ce moment : ${g.reason}.${admin(g.overridable)}`;
      case 'alarms': return ssml`En ${w.environment}, ${alarmList(g.alarms)} ${firing(g.alarms)}.${alarmSince(g.alarms)}${admin(g.overridable)}`;
      case 'alarms-missing': return ssml`Je ne trouve pas ${g.names.length === 1 ? 'l\'alarme' : 'les alarmes'} ${spokenList(g.names, 'et')} dans CloudWatch, et je ne déploie pas sans.`;
      case 'baking': return ssml`Ce qui partirait doit encore tourner ${minutes(g.minutesLeft)} en ${g.from}.${admin(g.overridable)}`;
      case 'running': return ssml`Une mise en production est déjà en cours, lancée${at(g.execution.startedAt)}${byWhom(g.execution.startedBy)}.`;
      case 'approval': return ssml`L'étape ${g.stage} attend une approbation manuelle${g.since ? ssml`, demandée${at(g.since)}` : ''}.`;
    }
  }
}

/** Why a read-back is asked again, said before its question ("Cela a changé, … : dois-je … ?"). */
const LEADS: Readonly<Record<ReadBackLead, string>> = {
  'plan-changed': 'Cela a changé, je n\'ai rien fait',
  'approval-gone': 'Cette approbation a pris fin avant votre oui, je n\'ai donc rien envoyé',
};

function uncapitalised(words: Ssml): Ssml {
  return new Ssml(words.markup.replace(/^\p{Lu}/u, (c) => c.toLowerCase()));
}

/** The French table and time words, as speech/index.ts loads them on the first French request. */
export const frFRSpeech: LocaleSpeech = { messages: frFR, time: FR_TIME_WORDS };
