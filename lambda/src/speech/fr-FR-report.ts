import { median, type DeliveryMetrics } from '../domain/delivery-report';
import type { PeriodAsked, PeriodName, ReportPeriod } from '../domain/report-period';
import type { Where } from './messages';
import type { ReportMessages, ReportSpeech } from './report-messages';
import { cardRate, deliveryRate, failureShare, fitCardContent, spokenDuration, worstFailing, writtenDuration } from './report-quantities';
import { joinSsml, ssml, spokenList, type Ssml } from './ssml';

const MAX_NAMES_SPOKEN = 3;

const SMALL = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
  'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/**
 * Whole numbers as people say them in France, in words up to quatre-vingt-dix-neuf ("vingt et un", "soixante-douze",
 * "quatre-vingts"), in digits above.
 */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return SMALL[n] ?? String(n);
  if (n < 70) {
    const unit = n % 10;
    const tens = TENS[Math.floor(n / 10)] ?? '';
    return unit === 0 ? tens : unit === 1 ? `${tens} et un` : `${tens}-${SMALL[unit] ?? ''}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${SMALL[n - 60] ?? ''}`;
  return n === 80 ? 'quatre-vingts' : `quatre-vingt-${SMALL[n - 80] ?? ''}`;
}

/** "quarante minutes", "une heure", "trois heures", "deux jours". */
export function durationWords(ms: number): string {
  const d = spokenDuration(ms);
  if (d.unit === 'under-a-minute') return 'moins d\'une minute';
  const [one, many] = ({ minute: ['une minute', 'minutes'], hour: ['une heure', 'heures'], day: ['un jour', 'jours'] } as const)[d.unit];
  return d.count === 1 ? one : `${numberWords(d.count)} ${many}`;
}

/** "une fois", "deux fois". */
function times(n: number): string {
  return n === 1 ? 'une fois' : `${numberWords(n)} fois`;
}

/** "environ trois fois par jour", "environ deux fois par semaine", or nothing for a period too short for a rate. */
export function frequencyWords(succeeded: number, days: number): string | undefined {
  const rate = deliveryRate(succeeded, days);
  return rate && `environ ${times(rate.count)} ${rate.per === 'day' ? 'par jour' : 'par semaine'}`;
}

/** "une mise en production sur cinq a échoué", "deux sur sept ont échoué". */
export function failureWords(failed: number, releases: number): string {
  const share = failureShare(failed, releases);
  switch (share.kind) {
    case 'all': return share.releases === 1 ? 'l\'unique mise en production a échoué' : share.releases === 2 ? 'les deux mises en production ont échoué' : `les ${numberWords(share.releases)} mises en production ont toutes échoué`;
    case 'one-in': return `une mise en production sur ${numberWords(share.n)} a échoué`;
    case 'of': return `${numberWords(share.failed)} mises en production sur ${numberWords(share.releases)} ont échoué`;
    case 'about-one-in': return `environ une mise en production sur ${numberWords(share.n)} a échoué`;
    case 'about-in-ten': return `environ ${numberWords(share.n)} sur dix ont échoué`;
  }
}

const NAMED: Record<PeriodName, string> = {
  today: 'aujourd\'hui', yesterday: 'hier', this_week: 'cette semaine', last_week: 'la semaine dernière', this_month: 'ce mois-ci', last_month: 'le mois dernier',
};
/** Each unit, its gender's "dernier" and its plural. */
const UNITS: Record<string, { readonly one: string; readonly many: string; readonly feminine: boolean }> = {
  minute: { one: 'minute', many: 'minutes', feminine: true }, hour: { one: 'heure', many: 'heures', feminine: true },
  day: { one: 'jour', many: 'jours', feminine: false }, week: { one: 'semaine', many: 'semaines', feminine: true },
  month: { one: 'mois', many: 'mois', feminine: false }, year: { one: 'an', many: 'ans', feminine: false },
};

function isOver(asked: PeriodAsked): boolean {
  return asked.kind === 'named' && (asked.name === 'yesterday' || asked.name === 'last_week' || asked.name === 'last_month');
}

/** "cette semaine", "les quatorze derniers jours", "la dernière heure". */
export function periodWords(asked: PeriodAsked): string {
  if (asked.kind === 'named') return NAMED[asked.name];
  const unit = UNITS[asked.unit] ?? { one: asked.unit, many: asked.unit, feminine: false };
  if (asked.amount === 1) return unit.feminine ? `la dernière ${unit.one}` : `le dernier ${unit.one}`;
  return `les ${numberWords(asked.amount)} ${unit.feminine ? 'dernières' : 'derniers'} ${unit.many}`;
}

