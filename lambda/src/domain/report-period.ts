import { normalise } from './spoken';

/** Calendar periods a report can be asked for, as the PERIOD slot type's value ids. */
export const PERIOD_NAMES = ['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** The longest period a report reads: enough for a quarter, and a bound on the AWS history it pages through. */
export const MAX_REPORT_DAYS = 90;
/** Shorter than this, a report says nothing a status question does not. */
const MIN_REPORT_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How a period was asked for, so that an answer can say it back. */
export type PeriodAsked =
  | { readonly kind: 'named'; readonly name: PeriodName }
  /** "the last fourteen days": the amount and unit as said (or, for mixed durations, in hours or days). */
  | { readonly kind: 'last'; readonly amount: number; readonly unit: DurationUnit };

/** A stretch of time to report on: `start` inclusive, `end` exclusive and never later than the moment asked. */
export interface ReportPeriod {
  readonly start: Date;
  readonly end: Date;
  readonly asked: PeriodAsked;
  readonly timeZone: string;
}

export type PeriodChoice =
  | { readonly kind: 'period'; readonly period: ReportPeriod }
  | { readonly kind: 'too-long'; readonly days: number }
  | { readonly kind: 'too-short' }
  /** Words that name no period the skill knows, or a duration Alexa could not make out ("?"). */
  | { readonly kind: 'unclear'; readonly heard: string };

/** What the request said about the period: the PERIOD slot (words, resolved id) and the AMAZON.DURATION slot. */
export interface PeriodSlots {
  readonly name?: { readonly heard?: string; readonly resolvedId?: string };
  readonly duration?: string;
}

/** The period a report covers when none is asked for. */
export const DEFAULT_PERIOD: PeriodAsked = { kind: 'last', amount: 7, unit: 'day' };

/**
 * The period a request asks for, in the team's time zone: a duration ("the last fourteen days", which Alexa sends as
 * ISO-8601 `P14D`) counts back from `now`; a calendar name ("this week", "last month") starts at a local midnight
 * (weeks start on Monday). Nothing asked means the last seven days.
 */
export function choosePeriod(slots: PeriodSlots, now: Date, timeZone: string): PeriodChoice {
  if (slots.duration !== undefined && slots.duration !== '') return lastDuration(slots.duration, now, timeZone);
  const name = slots.name;
  if (name?.heard === undefined && name?.resolvedId === undefined) return lastDuration('P7D', now, timeZone);
  const wanted = [name.resolvedId, name.heard].map((said) => normalise(said?.replace(/_/g, ' ')));
  const match = PERIOD_NAMES.find((id) => wanted.includes(normalise(id.replace(/_/g, ' '))));
  return match === undefined ? { kind: 'unclear', heard: name.heard ?? name.resolvedId ?? '' } : { kind: 'period', period: named(match, now, timeZone) };
}

/** A calendar period: from a local midnight to the next boundary, or to `now` while it runs. */
export function named(name: PeriodName, now: Date, timeZone: string): ReportPeriod {
  const today = localParts(now, timeZone);
  const midnight = (dayOffset: number, monthOffset = 0, dayOfMonth = today.day) =>
    instantOf({ year: today.year, month: today.month + monthOffset, day: dayOfMonth + dayOffset }, timeZone);
  const monday = -today.weekday;
  const ranges: Record<PeriodName, [Date, Date]> = {
    today: [midnight(0), now],
    yesterday: [midnight(-1), midnight(0)],
    this_week: [midnight(monday), now],
    last_week: [midnight(monday - 7), midnight(monday)],
    this_month: [midnight(0, 0, 1), now],
    last_month: [midnight(0, -1, 1), midnight(0, 0, 1)],
  };
  const [start, end] = ranges[name];
  return { start, end, asked: { kind: 'named', name }, timeZone };
}

/**
 * ISO-8601 durations as Alexa's AMAZON.DURATION sends them, PnYnMnWnDTnHnMnS (`P14D`, `P2W`, `PT5H`, `P1DT12H`),
 * parsed strictly: anything else, Alexa's "?" included, is unclear rather than guessed at.
 */
const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function lastDuration(iso: string, now: Date, timeZone: string): PeriodChoice {
  const match = ISO_DURATION.exec(iso);
  if (match === null || iso === 'P' || iso.endsWith('T')) return { kind: 'unclear', heard: iso };
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((n) => (n === undefined ? 0 : Number(n))) as number[];
  const fixedMs = ((((weeks ?? 0) * 7 + (days ?? 0)) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60_000 + (seconds ?? 0) * 1000;
  // Years and months are calendar ones: "the last two months" starts on the same day and hour two months ago.
  const calendarMonths = (years ?? 0) * 12 + (months ?? 0);
  const start = new Date(monthsBefore(now, calendarMonths, timeZone).getTime() - fixedMs);
  const lengthMs = now.getTime() - start.getTime();
  if (lengthMs > MAX_REPORT_DAYS * DAY_MS) return { kind: 'too-long', days: Math.round(lengthMs / DAY_MS) };
  if (lengthMs < MIN_REPORT_MS) return { kind: 'too-short' };
  return { kind: 'period', period: { start, end: now, asked: describe(match, lengthMs), timeZone } };
}

const UNITS: readonly DurationUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute'];

/** "P14D" is said back as fourteen days; a mixed duration ("P1DT12H") in hours under two days, else in days. */
function describe(match: RegExpExecArray, lengthMs: number): PeriodAsked {
  const given = UNITS.map((unit, i) => ({ unit, amount: match[i + 1] })).filter((part) => part.amount !== undefined && Number(part.amount) > 0);
  const only = given.length === 1 ? given[0] : undefined;
  if (only !== undefined && match[7] === undefined) return { kind: 'last', amount: Number(only.amount), unit: only.unit };
  return lengthMs < 2 * DAY_MS
    ? { kind: 'last', amount: Math.round(lengthMs / 3_600_000), unit: 'hour' }
    : { kind: 'last', amount: Math.round(lengthMs / DAY_MS), unit: 'day' };
}

function monthsBefore(now: Date, months: number, timeZone: string): Date {
  if (months === 0) return now;
  const local = localParts(now, timeZone);
  // The same day of an earlier month, or its last day when it has fewer ("a month before March 31" is February 28).
  const lastDay = new Date(Date.UTC(local.year, local.month - months, 0)).getUTCDate();
  return instantOf({ ...local, month: local.month - months, day: Math.min(local.day, lastDay) }, timeZone);
}

/*
 * Local wall time ↔ instants with Intl, which Node carries: the one conversion a report needs (a local midnight to
 * an instant) does not justify a time-zone library in the Lambda bundle.
 */

interface LocalTime {
  readonly year: number;
  /** 1–12; out-of-range values roll over, as with Date.UTC. */
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
}

/** The wall-clock date and time of `at` in `timeZone`, and its weekday counted from Monday (0) to Sunday (6). */
export function localParts(at: Date, timeZone: string): Required<LocalTime> & { readonly weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
  return {
    year: Number(part('year')), month: Number(part('month')), day: Number(part('day')),
    hour: Number(part('hour')), minute: Number(part('minute')), second: Number(part('second')), weekday,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`. */
function offsetMs(at: number, timeZone: string): number {
  const local = localParts(new Date(at), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant when `timeZone`'s wall clock shows `local`. Twice the offset: the one of the first guess can be the
 * wrong side of a daylight-saving change. A wall time a change skips (02:30 on a spring-forward night) comes out an
 * hour later, as clocks show it.
 */
export function instantOf(local: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  const first = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(first, timeZone));
}
