/**
 * How the delivery report rounds and chooses what it says, for every language: which unit a length of time is said
 * in, whether a rate is per day or per week, how a failure share is put, which service fared worst, how a card writes
 * a duration and a rate, and how many rows fit on the card. Each locale's report (`<locale>-report.ts`) only puts
 * words to these, so the thresholds and choices cannot drift apart between languages.
 */
import { median, type DeliveryMetrics } from '../domain/delivery-report';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A length of time rounded the way people round it: minutes below 100, hours below 36, then days. */
export type SpokenDuration = { readonly unit: 'under-a-minute' } | { readonly unit: 'minute' | 'hour' | 'day'; readonly count: number };

export function spokenDuration(ms: number): SpokenDuration {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 1) return { unit: 'under-a-minute' };
  if (minutes < 100) return { unit: 'minute', count: minutes };
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 36) return { unit: 'hour', count: hours };
  return { unit: 'day', count: Math.round(ms / DAY_MS) };
}

/**
 * How often releases succeeded, as a rate people say: per day when at least one a day, per week when the period is
 * two weeks or more; nothing when the period is too short for a rate to say more than the count (under two days).
 */
export function deliveryRate(succeeded: number, days: number): { readonly per: 'day' | 'week'; readonly count: number } | undefined {
  if (succeeded === 0 || days < 2) return undefined;
  const perDay = Math.round(succeeded / days);
  if (perDay >= 1) return { per: 'day', count: perDay };
  const perWeek = Math.round((succeeded / days) * 7);
  return days >= 14 && perWeek >= 1 ? { per: 'week', count: perWeek } : undefined;
}

/**
 * How a failure share is put: all of them; one in n (when it divides evenly); m of n (up to ten releases); else
 * about one in n (up to half) or about m in ten.
 */
export type FailureShare =
  | { readonly kind: 'all'; readonly releases: number }
  | { readonly kind: 'one-in'; readonly n: number }
  | { readonly kind: 'of'; readonly failed: number; readonly releases: number }
  | { readonly kind: 'about-one-in'; readonly n: number }
  | { readonly kind: 'about-in-ten'; readonly n: number };

export function failureShare(failed: number, releases: number): FailureShare {
  if (failed === releases) return { kind: 'all', releases };
  if (releases % failed === 0) return { kind: 'one-in', n: releases / failed };
  if (releases <= 10) return { kind: 'of', failed, releases };
  const rate = failed / releases;
  return rate <= 0.5 ? { kind: 'about-one-in', n: Math.round(1 / rate) } : { kind: 'about-in-ten', n: Math.round(rate * 10) };
}

/** A duration as a card writes it: whole minutes below two hours, hours to one decimal below two days, then days. */
export type WrittenDuration = { readonly unit: 'minutes'; readonly value: number } | { readonly unit: 'hours' | 'days'; readonly value: string };

export function writtenDuration(ms: number): WrittenDuration {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 120) return { unit: 'minutes', value: minutes };
  const hours = ms / HOUR_MS;
  return hours < 48 ? { unit: 'hours', value: hours.toFixed(1) } : { unit: 'days', value: (ms / DAY_MS).toFixed(1) };
}

/**
 * Among rows with failures, the one that fared worst: the highest change failure rate; on a tie the one that failed
 * more often, then the one slower to restore (a failure never restored is slowest).
 */
export function worstFailing<Row extends { readonly metrics: DeliveryMetrics }>(rows: readonly Row[]): Row | undefined {
  const slowness = (m: DeliveryMetrics) => (m.unrestored > 0 ? Infinity : median(m.restoresMs) ?? 0);
  return [...rows].filter((row) => row.metrics.failed > 0).sort((a, b) => (b.metrics.changeFailureRate ?? 0) - (a.metrics.changeFailureRate ?? 0)
    || b.metrics.failed - a.metrics.failed || slowness(b.metrics) - slowness(a.metrics))[0];
}

/**
 * A row's successful releases as the card gives their rate (written to one decimal): per day, or per week for a
 * period of a week or more with less than one a day.
 */
export function cardRate(m: DeliveryMetrics): { readonly per: 'day' | 'week'; readonly value: number } {
  const perDay = m.days > 0 ? m.succeeded / m.days : 0;
  return perDay >= 1 || m.days < 7 ? { per: 'day', value: perDay } : { per: 'week', value: perDay * 7 };
}

/** Alexa takes at most 8000 characters of a card's text, title and content together. */
export const CARD_TEXT_LIMIT = 8000;

/**
 * The report card's content: the head, a block per row, what was left out, the footer. When title and content would
 * pass Alexa's limit, rows are dropped from the end (with the footer) and `more(n)` says how many.
 */
export function fitCardContent(title: string, blocks: {
  readonly head: string; readonly rows: readonly string[]; readonly left: readonly string[]; readonly footer: string; readonly more: (dropped: number) => string;
}): string {
  const limit = CARD_TEXT_LIMIT - title.length;
  const { head, rows, left, footer, more } = blocks;
  let text = [head, ...rows, ...left, footer].join('\n\n');
  for (let kept = rows.length - 1; text.length > limit && kept >= 0; kept -= 1) {
    text = [head, ...rows.slice(0, kept), more(rows.length - kept), ...left].join('\n\n');
  }
  return text.slice(0, limit);
}
