import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySample, MetricSchema, type Arch, type Sample } from '../../shared/sample';
import { type SampleColumns } from '../../shared/sample-columns';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { groupStats } from '../../shared/stats/group-stats';
import { computeBoxes, groupSamples } from '../../renderer/src/analysis/boxes';
import { combosOf } from '../../renderer/src/analysis/combos';
import { gatherMetric, metricAt, metricValue } from '../../shared/stats/metric-values';
import { orderByKeys, SelectionList } from '../../renderer/src/analysis/sample-order';
import { selectRows, withTags } from '../../renderer/src/analysis/selection';
import {
  APPEND_INTERVAL_MS,
  createTestWorkspace,
  type Dataset,
  type Filters,
  type Workspace,
} from '../../renderer/src/state/workspace';

const METRICS = MetricSchema.options;

const sample = (
  name: string,
  arch: Arch | null,
  memoryMB: number | null,
  initMs: number | null,
  more: Partial<Sample> = {},
): Sample => ({
  ...emptySample(name),
  arch,
  memoryMB,
  initMs,
  durationMs: 10 + (initMs ?? 1) / 10,
  billedMs: 11,
  maxMemoryUsedMB: 64,
  ...more,
});

const noFilters = (): Filters => ({
  hiddenDatasets: new Set(),
  hiddenFunctions: new Set(),
  hiddenArchs: new Set(),
  hiddenMemories: new Set(),
});

function addDataset(ws: Workspace, name: string, samples: Sample[]): Dataset {
  const id = ws.addDataset({ name, source: 'import', columns: columnsFromSamples(samples) });
  return ws.dataset(id)!;
}

// Interleaved the way a real file is not (every row another combination), with warm starts, SnapStart
// restores, rows without arch or memory, and a value that is not a number.
const MIXED: Sample[] = [
  sample('a', 'x86_64', 128, 100),
  sample('b', null, 128, 50),
  sample('a', 'x86_64', 128, null), // warm
  sample('a', 'arm64', 1024, 90, { restoreMs: 20 }),
  sample('b', null, null, 55),
  sample('a', 'x86_64', 128, 120, { restoreMs: 5 }),
  sample('b', null, 128, null, { durationMs: 3 }), // warm
  sample('a', null, 128, 130),
  sample('b', null, 128, 60, { maxMemoryUsedMB: null }),
];

describe('metrics read from the columns', () => {
  it('follow the shared metricValue for every metric, warm starts and restores included', () => {
    const columns = columnsFromSamples(MIXED);
    const all = Int32Array.from(MIXED.keys());
    for (const metric of METRICS) {
      const expected = MIXED.map((s) => metricValue(s, metric)).filter((v): v is number => v !== null);
      const out = new Float64Array(MIXED.length + 2);
      const n = gatherMetric(columns, all, metric, out, 2);
      expect([...out.subarray(2, 2 + n)], metric).toEqual(expected);
      expect(
        MIXED.map((_, i) => metricAt(columns, i, metric)),
        metric,
      ).toEqual(MIXED.map((s) => metricValue(s, metric) ?? NaN));
    }
  });

  it('leave out values that are not finite', () => {
    const columns = columnsFromSamples([sample('a', null, null, 1), sample('a', null, null, 2)]);
    const broken: SampleColumns = { ...columns, initMs: Float64Array.of(Infinity, 2) };
    const out = new Float64Array(2);
    expect(gatherMetric(broken, Int32Array.of(0, 1), 'init', out, 0)).toBe(1);
    expect(out[0]).toBe(2);
    expect(metricAt(broken, 0, 'total')).toBeNaN();
  });
});

describe('combinations of the columns', () => {
  it('partition the rows by name, own arch and own memory, rows ascending', () => {
    const combos = combosOf(columnsFromSamples(MIXED));
    expect(combos.map((c) => [c.name, c.arch, c.memoryMB, [...c.rows]])).toEqual([
      ['a', 'x86_64', 128, [0, 2, 5]],
      ['b', null, 128, [1, 6, 8]],
      ['a', 'arm64', 1024, [3]],
      ['b', null, null, [4]],
      ['a', null, 128, [7]],
    ]);
  });

  it('keeps many memory sizes apart (beyond the short list) and scans each columns object once', () => {
    const samples = Array.from({ length: 60 }, (_, i) => sample('f', 'arm64', 128 + 64 * (i % 30), i));
    const columns = columnsFromSamples(samples);
    const combos = combosOf(columns);
    expect(combos).toHaveLength(30);
    expect(combos.map((c) => c.memoryMB)).toEqual(Array.from({ length: 30 }, (_, i) => 128 + 64 * i));
    expect(combos.every((c, i) => c.rows[0] === i && c.rows[1] === i + 30)).toBe(true);
    expect(combosOf(columns)).toBe(combos);
  });
});

