import { spokenTime } from '../../../lambda/src/speech/spoken-time';

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
