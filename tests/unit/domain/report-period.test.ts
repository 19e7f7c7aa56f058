import { choosePeriod, instantOf, named, type PeriodChoice, type ReportPeriod } from '../../../lambda/src/domain/report-period';

const DAY = 86_400_000;
// 2026-11-26 is a Thursday.
const NOW = new Date('2026-11-26T14:00:00Z');

function period(choice: PeriodChoice): ReportPeriod {
  if (choice.kind !== 'period') throw new Error(`expected a period, got ${JSON.stringify(choice)}`);
  return choice.period;
}

const iso = (p: ReportPeriod) => [p.start.toISOString(), p.end.toISOString()];

describe('choosePeriod', () => {
  it('reports on the last seven days when no period is asked for', () => {
    const p = period(choosePeriod({}, NOW, 'UTC'));

    expect(iso(p)).toEqual(['2026-11-19T14:00:00.000Z', '2026-11-26T14:00:00.000Z']);
    expect(p.asked).toEqual({ kind: 'last', amount: 7, unit: 'day' });
  });

  it.each([
    ['P14D', 14 * DAY, { amount: 14, unit: 'day' }],
    ['P2W', 14 * DAY, { amount: 2, unit: 'week' }],
    ['PT5H', 5 * 3_600_000, { amount: 5, unit: 'hour' }],
    ['P1DT12H', 36 * 3_600_000, { amount: 36, unit: 'hour' }],
    ['P3DT12H', 3.5 * DAY, { amount: 4, unit: 'day' }],
    ['P90D', 90 * DAY, { amount: 90, unit: 'day' }],
  ])('counts %s back from now', (duration, lengthMs, asked) => {
    const p = period(choosePeriod({ duration }, NOW, 'Europe/Berlin'));

    expect(p.end).toEqual(NOW);
    expect(NOW.getTime() - p.start.getTime()).toBe(lengthMs);
    expect(p.asked).toEqual({ kind: 'last', ...asked });
  });

  it('counts months back on the calendar, in the team time zone', () => {
    const p = period(choosePeriod({ duration: 'P2M' }, new Date('2026-05-31T10:00:00Z'), 'Europe/Berlin'));

    // Two months before May 31 is March 31, at the same wall-clock time (12:00 in Berlin, then an hour earlier in UTC).
    expect(p.start.toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(p.asked).toEqual({ kind: 'last', amount: 2, unit: 'month' });
  });

  it.each([['P91D', 91], ['P3M', 92], ['P1Y', 365], ['P13W', 91]])('refuses %s as longer than ninety days', (duration, days) => {
    expect(choosePeriod({ duration }, NOW, 'UTC')).toEqual({ kind: 'too-long', days });
  });

  it.each(['PT30M', 'PT59M59S', 'P0D'])('refuses %s as too short to report on', (duration) => {
    expect(choosePeriod({ duration }, NOW, 'UTC')).toEqual({ kind: 'too-short' });
  });

  it.each(['?', 'P', 'PT', 'P14DT', '14 days', 'P1.5D', 'p14d', 'P14D ', 'P-3D', 'PT5H3D', 'P14'])('does not guess at %j', (duration) => {
    expect(choosePeriod({ duration }, NOW, 'UTC')).toEqual({ kind: 'unclear', heard: duration });
  });

  it('takes a duration over a period name when Alexa fills both', () => {
    const p = period(choosePeriod({ duration: 'P3D', name: { heard: 'this week', resolvedId: 'this_week' } }, NOW, 'UTC'));

    expect(p.asked).toEqual({ kind: 'last', amount: 3, unit: 'day' });
  });

  it('knows a period by its resolved id, or by the words when Alexa resolved none', () => {
    expect(period(choosePeriod({ name: { heard: 'the past week', resolvedId: 'last_week' } }, NOW, 'UTC')).asked).toEqual({ kind: 'named', name: 'last_week' });
    expect(period(choosePeriod({ name: { heard: 'Last Month' } }, NOW, 'UTC')).asked).toEqual({ kind: 'named', name: 'last_month' });
  });

  it('calls unknown period words unclear', () => {
    expect(choosePeriod({ name: { heard: 'the good old days' } }, NOW, 'UTC')).toEqual({ kind: 'unclear', heard: 'the good old days' });
  });
});

describe('named periods', () => {
  it('runs this week from Monday midnight to now', () => {
    expect(iso(named('this_week', NOW, 'UTC'))).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-26T14:00:00.000Z']);
  });

  it('starts the week at Monday midnight in the team time zone, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin: its week began half an hour ago.
    const sundayNightUtc = new Date('2026-11-29T23:30:00Z');

    expect(named('this_week', sundayNightUtc, 'Europe/Berlin').start.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(named('this_week', sundayNightUtc, 'UTC').start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(named('this_week', sundayNightUtc, 'America/Los_Angeles').start.toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('ends last week where this week begins, so no release counts in both', () => {
    const last = named('last_week', NOW, 'Europe/Berlin');
    const current = named('this_week', NOW, 'Europe/Berlin');

    expect(iso(last)).toEqual(['2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z']);
    expect(last.end).toEqual(current.start);
  });

  it('gives yesterday its real length across a daylight-saving change', () => {
    // Europe/Berlin moved its clocks forward on Sunday 2026-03-29: that day had 23 hours.
    const p = named('yesterday', new Date('2026-03-30T08:00:00Z'), 'Europe/Berlin');

    expect(iso(p)).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('runs today from local midnight', () => {
    expect(named('today', new Date('2026-11-26T02:00:00Z'), 'America/New_York').start.toISOString()).toBe('2026-11-25T05:00:00.000Z');
  });

  it('finds last month across a year boundary', () => {
    const p = named('last_month', new Date('2026-01-15T12:00:00Z'), 'Asia/Tokyo');

    expect(iso(p)).toEqual(['2025-11-30T15:00:00.000Z', '2025-12-31T15:00:00.000Z']);
  });

  it('runs this month from the first, local time', () => {
    expect(named('this_month', NOW, 'Asia/Kolkata').start.toISOString()).toBe('2026-10-31T18:30:00.000Z');
  });
});

describe('instantOf', () => {
  it('puts a wall time that a spring-forward night skips an hour later, as clocks show it', () => {
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