describe('grouping on columns', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = createTestWorkspace();
  });

  it('equals the shared groupStats of the samples with tags and corrections applied', () => {
    const lists: Record<string, Sample[]> = {
      first: MIXED,
      second: [sample('a', null, 128, 140), sample('b', 'x86_64', 128, 70), sample('c', null, 512, 30)],
    };
    const first = addDataset(ws, 'first', lists.first!);
    const second = addDataset(ws, 'second', lists.second!);
    ws.setTags(first.id, { arch: 'arm64', memoryMB: 2048 });
    ws.setTags(second.id, { arch: 'x86_64' });
    ws.setFunctionOverride(first.id, 'b', { arch: 'x86_64' });
    const datasets = ws.state.datasets;
    const asExported = datasets.flatMap((d) => lists[d.name]!.map((s) => withTags(s, d)));
    for (const metric of METRICS) {
      const boxes = computeBoxes(datasets, noFilters(), metric);
      const shared = groupStats(asExported, ['name', 'arch', 'memory'], metric);
      expect(
        boxes.map((b) => [b.name, b.arch, b.memoryMB, b.stats]),
        metric,
      ).toEqual(shared.map((g) => [g.group.name, g.group.arch, g.group.memory, g.stats]));
    }
  });

  it('leaves warm samples out of init, not out of duration', () => {
    addDataset(ws, 'mixed', MIXED);
    const n = (metric: 'init' | 'duration') =>
      Object.fromEntries(computeBoxes(ws.state.datasets, noFilters(), metric).map((b) => [b.key, b.stats.n]));
    expect(n('init')['a|x86_64|128']).toBe(2);
    expect(n('duration')['a|x86_64|128']).toBe(3);
    expect(n('init')['b|unknown|128']).toBe(2);
    expect(n('duration')['b|unknown|128']).toBe(3);
    // A group with warm starts only has no init box at all.
    addDataset(ws, 'warm', [sample('w', 'arm64', 128, null)]);
    expect(n('init')['w|arm64|128']).toBeUndefined();
    expect(n('duration')['w|arm64|128']).toBe(1);
  });

  it("merges a function's rows that a correction or a tag gives the same arch and memory", () => {
    const d = addDataset(ws, 'mixed', MIXED);
    ws.setFunctionOverride(d.id, 'a', { arch: 'arm64', memoryMB: 1024 });
    const groups = groupSamples(ws.state.datasets, noFilters());
    const a = groups.find((g) => g.name === 'a')!;
    expect(groups.filter((g) => g.name === 'a')).toHaveLength(1);
    expect([a.key, a.count, a.parts.length]).toEqual(['a|arm64|1024', 5, 3]);
    ws.setTags(d.id, { memoryMB: 256 });
    expect(groupSamples(ws.state.datasets, noFilters()).map((g) => [g.key, g.count])).toEqual([
      ['a|arm64|1024', 5],
      ['b|unknown|128', 3],
      ['b|unknown|256', 1],
    ]);
  });

  it('applies the filters to the corrected values, and selects rows in file order', () => {
    const d = addDataset(ws, 'mixed', MIXED);
    ws.setTags(d.id, { arch: 'arm64' });
    const filters = noFilters();
    filters.hiddenArchs.add('x86_64');
    expect(computeBoxes(ws.state.datasets, filters, 'duration').map((b) => b.key)).toEqual([
      'a|arm64|128',
      'a|arm64|1024',
      'b|arm64|128',
      'b|arm64|unknown',
    ]);
    expect([...selectRows(ws.state.datasets, filters)[0]!.rows]).toEqual([1, 3, 4, 6, 7, 8]);
    // The correction moves a's x86_64 rows out of the hidden arch.
    ws.setFunctionOverride(d.id, 'a', { arch: 'arm64' });
    expect([...selectRows(ws.state.datasets, filters)[0]!.rows]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    filters.hiddenMemories.add('unknown');
    filters.hiddenFunctions.add('a');
    expect([...selectRows(ws.state.datasets, filters)[0]!.rows]).toEqual([1, 6, 8]);
    filters.hiddenDatasets.add(d.id);
    expect(selectRows(ws.state.datasets, filters)).toEqual([]);
    expect(computeBoxes(ws.state.datasets, filters, 'duration')).toEqual([]);
  });
});

