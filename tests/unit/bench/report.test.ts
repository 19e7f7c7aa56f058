import { describeRatios, median, pairedRatios, quantile, table } from '../../../bench/report';

describe('the bench report', () => {
  it('takes quantiles by nearest rank, so every figure printed was measured', () => {
    // Prepare
    const samples = [40, 10, 30, 20];

    // Act
    const figures = [quantile(samples, 0.25), median(samples), quantile(samples, 0.75), quantile(samples, 0.99)];

    // Assess
    expect(figures).toEqual([10, 20, 30, 40]);
  });

  it('pairs each skill sample with the baseline sample of its round, and refuses samples that do not pair', () => {
    // Act
    const ratios = pairedRatios([10, 30, 20], [20, 30, 100]);

    // Assess
    expect(ratios).toEqual([0.5, 1, 0.2]);
    expect(describeRatios(ratios)).toBe('0.50× (middle half 0.20–1.00×)');
    expect(() => pairedRatios([1, 2], [1])).toThrow(/one baseline sample per skill sample/);
  });

  it('says whether each target is met, from the ratio or the absolute value', () => {
    // Act
    const printed = table([
      { label: 'cold', skill: 91, baseline: 100, unit: 'ms', target: { kind: 'ratio', max: 0.9 } },
      { label: 'warm', skill: 1.5, baseline: 0.5, unit: 'ms', target: { kind: 'absolute', max: 2 } },
    ]);

    // Assess
    expect(printed).toContain('| cold | 91.0 ms | 100.0 ms | 0.91× | ≤ 0.9× NOT met |');
    expect(printed).toContain('| warm | 1.50 ms | 0.50 ms | 3.00× | ≤ 2.00 ms met |');
  });
});
