import type { Freeze } from '../config/schema';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The wall-clock day and minute of `at` in `timeZone`. */
function localTime(at: Date, timeZone: string): { day: (typeof DAY_NAMES)[number]; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as (typeof DAY_NAMES)[number];
  return { day, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

function previousDay(day: (typeof DAY_NAMES)[number]): (typeof DAY_NAMES)[number] {
  return DAY_NAMES[(DAY_NAMES.indexOf(day) + 6) % 7] ?? day;
}

/**
 * The freeze in force at `at`, if any. A window's days name the day it starts: "fri 15:00–24:00" is Friday afternoon;
 * "20:00–08:00" runs past midnight, so at 07:00 on Saturday a Friday-night window still holds.
 */
export function activeFreeze(freezes: readonly Freeze[], at: Date, timeZone: string): Freeze | undefined {
  const now = localTime(at, timeZone);
  return freezes.find((freeze) => {
    const from = minutes(freeze.from);
    const to = minutes(freeze.to);
    const onDay = (day: (typeof DAY_NAMES)[number]) => freeze.days === undefined || freeze.days.includes(day as never);
    if (from < to) return onDay(now.day) && now.minute >= from && now.minute < to;
    // Past midnight: the evening part belongs to today, the morning part to the day before.
    return (onDay(now.day) && now.minute >= from) || (onDay(previousDay(now.day)) && now.minute < to);
  });
}
