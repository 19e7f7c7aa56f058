import { median, type DeliveryMetrics } from '../domain/delivery-report';
import type { PeriodAsked, PeriodName, ReportPeriod } from '../domain/report-period';
import type { Where } from './messages';
import type { ReportMessages, ReportSpeech } from './report-messages';
import { cardRate, deliveryRate, failureShare, fitCardContent, spokenDuration, worstFailing, writtenDuration } from './report-quantities';
import { joinSsml, ssml, spokenList, type Ssml } from './ssml';

/** Services named aloud in one list at most. */
const MAX_NAMES_SPOKEN = 3;

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Whole numbers as people say them, in words up to ninety-nine ("forty", "twenty-three"), in digits above. */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return SMALL[n] ?? String(n);
  const unit = n % 10;
  return `${TENS[Math.floor(n / 10)] ?? ''}${unit === 0 ? '' : `-${SMALL[unit] ?? ''}`}`;
}

/** "forty minutes", "an hour", "three hours", "two days": a length of time, rounded the way people round it. */
export function durationWords(ms: number): string {
  const d = spokenDuration(ms);
  if (d.unit === 'under-a-minute') return 'under a minute';
  const single = { minute: 'a minute', hour: 'an hour', day: 'a day' }[d.unit];
  return d.count === 1 ? single : `${numberWords(d.count)} ${d.unit}s`;
}

