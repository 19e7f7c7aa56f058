import type { Alarm } from '../domain/alarms';
import type { PromotionPlan, PromotionProblem } from '../domain/promotion';
import type { Routine } from '../domain/shortcut-offers';
import type { Deployment, PipelineExecution } from '../domain/release';
import type { ReleaseOutcome } from '../domain/release-journal';
import type { LocaleSpeech } from './index';
import type { Action, Format, Messages, PreviewGate, PreviewSpeech, ReadBackLead, ReleaseEndSpeech, StatusSpeech, Where } from './messages';
import { deDECards } from './de-DE-cards';
import { deDEScreen } from './de-DE-screen';
import { clip } from './free-text';
import { deDEReport, numberWords } from './de-DE-report';
import { joinSsml, ssml, spokenList, type Ssml } from './ssml';
import type { TimeWords } from './spoken-time';

/*
 * Everything Alexa says in German, in the "du" form Alexa itself uses. Built into speech-de-DE.js and required on the
 * first German request (speech/index.ts). No ids are spoken: what ships is named by its commit message's first line,
 * and ids belong on cards. Read-backs are at most two sentences.
 */

/** "vor zwanzig Minuten", "gestern um 10:05", "am 20. November um 09:12". */
export const DE_TIME_WORDS: TimeWords = {
  justNow: 'gerade eben',
  minutesAgo: (n) => (n === 1 ? 'vor einer Minute' : `vor ${numberWords(n)} Minuten`),
  hoursAgo: (n) => (n === 1 ? 'vor einer Stunde' : `vor ${numberWords(n)} Stunden`),
  todayAt: (time) => `heute um ${time}`,
  yesterdayAt: (time) => `gestern um ${time}`,
  onDateAt: (date, time) => `am ${date} um ${time}`,
};

const ENDED: Readonly<Record<ReleaseOutcome, string>> = {
  succeeded: 'ist erfolgreich durchgelaufen',
  failed: 'ist fehlgeschlagen',
  stopped: 'wurde gestoppt',
  superseded: 'wurde von einem neueren Release überholt',
};

/** "Dein Release von checkout nach production", … */
function releaseSubject(r: ReleaseEndSpeech): string {
  switch (r.kind) {
    case 'deploy': return `Dein Release von ${r.service} nach ${r.environment}`;
    case 'rollback': return `Dein Rollback von ${r.service} in ${r.environment}`;
    case 'approval': return `Das von dir genehmigte Release von ${r.service} nach ${r.environment}`;
  }
}

function statusWord(status: string): string {
  switch (status) {
    case 'InProgress': return 'läuft gerade';
    case 'Succeeded': return 'war erfolgreich';
    case 'Failed': return 'ist fehlgeschlagen';
    case 'Stopped': return 'wurde gestoppt';
    case 'Stopping': return 'wird gerade gestoppt';
    case 'Superseded': return 'wurde von einem neueren überholt';
    case 'Cancelled': return 'wurde abgebrochen';
    case 'Created': return 'startet gleich';
    case 'Queued': return 'wartet in der Schlange';
    case 'Baking': return 'läuft sich gerade ein';
    case 'Ready': return 'wartet darauf, dass der Verkehr umgeleitet wird';
    default: return `hat den Status ${status}`;
  }
}

