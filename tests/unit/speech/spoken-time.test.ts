import { spokenTime } from '../../../lambda/src/speech/spoken-time';

describe('spokenTime', () => {
  it('says a time just after midnight as 00, not 24', () => {
    const now = new Date('2026-11-26T12:00:00Z');

    expect(spokenTime(new Date('2026-11-26T00:24:00Z'), now, 'en-US', 'UTC')).toBe('today at 00:24');
    expect(spokenTime(new Date('2026-11-20T00:05:00Z'), now, 'en-US', 'UTC')).toBe('on November 20 at 00:05');
  });
});
