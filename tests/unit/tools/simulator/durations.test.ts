import { spokenDuration } from '../../../../tools/simulator/durations';
import { filledSlot, isKnownValue } from '../../../../tools/simulator/slots';
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
    ['one hundred and five days', 'P105D'],
    ['a week and a day', 'P1W1D'],
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

describe('spokenDuration in German', () => {
  it.each([
    ['vierzehn Tage', 'P14D'],
    ['vierzehn Tagen', 'P14D'],
    ['ein Tag', 'P1D'],
    ['einen Tag', 'P1D'],
    ['eine Woche', 'P1W'],
    ['zwei Wochen', 'P2W'],
    ['zwei Wochen und drei Tage', 'P2W3D'],
    ['einundzwanzig Tage', 'P21D'],
    ['ein und zwanzig Tage', 'P21D'],
    ['zwei Wochen und ein und zwanzig Tage', 'P2W21D'],
    ['sechs Monaten', 'P6M'],
    ['ein Monat', 'P1M'],
    ['einem Jahr', 'P1Y'],
    ['sieben Jahre', 'P7Y'],
    ['fünf Stunden zehn Minuten', 'PT5H10M'],
    ['eine Stunde', 'PT1H'],
    ['fünfundvierzig Sekunden', 'PT45S'],
    ['zwei Jahre drei Stunden zehn Minuten', 'P2YT3H10M'],
    ['ein Tag und zwölf Stunden', 'P1DT12H'],
    ['90 Tage', 'P90D'],
  ])('turns "%s" into %s', (spoken, iso) => {
    expect(spokenDuration(spoken, 'de-DE')).toBe(iso);
  });

  it.each([
    'Tage', 'vierzehn', 'diese Woche', 'zehn Minuten fünf Stunden', 'zwei Tage drei Tage', 'viele Tage', 'und zwei Tage',
    'zwei Tage und', 'fourteen days', '',
  ])('finds no duration in "%s"', (spoken) => {
    expect(spokenDuration(spoken, 'de-DE')).toBeUndefined();
  });
});

describe('spokenDuration in French', () => {
  it.each([
    ['quatorze jours', 'P14D'],
    ['un jour', 'P1D'],
    ['une semaine', 'P1W'],
    ['deux semaines', 'P2W'],
    ['deux semaines et trois jours', 'P2W3D'],
    ['vingt et un jours', 'P21D'],
    ['une semaine et vingt et un jours', 'P1W21D'],
    ['quatre-vingt-dix jours', 'P90D'],
    ['six mois', 'P6M'],
    ['un an', 'P1Y'],
    ['deux ans', 'P2Y'],
    ['deux années', 'P2Y'],
    ['cinq heures dix minutes', 'PT5H10M'],
    ['une heure', 'PT1H'],
    ['quarante-cinq secondes', 'PT45S'],
    ['deux ans trois heures et dix minutes', 'P2YT3H10M'],
    ['un jour et douze heures', 'P1DT12H'],
  ])('turns "%s" into %s', (spoken, iso) => {
    expect(spokenDuration(spoken, 'fr-FR')).toBe(iso);
  });

  it.each([
    'jours', 'quatorze', 'cette semaine', 'dix minutes cinq heures', 'deux jours trois jours', 'beaucoup de jours',
    'et deux jours', 'deux jours et', 'fourteen days', '',
  ])('finds no duration in "%s"', (spoken) => {
    expect(spokenDuration(spoken, 'fr-FR')).toBeUndefined();
  });
});

describe('filledSlot and isKnownValue in the locale\'s language', () => {
  it.each([
    ['de-DE', 'AMAZON.DURATION', 'zwei Wochen und drei Tage', 'P2W3D'],
    ['fr-FR', 'AMAZON.DURATION', 'quatorze jours', 'P14D'],
    ['de-DE', 'AMAZON.FOUR_DIGIT_NUMBER', 'vier sieben eins eins', '4711'],
    ['fr-FR', 'AMAZON.FOUR_DIGIT_NUMBER', 'quarante-sept onze', '4711'],
    ['de-DE', 'AMAZON.DURATION', 'fourteen days', '?'],
    ['en-US', 'AMAZON.DURATION', 'vierzehn Tage', '?'],
  ])('in %s fills %s "%s" with %s', (locale, type, spoken, value) => {
    // Prepare
    const model = fixtureModel();
    // Act
    const slot = filledSlot(model, SKILL_ID, 'value', type, spoken, locale);
    const known = isKnownValue(model, type, spoken, locale);
    // Assess
    expect(slot.value).toBe(value);
    expect(known).toBe(value !== '?');
  });
});

describe('spokenDuration with decomposed accents', () => {
  it('reads "années" and "fünf" typed with combining marks as their composed spellings (normalise composes them)', () => {
    // Act & Assess
    expect(spokenDuration('deux anne\u0301es', 'fr-FR')).toBe('P2Y');
    expect(spokenDuration('fu\u0308nf Tage', 'de-DE')).toBe('P5D');
  });
});