/** Alles, was Alexa auf Deutsch sagt. */
export function deDE(f: Format): Messages {
  const verb: Record<Action, string> = {
    deploy: 'ausliefern', rollback: 'zurückrollen', status: 'prüfen', preview: 'ansehen', approve: 'genehmigen', reject: 'ablehnen',
  };

  /** What ships, by its commit message's first line: „Steuerrundung korrigiert“, or nothing. */
  const ships = (execution: PipelineExecution | undefined): Ssml | undefined => {
    const summary = clip(execution?.revisions[0]?.summary);
    return summary === undefined ? undefined : ssml`${summary}`;
  };
  /** A read-back's question, led by what changed since the last one when something did: two sentences still. */
  const question = (lead: ReadBackLead | undefined, words: Ssml): Ssml => (lead === undefined ? words : ssml`${LEADS[lead]}: ${words}`);
  const byWhom = (who: string | undefined) => (who ? ssml` von ${who}` : ssml``);
  const at = (date: Date | undefined) => {
    const when = f.when(date);
    return when ? ssml` ${when}` : ssml``;
  };
  /** „seit zwanzig Minuten“, „seit heute um 10:05“: a time as the start of something still going on. */
  const since = (date: Date | undefined) => {
    const when = f.when(date);
    if (!when) return ssml``;
    return when.startsWith('vor ') ? ssml` seit ${when.slice(4)}` : when === DE_TIME_WORDS.justNow ? ssml` seit eben` : ssml` seit ${when}`;
  };
  /** A deployment's revision without its id: its file name when it has a readable one. */
  const revision = (d: Deployment): Ssml => {
    const r = d.revision;
    switch (r?.kind) {
      case 'commit': return ssml`einen Commit`;
      case 'archive': return r.file === undefined || r.file === r.id ? ssml`ein Archiv` : ssml`${r.file}`;
      case 'appspec': return ssml`eine AppSpec-Revision`;
      default: return ssml`eine Revision`;
    }
  };
  const inWhere = (w: Where) => ssml`${w.service} in ${w.environment}`;
  const alarmList = (alarms: readonly Alarm[]): Ssml => {
    const named = alarms.slice(0, 3).map((a) => a.name);
    const more = alarms.length - named.length;
    if (named.length === 1) return ssml`der Alarm ${named[0] ?? ''}`;
    return more > 0 ? ssml`die Alarme ${named.join(', ')} und ${numberWords(more)} weitere` : ssml`die Alarme ${spokenList(named, 'und')}`;
  };
  /** "anschlagen" is separable: "In production schlägt der Alarm x an", but "solange der Alarm x anschlägt". */
  const firing = (alarms: readonly Alarm[]) => (alarms.length === 1 ? 'schlägt' : 'schlagen');
  const firingAfter = (alarms: readonly Alarm[]) => (alarms.length === 1 ? 'anschlägt' : 'anschlagen');
  const alarmSince = (alarms: readonly Alarm[]): Ssml => {
    const first = [...alarms].sort((a, b) => (a.since?.getTime() ?? Infinity) - (b.since?.getTime() ?? Infinity))[0];
    if (first?.since === undefined) return ssml``;
    return alarms.length === 1 ? ssml` Er schlägt${since(first.since)} an.` : ssml` ${first.name} schlug zuerst an,${at(first.since)}.`;
  };
  const minutes = (n: number) => (n === 1 ? 'eine Minute' : `${numberWords(n)} Minuten`);
  /** „Steuerrundung korrigiert, seit vor zwei Stunden erfolgreich in staging“ */
  const promoted = (p: PromotionPlan): Ssml => {
    const what = ships(p.execution) ?? ssml`das letzte erfolgreiche Release`;
    return ssml`${what}, erfolgreich in ${p.from}${at(p.succeededAt)}`;
  };
  const promotionProblem = (w: Where, pipeline: string, from: string, problem: PromotionProblem): Ssml => {
    switch (problem.kind) {
      case 'nothing-succeeded':
        return ssml`${inWhere(w)} bekommt nur, was in ${from} erfolgreich lief, und ${from} hat noch kein erfolgreiches Release.`;
      case 'no-source-actions':
        return ssml`Die Pipeline ${pipeline} hat keine Quellaktion, also kann ich ihr nicht sagen, welche Revisionen sie ausliefern soll.`;
      case 'actions-differ': {
        const names = [...problem.missing, ...problem.extra];
        return ssml`Ich kann das Release aus ${from} nicht der Pipeline ${pipeline} zuordnen: ${names.length === 1 ? 'die Quellaktion' : 'die Quellaktionen'} ${spokenList(names, 'und')} gibt es nicht in beiden. Beide Pipelines müssen ihre Quellaktionen gleich benennen.`;
      }
      case 'not-overridable':
        return ssml`Die Quellaktion ${problem.action} der Pipeline ${pipeline} nutzt ${problem.provider}, und dem kann ich keine Revision vorgeben. Also kann ich nicht ausliefern, was in ${from} lief.`;
      case 'no-revision-id':
        return ssml`Das Release in ${from} sagt nicht, welche Revision seine Quellaktion ${problem.action} geholt hat. Also kann ich nicht dieselbe ausliefern.`;
    }
  };
  const phrases: Record<Routine, readonly string[]> = {
    'push-to-prod': ['schieb in die produktion', 'deploye in die produktion', 'liefere in die produktion aus'],
    'roll-back-prod': ['rolle die produktion zurück', 'mach das release rückgängig'],
  };
  const nothingChanged = 'Es wurde nichts geändert.';

  return {
    launch: () => ssml`Hier ist der Versions-Kapitän. Sag zum Beispiel: schiebe checkout in die Produktion, rolle zurück, oder wie ist der Status von Produktion. Was möchtest du tun?`,
    launchReprompt: () => ssml`Sag ausliefern, zurückrollen oder Status. Was möchtest du tun?`,
    help: (services, environments) => ssml`Ich liefere deine Dienste aus und rolle sie zurück. Sag zum Beispiel: schiebe ${services[0] ?? 'checkout'} nach ${environments[0] ?? 'production'}. Ich sage dir vorher, was ausgeliefert wird, und warte auf dein Ja. Mit zurückrollen stoppe ich ein schlechtes Deployment, und mit Status sage ich dir, wo es steht. Deine Dienste sind ${spokenList(services, 'und')}. Was möchtest du tun?`,
    helpReprompt: () => ssml`Was möchtest du tun: ausliefern, zurückrollen oder Status?`,
    goodbye: () => ssml`Alles klar. ${nothingChanged}`,
    fallback: () => ssml`Damit kann ich leider nicht helfen. Ich kann ein Release ausliefern, eines zurückrollen oder dir den Status sagen. Was möchtest du tun?`,
    fallbackReprompt: () => ssml`Sag ausliefern, zurückrollen oder Status.`,
    nothingToConfirm: () => ssml`Gerade wartet nichts auf ein Ja oder Nein. Sag ausliefern, zurückrollen oder Status.`,
    notAllowed: () => ssml`Du stehst leider nicht auf der Liste der Personen, die ausliefern dürfen. ${nothingChanged} Deine Nutzer-ID steht in der Alexa-App: Schick sie an die Person, die diesen Skill betreut.`,
    strangerCard: (ids) => ({
      title: 'Versions-Kapitän: noch nicht auf der Liste',
      text: [
        'Du stehst nicht auf der Liste der Personen, die mit diesem Skill ausliefern dürfen.',
        `Deine Nutzer-ID: ${ids.userId ?? '(keine gesendet)'}`,
        ...(ids.personId ? [`Deine Stimm-ID (Person): ${ids.personId}`] : []),
        '',
        'Um dieses Konto zuzulassen, füge diese Zeile zu "allowedUsers" in lambda/push-to-prod.json hinzu und deploye neu:',
        `  "${ids.userId ?? ''}",`,
        ...(ids.personId ? ['Um nur diese erkannte Stimme zuzulassen, füge stattdessen diese Zeile hinzu:', `  "${ids.personId}",`] : []),
      ].join('\n'),
    }),

    askService: (action, choices) => action === 'approve' || action === 'reject'
      ? ssml`Das Release welches Dienstes soll ich ${verb[action]}: ${spokenList(choices, 'oder')}?`
      : ssml`Welchen Dienst soll ich ${verb[action]}: ${spokenList(choices, 'oder')}?`,
    unknownService: (heard, choices) => ssml`Einen Dienst namens ${heard} kenne ich nicht. Welchen meinst du: ${spokenList(choices, 'oder')}?`,
    askEnvironment: (action, service, choices) => {
      switch (action) {
        case 'deploy': return ssml`Wohin soll ich ${service} ausliefern: ${spokenList(choices, 'oder')}?`;
        case 'rollback': return ssml`In welcher Umgebung soll ich ${service} zurückrollen: ${spokenList(choices, 'oder')}?`;
        case 'preview': return ssml`Wohin würde ${service} gehen: ${spokenList(choices, 'oder')}?`;
        case 'status': return ssml`Welche Umgebung von ${service} soll ich prüfen: ${spokenList(choices, 'oder')}?`;
        case 'approve':
        case 'reject':
          return ssml`Das Release von ${service} in welcher Umgebung soll ich ${verb[action]}: ${spokenList(choices, 'oder')}?`;
      }
    },
    unknownEnvironment: (heard, service, choices) => ssml`${service} hat keine Umgebung namens ${heard}. Welche meinst du: ${spokenList(choices, 'oder')}?`,
    notConfigured: (action, w) => action === 'approve' || action === 'reject'
      ? ssml`Für ${inWhere(w)} ist keine Pipeline konfiguriert, deren Freigaben ich beantworten darf. ${nothingChanged}`
      : action === 'deploy' || action === 'preview'
        ? ssml`Für ${inWhere(w)} ist keine Pipeline konfiguriert, also kann ich nichts ausliefern. ${nothingChanged}`
        : action === 'rollback'
          ? ssml`Für ${inWhere(w)} ist weder eine CodeDeploy-Gruppe noch eine Rollback-Stufe konfiguriert, also kann ich nicht zurückrollen. ${nothingChanged}`
          : ssml`Für ${inWhere(w)} ist nichts konfiguriert, was ich prüfen könnte.`,

    deployBusy: (w, running) => {
      const what = ships(running);
      return ssml`Ein Release von ${inWhere(w)} läuft schon${what ? ssml`, mit ${what}` : ''}, gestartet${at(running.startedAt)}${byWhom(running.startedBy)}. Ich starte kein zweites. Frag mich nach dem Status, um es zu verfolgen.`;
    },
    deployConfirm: (w, _pipeline, last, lead) => {
      const what = ships(last);
      const ask = question(lead, ssml`Soll ich ${w.service} nach ${w.environment} ausliefern?`);
      return last
        ? ssml`Das bringt die neueste Version von ${w.service} nach ${w.environment}; das letzte Release${what ? ssml`, ${what},` : ''} startete${at(last.startedAt)}. ${ask}`
        : ssml`Das bringt die neueste Version von ${w.service} nach ${w.environment}, wo es noch kein Release gab. ${ask}`;
    },
    deployConfirmPromotion: (w, _pipeline, p, _current, same, lead) => same
      ? ssml`Das liefert erneut aus, was schon in ${w.environment} läuft: ${promoted(p)}. ${question(lead, ssml`Soll ich ${w.service} trotzdem nach ${w.environment} ausliefern?`)}`
      : ssml`Das bringt aus ${p.from} nach ${w.environment}: ${promoted(p)}. ${question(lead, ssml`Soll ich ${w.service} nach ${w.environment} ausliefern?`)}`,
    deployConfirmReprompt: (w) => ssml`Soll ich ${w.service} nach ${w.environment} ausliefern? Sag ja oder nein.`,
    cannotPromote: (w, pipeline, from, problem) => ssml`${promotionProblem(w, pipeline, from, problem)} ${nothingChanged}`,
    bakeRefused: (w, p, left) => ssml`${w.environment} bekommt nur, was ${minutes(p.bakeMinutes)} in ${p.from} gelaufen ist. Was ausgeliefert würde, ${promoted(p)}, braucht noch ${minutes(left)}. ${nothingChanged} Ein Admin kann die Wartezeit übergehen.`,
    bakeOverrideQuestion: (w, p, left) => ssml`${w.environment} bekommt nur, was ${minutes(p.bakeMinutes)} in ${p.from} gelaufen ist, und ${promoted(p)} braucht noch ${minutes(left)}. Du bist Admin: Willst du es trotzdem jetzt ausliefern?`,
    alarmsFiring: (env, alarms) => ssml`Ich liefere nicht nach ${env} aus, solange ${alarmList(alarms)} ${firingAfter(alarms)}.${alarmSince(alarms)} ${nothingChanged} Wenn dieses Release die Korrektur ist, kann ein Admin den Alarm übergehen.`,
    alarmOverrideQuestion: (env, alarms) => ssml`In ${env} ${firing(alarms)} ${alarmList(alarms)} an.${alarmSince(alarms)} Du bist Admin. Willst du trotzdem ausliefern?`,
    alarmsMissing: (env, names) => ssml`Ich finde ${names.length === 1 ? 'den Alarm' : 'die Alarme'} ${spokenList(names, 'und')} nicht in CloudWatch. Also weiß ich nicht, ob ${env} gesund ist, und liefere nicht aus. ${nothingChanged} Prüf die Alarmnamen in der Konfiguration des Skills.`,
    deployStarted: (w) => ssml`Erledigt: Die Pipeline läuft, ${inWhere(w)} ist unterwegs. Frag mich nach dem Status, um es zu verfolgen.`,
    deployDenied: (w) => ssml`Alles klar, ich liefere ${inWhere(w)} nicht aus. ${nothingChanged}`,
    deployOutcomeUnknown: (w, pipeline) => ssml`Ich habe CodePipeline gebeten, ${pipeline} zu starten, aber keine Antwort bekommen. Ich weiß also nicht, ob das Release von ${inWhere(w)} läuft. Frag mich in einer Minute nach dem Status, oder schau in die Konsole, bevor du es noch einmal versuchst.`,

    rollbackConfirmStop: (w, d, lead) => ssml`Gerade läuft ein Deployment von ${inWhere(w)}, gestartet${at(d.createdAt)}. ${question(lead, ssml`Soll ich es stoppen und CodeDeploy die vorherige Version zurückbringen lassen?`)}`,
    rollbackConfirmRedeploy: (w, current, target, undoes, lead) => undoes
      ? ssml`Das letzte Deployment von ${inWhere(w)} war selbst ein Rollback, also käme eine zurückgerollte Version${at(target.createdAt)} zurück. ${question(lead, ssml`Soll ich ${inWhere(w)} zurückrollen?`)}`
      : ssml`Das ersetzt das Deployment${at(current.createdAt)} durch die letzte erfolgreiche Version davor, ${revision(target)}, ausgeliefert${at(target.createdAt)}. ${question(lead, ssml`Soll ich ${inWhere(w)} zurückrollen?`)}`,
    rollbackConfirmStage: (w, stage, _current, target, undoes, lead) => {
      const what = ships(target);
      return ssml`Zurückrollen bringt die Stufe ${stage} zurück auf${what ? ssml` ${what},` : ssml` das Release, gestartet`}${at(target.startedAt)}${undoes ? ', und macht damit einen Rollback rückgängig' : ''}. ${question(lead, ssml`Soll ich ${inWhere(w)} zurückrollen?`)}`;
    },
    rollbackConfirmReprompt: (w) => ssml`Soll ich ${inWhere(w)} zurückrollen? Sag ja oder nein.`,
    rollbackNothing: (w, reason) => reason === 'no-history'
      ? ssml`Ich finde kein erfolgreiches Deployment von ${inWhere(w)}, also gibt es nichts zum Zurückrollen. ${nothingChanged}`
      : ssml`${inWhere(w)} lief bisher nur mit einer einzigen Version erfolgreich, also gibt es nichts Früheres. ${nothingChanged}`,
    rollbackStopping: (w, _d, status) => status === 'Succeeded'
      ? ssml`Erledigt: Das Deployment von ${inWhere(w)} ist gestoppt, und CodeDeploy bringt die vorherige Version zurück. Frag mich nach dem Status, um es zu verfolgen.`
      : ssml`CodeDeploy stoppt das Deployment von ${inWhere(w)} und bringt die vorherige Version zurück. Frag mich in einer Minute nach dem Status.`,
    rollbackRedeploying: (w, _id, target) => ssml`Erledigt: Der Rollback läuft und bringt ${revision(target)} zurück auf ${inWhere(w)}. Frag mich nach dem Status, um ihn zu verfolgen.`,
    rollbackStageStarted: (w, stage) => ssml`Erledigt: Die Stufe ${stage} von ${inWhere(w)} wird zurückgerollt. Frag mich nach dem Status, um es zu verfolgen.`,
    rollbackBusy: (w) => ssml`Gerade läuft ein Deployment von ${inWhere(w)}, also habe ich keinen Rollback gestartet. Frag mich noch einmal, um es zu stoppen.`,
    rollbackDenied: (w) => ssml`Alles klar, ich rolle ${inWhere(w)} nicht zurück. ${nothingChanged}`,
    rollbackOutcomeUnknown: (w) => ssml`Ich habe CodeDeploy gebeten, ${inWhere(w)} zurückzurollen, aber keine Antwort bekommen. Ich weiß also nicht, ob es läuft. Frag mich in einer Minute nach dem Status, oder schau in die CodeDeploy-Konsole, bevor du es noch einmal versuchst.`,

    status: (w, r) => statusSpeech(w, r),
    preview: (w, r) => previewSpeech(w, r),
    ...deDEReport(),
    ...deDECards(f),
    ...deDEScreen(f),

    approvalConfirm: (w, action, _pipeline, approval, release, lead) => {
      const asks = clip(approval.message);
      const what = ships(release);
      const ask = action === 'approve'
        ? ssml`Soll ich es genehmigen, damit ${w.service} weiter nach ${w.environment} geht?`
        : ssml`Soll ich es ablehnen und dieses Release von ${w.service} nach ${w.environment} stoppen?`;
      return ssml`Die Stufe ${approval.stage} wartet${since(approval.since)} auf eine Freigabe${what ? ssml` für ${what}` : ''}${asks ? ssml`: ${asks}` : ''}. ${question(lead, ask)}`;
    },
    approvalConfirmReprompt: (w, action) => ssml`Soll ich das wartende Release von ${w.service} nach ${w.environment} ${verb[action]}? Sag ja oder nein.`,
    approvalNone: (_w, action, pipeline) => ssml`In der Pipeline ${pipeline} wartet gerade nichts auf eine Freigabe, also gibt es nichts zu ${verb[action]}. ${nothingChanged}`,
    approvalDenied: (w, action) => ssml`Alles klar, ich werde das Release von ${w.service} nach ${w.environment} nicht ${verb[action]}. ${nothingChanged}`,
    approvalAnswered: (w, action, _pipeline, approval) => action === 'approve'
      ? ssml`Erledigt: genehmigt. Die Stufe ${approval.stage} läuft weiter, und ${w.service} ist auf dem Weg nach ${w.environment}. Frag mich nach dem Status, um es zu verfolgen.`
      : ssml`Erledigt: abgelehnt. Die Stufe ${approval.stage} schlägt fehl, also erreicht dieses Release von ${w.service} ${w.environment} nicht.`,
    approvalGone: () => ssml`Diese Freigabe wurde schon beantwortet oder ist abgelaufen, bevor du ja gesagt hast. Ich habe nichts gesendet.`,
    approvalOutcomeUnknown: (w, action, pipeline) => ssml`Ich habe CodePipeline gebeten, die Freigabe in ${pipeline} zu ${verb[action]}, aber keine Antwort bekommen. Ich weiß also nicht, ob sie angekommen ist. Schau in die Konsole, oder frag mich in einer Minute nach dem Status von ${inWhere(w)}, bevor du es noch einmal versuchst.`,

    shortcutPhrases: (routine) => phrases[routine],
    shortcutDescription: (routine) => (routine === 'push-to-prod' ? 'Mit dem Versions-Kapitän in die Produktion ausliefern' : 'Mit dem Versions-Kapitän die Produktion zurückrollen'),
    shortcutOffer: (routine, when) => {
      const phrase = phrases[routine][0] ?? '';
      switch (when) {
        case 'asked': return ssml`Mit einer Routine sagst du einfach: Alexa, ${phrase}, ohne meinen Namen. Ich sage dir trotzdem vorher, was passiert, und warte auf dein Ja.`;
        case 'after-release': return ssml`Übrigens: Mit einer Routine geht das kürzer. Sag einfach: Alexa, ${phrase}. Ich warte trotzdem auf dein Ja.`;
        case 'next': return ssml`Es gibt auch eine für den Weg zurück: Alexa, ${phrase}.`;
      }
    },
    shortcutAccepted: (routine) => ssml`Erledigt. Ab jetzt sagst du einfach: Alexa, ${phrases[routine][0] ?? ''}. Ich warte trotzdem auf dein Ja.`,
    shortcutAlreadyEnabled: (routine) => ssml`Du hast schon eine Routine für ${phrases[routine][0] ?? ''}.`,
    shortcutDeclined: () => ssml`Alles klar, keine Abkürzung. Ich biete sie nicht noch einmal an. Wenn du es dir anders überlegst, sag: erstelle eine Verknüpfung.`,
    shortcutFailed: () => ssml`Ich konnte die Routine gerade nicht einrichten. Du kannst sie in der Alexa-App unter Routinen anlegen, mit meiner Aktion zum Ausliefern.`,
    shortcutAllSet: () => ssml`Du hast schon beide Abkürzungen: Alexa, ${phrases['push-to-prod'][0] ?? ''}, und Alexa, ${phrases['roll-back-prod'][0] ?? ''}.`,
    shortcutNotInThisLanguage: () => ssml`Eine gesprochene Abkürzung kann ich in dieser Sprache leider nicht einrichten.`,

    checkingPipeline: (w) => ssml`Ich prüfe die Pipeline von ${w.service}…`,
    checkingRollback: (w) => ssml`Ich suche, worauf ich ${inWhere(w)} zurückrollen kann…`,

    notAllowedHere: (env) => ssml`Du stehst leider nicht auf der Liste der Personen, die ${env} ändern dürfen. ${nothingChanged}`,
    lockedBy: (env, holder, when, reason) => ssml`${env} ist${since(when)} von ${holder ?? 'jemand anderem'} gesperrt${reason ? ssml`: ${reason}` : ''}. Ich ändere nichts, bis die Sperre aufgehoben ist. ${nothingChanged}`,
    frozen: (env, reason) => ssml`${env} ist gerade eingefroren: ${reason}. ${nothingChanged} Ein Admin kann das übergehen.`,
    freezeOverrideQuestion: (env, reason) => ssml`${env} ist gerade eingefroren: ${reason}. Du bist Admin. Willst du das für dieses Release übergehen?`,
    undoRollbackQuestion: (w) => ssml`Nur zur Sicherheit: Das macht einen Rollback von ${inWhere(w)} rückgängig und bringt eine zurückgerollte Version zurück. Trotzdem zurückrollen?`,
    askPin: () => ssml`Bitte sag deinen vierstelligen Freigabecode.`,
    wrongPin: (left) => ssml`Der Code stimmt nicht. ${left === 1 ? 'Noch ein Versuch.' : ssml`Noch ${numberWords(left)} Versuche.`} Bitte sag deinen vierstelligen Freigabecode.`,
    pinLockedOut: (until) => ssml`Zu viele falsche Codes. Ich nehme bis ${f.clock(until)} keinen Code von dir an. ${nothingChanged}`,

    askLockEnvironment: (action, choices) => ssml`Welche Umgebung soll ich ${action === 'lock' ? 'sperren' : 'entsperren'}: ${spokenList(choices, 'oder')}?`,
    unknownLockEnvironment: (heard, choices) => ssml`Eine Umgebung namens ${heard} kenne ich nicht. Welche meinst du: ${spokenList(choices, 'oder')}?`,
    locked: (env, reason) => ssml`Erledigt: ${env} ist gesperrt${reason ? ssml`, wegen ${reason}` : ''}. Niemand sonst kann ausliefern oder zurückrollen, bis du entsperrst.`,
    alreadyYourLock: (env, when) => ssml`Du hältst die Sperre auf ${env} schon${since(when)}.`,
    lockHeldByOther: (env, holder, when) => ssml`${env} ist schon${since(when)} von ${holder ?? 'jemand anderem'} gesperrt.`,
    unlocked: (env) => ssml`Erledigt: ${env} ist entsperrt.`,
    notLocked: (env) => ssml`${env} ist nicht gesperrt.`,
    notYourLock: (env, holder, when) => ssml`${env} ist${since(when)} von ${holder ?? 'jemand anderem'} gesperrt. Nur diese Person oder ein Admin kann entsperren.`,

    awsAccessDenied: (operation) => ssml`AWS hat mir die Berechtigung für ${operation} verweigert. ${nothingChanged} Prüf die IAM-Rolle des Skills.`,
    awsNotFound: (w) => w
      ? ssml`AWS findet die Pipeline oder Deployment-Gruppe für ${inWhere(w)} nicht. Prüf die Namen in der Konfiguration des Skills. ${nothingChanged}`
      : ssml`AWS findet die Pipeline oder Deployment-Gruppe nicht, nach der ich gefragt habe. ${nothingChanged}`,
    awsThrottled: () => ssml`AWS bremst gerade meine Anfragen. ${nothingChanged} Versuch es bitte in einer Minute noch einmal.`,
    awsBusy: (w) => ssml`${w ? ssml`${inWhere(w)} ist` : 'Das ist'} mit einem anderen Release oder Deployment beschäftigt, also habe ich nichts gestartet. Frag mich nach dem Status.`,
    awsInvalidState: () => ssml`AWS sagt, dass das im jetzigen Zustand nicht geht. Frag mich nach dem Status.`,
    awsTimeout: () => ssml`AWS hat nicht rechtzeitig geantwortet, also kann ich es dir nicht sagen. ${nothingChanged} Versuch es bitte in einer Minute noch einmal.`,
    awsUnavailable: () => ssml`AWS hatte ein Problem bei der Antwort. ${nothingChanged} Versuch es bitte in einer Minute noch einmal.`,
    unexpected: () => ssml`Entschuldige, bei mir ist etwas schiefgegangen, und ich habe nichts geändert. Versuch es bitte noch einmal.`,

    releaseOutcome: (r) => ssml`${releaseSubject(r)} ${ENDED[r.outcome]}${r.finishedAt ? ssml`, ${f.when(r.finishedAt) ?? ''}` : ''}.`,
    releaseNotification: (r) => `Versions-Kapitän: ${releaseSubject(r)} ${ENDED[r.outcome]}`,
  };

  function statusSpeech(w: Where, r: StatusSpeech): Ssml {
    const parts: Ssml[] = [];
    const e = r.latestExecution;
    if (r.hasPipeline) {
      if (!e) parts.push(ssml`${inWhere(w)} hat noch kein Release.`);
      else {
        const what = ships(e);
        const stage = r.stage;
        const state = e.status === 'InProgress' && stage
          ? ssml`ist in der Stufe ${stage.name}${stage.currentAction ? ssml`, bei ${stage.currentAction}` : ''}`
          : ssml`${statusWord(e.status)}`;
        parts.push(ssml`Das letzte Release von ${inWhere(w)}${what ? ssml`, ${what},` : ''} ${state}. Gestartet${at(e.startedAt)}${byWhom(e.startedBy)}.`);
      }
    }
    const d = r.latestDeployment;
    if (r.hasDeploymentGroup) {
      parts.push(d
        ? ssml`Das letzte Deployment${d.isRollback ? ', ein Rollback,' : ''} ${statusWord(d.status)}${d.completedAt ? ssml`, beendet${at(d.completedAt)}` : ssml`, gestartet${at(d.createdAt)}`}.`
        : ssml`CodeDeploy hat noch keine Deployments für ${inWhere(w)}.`);
    }
    if (r.lock) parts.push(ssml`${w.environment} ist${since(r.lock.since)} von ${r.lock.yours ? 'dir' : r.lock.holder ?? 'jemand anderem'} gesperrt.`);
    if (r.alarms && r.alarms.firing.length > 0) {
      const [first] = r.alarms.firing;
      parts.push(ssml`Achtung: In ${w.environment} ${firing(r.alarms.firing)} ${alarmList(r.alarms.firing)} an.${alarmSince(r.alarms.firing)}`);
      parts.push(first?.since && e?.startedAt && first.since >= e.startedAt
        ? ssml`Das begann nach dem letzten Release. Um die vorherige Version zurückzubringen, sag: rolle ${w.service} zurück.`
        : ssml`Wenn das letzte Release schuld ist, sag: rolle ${w.service} zurück.`);
    }
    if (r.alarms && r.alarms.missing.length > 0) {
      parts.push(ssml`Ich finde ${r.alarms.missing.length === 1 ? 'den Alarm' : 'die Alarme'} ${spokenList(r.alarms.missing, 'und')} nicht in CloudWatch.`);
    }
    return joinSsml(parts);
  }

  function previewSpeech(w: Where, r: PreviewSpeech): Ssml {
    const parts: Ssml[] = [];
    const now = r.current && ships(r.current);
    parts.push(r.current
      ? ssml`In ${inWhere(w)} läuft${now ? ssml` ${now},` : ' ein Release,'} ausgeliefert${at(r.current.updatedAt ?? r.current.startedAt)}.`
      : ssml`${inWhere(w)} hat noch kein erfolgreiches Release.`);
    switch (r.ships.kind) {
      case 'promotion':
        parts.push(r.ships.alreadyRuns
          ? ssml`Ein Deployment brächte, was in ${r.ships.promotion.from} lief, ${promoted(r.ships.promotion)}: dieselben Revisionen, also nichts Neues.`
          : ssml`Ein Deployment brächte, was in ${r.ships.promotion.from} lief: ${promoted(r.ships.promotion)}.`);
        break;
      case 'newest': {
        const last = r.ships.lastRelease && ships(r.ships.lastRelease);
        parts.push(ssml`Ein Deployment startet die Pipeline ${r.pipeline} mit dem Neuesten aus ihrer Quelle${last && r.ships.lastRelease !== r.current ? ssml`; ihr letztes Release brachte ${last}` : ''}.`);
        break;
      }
      case 'cannot-promote':
        parts.push(promotionProblem(w, r.pipeline, r.ships.from, r.ships.problem));
        break;
    }
    if (r.gates.length === 0) parts.push(ssml`Gerade würde nichts ein Deployment aufhalten.`);
    else parts.push(ssml`Ein Deployment würde gerade aufgehalten.`, ...r.gates.map((g) => gateWords(w, g)));
    return joinSsml(parts);
  }

  function gateWords(w: Where, g: PreviewGate): Ssml {
    const admin = (overridable: boolean) => (overridable ? ssml` Ein Admin kann das übergehen.` : ssml``);
    switch (g.kind) {
      case 'not-allowed': return ssml`Du stehst nicht auf der Liste der Personen, die ${w.environment} ändern dürfen.`;
      case 'locked': return ssml`${w.environment} ist${since(g.since)} von ${g.holder ?? 'jemand anderem'} gesperrt.`;
      case 'frozen': return ssml`${w.environment} ist gerade eingefroren: ${g.reason}.${admin(g.overridable)}`;
      case 'alarms': return ssml`In ${w.environment} ${firing(g.alarms)} ${alarmList(g.alarms)} an.${alarmSince(g.alarms)}${admin(g.overridable)}`;
      case 'alarms-missing': return ssml`Ich finde ${g.names.length === 1 ? 'den Alarm' : 'die Alarme'} ${spokenList(g.names, 'und')} nicht in CloudWatch, und ohne liefere ich nicht aus.`;
      case 'baking': return ssml`Was ausgeliefert würde, muss noch ${minutes(g.minutesLeft)} in ${g.from} laufen.${admin(g.overridable)}`;
      case 'running': return ssml`Ein Release läuft schon, gestartet${at(g.execution.startedAt)}${byWhom(g.execution.startedBy)}.`;
      case 'approval': return ssml`Die Stufe ${g.stage} wartet auf eine manuelle Freigabe${g.since ? ssml`, angefragt${at(g.since)}` : ''}.`;
    }
  }
}

/** Why a read-back is asked again, said before its question ("Das hat sich geändert, …: Soll ich …?"). */
const LEADS: Readonly<Record<ReadBackLead, string>> = {
  'plan-changed': 'Das hat sich geändert, ich habe noch nichts getan',
  'approval-gone': 'Diese Freigabe endete vor deinem Ja, also habe ich nichts gesendet',
};

/** The German table and time words, as speech/index.ts loads them on the first German request. */
export const deDESpeech: LocaleSpeech = { messages: deDE, time: DE_TIME_WORDS };
