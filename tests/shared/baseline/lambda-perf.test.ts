import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BaselineColumnsWriter } from '../../../shared/baseline/baseline-columns';
import { parseLambdaPerfDay, type BaselineDay } from '../../../shared/baseline/lambda-perf';
import { runtimeOfDisplayName } from '../../../shared/baseline/runtime-names';
import { emptySample, type Arch } from '../../../shared/sample';
import { sampleAt } from '../../../shared/sample-columns';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';

const FIXTURES = fileURLToPath(new URL('../../fixtures/lambda-perf/', import.meta.url));
const fixture = (path: string): string => readFileSync(`${FIXTURES}${path}`, 'utf8');

function parsed(text: string, fileName = 'data/2026-11-20.json'): BaselineDay {
  const result = parseLambdaPerfDay(text, fileName);
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`);
  return result.baseline;
}

function errorOf(text: string, fileName = 'data/2026-11-20.json'): string {
  const result = parseLambdaPerfDay(text, fileName);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const entry = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  r: 'lambda-perf-nodejs22x-zip-512-arm64',
  p: 'zip',
  d: 'nodejs22.x',
  i: [100, 110],
  m: 512,
  a: 'arm64',
  mu: 70,
  ad: 3,
  acd: 105,
  ...fields,
});
const EXPECTED = 'an object with metadata and runtimeData (a maxday/lambda-perf daily file)';
const day = (...entries: unknown[]): string =>
  JSON.stringify({ metadata: { generatedAt: '2026-11-20T14:00:00.000Z' }, runtimeData: entries });

describe('parseLambdaPerfDay: the compact format of current files', () => {
  // Parsed in each test, not once in the describe body: a mutant that breaks the parse then fails the tests
  // (Stryker takes a file that fails to load for one without failures).
  const compact = (): BaselineDay => parsed(fixture('days/2026-11-20.json'));

  it('makes one cold sample per listed init duration, with the entry mapped to our columns', () => {
    const baseline = compact();
    expect(baseline.day).toBe('2026-11-20');
    expect(baseline.tag).toBe('public baseline 2026-11-20');
    expect(baseline.columns.length).toBe(5 + 3 + 2 + 2 + 2);
    expect(sampleAt(baseline.columns, 0)).toEqual({
      name: 'nodejs22.x',
      memoryMB: 512,
      initMs: 110,
      durationMs: NaN,
      billedMs: NaN,
      arch: 'arm64',
      runtime: 'nodejs22.x',
      maxMemoryUsedMB: null,
      restoreMs: null,
      status: null,
      errorType: null,
      requestId: null,
      timestamp: '2026-11-20',
      run: 'public baseline 2026-11-20',
    });
    expect(sampleAt(baseline.columns, 5)).toMatchObject({ initMs: 150, arch: 'x86_64', memoryMB: 512 });
  });

  it('names container images apart (samples have no package-type column) and maps OS-only runtimes', () => {
    const baseline = compact();
    expect(sampleAt(baseline.columns, 8)).toMatchObject({ name: 'nodejs22.x (image)', initMs: 400 });
    expect(sampleAt(baseline.columns, 10)).toMatchObject({
      name: 'go (prov.al2023)',
      runtime: 'provided.al2023',
      memoryMB: 128,
      initMs: 40.5,
    });
  });

  it('puts SnapStart numbers in Restore Duration: lambda-perf lists restores for them', () => {
    const baseline = compact();
    expect(sampleAt(baseline.columns, 12)).toMatchObject({
      name: 'java21 snapstart',
      runtime: 'java21',
      initMs: null,
      restoreMs: 600,
    });
  });

  it('keeps the published means aside, never as sample values', () => {
    const baseline = compact();
    expect(baseline.means[0]).toEqual({
      name: 'nodejs22.x',
      runtime: 'nodejs22.x',
      arch: 'arm64',
      memoryMB: 512,
      packageType: 'zip',
      samples: 5,
      meanColdStartMs: 130,
      meanDurationMs: 3.25,
      meanMaxMemoryUsedMB: 70.5,
    });
    expect(baseline.means[2]).toMatchObject({ name: 'nodejs22.x (image)', packageType: 'image' });
    expect(baseline.warnings).toEqual([]);
  });
});

describe('parseLambdaPerfDay: the long format of 2022-2023 files', () => {
  it('reads runtime, displayName, initDurations and memorySize; the arch from the function name when absent', () => {
    const baseline = parsed(fixture('long/2023-06-20.json'), 'long/2023-06-20.json');
    expect(baseline.day).toBe('2023-06-20');
    expect(baseline.columns.length).toBe(4);
    expect(sampleAt(baseline.columns, 0)).toMatchObject({
      name: 'python3.9',
      runtime: 'python3.9',
      arch: 'x86_64',
      memoryMB: 128,
      initMs: 101.5,
    });
    // `lambda-perf-ruby27-512` says no architecture: unknown, not guessed.
    expect(sampleAt(baseline.columns, 3)).toMatchObject({ name: 'ruby2.7', arch: null, initMs: 150 });
    expect(baseline.means[1]).toMatchObject({ packageType: 'zip', meanDurationMs: 2.464 });
  });
});

describe('parseLambdaPerfDay: the date', () => {
  it('comes from metadata.generatedAt in UTC, else from a file name like 2026-11-20.json', () => {
    const late = JSON.stringify({
      metadata: { generatedAt: '2026-11-20T23:30:00-02:00' },
      runtimeData: [entry()],
    });
    expect(parsed(late, 'x/2026-11-21.json').day).toBe('2026-11-21');
    const noMeta = JSON.stringify({ runtimeData: [entry()] });
    expect(parsed(noMeta, 'data/2024/2024-02-29.json').day).toBe('2024-02-29');
  });

  it('takes a name of only the date, and no date from a name that does not end in it', () => {
    const noMeta = JSON.stringify({ runtimeData: [entry()] });
    expect(parsed(noMeta, '2024-02-29.json').day).toBe('2024-02-29');
    expect(errorOf(noMeta, 'data/2024-02-29.json.bak')).toContain('found no metadata.generatedAt');
  });

  it('reads the name when metadata or generatedAt is of another type, and warns of nothing without a name date', () => {
    const withMeta = (metadata: unknown): string => JSON.stringify({ metadata, runtimeData: [entry()] });
    expect(parsed(withMeta(null), 'data/2024-02-29.json').day).toBe('2024-02-29');
    expect(parsed(withMeta('x'), 'data/2024-02-29.json').day).toBe('2024-02-29');
    // A number is no ISO time, though Date.parse would read 2026 as a year.
    expect(parsed(withMeta({ generatedAt: 2026 }), 'data/2024-02-29.json').day).toBe('2024-02-29');
    expect(parsed(day(entry()), 'data/last.json')).toMatchObject({ day: '2026-11-20', warnings: [] });
    expect(parsed(day(entry()), 'data/2026-02-30.json')).toMatchObject({ day: '2026-11-20', warnings: [] });
  });

  it('warns when generatedAt and the file name disagree, and fails when neither gives a date', () => {
    expect(parsed(day(entry()), 'data/2026-11-19.json').warnings).toEqual([
      'metadata.generatedAt is on 2026-11-20 but the file name says 2026-11-19; using 2026-11-20',
    ]);
    expect(errorOf(JSON.stringify({ runtimeData: [entry()] }), 'data/last.json')).toBe(
      'no date: expected metadata.generatedAt (an ISO 8601 time) or a file name like 2025-12-21.json; ' +
        'found no metadata.generatedAt',
    );
    expect(
      errorOf(
        JSON.stringify({ metadata: { generatedAt: 'yesterday' }, runtimeData: [entry()] }),
        '2023-02-30.json',
      ),
    ).toContain('found metadata.generatedAt a string ("yesterday")');
  });
});

describe('parseLambdaPerfDay: errors say what and where', () => {
  it('empty text', () => {
    expect(errorOf('')).toBe('the file is empty');
    expect(errorOf(' \n\t')).toBe('the file is empty');
  });

  it('reads a file after a byte order mark', () => {
    expect(parsed(`\uFEFF${day(entry())}`).columns.length).toBe(2);
  });

  it('text that is not JSON: line and column of the first mistake, the same on every Node version', () => {
    expect(errorOf('{\n  "metadata": {},\n  runtimeData: []\n}')).toBe(
      "line 3, column 3: not JSON: expected a property name in double quotes, found 'r'",
    );
    expect(errorOf('{"runtimeData": [')).toBe(
      'line 1, column 18: not JSON: expected a value, found the end of the text',
    );
    expect(errorOf('Name;Memory;Init;Cold;Billed\napi;128;100;1;2\n')).toBe(
      "line 1, column 1: not JSON: expected a value, found 'N'",
    );
    expect(errorOf('{"runtimeData": [1 2]}')).toBe(
      "line 1, column 20: not JSON: expected ',' or ']', found '2'",
    );
    expect(errorOf('{"a": "x\n"}')).toBe('line 1, column 9: not JSON: a character not allowed in a text');
    expect(errorOf('{"a": "x')).toBe('line 1, column 9: not JSON: a text is not closed (missing ")');
    expect(errorOf('{"a": 1}\n}')).toBe(
      "line 2, column 1: not JSON: unexpected '}' after the end of the JSON value",
    );
    expect(errorOf('{"a": "\\q"}')).toBe('line 1, column 8: not JSON: an escape sequence JSON does not know');
    expect(errorOf('{"a": "\\u00e9\\n", "b": 1 2}')).toBe(
      "line 1, column 26: not JSON: expected ',' or '}', found '2'",
    );
    expect(errorOf('{"a" 1}')).toBe("line 1, column 6: not JSON: expected ':', found '1'");
  });

  it('JSON of another shape: what was expected and what was found', () => {
    expect(errorOf('[1, 2]')).toBe(
      'expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); found an array',
    );
    expect(errorOf('{"name": "cold-start-lab", "version": "0.1.0"}')).toBe(
      'expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); ' +
        'found an object with keys name, version',
    );
    expect(errorOf('{"runtimeData": {"r": "x"}}')).toBe(
      'expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); ' +
        'found runtimeData an object with keys r',
    );
    expect(errorOf('{"metadata": {}, "runtimeData": []}')).toBe('runtimeData is empty: no function listed');
    for (const [text, found] of [
      ['null', 'null'],
      ['"x"', 'a string ("x")'],
      ['5', 'a number (5)'],
    ]) {
      expect(errorOf(text as string)).toBe(`expected ${EXPECTED}; found ${found}`);
    }
  });

  it('entries of another shape: the path of the first bad value; the file fails when no entry is readable', () => {
    expect(errorOf(day(entry({ i: [100, '110'] })))).toBe(
      'no entry of runtimeData could be read (1 tried): runtimeData[0].i[1]: expected a duration in ms ' +
        '(a number ≥ 0); found a string ("110")',
    );
    expect(errorOf(day({ name: 'api' }))).toBe(
      'no entry of runtimeData could be read (1 tried): runtimeData[0]: expected an object with r, p, d, i, m ' +
        'and a (runtime id, package type, display name, init durations, memory, architecture) or runtime, ' +
        'displayName, initDurations and memorySize; found an object with keys name',
    );
    expect(errorOf(day(entry({ a: 'arm' })))).toContain(
      'runtimeData[0].a: expected "x86_64" or "arm64"; found a string ("arm")',
    );
    expect(errorOf(day(entry({ m: '512' })))).toContain(
      'runtimeData[0].m: expected a memory size in MB (a whole number from 128 to 10240); found a string ("512")',
    );
    expect(errorOf(day(entry({ p: 'jar' })))).toContain(
      'runtimeData[0].p: expected "zip" or "image"; found a string ("jar")',
    );
    expect(errorOf(day(entry({ i: null })))).toContain(
      'runtimeData[0].i: expected a list of durations in ms; found null',
    );
    expect(errorOf(day(entry({ d: '' })))).toContain(
      'runtimeData[0].d: expected a text; found a string ("")',
    );
    expect(errorOf(day(entry({ ad: -1 })))).toContain(
      'runtimeData[0].ad: expected a number ≥ 0; found a number (-1)',
    );
    expect(errorOf(day(entry({ i: [100, -5] })))).toContain('runtimeData[0].i[1]');
  });

  it('skips an entry that is null, and names three skipped entries without "more"', () => {
    expect(parsed(day(null, entry())).warnings).toEqual([
      '1 of 2 entries skipped: runtimeData[0]: expected an object with r, p, d, i, m and a (runtime id, ' +
        'package type, display name, init durations, memory, architecture) or runtime, displayName, ' +
        'initDurations and memorySize; found null',
    ]);
    const three = parsed(day(entry(), entry({ m: 1 }), entry({ m: 2 }), entry({ m: 3 }))).warnings;
    expect(three).toHaveLength(1);
    expect(three[0]).toMatch(/^3 of 4 entries skipped: .*found a number \(3\)$/);
  });

  it('skips unreadable entries with one warning naming the first three, and keeps the others', () => {
    const bad = (k: number): Record<string, unknown> => entry({ m: k });
    const baseline = parsed(day(entry(), bad(1), bad(2), entry({ a: 'x86_64' }), bad(3), bad(4)));
    expect(baseline.columns.length).toBe(4);
    expect(baseline.warnings).toEqual([
      '4 of 6 entries skipped: runtimeData[1].m: expected a memory size in MB (a whole number from 128 to 10240); ' +
        'found a number (1); runtimeData[2].m: expected a memory size in MB (a whole number from 128 to 10240); ' +
        'found a number (2); runtimeData[4].m: expected a memory size in MB (a whole number from 128 to 10240); ' +
        'found a number (3); and 1 more',
    ]);
  });
});

describe('runtimeOfDisplayName', () => {
  it.each([
    ['nodejs22.x', 'nodejs22.x'],
    ['python3.13', 'python3.13'],
    ['java8.al2', 'java8.al2'],
    ['java21 snapstart', 'java21'],
    ['ruby3.4', 'ruby3.4'],
    ['dotnet8', 'dotnet8'],
    ['go1.x', 'go1.x'],
    ['dotnet8 aot (prov.al2)', 'provided.al2'],
    ['apple swift 5.8 (prov.al2)', 'provided.al2'],
    ['bun layer(prov.al2)', 'provided.al2'],
    ['c++ 11 (prov.al2023)', 'provided.al2023'],
    ['go (provided)', 'provided'],
    ['go (prov.al2)  ', 'provided.al2'],
    ['go (provided) beta', null],
    ['ruby3.10', 'ruby3.10'],
    ['dotnet10', 'dotnet10'],
    ['dotnetcore3.1', 'dotnetcore3.1'],
    ['my nodejs22.x', null],
    ['quarkus', null],
    ['nodejs22.xyz', null],
  ])('%s → %s', (display, runtime) => {
    expect(runtimeOfDisplayName(display)).toBe(runtime);
  });
});

describe('BaselineColumnsWriter', () => {
  it('writes the same samples SampleColumnsBuilder would, trimmed to what was added', () => {
    const writer = new BaselineColumnsWriter(10, '2026-11-20', 'public baseline 2026-11-20');
    writer.addEntry('nodejs22.x', 'nodejs22.x', 'arm64', 512, [110, 120], false);
    writer.addEntry('java21 snapstart', 'java21', null, 1024, [600], true);
    writer.addEntry('nodejs22.x', 'nodejs22.x', 'x86_64', 512, [], false);
    writer.addEntry('nodejs22.x', 'nodejs22.x', 'x86_64', 512, [150], false);
    const written = writer.finish();
    const expected = [
      { name: 'nodejs22.x', arch: 'arm64', memoryMB: 512, initMs: 110, restoreMs: null },
      { name: 'nodejs22.x', arch: 'arm64', memoryMB: 512, initMs: 120, restoreMs: null },
      { name: 'java21 snapstart', arch: null, memoryMB: 1024, initMs: null, restoreMs: 600 },
      { name: 'nodejs22.x', arch: 'x86_64', memoryMB: 512, initMs: 150, restoreMs: null },
    ].map((s) => ({
      ...emptySample(s.name),
      ...s,
      arch: s.arch as Arch | null,
      runtime: s.name === 'java21 snapstart' ? 'java21' : 'nodejs22.x',
      durationMs: NaN,
      billedMs: NaN,
      timestamp: '2026-11-20',
      run: 'public baseline 2026-11-20',
    }));
    const built = columnsFromSamples(expected);
    expect(written.length).toBe(4);
    for (let i = 0; i < 4; i++) expect(sampleAt(written, i)).toEqual(sampleAt(built, i));
    expect(written.initMs.length).toBe(4);
    expect(written.name.values).toEqual(['nodejs22.x', 'java21 snapstart']);
    // Null is code 0, never a dictionary value; the columns lambda-perf has no values for have none.
    expect(written.arch.values).toEqual(['arm64', 'x86_64']);
    expect(written.runtime.values).toEqual(['nodejs22.x', 'java21']);
    expect(written.status.values).toEqual([]);
    expect(written.errorType.values).toEqual([]);
    expect(written.run.values).toEqual(['public baseline 2026-11-20']);
    expect(() => writer.addEntry('x', null, null, 128, new Array<number>(7).fill(1), false)).toThrow(
      'BaselineColumnsWriter: more samples than its capacity',
    );
    const empty = new BaselineColumnsWriter(0, '2026-11-20', 'tag').finish();
    expect(empty).toMatchObject({ length: 0, timestamp: null });
    expect(empty.run.values).toEqual([]);
  });

  it('takes entries up to its capacity exactly', () => {
    const writer = new BaselineColumnsWriter(3, '2026-11-20', 'tag');
    writer.addEntry('a', null, null, 128, [1, 2], false);
    writer.addEntry('b', null, null, 128, [3], true);
    const written = writer.finish();
    expect(written.length).toBe(3);
    expect(Array.from(written.initMs)).toEqual([1, 2, NaN]);
    expect(Array.from(written.restoreMs)).toEqual([NaN, NaN, 3]);
    expect(() => writer.addEntry('c', null, null, 128, [4], false)).toThrow(RangeError);
  });
});
