import { activeFreeze } from '../../../lambda/src/domain/freeze';

const FRIDAY_AFTERNOON = { days: ['fri' as const], from: '15:00', to: '24:00', reason: 'no deploys on Friday afternoon' };
const NIGHTS = { from: '20:00', to: '08:00', reason: 'nobody is awake to watch it' };
const freezes = [FRIDAY_AFTERNOON, NIGHTS];

// 2026-11-27 is a Friday.
const berlin = (isoLocal: string) => new Date(`${isoLocal}+01:00`);

describe('activeFreeze', () => {
  it('holds on Friday afternoon in the team time zone', () => {
    expect(activeFreeze(freezes, berlin('2026-11-27T15:30:00'), 'Europe/Berlin')).toBe(FRIDAY_AFTERNOON);
  });

  it('does not hold on Friday morning or Thursday afternoon', () => {
    expect(activeFreeze(freezes, berlin('2026-11-27T11:00:00'), 'Europe/Berlin')).toBeUndefined();
    expect(activeFreeze(freezes, berlin('2026-11-26T15:30:00'), 'Europe/Berlin')).toBeUndefined();
  });

  it('runs a night window past midnight', () => {
    expect(activeFreeze(freezes, berlin('2026-11-25T23:10:00'), 'Europe/Berlin')).toBe(NIGHTS);
    expect(activeFreeze(freezes, berlin('2026-11-26T07:59:00'), 'Europe/Berlin')).toBe(NIGHTS);
    expect(activeFreeze(freezes, berlin('2026-11-26T08:00:00'), 'Europe/Berlin')).toBeUndefined();
  });

  it('reads the day in the team time zone, not in UTC', () => {
    // 23:30 UTC on Thursday is already Friday 00:30 in Tokyo... and Friday is not frozen at 00:30 except by NIGHTS.
    expect(activeFreeze([FRIDAY_AFTERNOON], new Date('2026-11-27T06:30:00Z'), 'Asia/Tokyo')).toBe(FRIDAY_AFTERNOON);
    expect(activeFreeze([FRIDAY_AFTERNOON], new Date('2026-11-27T06:30:00Z'), 'Europe/Berlin')).toBeUndefined();
  });

  it('keeps a day-limited night window to the nights that start on its days', () => {
    const fridayNight = { days: ['fri' as const], from: '22:00', to: '06:00', reason: 'weekend' };
    expect(activeFreeze([fridayNight], berlin('2026-11-28T05:00:00'), 'Europe/Berlin')).toBe(fridayNight);
    expect(activeFreeze([fridayNight], berlin('2026-11-27T05:00:00'), 'Europe/Berlin')).toBeUndefined();
  });
});
