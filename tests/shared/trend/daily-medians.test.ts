import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../../shared/sample';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';
import { dailyMedians, type MedianCi } from '../../../shared/trend/daily-medians';
import { utcDay } from '../../../shared/trend/sample-day';

function sample(name: string, initMs: number | null, fields: Partial<Sample> = {}): Sample {
  return { ...emptySample(name), initMs, durationMs: 5, billedMs: 6, ...fields };
}

describe('dailyMedians', () => {
  it('gives the median (R type 7) per group and day, groups in order, days ascending', () => {
    const dayTwo = columnsFromSamples([sample('b', 10), sample('a', 4), sample('a', 1), sample('a', 2)]);
    const dayOne = columnsFromSamples([sample('a', 7), sample('a', 9), sample('b', 30), sample('b', null)]);
    const { points, undated } = dailyMedians(
      [
        { columns: dayTwo, day: '2026-11-21' },
        { columns: dayOne, day: '2026-11-20' },
      ],
      ['name'],
      'init',
    );
    expect(undated).toBe(0);
    expect(points).toEqual([
      { group: { name: 'a' }, day: '2026-11-20', n: 2, median: 8, medianCi: null, p90: 8.8, p90Ci: null },
      {
        group: { name: 'a' },
        day: '2026-11-21',
        n: 3,
        median: 2,
        medianCi: null,
        p90: 2 + (2.8 - 2) * (4 - 2), // R's type 7 exactly: h = 1 + 2 × 0.9
        p90Ci: null,
      },
      { group: { name: 'b' }, day: '2026-11-20', n: 1, median: 30, medianCi: null, p90: 30, p90Ci: null },
      { group: { name: 'b' }, day: '2026-11-21', n: 1, median: 10, medianCi: null, p90: 10, p90Ci: null },
    ]);
  });

  it('puts the same group of two sets of one day together (their codes differ), unknown memory last', () => {
    const first = columnsFromSamples([
      sample('x', 1, { memoryMB: 512 }),
      sample('api', 3, { memoryMB: 512 }),
    ]);
    const second = columnsFromSamples([
      sample('api', 5, { memoryMB: 512 }),
      sample('api', 100, { memoryMB: null }),
      sample('api', 8, { memoryMB: 128 }),
    ]);
    const { points } = dailyMedians(
      [
        { columns: first, day: '2026-11-20' },
        { columns: second, day: '2026-11-20' },
      ],
      ['name', 'memory'],
      'init',
    );
    expect(points.map((p) => [p.group, p.n, p.median])).toEqual([
      [{ name: 'api', memory: 128 }, 1, 8],
      [{ name: 'api', memory: 512 }, 2, 4],
      [{ name: 'api', memory: null }, 1, 100],
      [{ name: 'x', memory: 512 }, 1, 1],
    ]);
  });

  it("dates samples by their own Timestamp's UTC day when the set has no day, and counts the undated", () => {
    const columns = columnsFromSamples([
      sample('api', 1, { timestamp: '2026-11-20T23:59:59.999Z' }),
      sample('api', 2, { timestamp: '2026-11-21T00:00:00.000Z' }),
      sample('api', 4, { timestamp: '2026-11-21T01:30:00+02:00' }),
      sample('api', 9),
      sample('api', null, { timestamp: '2026-11-22T10:00:00Z' }),
      sample('api', 9, { timestamp: 'soon' }),
    ]);
    const { points, undated } = dailyMedians([{ columns, day: null }], ['name'], 'init');
    expect(points.map((p) => [p.day, p.n, p.median])).toEqual([
      ['2026-11-20', 2, 2.5],
      ['2026-11-21', 1, 2],
    ]);
    expect(undated).toBe(2);
  });

  it('groups by runtime and architecture too, unknown ones last, and by nothing as one group per day', () => {
    const columns = columnsFromSamples([
      sample('f', 1, { runtime: 'python3.12', arch: 'x86_64' }),
      sample('f', 2, { runtime: 'nodejs20.x', arch: 'x86_64' }),
      sample('f', 4, { runtime: null, arch: 'arm64' }),
      sample('f', 8, { runtime: 'nodejs20.x', arch: null }),
      sample('f', 16, { runtime: 'nodejs20.x', arch: 'arm64' }),
    ]);
    const sets = [{ columns, day: '2026-11-20' }];
    expect(dailyMedians(sets, ['runtime', 'arch'], 'init').points.map((p) => [p.group, p.median])).toEqual([
      [{ runtime: 'nodejs20.x', arch: 'arm64' }, 16],
      [{ runtime: 'nodejs20.x', arch: 'x86_64' }, 2],
      [{ runtime: 'nodejs20.x', arch: null }, 8],
      [{ runtime: 'python3.12', arch: 'x86_64' }, 1],
      [{ runtime: null, arch: 'arm64' }, 4],
    ]);
    expect(dailyMedians(sets, ['arch'], 'init').points.map((p) => [p.group, p.n])).toEqual([
      [{ arch: 'arm64' }, 2],
      [{ arch: 'x86_64' }, 2],
      [{ arch: null }, 1],
    ]);
    const everything = dailyMedians([...sets, { columns, day: '2026-11-19' }], [], 'init');
    // R 4.2: sprintf("%.17g", quantile(c(1, 2, 4, 8, 16), 0.9)) is 12.799999999999997.
    const p90 = 12.799999999999997;
    expect(everything.points).toEqual([
      { group: {}, day: '2026-11-19', n: 5, median: 4, medianCi: null, p90, p90Ci: null },
      { group: {}, day: '2026-11-20', n: 5, median: 4, medianCi: null, p90, p90Ci: null },
    ]);
  });

  it('keeps neighbouring rows of different groups or days apart, and finds a group again after others', () => {
    const columns = columnsFromSamples([
      sample('a', 1, { memoryMB: 128, timestamp: '2026-11-20T10:00:00Z' }),
      sample('a', 2, { memoryMB: 256, timestamp: '2026-11-20T10:00:01Z' }),
      sample('a', 4, { memoryMB: 256, timestamp: '2026-11-21T10:00:02Z' }),
      sample('b', 8, { memoryMB: 256, timestamp: '2026-11-21T10:00:03Z' }),
      sample('a', 16, { memoryMB: 128, timestamp: '2026-11-20T10:00:04Z' }),
      sample('a', 32, { memoryMB: null, timestamp: '2026-11-20T10:00:05Z' }),
      sample('a', 64, { memoryMB: null, timestamp: '2026-11-20T10:00:06Z' }),
    ]);
    const { points } = dailyMedians([{ columns, day: null }], ['name', 'memory'], 'init');
    expect(points.map((p) => [p.group.name, p.group.memory, p.day, p.n, p.median])).toEqual([
      ['a', 128, '2026-11-20', 2, 8.5],
      ['a', 256, '2026-11-20', 1, 2],
      ['a', 256, '2026-11-21', 1, 4],
      ['a', null, '2026-11-20', 2, 48],
      ['b', 256, '2026-11-21', 1, 8],
    ]);
  });

  it('hands each bucket its values sorted to the CI function and reports its interval', () => {
    const seen: number[][] = [];
    const ci: MedianCi = (sorted) => {
      seen.push([...sorted]);
      return sorted.length >= 3 ? [sorted[0] as number, sorted[sorted.length - 1] as number] : null;
    };
    const columns = columnsFromSamples([sample('a', 3), sample('a', 1), sample('a', 2), sample('b', 5)]);
    const { points } = dailyMedians([{ columns, day: '2026-11-20' }], ['name'], 'init', ci);
    expect(seen).toEqual([[1, 2, 3], [5]]);
    expect(points.map((p) => p.medianCi)).toEqual([[1, 3], null]);
  });

  it('uses the metric rule: total of a restore-only sample, nothing for a value that is unknown', () => {
    const columns = columnsFromSamples([
      sample('snap', null, { restoreMs: 600, durationMs: 20 }),
      sample('base', 100, { durationMs: NaN }),
    ]);
    const { points } = dailyMedians([{ columns, day: '2026-11-20' }], ['name'], 'total');
    expect(points).toEqual([
      {
        group: { name: 'snap' },
        day: '2026-11-20',
        n: 1,
        median: 620,
        medianCi: null,
        p90: 620,
        p90Ci: null,
      },
    ]);
  });
});

