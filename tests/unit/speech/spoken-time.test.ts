import fc from 'fast-check';
import { clockTime, spokenClock, spokenTime, withoutIcu, writtenTime } from '../../../lambda/src/speech/spoken-time';

describe('spokenTime', () => {
  const now = new Date('2026-12-01T14:00:00Z');

  it.each([
    ['2026-12-01T13:40:00Z', '20 minutes ago'],
    ['2026-12-01T12:00:00Z', '2 hours ago'],
    ['2026-12-01T08:00:00Z', 'today at 8 AM'],
    ['2026-11-30T10:00:00Z', 'yesterday at 10 AM'],
    ['2026-11-30T14:05:00Z', 'yesterday at 2:05 PM'],
    ['2026-11-20T09:12:00Z', 'on November 20 at 9:12 AM'],
  ])('says %s as people say it: %s', (at, words) => {
    expect(spokenTime(new Date(at), now, 'en-US', 'UTC')).toBe(words);
  });

  it('says a time just after midnight on a 12-hour clock, not as 00', () => {
    // Prepare: 00:23 in UTC, seven hours after the moment it is said of.
    const at = new Date('2026-12-01T00:23:00Z');
    const later = new Date('2026-12-01T07:30:00Z');

    // Act
    const said = spokenTime(at, later, 'en-US', 'UTC');

    // Assess
    expect(said).toBe('today at 12:23 AM');
  });

  it('says the day in the team\'s time zone', () => {
    // 23:30 UTC on November 30 is already December 1 in Berlin.
    expect(spokenTime(new Date('2026-11-30T23:30:00Z'), new Date('2026-12-01T09:00:00Z'), 'en-US', 'Europe/Berlin')).toBe('today at 12:30 AM');
  });

  it('keeps a 24-hour clock for a locale that says times that way', () => {
    expect(spokenClock(new Date('2026-11-30T14:05:00Z'), 'de-DE', 'UTC')).toBe('14:05');
  });
});

describe('writtenTime', () => {
  it('writes the exact moment with its zone, for a card', () => {
    expect(writtenTime(new Date('2026-12-01T08:00:00Z'), 'en-US', 'Europe/Berlin')).toBe('December 1, 2026 at 9:00 AM (Europe/Berlin)');
  });
});

describe('times said without ICU (en-US in UTC)', () => {
  // The reference: what ICU itself says, with the options spoken-time.ts gives it.
  const icuTime = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'UTC' });
  const icuWritten = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
  const spokenIcuTime = (at: Date) => plain(icuTime.format(at)).replace(/:00(?= )/, '');
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
      expect(clockTime(at, 'en-US', 'UTC')).toBe(plain(icuTime.format(at)));
    }), { numRuns: 2000 });
  });

  it('writes a moment for a card exactly as ICU does', () => {
    fc.assert(fc.property(instant, (at) => {
      expect(writtenTime(at, 'en-US', 'UTC')).toBe(`${plain(icuWritten.format(at))} (UTC)`);
    }), { numRuns: 2000 });
  });

  it('says a date more than a day back exactly as ICU does', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 2, max: 400 }), (at, daysLater) => {
      const now = new Date(at.getTime() + daysLater * 86_400_000 + 3_600_000);
      const said = spokenTime(at, now, 'en-US', 'UTC');
      expect(said).toBe(`on ${icuDate.format(at)} at ${spokenIcuTime(at)}`);
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
