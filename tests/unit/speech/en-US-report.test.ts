import type { DeliveryMetrics } from '../../../lambda/src/domain/delivery-report';
import { named } from '../../../lambda/src/domain/report-period';
import { deDEReport } from '../../../lambda/src/speech/de-DE-report';
import { durationWords, enUSReport, failureWords, frequencyWords, numberWords, periodWords } from '../../../lambda/src/speech/en-US-report';
import { frFRReport } from '../../../lambda/src/speech/fr-FR-report';

const MINUTE = 60_000;

describe('numbers as people say them', () => {
  it.each([[0, 'zero'], [7, 'seven'], [19, 'nineteen'], [20, 'twenty'], [45, 'forty-five'], [99, 'ninety-nine'], [100, '100'], [2.5, '2.5']])('says %d as "%s"', (n, words) => {
    expect(numberWords(n)).toBe(words);
  });

  it.each([
    [20 * 1000, 'under a minute'], [MINUTE, 'a minute'], [40 * MINUTE, 'forty minutes'], [89 * MINUTE, 'eighty-nine minutes'],
    [90 * MINUTE, 'ninety minutes'], [100 * MINUTE, 'two hours'], [60 * MINUTE * 1.4, 'eighty-four minutes'], [30 * 60 * MINUTE, 'thirty hours'], [50 * 60 * MINUTE, 'two days'],
  ])('says %d ms as "%s"', (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });

  it.each([
    [21, 7, 'about three times a day'], [7, 7, 'about once a day'], [3, 7, undefined], [4, 14, 'about twice a week'],
    [1, 30, undefined], [5, 1, undefined], [0, 7, undefined], [10, 3.6, 'about three times a day'],
  ])('says %d releases in %d days as %j', (succeeded, days, words) => {
    expect(frequencyWords(succeeded, days)).toBe(words);
  });

  it.each([
    [1, 5, 'one in five releases failed'], [2, 10, 'one in five releases failed'], [2, 7, 'two of seven releases failed'],
    [3, 3, 'all three releases failed'], [2, 2, 'both releases failed'], [1, 1, 'the one release failed'],
    [3, 13, 'about one in four releases failed'], [9, 13, 'about seven in ten releases failed'],
  ])('says %d failed of %d as "%s"', (failed, releases, words) => {
    expect(failureWords(failed, releases)).toBe(words);
  });

  it('says periods back as they were asked for', () => {
    expect(periodWords({ kind: 'last', amount: 14, unit: 'day' })).toBe('the last fourteen days');
    expect(periodWords({ kind: 'last', amount: 1, unit: 'week' })).toBe('the last week');
    expect(periodWords({ kind: 'named', name: 'last_month' })).toBe('last month');
  });
});

describe('the spoken report', () => {
  const period = named('this_week', new Date('2026-11-26T14:00:00Z'), 'UTC');
  const row = (service: string, m: Partial<DeliveryMetrics>) => ({
    where: { service, environment: 'production' },
    metrics: {
      start: period.start, end: period.end, days: 3.58, releases: 4, succeeded: 3, failed: 1, rolledBack: 0, running: 0,
      changeFailureRate: 0.25, restoresMs: [30 * MINUTE], unrestored: 0, pipelineRunsMs: [], complete: true, ...m,
    },
  });

  it('names as worst, among equal failure rates, the one slowest to restore', () => {
    const words = enUSReport().report({
      period, leftOut: [],
      rows: [row('checkout', {}), row('billing', { restoresMs: [3 * 60 * MINUTE] }), row('search', { restoresMs: [50 * MINUTE] })],
    }).markup;

    expect(words).toContain('The worst was billing in production: one in four releases failed, restored in three hours.');
  });

  it('says which services it left out and why', () => {
    const words = enUSReport().report({
      period, rows: [row('checkout', {})],
      leftOut: [{ where: { service: 'billing', environment: 'production' }, reason: 'time' }, { where: { service: 'search', environment: 'staging' }, reason: 'error' }],
    }).markup;

    expect(words).toMatch(/I left out billing in production: AWS didn't answer in time\. I couldn't read search in staging\.$/);
  });

  it('counts rather than names a long list of services it left out', () => {
    const leftOut = ['a', 'b', 'c', 'd', 'e'].map((service) => ({ where: { service, environment: 'production' }, reason: 'time' as const }));

    const words = enUSReport().report({ period, rows: [row('checkout', {})], leftOut }).markup;

    expect(words).toMatch(/I left out five services and environments, named on the card: AWS didn't answer in time\.$/);
  });
});

describe('the report card', () => {
  const metrics: DeliveryMetrics = {
    start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-26T14:00:00Z'), days: 3.58, releases: 5, succeeded: 4, failed: 1,
    rolledBack: 0, running: 0, changeFailureRate: 0.2, restoresMs: [45 * MINUTE], unrestored: 0, pipelineRunsMs: [12 * MINUTE], complete: true,
  };
  const period = named('this_week', new Date('2026-11-26T14:00:00Z'), 'UTC');

  it.each([
    ['en-US', enUSReport, /… and \d+ more, too many for one card\./],
    ['de-DE', deDEReport, /… und \d+ weitere, zu viele für eine Karte\./],
    ['fr-FR', frFRReport, /… et \d+ de plus, trop pour une carte\./],
  ])('stays within Alexa\'s 8000 characters, title and text together, for any number of services, saying how many it left off (%s)', (_locale, report, more) => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ where: { service: `service-number-${i}`, environment: 'production' }, metrics }));

    const { title, text } = report().reportCard({ period, rows, leftOut: [] });

    expect(title.length + text.length).toBeLessThanOrEqual(8000);
    expect(text).toMatch(more);
    expect(text).toContain('service-number-0 ');
    expect(text.length).toBeGreaterThan(7000);

    // However many services AWS did not answer for: those lines stay, and the card is cut at the limit.
    const leftOut = Array.from({ length: 300 }, (_, i) => ({ where: { service: `late-${i}`, environment: 'production' }, reason: 'time' as const }));
    const crowded = report().reportCard({ period, rows, leftOut });
    expect(crowded.title.length + crowded.text.length).toBeLessThanOrEqual(8000);
  });

  it('says on the card when only the newest history could be read', () => {
    const { text } = enUSReport().reportCard({ period, rows: [{ where: { service: 'checkout', environment: 'production' }, metrics: { ...metrics, complete: false } }], leftOut: [] });

    expect(text).toContain('Only the newest history was read: counted from 2026-11-23 00:00 UTC, and rollbacks may be missing.');
  });
});