describe('utcDay', () => {
  it.each([
    ['2026-11-20T14:00:05.120Z', '2026-11-20'],
    ['2026-11-20', '2026-11-20'],
    ['2026-11-20T23:00:00-02:00', '2026-11-21'],
    ['20.11.2026', null],
    ['x2026-11-20T10:00:00Z', null],
    ['2026-11-20T10:00:00Zulu', null],
    ['2026-11-20T10:00:00.5Z', '2026-11-20'],
    [null, null],
  ])('%s → %s', (timestamp, day) => {
    expect(utcDay(timestamp)).toBe(day);
  });

  it.each([
    ['2026-11-20T10:00Z', '2026-11-20'],
    ['2026-11-20T23:59:59Z', '2026-11-20'],
    ['2026-11-20T09:05:07.123456Z', '2026-11-20'],
    ['2026-11-20 23:30:00-02:00', '2026-11-21'],
    ['2026-11-20T23:30:00+00:00', '2026-11-20'],
    // 24:00 is the end of the day, that is the next day's midnight.
    ['2026-11-20T24:00:00Z', '2026-11-21'],
  ])('reads the time of %s (→ %s)', (timestamp, day) => {
    expect(utcDay(timestamp)).toBe(day);
  });

  it.each([
    '2026-11-20T1Z',
    '2026-11-20T10Z',
    '2026-11-20T1:00:00Z',
    '2026-11-20T10:0:00Z',
    '2026-11-20T10:60:00Z',
    '2026-11-20T10:00:0Z',
    '2026-11-20T10:00:60Z',
    '2026-11-20T10:00:00.Z',
    '2026-11-20T1a:00Z',
    '2026-11-20T10:0aZ',
    '2026-11-20T10:00:0aZ',
    '2026-11-20T10:00:00.abcZ',
    '2026-11-20 0123456789T10:00Z',
    '12026-11-20',
    '2026-11-20Tab:cd:00Z',
    '2026-11-20T10:00:00ZZ',
    '2026-11-20T',
    '2026-11-20x',
    '2026-1-20',
    'Nov 20 2026',
  ])('refuses the malformed time %s', (timestamp) => {
    expect(utcDay(timestamp)).toBeNull();
  });

  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01'],
    ['2026-01-31', '2026-01-31'],
    ['2024-03-31', '2024-03-31'],
    ['2000-12-31T00:00:00Z', '2000-12-31'],
    ['2026-04-30', '2026-04-30'],
    ['2026-12-31T12:00:00Z', '2026-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29T00:00:00Z', '2000-02-29'],
    ['2026-02-28T00:00:00Z', '2026-02-28'],
    ['2026-03-31T00:00:00Z', '2026-03-31'],
  ])('accepts the calendar day %s', (timestamp, day) => {
    expect(utcDay(timestamp)).toBe(day);
  });

  // A REPORT time's first ten characters were taken as its day unchecked, and Date.parse rolls 02-30 over into
  // March: either way a made-up day would have become a point of the trend chart.
  it.each([
    '2026-13-01T10:00:00Z',
    '2026-00-10T10:00:00Z',
    '2026-01-00T10:00:00Z',
    '2026-01-32',
    '2026-04-31',
    '2026-02-30T10:00:00Z',
    '2026-02-30',
    '2023-02-29',
    '1900-02-29T00:00:00Z',
    '2026-02-29 10:00:00+01:00',
  ])('refuses %s, which is no day of the calendar', (timestamp) => {
    expect(utcDay(timestamp)).toBeNull();
  });
});

