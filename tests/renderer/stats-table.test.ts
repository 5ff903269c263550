import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { boxStats } from '../../shared/stats/group-stats';
import { boxKey, type Box } from '../../renderer/src/analysis/boxes';
import {
  cellValue,
  medianCiText,
  ratioTo,
  tableAsCsv,
  tableAsText,
} from '../../renderer/src/analysis/stats-table';
import StatsTable from '../../renderer/src/components/StatsTable.vue';
import type { RatioStat } from '../../renderer/src/state/workspace';

const box = (name: string, arch: string, values: number[]): Box => ({
  key: boxKey(name, arch, 1024),
  name,
  arch,
  memoryMB: 1024,
  values,
  stats: boxStats(values)!,
});

const al2 = box('al2', 'x86_64', [48, 50, 52]);
const node = box('node', 'x86_64', [160, 170, 180]);
const go = box('go', 'arm64', [25, 25, 25]);
const boxes = [al2, go, node];

describe('ratio to baseline', () => {
  it('says how many times slower or faster, at the chosen statistic', () => {
    expect(ratioTo(node, al2, 'median', 'ms').short).toBe('3.4× slower');
    expect(ratioTo(node, al2, 'median', 'ms').sentence).toBe(
      'node · x86_64 · 1024 MB 3.4× slower than al2 · x86_64 · 1024 MB at p50; ' +
        'too few samples for a 95% interval of the ratio',
    );
    expect(ratioTo(node, al2, 'median', 'ms').ci).toBeNull();
    expect(ratioTo(go, al2, 'median', 'ms').short).toBe('2.0× faster');
    expect(ratioTo(al2, al2, 'median', 'ms').short).toBe('baseline');
    expect(ratioTo(box('b', 'x86_64', [51]), al2, 'median', 'ms').short).toBe('same');
    expect(ratioTo(node, al2, 'median', 'MB').short).toBe('3.4× more');
  });

  it('copies as aligned text with sentences, and as CSV', () => {
    const text = tableAsText({ boxes, baseline: al2, stat: 'median', unit: 'ms' });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^function\s+arch\s+memory_mb\s+n\s+min\s+median/);
    expect(lines[0]).toContain('vs baseline (p50)');
    expect(text).toContain('node · x86_64 · 1024 MB 3.4× slower than al2 · x86_64 · 1024 MB at p50');
    const csv = tableAsCsv({ boxes, baseline: null, stat: 'median', unit: 'ms' }).trim().split('\n');
    expect(csv[0]).toBe(
      'function,arch,memory_mb,n,min,median,mean,p90,p95,p99,max,sd,median_ci_low,median_ci_high',
    );
    // Three values cannot give a 95% interval of the median: the cells stay empty.
    expect(csv[3]).toBe('node,x86_64,1024,3,160.0,170.0,170.0,178.0,179.0,179.8,180.0,10.00,,');
  });
});

// Ten values each: enough for intervals. `slow` is clearly twice `fast`; `fast2` overlaps `fast`.
const ten = (name: string, at: number, spread: number): Box =>
  box(
    name,
    'arm64',
    Array.from({ length: 10 }, (_, i) => at + (i - 4.5) * spread),
  );
const fast = ten('fast', 100, 4);
const fast2 = ten('fast2', 103, 4);
const slow = ten('slow', 200, 8);

describe('intervals in the table', () => {
  it('shows the ratio with its 95% interval, and "no clear difference" when the interval includes 1×', () => {
    const clear = ratioTo(slow, fast, 'median', 'ms');
    expect(clear.short).toBe('2.0× slower');
    expect(clear.ci![0]).toBeGreaterThan(1.7);
    expect(clear.ci![1]).toBeLessThan(2.3);
    expect(clear.sentence).toMatch(
      /2\.0× slower than fast · .* at p50; typical ratio 1\.\d\d–2\.\d\d× \(95% CI\)$/,
    );
    const unclear = ratioTo(fast2, fast, 'median', 'ms');
    expect(unclear.ci![0]).toBeLessThan(1);
    expect(unclear.ci![1]).toBeGreaterThan(1);
    expect(unclear.short).toBe('no clear difference');
    expect(unclear.sentence).toMatch(/shows no clear difference from fast · .* \(1\.03× at p50\)/);
  });

  it('gives the median interval of 10 values as the 2nd to the 9th value', () => {
    expect(medianCiText(fast)).toBe('86.00–114.0');
    const csv = tableAsCsv({ boxes: [fast, slow], baseline: fast, stat: 'median', unit: 'ms' }).split('\n');
    expect(csv[0]).toMatch(/,median_ci_low,median_ci_high,vs baseline \(p50\),ratio_ci_low,ratio_ci_high$/);
    expect(csv[2]).toMatch(/^slow,arm64,1024,10,.*,172\.0,228\.0,2\.0× slower,1\.\d{3},2\.\d{3}$/);
  });
});