/** "shipped once", "shipped twice", "shipped seven times". */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${numberWords(n)} times`;
}

/**
 * How often, as people say it: "about three times a day", "about twice a week", or nothing when the period is too
 * short for the rate to say more than the count (under two days, or under two weeks for a weekly rate).
 */
export function frequencyWords(succeeded: number, days: number): string | undefined {
  const rate = deliveryRate(succeeded, days);
  return rate && `about ${times(rate.count)} a ${rate.per}`;
}

/** "one in five releases failed", "two of seven releases failed", "about one in four releases failed". */
export function failureWords(failed: number, releases: number): string {
  const share = failureShare(failed, releases);
  switch (share.kind) {
    case 'all': return share.releases === 1 ? 'the one release failed' : share.releases === 2 ? 'both releases failed' : `all ${numberWords(share.releases)} releases failed`;
    case 'one-in': return `one in ${numberWords(share.n)} releases failed`;
    case 'of': return `${numberWords(share.failed)} of ${numberWords(share.releases)} releases failed`;
    case 'about-one-in': return `about one in ${numberWords(share.n)} releases failed`;
    case 'about-in-ten': return `about ${numberWords(share.n)} in ten releases failed`;
  }
}

const NAMED: Record<PeriodName, string> = {
  today: 'today', yesterday: 'yesterday', this_week: 'this week', last_week: 'last week', this_month: 'this month', last_month: 'last month',
};

/** Whether the period ended before the question: then what was still broken at its end may be fixed by now. */
function isOver(asked: PeriodAsked): boolean {
  return asked.kind === 'named' && (asked.name === 'yesterday' || asked.name === 'last_week' || asked.name === 'last_month');
}

/** "this week", "the last fourteen days", "the last hour". */
export function periodWords(asked: PeriodAsked): string {
  if (asked.kind === 'named') return NAMED[asked.name];
  return asked.amount === 1 ? `the last ${asked.unit}` : `the last ${numberWords(asked.amount)} ${asked.unit}s`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const inWhere = (w: Where) => `${w.service} in ${w.environment}`;
const sum = (rows: ReportSpeech['rows'], pick: (m: DeliveryMetrics) => number) => rows.reduce((n, row) => n + pick(row.metrics), 0);

function restoreWords(restoresMs: readonly number[]): string | undefined {
  const middle = median(restoresMs);
  if (middle === undefined) return undefined;
  return restoresMs.length === 1 ? `restored in ${durationWords(middle)}` : `restored in a median of ${durationWords(middle)}`;
}

/** The report's words in English. */
export function enUSReport(): ReportMessages {
  return {
    report: (r) => joinSsml([headline(r), stability(r), pipelines(r), leftOut(r)].filter((s): s is Ssml => s !== undefined)),
    reportCard: (r) => card(r),
    askReportPeriod: (heard) => ssml`${heard === undefined || heard === '?' ? 'I didn\'t catch the period.' : ssml`I can't report on ${heard}.`} I can report on today, yesterday, this week, last week, this month, last month, or the last so many days. Which would you like?`,
    reportPeriodTooLong: (days, max) => ssml`I can report on at most the last ${numberWords(max)} days, and that asks for about ${numberWords(days)}. Ask for a shorter period, such as the last thirty days.`,
    reportPeriodTooShort: () => ssml`That's too short to say anything about. Ask for the last hour or more, or say this week.`,
    unknownReportEnvironment: (heard, choices) => ssml`I don't know an environment called ${heard}. Which one: ${spokenList(choices, 'or')}?`,
  };

  /** "In the last seven days you shipped twenty times, about three times a day, and one in five releases failed." */
  function headline(r: ReportSpeech): Ssml {
    const when = r.period.asked.kind === 'named' ? capitalised(periodWords(r.period.asked)) : `In ${periodWords(r.period.asked)}`;
    const one = r.rows.length === 1 ? r.rows[0] : undefined;
    const subject = one !== undefined ? inWhere(one.where) : r.service ?? 'you';
    const releases = sum(r.rows, (m) => m.releases);
    const succeeded = sum(r.rows, (m) => m.succeeded);
    const failed = sum(r.rows, (m) => m.failed);
    const running = sum(r.rows, (m) => m.running);
    if (releases === 0) {
      const where = one !== undefined || r.service !== undefined ? ` to ${subject}` : '';
      const still = running === 0 ? '' : running === 1 ? ' One release is running now.' : ` ${capitalised(numberWords(running))} releases are running now.`;
      return ssml`${when}, nothing was released${where}.${still}`;
    }
    if (succeeded === 0) return ssml`${when}, ${subject} shipped nothing: ${failureWords(failed, releases)}.`;
    const rate = frequencyWords(succeeded, r.rows[0]?.metrics.days ?? 0);
    const failures = failed === 0 ? 'nothing failed' : failureWords(failed, releases);
    return ssml`${when}, ${subject} shipped ${times(succeeded)}${rate === undefined ? '' : `, ${rate}`}, and ${failures}.`;
  }

  /** How quickly things were put right: for one row, its restores; for many, the row that fared worst. */
  function stability(r: ReportSpeech): Ssml | undefined {
    const failing = r.rows.filter((row) => row.metrics.failed > 0);
    if (failing.length === 0) return undefined;
    const over = isOver(r.period.asked);
    const restoreOf = (m: DeliveryMetrics) => {
      const restored = restoreWords(m.restoresMs);
      if (m.unrestored === 0) return restored;
      const open = over ? `not restored by the end of ${periodWords(r.period.asked)}` : 'not restored yet';
      return restored === undefined ? open : `${restored}, but the latest failure was ${open}`;
    };
    if (r.rows.length === 1) {
      const m = failing[0]?.metrics as DeliveryMetrics;
      const restored = restoreWords(m.restoresMs);
      const open = over ? `had not recovered from the latest failure by the end of ${periodWords(r.period.asked)}` : 'hasn\'t recovered from the latest failure yet';
      if (m.unrestored > 0) return ssml`It ${restored === undefined ? '' : `was ${restored}, but it `}${open}.`;
      return restored === undefined ? undefined : ssml`It was ${restored}.`;
    }
    const worst = worstFailing(failing);
    if (worst === undefined) return undefined;
    const restore = restoreOf(worst.metrics);
    const restored = restore === undefined ? '' : `, ${restore}`;
    if (sum(r.rows, (m) => m.failed) === 1) return ssml`The failure was in ${inWhere(worst.where)}${restored}.`;
    const lead = failing.length === 1 ? 'All the failures were in' : 'The worst was';
    return ssml`${lead} ${inWhere(worst.where)}: ${failureWords(worst.metrics.failed, worst.metrics.releases)}${restored}.`;
  }

  /** "Pipelines took a median of twelve minutes per run; the full table is in the Alexa app." */
  function pipelines(r: ReportSpeech): Ssml | undefined {
    const runs = r.rows.flatMap((row) => row.metrics.pipelineRunsMs);
    const middle = median(runs);
    const table = r.rows.length > 1 && sum(r.rows, (m) => m.releases) > 0 ? '; the full table is in the Alexa app' : '';
    if (middle === undefined) return table === '' ? undefined : ssml`The full table is in the Alexa app.`;
    const subject = r.rows.length === 1 ? 'The pipeline' : 'Pipelines';
    return ssml`${subject} took ${runs.length === 1 ? '' : 'a median of '}${durationWords(middle)} per run${table}.`;
  }

  function leftOut(r: ReportSpeech): Ssml | undefined {
    const late = r.leftOut.filter((l) => l.reason === 'time').map((l) => inWhere(l.where));
    const failed = r.leftOut.filter((l) => l.reason === 'error').map((l) => inWhere(l.where));
    // Beyond a few names a list is no longer heard; the card names every one.
    const named = (names: readonly string[], conjunction: string) =>
      names.length <= MAX_NAMES_SPOKEN ? spokenList(names, conjunction) : ssml`${numberWords(names.length)} services and environments, named on the card`;
    const parts = [
      late.length === 0 ? undefined : ssml`I left out ${named(late, 'and')}: AWS didn't answer in time.`,
      failed.length === 0 ? undefined : ssml`I couldn't read ${named(failed, 'or')}.`,
    ];
    const said = parts.filter((p): p is Ssml => p !== undefined);
    return said.length === 0 ? undefined : joinSsml(said);
  }
}

