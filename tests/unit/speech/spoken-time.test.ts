import fc from 'fast-check';
import { clockTime, spokenTime, withoutIcu } from '../../../lambda/src/speech/spoken-time';

describe('spokenTime', () => {
  it('says a time just after midnight as 00, not 24', () => {
    // Prepare: 00:23 in UTC, seven hours after the moment it is said of.
    const at = new Date('2026-12-01T00:23:00Z');
    const now = new Date('2026-12-01T07:30:00Z');

    // Act
    const said = spokenTime(at, now, 'en-US', 'UTC');

    // Assess
    expect(said).toBe('today at 00:23');
  });

  it('says the time of a day before yesterday just after midnight as 00, not 24', () => {
    // Prepare: 00:05 in UTC six days before the moment it is said of.
    const at = new Date('2026-11-20T00:05:00Z');
    const now = new Date('2026-11-26T12:00:00Z');

    // Act
    const said = spokenTime(at, now, 'en-US', 'UTC');

    // Assess
    expect(said).toBe('on November 20 at 00:05');
  });
});

describe('times said without ICU (en-US in UTC)', () => {
  // The reference: what ICU itself says, with the options spoken-time.ts gives it.
  const icuTime = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const icuDate = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  // Instants from 1990 to 2060, minutes and month ends included.
  const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true });

  it('takes the arithmetic path only for en-US in a UTC zone', () => {
    expect(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'].map((zone) => withoutIcu('en-US', zone))).toEqual([true, true, true, true]);
    expect(withoutIcu('en-US', 'Europe/Berlin')).toBe(false);
    expect(withoutIcu('de-DE', 'UTC')).toBe(false);
  });

  it('says the time of day exactly as ICU does', () => {
    fc.assert(fc.property(instant, (at) => {
      expect(clockTime(at, 'en-US', 'UTC')).toBe(icuTime.format(at));
    }), { numRuns: 2000 });
  });

  it('says a date more than a day back exactly as ICU does', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 2, max: 400 }), (at, daysLater) => {
      const now = new Date(at.getTime() + daysLater * 86_400_000 + 3_600_000);
      const said = spokenTime(at, now, 'en-US', 'UTC');
      expect(said).toBe(`on ${icuDate.format(at)} at ${icuTime.format(at)}`);
    }), { numRuns: 2000 });
  });

  it('tells today, yesterday and earlier apart as the ICU path does for the same offset', () => {
    // Etc/Universal is UTC by another name that is not on the arithmetic path: the two must always agree.
    fc.assert(fc.property(instant, fc.integer({ min: -3 * 86_400, max: 4 * 86_400 }), (at, secondsLater) => {
      const now = new Date(at.getTime() + secondsLater * 1000);
      expect(spokenTime(at, now, 'en-US', 'UTC')).toBe(spokenTime(at, now, 'en-US', 'Etc/Universal'));
    }), { numRuns: 3000 });
  });
});