describe('StatsTable', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows one row per box and the ratios once a baseline is picked', async () => {
    const wrapper = mount(StatsTable, {
      props: {
        boxes,
        unit: 'ms' as const,
        baseline: null as string | null,
        ratioStat: 'median' as RatioStat,
        'onUpdate:baseline': (v: string | null) => wrapper.setProps({ baseline: v }),
        'onUpdate:ratioStat': (v: RatioStat) => wrapper.setProps({ ratioStat: v }),
      },
    });
    const rows = wrapper.findAll('[data-testid=stats-row]');
    expect(rows.map((r) => r.findAll('td')[1]!.text())).toEqual(['al2', 'go', 'node']);
    expect(
      rows[2]!
        .findAll('td')
        .map((td) => td.text())
        .slice(4, 14),
    ).toEqual(['3', '160.0', '170.0', 'too few', '170.0', '178.0', '179.0', '179.8', '180.0', '10.00']);
    expect(wrapper.findAll('[data-testid=ratio]').every((r) => r.text() === '')).toBe(true);
    await rows[0]!.get('input[type=radio]').setValue(true);
    expect(wrapper.findAll('[data-testid=ratio]').map((r) => r.text())).toEqual([
      'baseline',
      '2.0× faster',
      '3.4× slower',
    ]);
    await wrapper.get('[data-testid=ratio-stat]').setValue('p99');
    expect(wrapper.props('ratioStat')).toBe('p99');
  });

  it('redraws a row when its box, the baseline or the ratios change (the rows are memoized)', async () => {
    const wrapper = mount(StatsTable, {
      props: { boxes, unit: 'ms', baseline: null as string | null, ratioStat: 'median' as RatioStat },
    });
    const rows = () => wrapper.findAll('[data-testid=stats-row]');
    const cells = () => rows().map((r) => r.findAll('td')[5]!.text());
    // Another metric, no baseline: new boxes of the same keys, new numbers in the same rows.
    const doubled = boxes.map((b) =>
      box(
        b.name,
        b.arch,
        Array.from(b.values, (v) => v * 2),
      ),
    );
    await wrapper.setProps({ boxes: doubled });
    expect(cells()).toEqual(doubled.map((b) => cellValue(b.stats, 'min')));
    expect(cells()).not.toEqual(boxes.map((b) => cellValue(b.stats, 'min')));
    const marked = () => rows().map((r) => r.classes('baseline') && r.findAll('td')[1]!.text());
    expect(marked()).toEqual([false, false, false]);
    await wrapper.setProps({ baseline: al2.key });
    expect(marked()).toEqual(['al2', false, false]);
    await wrapper.setProps({ baseline: null });
    expect(marked()).toEqual([false, false, false]);
  });

  it('sorts by any column, ascending then descending, and shows the median interval and ratio interval', async () => {
    const wrapper = mount(StatsTable, {
      props: { boxes: [slow, fast2, fast], unit: 'ms', baseline: fast.key, ratioStat: 'median' },
    });
    const names = (): string[] =>
      wrapper.findAll('[data-testid=stats-row]').map((r) => r.findAll('td')[1]!.text());
    expect(names()).toEqual(['slow', 'fast2', 'fast']);
    await wrapper.get('[data-testid=sort-median]').trigger('click');
    expect(names()).toEqual(['fast', 'fast2', 'slow']);
    expect(wrapper.get('[data-testid=sort-median]').element.closest('th')!.getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await wrapper.get('[data-testid=sort-median]').trigger('click');
    expect(names()).toEqual(['slow', 'fast2', 'fast']);
    await wrapper.get('[data-testid=sort-name]').trigger('click');
    expect(names()).toEqual(['fast', 'fast2', 'slow']);
    await wrapper.get('[data-testid=sort-ratio]').trigger('click');
    expect(names()).toEqual(['fast', 'fast2', 'slow']);
    expect(wrapper.findAll('[data-testid=median-ci]').map((c) => c.text())).toEqual([
      '86.00–114.0',
      '89.00–117.0',
      '172.0–228.0',
    ]);
    expect(wrapper.findAll('[data-testid=ratio]').map((r) => r.text())).toEqual([
      'baseline',
      'no clear difference',
      '2.0× slower',
    ]);
    const cis = wrapper.findAll('[data-testid=ratio-ci]').map((r) => r.text());
    expect(cis[0]).toBe('');
    expect(cis[1]).toMatch(/^0\.\d\d–1\.\d\d×$/);
    expect(cis[2]).toMatch(/^1\.\d\d–2\.\d\d×$/);
  });

  it('copies the table to the clipboard as text or CSV', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const wrapper = mount(StatsTable, {
      props: { boxes, unit: 'ms', baseline: al2.key, ratioStat: 'median' },
    });
    await wrapper.get('[data-testid=copy-csv]').trigger('click');
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]![0]).toContain('function,arch,memory_mb');
    expect(writeText.mock.calls[0]![0]).toContain('3.4× slower');
    await wrapper.get('[data-testid=copy-text]').trigger('click');
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[1]![0]).toContain('at p50');
    expect(wrapper.text()).toContain('Copied as text.');
  });
});

describe('StatsTable with many groups', () => {
  const many = Array.from({ length: 250 }, (_, i) =>
    box(`fn-${String(i).padStart(3, '0')}`, 'x86_64', [10 + i, 20 + i, 30 + i]),
  );

  it('draws the first 100 rows until asked for all, and sorts all of them', async () => {
    const wrapper = mount(StatsTable, {
      props: { boxes: many, unit: 'ms', baseline: null, ratioStat: 'median' },
    });
    const names = (): string[] =>
      wrapper.findAll('[data-testid=stats-row]').map((r) => r.findAll('td')[1]!.text());
    expect(names()).toHaveLength(100);
    expect(names()[99]).toBe('fn-099');
    expect(wrapper.get('[data-testid=stats-row-limit]').text()).toContain('The first 100 of 250 rows');
    // Sorted by median descending, the first rows are the last boxes: the order takes every row.
    await wrapper.get('[data-testid=sort-median]').trigger('click');
    await wrapper.get('[data-testid=sort-median]').trigger('click');
    expect(names()[0]).toBe('fn-249');
    await wrapper.get('[data-testid=stats-show-all]').trigger('click');
    expect(names()).toHaveLength(250);
    expect(wrapper.get('[data-testid=stats-row-limit]').text()).toContain('All 250 rows');
  });
});