describe('the sample table reads the columns', () => {
  it('pages across datasets and sorts by corrected values, unknown last either way', () => {
    const ws = createTestWorkspace();
    const one = addDataset(ws, 'one', [
      sample('b', 'x86_64', null, 30, { timestamp: '2026-01-01T10:00:00Z', status: 'success' }),
      sample('a', 'x86_64', 512, 10, { timestamp: '2026-01-01T09:00:00Z', status: 'error' }),
    ]);
    addDataset(ws, 'two', [sample('c', null, 128, null, { status: null })]);
    ws.setFunctionOverride(one.id, 'a', { memoryMB: 2048 });
    const list = new SelectionList(selectRows(ws.state.datasets, noFilters()));
    expect(list.total).toBe(3);
    expect([0, 1, 2].map((p) => [list.at(p).dataset.name, list.at(p).sample.name])).toEqual([
      ['one', 'b'],
      ['one', 'a'],
      ['two', 'c'],
    ]);
    const names = (order: Uint32Array) => [...order].map((p) => list.at(p).sample.name);
    expect(names(list.order('memory', false))).toEqual(['c', 'a', 'b']);
    expect(names(list.order('memory', true))).toEqual(['a', 'c', 'b']);
    expect(names(list.order('init', true))).toEqual(['b', 'a', 'c']);
    expect(names(list.order('name', true))).toEqual(['c', 'b', 'a']);
    expect(names(list.order('status', false))).toEqual(['a', 'b', 'c']);
    expect(names(list.order('timestamp', false))).toEqual(['a', 'b', 'c']);
    expect(names(list.order('arch', false))).toEqual(['c', 'b', 'a']);
    expect(names(list.order('dataset', true))).toEqual(['c', 'b', 'a']);
  });
});

describe('index order by keys', () => {
  /** The plain comparison sort it stands for: unknown last either way, equal keys in position order. */
  function reference(keys: Float64Array, descending: boolean): number[] {
    const dir = descending ? -1 : 1;
    return [...keys.keys()].sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      if (Number.isNaN(x)) return Number.isNaN(y) ? a - b : 1;
      if (Number.isNaN(y)) return -1;
      return (x - y) * dir || a - b;
    });
  }

  it('orders like the comparison sort, large (radix) and small, NaN, negatives, -0 and ties included', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const special = [NaN, -0, 0, -1.5, 1e-300, -1e300, 1e300, 5e-324, 42, 42, 0.1 + 0.2];
    for (const n of [10, 5000]) {
      const keys = Float64Array.from({ length: n }, (_, i) =>
        i < special.length ? special[i]! : rnd() < 0.1 ? NaN : Math.round((rnd() - 0.3) * 1000) / 10,
      );
      for (const descending of [false, true])
        expect([...orderByKeys(keys, descending)], `${n} ${descending}`).toEqual(reference(keys, descending));
    }
    // Every key equal: all passes skipped, positions kept.
    expect([...orderByKeys(new Float64Array(5000).fill(3), true)]).toEqual([...Array(5000).keys()]);
  });
});

describe('live appends', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('adds the first batch at once and gathers the ones that follow for one append', () => {
    vi.useFakeTimers();
    const ws = createTestWorkspace();
    const id = ws.addDataset({ name: 'run', source: 'run', columns: columnsFromSamples([]) });
    const d = ws.dataset(id)!;
    ws.appendSamples(id, [sample('a', 'arm64', 128, 1)]);
    expect([d.columns.length, d.version]).toEqual([1, 1]);
    ws.appendSamples(id, [sample('a', 'arm64', 128, 2)]);
    ws.appendSamples(id, [sample('a', 'arm64', 128, 3), sample('b', 'arm64', 128, 4)]);
    expect([d.columns.length, d.version]).toEqual([1, 1]);
    vi.advanceTimersByTime(APPEND_INTERVAL_MS);
    expect([d.columns.length, d.version]).toEqual([4, 2]);
    expect([...d.columns.initMs]).toEqual([1, 2, 3, 4]);
    ws.appendSamples(id, [sample('a', 'arm64', 128, 5)]);
    expect(d.columns.length).toBe(4);
    ws.flushSamples(id);
    expect([d.columns.length, d.version]).toEqual([5, 3]);
    // Nothing waiting for a removed dataset fires later.
    ws.appendSamples(id, [sample('a', 'arm64', 128, 6)]);
    ws.removeDataset(id);
    expect(() => vi.runAllTimers()).not.toThrow();
  });
});
