import { describe, expect, it } from 'vitest';
import { EntryError, readEntry } from '../../../shared/baseline/lambda-perf-entry';
import { isSnapStart } from '../../../shared/baseline/runtime-names';

const compact = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  r: 'lambda-perf-nodejs22x-zip-512-arm64',
  p: 'zip',
  d: 'nodejs22.x',
  i: [100, 110],
  m: 512,
  a: 'arm64',
  ...fields,
});
const long = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  runtime: 'lambda-perf-python39-128-x86_64',
  displayName: 'python3.9',
  initDurations: [101.5],
  memorySize: 128,
  ...fields,
});

/** The message readEntry throws for `value`. */
function errorOf(value: unknown): string {
  try {
    readEntry(value, 'runtimeData[0]');
  } catch (error) {
    if (error instanceof EntryError) return error.message;
    throw error;
  }
  throw new Error('expected an EntryError');
}

describe('readEntry', () => {
  it('reads a compact entry, means absent or null as unknown', () => {
    expect(readEntry(compact({ mu: null }), 'runtimeData[0]')).toEqual({
      key: 'lambda-perf-nodejs22x-zip-512-arm64',
      packageType: 'zip',
      displayName: 'nodejs22.x',
      coldStartsMs: [100, 110],
      memoryMB: 512,
      arch: 'arm64',
      meanMaxMemoryUsedMB: null,
      meanDurationMs: null,
      meanColdStartMs: null,
    });
    expect(readEntry(compact({ mu: 0, ad: 2.5, acd: 105 }), 'e')).toMatchObject({
      meanMaxMemoryUsedMB: 0,
      meanDurationMs: 2.5,
      meanColdStartMs: 105,
    });
  });

  it('reads a long entry: package type and architecture when given, else zip and the name suffix', () => {
    expect(readEntry(long(), 'e')).toMatchObject({ packageType: 'zip', arch: 'x86_64', memoryMB: 128 });
    expect(readEntry(long({ runtime: 'lambda-perf-python39-128-arm64' }), 'e').arch).toBe('arm64');
    expect(readEntry(long({ runtime: 'lambda-perf-python39-128' }), 'e').arch).toBeNull();
    expect(readEntry(long({ runtime: 'lambda-perf-python39-128-arm64x' }), 'e').arch).toBeNull();
    expect(readEntry(long({ packageType: 'image', architecture: 'arm64' }), 'e')).toMatchObject({
      packageType: 'image',
      arch: 'arm64',
    });
    expect(
      readEntry(long({ averageMemoryUsed: 60, averageDuration: 2, averageColdStartDuration: 99 }), 'e'),
    ).toMatchObject({ meanMaxMemoryUsedMB: 60, meanDurationMs: 2, meanColdStartMs: 99 });
  });

  it('takes memory sizes from 128 to 10240 MB, whole numbers only', () => {
    expect(readEntry(compact({ m: 128 }), 'e').memoryMB).toBe(128);
    expect(readEntry(compact({ m: 10240 }), 'e').memoryMB).toBe(10240);
    for (const m of [127, 10241, 512.5])
      expect(errorOf(compact({ m }))).toBe(
        `runtimeData[0].m: expected a memory size in MB (a whole number from 128 to 10240); found a number (${m})`,
      );
  });

  it('names the field and what it should be, in either spelling', () => {
    expect(errorOf(null)).toContain('runtimeData[0]: expected an object with r, p, d, i, m and a');
    expect(errorOf([compact()])).toContain('found an array');
    expect(errorOf('nodejs22.x')).toContain('found a string ("nodejs22.x")');
    expect(errorOf(5)).toContain('found a number (5)');
    expect(errorOf(compact({ p: undefined }))).toBe(
      'runtimeData[0].p: expected "zip" or "image"; found undefined',
    );
    expect(errorOf(long({ packageType: 'jar' }))).toBe(
      'runtimeData[0].packageType: expected "zip" or "image"; found a string ("jar")',
    );
    expect(errorOf(compact({ a: undefined }))).toBe(
      'runtimeData[0].a: expected "x86_64" or "arm64"; found undefined',
    );
    expect(errorOf(long({ architecture: 'arm' }))).toBe(
      'runtimeData[0].architecture: expected "x86_64" or "arm64"; found a string ("arm")',
    );
    expect(errorOf(compact({ r: '  ' }))).toBe('runtimeData[0].r: expected a text; found a string ("  ")');
    expect(errorOf(compact({ r: 5 }))).toBe('runtimeData[0].r: expected a text; found a number (5)');
    expect(errorOf(long({ initDurations: [1, Infinity] }))).toBe(
      'runtimeData[0].initDurations[1]: expected a duration in ms (a number ≥ 0); found a number (Infinity)',
    );
    expect(errorOf(compact({ i: [NaN] }))).toContain('runtimeData[0].i[0]');
    expect(errorOf(compact({ acd: Infinity }))).toBe(
      'runtimeData[0].acd: expected a number ≥ 0; found a number (Infinity)',
    );
    expect(errorOf(compact({ mu: '70' }))).toBe(
      'runtimeData[0].mu: expected a number ≥ 0; found a string ("70")',
    );
  });

  it('takes an empty list of cold starts and zero durations', () => {
    expect(readEntry(compact({ i: [] }), 'e').coldStartsMs).toEqual([]);
    expect(readEntry(compact({ i: [0, 0.5] }), 'e').coldStartsMs).toEqual([0, 0.5]);
  });
});

describe('isSnapStart', () => {
  it('finds SnapStart in the function name or the display name, in any case', () => {
    expect(isSnapStart('lambda-perf-java21-snapstart-zip-512', 'java21')).toBe(true);
    expect(isSnapStart('lambda-perf-java21-zip-512', 'java21 SnapStart')).toBe(true);
    expect(isSnapStart('lambda-perf-java21-zip-512', 'java21')).toBe(false);
  });
});
