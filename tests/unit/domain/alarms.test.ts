import { alarmSetKey, readAlarms, type Alarm } from '../../../lambda/src/domain/alarms';

const alarm = (name: string, state: string): Alarm => ({ name, kind: 'metric', state, since: new Date('2026-11-26T13:00:00Z') });

describe('readAlarms', () => {
  it('counts only ALARM as firing, and a name CloudWatch left out as missing', () => {
    const reading = readAlarms(['a', 'b', 'c', 'd'], [alarm('a', 'ALARM'), alarm('b', 'OK'), alarm('c', 'INSUFFICIENT_DATA')]);

    expect(reading.firing.map((a) => a.name)).toEqual(['a']);
    expect(reading.missing).toEqual(['d']);
  });

  it('ignores alarms that were not asked for, and names asked twice', () => {
    expect(readAlarms(['a', 'a'], [alarm('a', 'ALARM'), alarm('z', 'ALARM')])).toEqual({ firing: [alarm('a', 'ALARM')], missing: [] });
  });
});

describe('alarmSetKey', () => {
  it('is the same for the same alarms in any order, and differs for another set', () => {
    expect(alarmSetKey([alarm('a', 'ALARM'), alarm('b', 'ALARM')])).toBe(alarmSetKey([alarm('b', 'ALARM'), alarm('a', 'ALARM')]));
    expect(alarmSetKey([alarm('a', 'ALARM')])).not.toBe(alarmSetKey([alarm('a', 'ALARM'), alarm('b', 'ALARM')]));
  });
});