describe('dailyMedians with the 95% interval of the median (the default)', () => {
  it('gives order statistics 2 and 9 for 10 values and none below 6 values', () => {
    const ten = [15, 11, 19, 12, 18, 13, 17, 14, 16, 20].map((v) => sample('a', v));
    const five = [1, 2, 3, 4, 5].map((v) => sample('b', v));
    const columns = columnsFromSamples([...ten, ...five]);
    const { points } = dailyMedians([{ columns, day: '2026-11-20' }], ['name'], 'init');
    // Binomial(10, 0.5): P(B ≤ 1) = 11/1024 ≤ 2.5% < P(B ≤ 2) = 56/1024, so ranks 2 and 10 − 1.
    expect(points).toEqual([
      {
        group: { name: 'a' },
        day: '2026-11-20',
        n: 10,
        median: 15.5,
        medianCi: [12, 19],
        p90: 19.1,
        p90Ci: null,
      },
      { group: { name: 'b' }, day: '2026-11-20', n: 5, median: 3, medianCi: null, p90: 4.6, p90Ci: null },
    ]);
  });
});

describe('dailyMedians: the p90 and its 95% interval', () => {
  it('gives the p90 (R type 7) of every day, its interval from 36 values on', () => {
    // 36 values 1..36 on one day, 35 on the next: Binomial(36, 0.9) gives ranks 29 and 36.
    const day = (n: number) => Array.from({ length: n }, (_, i) => sample('a', n - i));
    const { points } = dailyMedians(
      [
        { columns: columnsFromSamples(day(36)), day: '2026-11-20' },
        { columns: columnsFromSamples(day(35)), day: '2026-11-21' },
      ],
      ['name'],
      'init',
    );
    expect(points.map(({ day, n, p90, p90Ci }) => ({ day, n, p90, p90Ci }))).toEqual([
      { day: '2026-11-20', n: 36, p90: 32.5, p90Ci: [29, 36] },
      { day: '2026-11-21', n: 35, p90: 31.6, p90Ci: null },
    ]);
  });
});
