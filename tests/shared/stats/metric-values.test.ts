import { describe, expect, it } from 'vitest';
import { emptySample, type Metric, type Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';
import { gatherMetric, metricAt, metricValue, scatterMetric } from '../../../shared/stats/metric-values';

const samples: Sample[] = [
  // cold
  { ...emptySample('a'), initMs: 100.5, durationMs: 2.5, billedMs: 3, maxMemoryUsedMB: 64 },
  // warm, no memory figure
  { ...emptySample('a'), durationMs: 4, billedMs: 5 },
  // SnapStart restore
  { ...emptySample('a'), restoreMs: 400, durationMs: 7, billedMs: 8, maxMemoryUsedMB: 70 },
  // init and restore both (never from Lambda, but the rule adds both)
  { ...emptySample('a'), initMs: 10, restoreMs: 20, durationMs: 1, billedMs: 2, maxMemoryUsedMB: 0 },
];
const columns = columnsFromSamples(samples);
const METRICS: Metric[] = ['init', 'duration', 'total', 'billed', 'maxmemory'];
const all = Int32Array.from(samples.keys());

describe('metric values from columns', () => {
  it.each(METRICS)('%s: metricAt equals metricValue, NaN where it is null', (metric) => {
    samples.forEach((sample, row) => {
      const expected = metricValue(sample, metric);
      expect(metricAt(columns, row, metric)).toBe(expected ?? NaN);
    });
  });

  it('adds init and restore to the duration for total', () => {
    expect([0, 1, 2, 3].map((row) => metricAt(columns, row, 'total'))).toEqual([103, 4, 407, 31]);
  });

  it.each(METRICS)('%s: gatherMetric appends the values of the rows asked for, from `at` on', (metric) => {
    const rows = Int32Array.from([3, 1, 0, 2]);
    const out = new Float64Array(10).fill(-1);
    const expected = [...rows]
      .map((r) => metricValue(samples[r] as Sample, metric))
      .filter((v): v is number => v !== null);
    const written = gatherMetric(columns, rows, metric, out, 2);
    expect(written).toBe(expected.length);
    expect([...out]).toEqual([-1, -1, ...expected, ...Array(8 - expected.length).fill(-1)]);
  });

  it.each(METRICS)(
    '%s: scatterMetric writes each row at the cursor of its group, in row order, leaving out rows without one',
    (metric) => {
      // Rows 0 and 2 in set group 1, rows 1 and 3 in set group 0; set groups 0 and 1 are groups 1 and 0.
      const groupOf = Int32Array.from([1, 0, 1, 0]);
      const groupIndex = Int32Array.from([1, 0]);
      const cursor = Int32Array.from([1, 6]);
      const out = new Float64Array(10).fill(-1);
      scatterMetric(columns, groupOf, groupIndex, metric, out, cursor);
      const valuesOf = (rows: number[]) =>
        rows.map((r) => metricValue(samples[r] as Sample, metric)).filter((v): v is number => v !== null);
      const first = valuesOf([0, 2]);
      const second = valuesOf([1, 3]);
      expect([...cursor]).toEqual([1 + first.length, 6 + second.length]);
      expect([...out.subarray(1, 1 + first.length)]).toEqual(first);
      expect([...out.subarray(6, 6 + second.length)]).toEqual(second);
      expect(out[0]).toBe(-1);
      expect(out[6 + second.length]).toBe(-1);
    },
  );

  it('gathers only the given rows, and nothing for no rows', () => {
    const out = new Float64Array(4);
    expect(gatherMetric(columns, Int32Array.from([2]), 'billed', out, 0)).toBe(1);
    expect(out[0]).toBe(8);
    expect(gatherMetric(columns, new Int32Array(0), 'total', out, 0)).toBe(0);
    expect(gatherMetric(columns, all, 'init', out, 0)).toBe(2);
    expect([...out.subarray(0, 2)]).toEqual([100.5, 10]);
  });

  it('leaves out values that are not finite', () => {
    const odd = columnsFromSamples([
      { ...emptySample('x'), durationMs: Infinity, billedMs: 1 },
      { ...emptySample('x'), initMs: Infinity, durationMs: 1, billedMs: 1 },
      { ...emptySample('x'), durationMs: 3, billedMs: 1 },
    ]);
    const rows = Int32Array.from([0, 1, 2]);
    const out = new Float64Array(3);
    expect(gatherMetric(odd, rows, 'duration', out, 0)).toBe(2);
    expect([...out.subarray(0, 2)]).toEqual([1, 3]);
    expect(gatherMetric(odd, rows, 'total', out, 0)).toBe(1);
    expect(out[0]).toBe(3);
    expect(metricAt(odd, 0, 'duration')).toBeNaN();
    expect(metricAt(odd, 1, 'total')).toBeNaN();
    expect(metricAt(odd, 1, 'init')).toBeNaN();
  });
});
