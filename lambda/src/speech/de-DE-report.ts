import { median, type DeliveryMetrics } from '../domain/delivery-report';
import type { PeriodAsked, PeriodName, ReportPeriod } from '../domain/report-period';
import type { Where } from './messages';
import type { ReportMessages, ReportSpeech } from './report-messages';
import { cardRate, deliveryRate, failureShare, fitCardContent, spokenDuration, worstFailing, writtenDuration } from './report-quantities';
import { joinSsml, ssml, spokenList, type Ssml } from './ssml';

const MAX_NAMES_SPOKEN = 3;

const SMALL = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf',
  'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

/** Whole numbers as people say them, in words up to neunundneunzig ("vierzig", "dreiundzwanzig"), in digits above. */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return SMALL[n] ?? String(n);
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return unit === 0 ? tens : `${unit === 1 ? 'ein' : SMALL[unit] ?? ''}und${tens}`;
}

/** "vierzig Minuten", "eine Stunde", "drei Stunden", "zwei Tage". */
export function durationWords(ms: number): string {
  const d = spokenDuration(ms);
  if (d.unit === 'under-a-minute') return 'weniger als eine Minute';
  const [one, many] = ({ minute: ['eine Minute', 'Minuten'], hour: ['eine Stunde', 'Stunden'], day: ['ein Tag', 'Tage'] } as const)[d.unit];
  return d.count === 1 ? one : `${numberWords(d.count)} ${many}`;
}

/** "einmal", "zweimal", "siebenmal". */
function times(n: number): string {
  return n === 1 ? 'einmal' : `${numberWords(n)}mal`;
}

/** "etwa dreimal am Tag", "etwa zweimal pro Woche", or nothing for a period too short for a rate. */
export function frequencyWords(succeeded: number, days: number): string | undefined {
  const rate = deliveryRate(succeeded, days);
  return rate && `etwa ${times(rate.count)} ${rate.per === 'day' ? 'am Tag' : 'pro Woche'}`;
}

/** "jedes fünfte Release schlug fehl" is hard to build for any n; "eins von fünf Releases schlug fehl" is not. */
export function failureWords(failed: number, releases: number): string {
  const share = failureShare(failed, releases);
  switch (share.kind) {
    case 'all': return share.releases === 1 ? 'das eine Release schlug fehl' : share.releases === 2 ? 'beide Releases schlugen fehl' : `alle ${numberWords(share.releases)} Releases schlugen fehl`;
    case 'one-in': return `eins von ${numberWords(share.n)} Releases schlug fehl`;
    case 'of': return `${numberWords(share.failed)} von ${numberWords(share.releases)} Releases schlugen fehl`;
    case 'about-one-in': return `etwa eins von ${numberWords(share.n)} Releases schlug fehl`;
    case 'about-in-ten': return `etwa ${numberWords(share.n)} von zehn Releases schlugen fehl`;
  }
}

const NAMED: Record<PeriodName, string> = {
  today: 'heute', yesterday: 'gestern', this_week: 'diese Woche', last_week: 'letzte Woche', this_month: 'diesen Monat', last_month: 'letzten Monat',
};
const UNITS: Record<string, readonly [string, string]> = {
  minute: ['Minute', 'Minuten'], hour: ['Stunde', 'Stunden'], day: ['Tag', 'Tage'], week: ['Woche', 'Wochen'], month: ['Monat', 'Monate'], year: ['Jahr', 'Jahre'],
};
/** The dative plural after "in den letzten …": Tagen, Wochen. */
const DATIVE: Record<string, string> = { Tage: 'Tagen', Jahre: 'Jahren', Monate: 'Monaten' };

function isOver(asked: PeriodAsked): boolean {
  return asked.kind === 'named' && (asked.name === 'yesterday' || asked.name === 'last_week' || asked.name === 'last_month');
}

