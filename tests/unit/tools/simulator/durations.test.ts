import { spokenDuration } from '../../../../tools/simulator/durations';
import { filledSlot } from '../../../../tools/simulator/slots';
import { fixtureModel, SKILL_ID } from './fake-skill';

describe('spokenDuration', () => {
  it.each([
    ['fourteen days', 'P14D'],
    ['ten minutes', 'PT10M'],
    ['five hours', 'PT5H'],
    ['three days', 'P3D'],
    ['forty five seconds', 'PT45S'],
    ['eight weeks', 'P8W'],
    ['seven years', 'P7Y'],
    ['two months', 'P2M'],
    ['five hours ten minutes', 'PT5H10M'],
    ['two years three hours ten minutes', 'P2YT3H10M'],
    ['a week', 'P1W'],
    ['one day and twelve hours', 'P1DT12H'],
  ])('turns "%s" into %s, as Alexa does', (spoken, iso) => {
    expect(spokenDuration(spoken)).toBe(iso);
  });

  it.each(['days', 'fourteen', 'this week', 'ten minutes five hours', 'two days three days', 'lots of days', ''])('finds no duration in "%s"', (spoken) => {
    expect(spokenDuration(spoken)).toBeUndefined();
  });

  it('fills an AMAZON.DURATION slot with the ISO value, or "?" for words it cannot make out', () => {
    const model = fixtureModel();

    expect(filledSlot(model, SKILL_ID, 'duration', 'AMAZON.DURATION', 'fourteen days').value).toBe('P14D');
    expect(filledSlot(model, SKILL_ID, 'duration', 'AMAZON.DURATION', 'a fortnight or so').value).toBe('?');
  });
});
