import { numberWords as german, periodWords as germanPeriod } from '../../../lambda/src/speech/de-DE-report';
import { numberWords as french, periodWords as frenchPeriod } from '../../../lambda/src/speech/fr-FR-report';

describe('numbers in German and French words', () => {
  it.each([[0, 'null'], [1, 'eins'], [16, 'sechzehn'], [20, 'zwanzig'], [21, 'einundzwanzig'], [37, 'siebenunddreißig'], [71, 'einundsiebzig'], [99, 'neunundneunzig'], [100, '100']])(
    'says %d in German as "%s"', (n, words) => {
      expect(german(n)).toBe(words);
    },
  );

  it.each([[0, 'zéro'], [17, 'dix-sept'], [21, 'vingt et un'], [22, 'vingt-deux'], [70, 'soixante-dix'], [71, 'soixante et onze'], [80, 'quatre-vingts'], [81, 'quatre-vingt-un'], [99, 'quatre-vingt-dix-neuf'], [100, '100']])(
    'says %d in French as "%s"', (n, words) => {
      expect(french(n)).toBe(words);
    },
  );

  it('says periods back in each language, with the right case and gender', () => {
    expect(germanPeriod({ kind: 'last', amount: 14, unit: 'day' })).toBe('in den letzten vierzehn Tagen');
    expect(germanPeriod({ kind: 'last', amount: 1, unit: 'hour' })).toBe('in der letzten Stunde');
    expect(frenchPeriod({ kind: 'last', amount: 14, unit: 'day' })).toBe('les quatorze derniers jours');
    expect(frenchPeriod({ kind: 'last', amount: 1, unit: 'hour' })).toBe('la dernière heure');
    expect(frenchPeriod({ kind: 'named', name: 'last_week' })).toBe('la semaine dernière');
  });
});
