import { spokenClock, spokenTime, writtenTime } from '../../../lambda/src/speech/spoken-time';

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