/** "Cette semaine", "Sur les quatorze derniers jours": how the report opens. */
function opening(asked: PeriodAsked): string {
  const words = periodWords(asked);
  return asked.kind === 'named' ? capitalised(words) : `Sur ${words}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const inWhere = (w: Where) => `${w.service} en ${w.environment}`;
const sum = (rows: ReportSpeech['rows'], pick: (m: DeliveryMetrics) => number) => rows.reduce((n, row) => n + pick(row.metrics), 0);

function restoreWords(restoresMs: readonly number[]): string | undefined {
  const middle = median(restoresMs);
  if (middle === undefined) return undefined;
  return restoresMs.length === 1 ? `rétabli en ${durationWords(middle)}` : `rétabli en ${durationWords(middle)} en médiane`;
}

/** Le bilan de livraison en français. */
export function frFRReport(): ReportMessages {
  return {
    report: (r) => joinSsml([headline(r), stability(r), pipelines(r), leftOut(r)].filter((s): s is Ssml => s !== undefined)),
    reportCard: (r) => card(r),
    askReportPeriod: (heard) => ssml`${heard === undefined || heard === '?' ? 'Je n\'ai pas compris la période.' : ssml`Je ne peux pas faire de bilan sur ${heard}.`} Je peux faire le bilan d'aujourd'hui, d'hier, de cette semaine, de la semaine dernière, de ce mois-ci, du mois dernier, ou des derniers jours. Lequel voulez-vous ?`,
    reportPeriodTooLong: (days, max) => ssml`Je fais le bilan de ${numberWords(max)} jours au plus, et cela en demande environ ${numberWords(days)}. Demandez une période plus courte, par exemple les trente derniers jours.`,
    reportPeriodTooShort: () => ssml`C'est trop court pour en dire quelque chose. Demandez la dernière heure ou plus, ou dites cette semaine.`,
    unknownReportEnvironment: (heard, choices) => ssml`Je ne connais pas d'environnement appelé ${heard}. Lequel : ${spokenList(choices, 'ou')} ?`,
  };

  /** "Cette semaine, checkout en production a livré vingt fois, environ trois fois par jour, et rien n'a échoué." */
  function headline(r: ReportSpeech): Ssml {
    const when = opening(r.period.asked);
    const one = r.rows.length === 1 ? r.rows[0] : undefined;
    const subject = one !== undefined ? inWhere(one.where) : r.service;
    const releases = sum(r.rows, (m) => m.releases);
    const succeeded = sum(r.rows, (m) => m.succeeded);
    const failed = sum(r.rows, (m) => m.failed);
    const running = sum(r.rows, (m) => m.running);
    if (releases === 0) {
      const where = subject === undefined ? '' : ` pour ${subject}`;
      const still = running === 0 ? '' : running === 1 ? ' Une mise en production est en cours.' : ` ${capitalised(numberWords(running))} mises en production sont en cours.`;
      return ssml`${when}, rien n'a été livré${where}.${still}`;
    }
    const who = subject === undefined ? 'vous avez' : `${subject} a`;
    if (succeeded === 0) return ssml`${when}, ${who} rien livré : ${failureWords(failed, releases)}.`;
    const rate = frequencyWords(succeeded, r.rows[0]?.metrics.days ?? 0);
    const failures = failed === 0 ? 'rien n\'a échoué' : failureWords(failed, releases);
    return ssml`${when}, ${who} livré ${times(succeeded)}${rate === undefined ? '' : `, ${rate}`}, et ${failures}.`;
  }

  function stability(r: ReportSpeech): Ssml | undefined {
    const failing = r.rows.filter((row) => row.metrics.failed > 0);
    if (failing.length === 0) return undefined;
    const open = isOver(r.period.asked) ? `pas rétabli à la fin de la période` : 'pas encore rétabli';
    if (r.rows.length === 1) {
      const m = failing[0]?.metrics as DeliveryMetrics;
      const restored = restoreWords(m.restoresMs);
      if (m.unrestored > 0) return ssml`${restored === undefined ? '' : `Le service a été ${restored}, mais `}${restored === undefined ? 'Le' : 'le'} dernier échec n'est ${open}.`;
      return restored === undefined ? undefined : ssml`Le service a été ${restored}.`;
    }
    const worst = worstFailing(failing);
    if (worst === undefined) return undefined;
    const restored = restoreWords(worst.metrics.restoresMs);
    const restore = worst.metrics.unrestored === 0 ? restored : restored === undefined ? `dernier échec ${open}` : `${restored}, mais dernier échec ${open}`;
    const tail = restore === undefined ? '' : `, ${restore}`;
    if (sum(r.rows, (m) => m.failed) === 1) return ssml`L'échec était en ${worst.where.environment}, pour ${worst.where.service}${tail}.`;
    const lead = failing.length === 1 ? 'Tous les échecs concernent' : 'Le pire est';
    return ssml`${lead} ${inWhere(worst.where)} : ${failureWords(worst.metrics.failed, worst.metrics.releases)}${tail}.`;
  }

  function pipelines(r: ReportSpeech): Ssml | undefined {
    const runs = r.rows.flatMap((row) => row.metrics.pipelineRunsMs);
    const middle = median(runs);
    const table = r.rows.length > 1 && sum(r.rows, (m) => m.releases) > 0 ? ' ; le tableau complet est dans l\'application Alexa' : '';
    if (middle === undefined) return table === '' ? undefined : ssml`Le tableau complet est dans l'application Alexa.`;
    const subject = r.rows.length === 1 ? 'La pipeline a pris' : 'Les pipelines ont pris';
    return ssml`${subject} ${durationWords(middle)} par exécution${runs.length === 1 ? '' : ' en médiane'}${table}.`;
  }

  function leftOut(r: ReportSpeech): Ssml | undefined {
    const late = r.leftOut.filter((l) => l.reason === 'time').map((l) => inWhere(l.where));
    const failed = r.leftOut.filter((l) => l.reason === 'error').map((l) => inWhere(l.where));
    const named = (names: readonly string[], conjunction: string) =>
      names.length <= MAX_NAMES_SPOKEN ? spokenList(names, conjunction) : ssml`${numberWords(names.length)} services et environnements, listés sur la carte`;
    const parts = [
      late.length === 0 ? undefined : ssml`J'ai laissé de côté ${named(late, 'et')} : AWS n'a pas répondu à temps.`,
      failed.length === 0 ? undefined : ssml`Je n'ai pas pu lire ${named(failed, 'ni')}.`,
    ];
    const said = parts.filter((p): p is Ssml => p !== undefined);
    return said.length === 0 ? undefined : joinSsml(said);
  }
}