/** Every number, row by row, for the Alexa app; cut short at Alexa's limit with a line saying so. */
function card(r: ReportSpeech): { title: string; text: string } {
  const p = r.period;
  const title = `Delivery report: ${p.asked.kind === 'last' ? `last ${p.asked.amount} ${p.asked.unit}${p.asked.amount === 1 ? '' : 's'}` : NAMED[p.asked.name]}`;
  const head = `${cardTime(p.start, p)} to ${cardTime(p.end, p)} (${p.timeZone})`;
  const rows = r.rows.map(({ where, metrics: m }) => [inWhere(where), ...cardLines(m)].join('\n'));
  const left = r.leftOut.map((l) => `Left out: ${inWhere(l.where)} (${l.reason === 'time' ? 'AWS did not answer in time' : 'AWS refused or failed'})`);
  const footer = [
    'A release is a pipeline run that succeeded or failed (without a pipeline, a CodeDeploy deployment); rollbacks are recoveries, not releases, and running releases are not counted.',
    'Failed: failed, or succeeded and rolled back later. Time to restore: from a failure to the next successful release or rollback in that environment.',
  ].join('\n');
  return { title, text: fitCardContent(title, { head, rows, left, footer, more: (dropped) => `… and ${dropped} more, too many for one card.` }) };
}

function cardLines(m: DeliveryMetrics): string[] {
  if (m.releases === 0) return [`  Nothing released.${m.running > 0 ? ` Running now: ${m.running}.` : ''}`];
  const { per, value } = cardRate(m);
  const rate = `${value.toFixed(1)} ${per === 'day' ? 'a day' : 'a week'}`;
  const percent = Math.round((m.changeFailureRate ?? 0) * 100);
  const failedRuns = m.failed - m.rolledBack;
  const restore = median(m.restoresMs);
  const run = median(m.pipelineRunsMs);
  return [
    `  Shipped: ${m.succeeded} (${rate})`,
    `  Change failure rate: ${percent}% (${m.failed} of ${m.releases} releases: ${failedRuns} failed, ${m.rolledBack} rolled back)`,
    ...(m.failed === 0 ? [] : [`  Time to restore: ${restore === undefined ? 'none restored' : `median ${cardDuration(restore)} (${m.restoresMs.length} restored)`}${m.unrestored > 0 ? ', latest failure not restored within the period' : ''}`]),
    ...(run === undefined ? [] : [`  Pipeline run: median ${cardDuration(run)} (${m.pipelineRunsMs.length} runs)`]),
    ...(m.running > 0 ? [`  Running now: ${m.running} (not counted)`] : []),
    ...(m.complete ? [] : [`  Only the newest history was read: counted from ${m.start.toISOString().slice(0, 16).replace('T', ' ')} UTC, and rollbacks may be missing.`]),
  ];
}

function cardDuration(ms: number): string {
  const d = writtenDuration(ms);
  return `${d.value} ${{ minutes: 'min', hours: 'h', days: 'days' }[d.unit]}`;
}

function cardTime(at: Date, p: ReportPeriod): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: p.timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