/** "diese Woche", "in den letzten vierzehn Tagen", "in der letzten Stunde". */
export function periodWords(asked: PeriodAsked): string {
  if (asked.kind === 'named') return NAMED[asked.name];
  const [one, many] = UNITS[asked.unit] ?? [asked.unit, asked.unit];
  if (asked.amount === 1) return `in ${one.endsWith('e') ? 'der letzten' : 'dem letzten'} ${one}`;
  return `in den letzten ${numberWords(asked.amount)} ${DATIVE[many] ?? many}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const inWhere = (w: Where) => `${w.service} in ${w.environment}`;
const sum = (rows: ReportSpeech['rows'], pick: (m: DeliveryMetrics) => number) => rows.reduce((n, row) => n + pick(row.metrics), 0);

function restoreWords(restoresMs: readonly number[]): string | undefined {
  const middle = median(restoresMs);
  if (middle === undefined) return undefined;
  return restoresMs.length === 1 ? `in ${durationWords(middle)} behoben` : `im Median in ${durationWords(middle)} behoben`;
}

/** Der Lieferbericht auf Deutsch. */
export function deDEReport(): ReportMessages {
  return {
    report: (r) => joinSsml([headline(r), stability(r), pipelines(r), leftOut(r)].filter((s): s is Ssml => s !== undefined)),
    reportCard: (r) => card(r),
    askReportPeriod: (heard) => ssml`${heard === undefined || heard === '?' ? 'Den Zeitraum habe ich nicht verstanden.' : ssml`Über ${heard} kann ich nicht berichten.`} Ich berichte über heute, gestern, diese Woche, letzte Woche, diesen Monat, letzten Monat oder die letzten so und so vielen Tage. Welchen Zeitraum möchtest du?`,
    reportPeriodTooLong: (days, max) => ssml`Ich berichte höchstens über die letzten ${numberWords(max)} Tage, und das wären etwa ${numberWords(days)}. Frag nach einem kürzeren Zeitraum, zum Beispiel den letzten dreißig Tagen.`,
    reportPeriodTooShort: () => ssml`Das ist zu kurz für eine Aussage. Frag nach der letzten Stunde oder mehr, oder sag diese Woche.`,
    unknownReportEnvironment: (heard, choices) => ssml`Eine Umgebung namens ${heard} kenne ich nicht. Welche meinst du: ${spokenList(choices, 'oder')}?`,
  };

  /** "Diese Woche hat checkout in production zwanzigmal ausgeliefert, etwa dreimal am Tag, und nichts schlug fehl." */
  function headline(r: ReportSpeech): Ssml {
    const when = capitalised(periodWords(r.period.asked));
    const one = r.rows.length === 1 ? r.rows[0] : undefined;
    const subject = one !== undefined ? inWhere(one.where) : r.service;
    const releases = sum(r.rows, (m) => m.releases);
    const succeeded = sum(r.rows, (m) => m.succeeded);
    const failed = sum(r.rows, (m) => m.failed);
    const running = sum(r.rows, (m) => m.running);
    if (releases === 0) {
      const where = subject === undefined ? '' : ` für ${subject}`;
      const still = running === 0 ? '' : running === 1 ? ' Ein Release läuft gerade.' : ` ${capitalised(numberWords(running))} Releases laufen gerade.`;
      return ssml`${when} wurde${where} nichts ausgeliefert.${still}`;
    }
    const who = subject === undefined ? 'habt ihr' : `hat ${subject}`;
    if (succeeded === 0) return ssml`${when} ${who} nichts ausgeliefert: ${failureWords(failed, releases)}.`;
    const rate = frequencyWords(succeeded, r.rows[0]?.metrics.days ?? 0);
    const failures = failed === 0 ? 'nichts schlug fehl' : failureWords(failed, releases);
    return ssml`${when} ${who} ${times(succeeded)} ausgeliefert${rate === undefined ? '' : `, ${rate}`}, und ${failures}.`;
  }

  function stability(r: ReportSpeech): Ssml | undefined {
    const failing = r.rows.filter((row) => row.metrics.failed > 0);
    if (failing.length === 0) return undefined;
    const over = isOver(r.period.asked);
    const open = over ? `bis zum Ende von ${periodWords(r.period.asked)} nicht behoben` : 'noch nicht behoben';
    if (r.rows.length === 1) {
      const m = failing[0]?.metrics as DeliveryMetrics;
      const restored = restoreWords(m.restoresMs);
      if (m.unrestored > 0) return ssml`${capitalised(`${restored === undefined ? '' : `Fehler wurden ${restored}, aber `}der letzte Fehler ist ${open}.`)}`;
      return restored === undefined ? undefined : ssml`Fehler wurden ${restored}.`;
    }
    const worst = worstFailing(failing);
    if (worst === undefined) return undefined;
    const restored = restoreWords(worst.metrics.restoresMs);
    const restore = worst.metrics.unrestored === 0 ? restored : restored === undefined ? open : `${restored}, aber der letzte ist ${open}`;
    const tail = restore === undefined ? '' : `, ${restore}`;
    if (sum(r.rows, (m) => m.failed) === 1) return ssml`Der Fehler war in ${inWhere(worst.where)}${tail}.`;
    const lead = failing.length === 1 ? 'Alle Fehler waren in' : 'Am schlechtesten lief';
    return ssml`${lead} ${inWhere(worst.where)}: ${failureWords(worst.metrics.failed, worst.metrics.releases)}${tail}.`;
  }

  function pipelines(r: ReportSpeech): Ssml | undefined {
    const runs = r.rows.flatMap((row) => row.metrics.pipelineRunsMs);
    const middle = median(runs);
    const table = r.rows.length > 1 && sum(r.rows, (m) => m.releases) > 0 ? '; die ganze Tabelle steht in der Alexa-App' : '';
    if (middle === undefined) return table === '' ? undefined : ssml`Die ganze Tabelle steht in der Alexa-App.`;
    const subject = r.rows.length === 1 ? 'Die Pipeline brauchte' : 'Die Pipelines brauchten';
    return ssml`${subject} ${runs.length === 1 ? '' : 'im Median '}${durationWords(middle)} pro Lauf${table}.`;
  }

  function leftOut(r: ReportSpeech): Ssml | undefined {
    const late = r.leftOut.filter((l) => l.reason === 'time').map((l) => inWhere(l.where));
    const failed = r.leftOut.filter((l) => l.reason === 'error').map((l) => inWhere(l.where));
    const named = (names: readonly string[], conjunction: string) =>
      names.length <= MAX_NAMES_SPOKEN ? spokenList(names, conjunction) : ssml`${numberWords(names.length)} Dienste und Umgebungen, die auf der Karte stehen`;
    const parts = [
      late.length === 0 ? undefined : ssml`Ich habe ${named(late, 'und')} ausgelassen: AWS hat nicht rechtzeitig geantwortet.`,
      failed.length === 0 ? undefined : ssml`${named(failed, 'oder')} konnte ich nicht lesen.`,
    ];
    const said = parts.filter((p): p is Ssml => p !== undefined);
    return said.length === 0 ? undefined : joinSsml(said);
  }
}

function card(r: ReportSpeech): { title: string; text: string } {
  const p = r.period;
  const title = `Lieferbericht: ${p.asked.kind === 'last' ? `letzte ${p.asked.amount} ${(UNITS[p.asked.unit] ?? [p.asked.unit, p.asked.unit])[p.asked.amount === 1 ? 0 : 1]}` : NAMED[p.asked.name]}`;
  const head = `${cardTime(p.start, p)} bis ${cardTime(p.end, p)} (${p.timeZone})`;
  const rows = r.rows.map(({ where, metrics: m }) => [inWhere(where), ...cardLines(m)].join('\n'));
  const left = r.leftOut.map((l) => `Ausgelassen: ${inWhere(l.where)} (${l.reason === 'time' ? 'AWS hat nicht rechtzeitig geantwortet' : 'AWS hat abgelehnt oder ist gescheitert'})`);
  const footer = [
    'Ein Release ist ein Pipeline-Lauf, der erfolgreich war oder fehlschlug (ohne Pipeline ein CodeDeploy-Deployment); Rollbacks sind Behebungen, keine Releases, und laufende Releases zählen nicht.',
    'Fehlgeschlagen: fehlgeschlagen, oder erfolgreich und später zurückgerollt. Zeit bis zur Behebung: vom Fehler bis zum nächsten erfolgreichen Release oder Rollback in dieser Umgebung.',
  ].join('\n');
  return { title, text: fitCardContent(title, { head, rows, left, footer, more: (dropped) => `… und ${dropped} weitere, zu viele für eine Karte.` }) };
}

function cardLines(m: DeliveryMetrics): string[] {
  if (m.releases === 0) return [`  Nichts ausgeliefert.${m.running > 0 ? ` Laufen gerade: ${m.running}.` : ''}`];
  const { per, value } = cardRate(m);
  const rate = `${value.toFixed(1).replace('.', ',')} ${per === 'day' ? 'pro Tag' : 'pro Woche'}`;
  const percent = Math.round((m.changeFailureRate ?? 0) * 100);
  const restore = median(m.restoresMs);
  const run = median(m.pipelineRunsMs);
  return [
    `  Ausgeliefert: ${m.succeeded} (${rate})`,
    `  Änderungsfehlerrate: ${percent} % (${m.failed} von ${m.releases} Releases: ${m.failed - m.rolledBack} fehlgeschlagen, ${m.rolledBack} zurückgerollt)`,
    ...(m.failed === 0 ? [] : [`  Zeit bis zur Behebung: ${restore === undefined ? 'nichts behoben' : `Median ${cardDuration(restore)} (${m.restoresMs.length} behoben)`}${m.unrestored > 0 ? ', letzter Fehler im Zeitraum nicht behoben' : ''}`]),
    ...(run === undefined ? [] : [`  Pipeline-Lauf: Median ${cardDuration(run)} (${m.pipelineRunsMs.length} Läufe)`]),
    ...(m.running > 0 ? [`  Laufen gerade: ${m.running} (nicht gezählt)`] : []),
    ...(m.complete ? [] : [`  Nur die neueste Historie gelesen: gezählt ab ${m.start.toISOString().slice(0, 16).replace('T', ' ')} UTC, Rollbacks können fehlen.`]),
  ];
}

function cardDuration(ms: number): string {
  const d = writtenDuration(ms);
  return `${String(d.value).replace('.', ',')} ${{ minutes: 'Min.', hours: 'Std.', days: 'Tage' }[d.unit]}`;
}

function cardTime(at: Date, p: ReportPeriod): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: p.timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
