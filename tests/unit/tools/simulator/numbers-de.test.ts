import { numToWord } from 'num-words-de';
import { spokenNumber } from '../../../../tools/simulator/numbers';

/** Every number below 2 000, then every 211th up to 999 999: both ends of each part and a spread between. */
const SAMPLE = [...Array.from({ length: 2000 }, (_, n) => n), ...Array.from({ length: 4730 }, (_, i) => 2000 + i * 211)];

describe('spokenNumber in German', () => {
  it.each([
    ['null', '0'],
    ['eins', '1'],
    ['ein', '1'],
    ['eine', '1'],
    ['zwo', '2'],
    ['zwölf', '12'],
    ['dreizehn', '13'],
    ['zwanzig', '20'],
    ['einundzwanzig', '21'],
    ['ein und zwanzig', '21'],
    ['siebenundvierzig', '47'],
    ['dreißig', '30'],
    ['hundert', '100'],
    ['einhundert', '100'],
    ['ein hundert', '100'],
    ['zweihundertfünf', '205'],
    ['zwei hundert fünf', '205'],
    ['hundertundeins', '101'],
    ['tausend', '1000'],
    ['eintausend', '1000'],
    ['tausendundeins', '1001'],
    ['zweitausendvierundzwanzig', '2024'],
    ['neunzehnhundertvierundachtzig', '1984'],
    ['hunderttausend', '100000'],
    ['einhunderteintausend', '101000'],
    ['neunhundertneunundneunzigtausendneunhundertneunundneunzig', '999999'],
    ['2 tausend', '2000'],
    ['Fünfzehn', '15'],
  ])('turns "%s" into %s', (spoken, digits) => {
    // Act
    const value = spokenNumber(spoken, 'de-DE');
    // Assess
    expect(value).toBe(digits);
  });

  it.each([
    ['vier sieben eins eins', '4711'],
    ['siebenundvierzig elf', '4711'],
    ['sieben und vierzig elf', '4711'],
    ['null vier eins eins', '0411'],
    ['null null sieben', '007'],
    ['zwanzig vierundzwanzig', '2024'],
    ['vierzig sieben', '407'],
    ['4711', '4711'],
    ['47 elf', '4711'],
  ])('joins the digit run or pairs "%s" into %s', (spoken, digits) => {
    // Act
    const value = spokenNumber(spoken, 'de-DE');
    // Assess
    expect(value).toBe(digits);
  });

  it.each([
    'checkout', 'fünf äpfel', 'und', 'hundert und', 'eins und zwanzig', 'einshundert', 'einstausend', 'eine hundert',
    'nullhundert', 'zwanzig und', 'vierzehn tage', 'four seven one one', '',
  ])('finds no number in "%s"', (spoken) => {
    // Act
    const value = spokenNumber(spoken, 'de-DE');
    // Assess
    expect(value).toBeUndefined();
  });

  it('reads every number num-words-de writes, as one word and split at und, hundert and tausend', () => {
    // Prepare: num-words-de writes 101 000 as "einhunderteinstausend", which is not German ("einhunderteintausend",
    // in the table above); those are left out. It writes nothing for zero.
    const cases = SAMPLE.filter((n) => n > 0).map((n) => ({ n, word: numToWord(n).toLowerCase() })).filter(({ word }) => !word.includes('einstausend'));
    // Act
    const wrong = cases.flatMap(({ n, word }) => {
      const split = word.replace(/(hundert|tausend|und)/g, ' $1 ');
      return [word, split].filter((said) => spokenNumber(said, 'de-DE') !== String(n)).map((said) => `${said} → ${spokenNumber(said, 'de-DE')}, not ${n}`);
    });
    // Assess
    expect(cases.length).toBeGreaterThan(6000);
    expect(wrong).toEqual([]);
  });

  it('reads English words as not a number, and German ones only in German', () => {
    // Act & Assess
    expect(spokenNumber('vier sieben eins eins')).toBeUndefined();
    expect(spokenNumber('four seven one one', 'de-DE')).toBeUndefined();
    expect(spokenNumber('four seven one one', 'en-GB')).toBe('4711');
  });
});