function card(r: ReportSpeech): { title: string; text: string } {
  const p = r.period;
  const unit = p.asked.kind === 'last' ? UNITS[p.asked.unit] : undefined;
  const title = `Bilan de livraison : ${p.asked.kind === 'last' ? `${p.asked.amount} ${p.asked.amount === 1 ? unit?.one ?? p.asked.unit : unit?.many ?? p.asked.unit}` : NAMED[p.asked.name]}`;
  const head = `Du ${cardTime(p.start, p)} au ${cardTime(p.end, p)} (${p.timeZone})`;
  const rows = r.rows.map(({ where, metrics: m }) => [inWhere(where), ...cardLines(m)].join('\n'));
  const left = r.leftOut.map((l) => `Laissé de côté : ${inWhere(l.where)} (${l.reason === 'time' ? 'AWS n\'a pas répondu à temps' : 'AWS a refusé ou échoué'})`);
  const footer = [
    'Une mise en production est une exécution de pipeline réussie ou échouée (sans pipeline, un déploiement CodeDeploy) ; les retours arrière sont des rétablissements, pas des mises en production, et celles en cours ne comptent pas.',
    'Échec : échouée, ou réussie puis annulée par un retour arrière. Délai de rétablissement : d\'un échec à la mise en production ou au retour arrière réussi suivant dans cet environnement.',
  ].join('\n');
  return { title, text: fitCardContent(title, { head, rows, left, footer, more: (dropped) => `… et ${dropped} de plus, trop pour une carte.` }) };
}

function cardLines(m: DeliveryMetrics): string[] {
  if (m.releases === 0) return [`  Rien de livré.${m.running > 0 ? ` En cours : ${m.running}.` : ''}`];
  const { per, value } = cardRate(m);
  const rate = `${value.toFixed(1).replace('.', ',')} ${per === 'day' ? 'par jour' : 'par semaine'}`;
  const percent = Math.round((m.changeFailureRate ?? 0) * 100);
  const restore = median(m.restoresMs);
  const run = median(m.pipelineRunsMs);
  return [
    `  Livré : ${m.succeeded} (${rate})`,
    `  Taux d'échec des changements : ${percent} % (${m.failed} sur ${m.releases} : ${m.failed - m.rolledBack} échouées, ${m.rolledBack} annulées)`,
    ...(m.failed === 0 ? [] : [`  Délai de rétablissement : ${restore === undefined ? 'aucun rétablissement' : `médiane ${cardDuration(restore)} (${m.restoresMs.length} rétablis)`}${m.unrestored > 0 ? ', dernier échec non rétabli dans la période' : ''}`]),
    ...(run === undefined ? [] : [`  Exécution de pipeline : médiane ${cardDuration(run)} (${m.pipelineRunsMs.length} exécutions)`]),
    ...(m.running > 0 ? [`  En cours : ${m.running} (non comptées)`] : []),
    ...(m.complete ? [] : [`  Seul l'historique récent a été lu : compté depuis le ${m.start.toISOString().slice(0, 16).replace('T', ' ')} UTC, des retours arrière peuvent manquer.`]),
  ];
}

function cardDuration(ms: number): string {
  const d = writtenDuration(ms);
  return `${String(d.value).replace('.', ',')} ${{ minutes: 'min', hours: 'h', days: 'jours' }[d.unit]}`;
}

function cardTime(at: Date, p: ReportPeriod): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: p.timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
