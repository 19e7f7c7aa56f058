import writtenNumber from 'written-number';
import { spokenNumber } from '../../../../tools/simulator/numbers';

/** Every number below 2 000, then every 211th up to 999 999: both ends of each part and a spread between. */
const SAMPLE = [...Array.from({ length: 2000 }, (_, n) => n), ...Array.from({ length: 4730 }, (_, i) => 2000 + i * 211)];

describe('spokenNumber in French', () => {
  it.each([
    ['zéro', '0'],
    ['un', '1'],
    ['une', '1'],
    ['seize', '16'],
    ['dix-sept', '17'],
    ['dix sept', '17'],
    ['vingt', '20'],
    ['vingt et un', '21'],
    ['vingt-deux', '22'],
    ['soixante-dix', '70'],
    ['soixante et onze', '71'],
    ['soixante-dix-neuf', '79'],
    ['quatre-vingts', '80'],
    ['quatre vingt un', '81'],
    ['quatre-vingt-dix-neuf', '99'],
    ['nonante', '90'],
    ['cent', '100'],
    ['cent un', '101'],
    ['deux cents', '200'],
    ['deux cent un', '201'],
    ['mille', '1000'],
    ['deux mille vingt-quatre', '2024'],
    ['dix-neuf cent quatre-vingt-quatre', '1984'],
    ['quatre-vingts mille', '80000'],
    ['deux cents mille', '200000'],
    ['neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf', '999999'],
    ['3 mille', '3000'],
  ])('turns "%s" into %s', (spoken, digits) => {
    // Act
    const value = spokenNumber(spoken, 'fr-FR');
    // Assess
    expect(value).toBe(digits);
  });

  it.each([
    ['quatre sept un un', '4711'],
    ['quarante-sept onze', '4711'],
    ['zéro quatre un un', '0411'],
    ['zéro zéro sept', '007'],
    ['vingt vingt-quatre', '2024'],
    ['4711', '4711'],
  ])('joins the digit run or pairs "%s" into %s', (spoken, digits) => {
    // Act
    const value = spokenNumber(spoken, 'fr-FR');
    // Assess
    expect(value).toBe(digits);
  });

  it.each([
    'checkout', 'cinq pommes', 'et', 'cents', 'vingts', 'un cent', 'un mille', 'deux cents un', 'cent et un',
    'cent et', 'zéro cent', 'quatorze jours', 'four seven one one', '',
  ])('finds no number in "%s"', (spoken) => {
    // Act
    const value = spokenNumber(spoken, 'fr-FR');
    // Assess
    expect(value).toBeUndefined();
  });

  it('reads every number written-number writes in French', () => {
    // Prepare
    const cases = SAMPLE.map((n) => ({ n, said: writtenNumber(n, { lang: 'fr' }) }));
    // Act
    const wrong = cases.filter(({ n, said }) => spokenNumber(said, 'fr-FR') !== String(n)).map(({ n, said }) => `${said} → ${spokenNumber(said, 'fr-FR')}, not ${n}`);
    // Assess
    expect(cases.length).toBeGreaterThan(6000);
    expect(wrong).toEqual([]);
  });
});
