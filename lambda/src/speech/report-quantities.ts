/**
 * How the delivery report rounds what it says, for every language: which unit a length of time is said in, whether a
 * rate is per day or per week, how a failure share is put, how a card writes a duration. Each locale's report
 * (`<locale>-report.ts`) only puts words to these, so the thresholds cannot drift apart between languages.
 */

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
