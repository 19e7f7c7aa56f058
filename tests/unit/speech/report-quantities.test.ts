import type { DeliveryMetrics } from '../../../lambda/src/domain/delivery-report';
import { cardRate, CARD_TEXT_LIMIT, fitCardContent, worstFailing } from '../../../lambda/src/speech/report-quantities';

const MINUTE = 60_000;
const base: DeliveryMetrics = {
  start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-30T00:00:00Z'), days: 7, releases: 10, succeeded: 8, failed: 2,
  rolledBack: 0, running: 0, changeFailureRate: 0.2, restoresMs: [30 * MINUTE], unrestored: 0, pipelineRunsMs: [], complete: true,
};
const row = (name: string, metrics: Partial<DeliveryMetrics>) => ({ name, metrics: { ...base, ...metrics } });

describe('which service fared worst, in every language', () => {
  it('is the one with the highest change failure rate, whatever the order of the rows', () => {
    const rows = [row('a', { changeFailureRate: 0.1 }), row('b', { changeFailureRate: 0.5 }), row('c', { changeFailureRate: 0.3 })];
    expect(worstFailing(rows)?.name).toBe('b');
    expect(worstFailing([...rows].reverse())?.name).toBe('b');
  });

  it('on a tie, the one that failed more often, then the one slower to restore, a failure never restored slowest', () => {
    expect(worstFailing([row('a', { failed: 2 }), row('b', { failed: 3 })])?.name).toBe('b');
    expect(worstFailing([row('a', { restoresMs: [90 * MINUTE] }), row('b', { restoresMs: [10 * MINUTE] })])?.name).toBe('a');
    expect(worstFailing([row('a', { restoresMs: [90 * MINUTE] }), row('b', { unrestored: 1, restoresMs: [] })])?.name).toBe('b');
  });

  it('is none when nothing failed', () => {
    expect(worstFailing([row('a', { failed: 0, changeFailureRate: 0 })])).toBeUndefined();
  });
});

describe('the card\'s rate', () => {
  it.each([
    [{ succeeded: 21, days: 7 }, 'day', 3],
    [{ succeeded: 3, days: 7 }, 'week', 3],
    [{ succeeded: 1, days: 3 }, 'day', 1 / 3],
    [{ succeeded: 0, days: 0 }, 'day', 0],
  ])('%o is given per %s', (metrics, per, value) => {
    expect(cardRate({ ...base, ...metrics })).toEqual({ per, value });
  });
});

describe('what fits on a card', () => {
  const blocks = (rows: number) => ({
    head: 'head', rows: Array.from({ length: rows }, (_, i) => `row ${i} ${'x'.repeat(90)}`), left: ['left out: billing'], footer: 'footer', more: (n: number) => `${n} more`,
  });

  it('keeps everything when title and content fit', () => {
    expect(fitCardContent('Title', blocks(3))).toBe(['head', ...blocks(3).rows, 'left out: billing', 'footer'].join('\n\n'));
  });

  it('drops rows from the end, and the footer, until title and content fit, keeping what was left out and saying how many went', () => {
    const title = 'T'.repeat(500);
    const text = fitCardContent(title, blocks(200));
    expect(title.length + text.length).toBeLessThanOrEqual(CARD_TEXT_LIMIT);
    expect(text).toMatch(/\n\nrow 0 /);
    expect(text).toMatch(/\n\n\d+ more\n\nleft out: billing$/);
    expect(text).not.toContain('footer');
  });
});
