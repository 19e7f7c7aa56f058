/** Statistics and the printed table of `npm run bench`. Numbers are printed for people; nothing here asserts. */

/** The q-quantile (0..1) by the nearest-rank method: a value that was actually measured. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/**
 * Each round's skill sample over the baseline sample measured right beside it. The machine's speed drifts from
 * round to round (a shared host); a pair shares its round's speed, so the spread of these ratios shows how much of
 * a ratio of medians is the machine rather than the code.
 */
export function pairedRatios(skill: readonly number[], baseline: readonly number[]): number[] {
  if (skill.length !== baseline.length) throw new Error('paired ratios need one baseline sample per skill sample');
  return skill.map((value, i) => value / (baseline[i] as number));
}

/** "0.80× (middle half 0.74–0.88×)": the median paired ratio and its interquartile range. */
export function describeRatios(ratios: readonly number[]): string {
  const x = (value: number) => value.toFixed(2);
  return `${x(median(ratios))}× (middle half ${x(quantile(ratios, 0.25))}–${x(quantile(ratios, 0.75))}×)`;
}

export interface Row {
  readonly label: string;
  readonly skill: number;
  readonly baseline?: number;
  readonly unit: 'ms' | 'MiB' | 'KiB';
  /** The most skill/baseline (or, without a ratio, the most absolute value) this row should show; absent: no target. */
  readonly target?: { readonly kind: 'ratio' | 'absolute'; readonly max: number };
}

const format = (value: number | undefined, unit: Row['unit']) => {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  return `${value.toFixed(unit === 'MiB' ? 2 : 0)} ${unit}`;
};

function verdict(row: Row): string {
  if (row.target === undefined) return '';
  const { kind, max } = row.target;
  const value = kind === 'ratio' ? row.skill / (row.baseline ?? Number.NaN) : row.skill;
  const bound = kind === 'ratio' ? `≤ ${max}×` : `≤ ${format(max, row.unit)}`;
  return `${bound} ${value <= max ? 'met' : 'NOT met'}`;
}

/** A Markdown table, so that a run can be pasted into BENCHMARKS.md as it is. */
export function table(rows: readonly Row[]): string {
  const lines = [
    ['', 'push-to-prod', 'naive baseline', 'skill/baseline', 'target'],
    ['---', '---:', '---:', '---:', '---'],
    ...rows.map((row) => [
      row.label,
      format(row.skill, row.unit),
      format(row.baseline, row.unit),
      row.baseline === undefined ? '' : `${(row.skill / row.baseline).toFixed(2)}×`,
      verdict(row),
    ]),
  ];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
