import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  finishCsvShares,
  importCsvColumns,
  readCsvShare,
  type CsvColumnsImportResult,
  type CsvShareResult,
} from '../../../shared/csv/import-csv';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { seededRandom } from '../../random';
import { HAVE_SEED_RUNS, SEED_RUNS_DIR, noteSeedRunsSkip } from '../../seed-runs';

/** A result with the samples as objects, for toEqual. */
const plain = (r: CsvColumnsImportResult) => (r.ok ? { ...r, columns: samplesFromColumns(r.columns) } : r);

function inShares(text: string, fileName: string, parts: number): CsvColumnsImportResult | 'whole' {
  const shares = Array.from({ length: parts }, (_, part) => readCsvShare(text, fileName, { part, parts }));
  if (shares.some((s) => s.kind === 'whole')) return 'whole';
  const failed = shares.find((s) => s.kind === 'failed');
  if (failed) return failed.result;
  return finishCsvShares(shares as (CsvShareResult & { kind: 'rows' })[]);
}

function generated(rows: number, seed: number): string {
  const next = seededRandom(seed);
  const lines = ['sep=;', '', 'name;MEMORY;Init;Cold;Billed;Arch;RequestId;Timestamp;Extra'];
  for (let i = 0; i < rows; i++) {
    const r = next();
    if (r < 0.02) lines.push('');
    else if (r < 0.04) lines.push(`fn-${i % 3};128;abc;1;2;arm64;;;x`);
    else if (r < 0.06) lines.push(`fn-${i % 3};128;1;1`);
    else {
      const id = next() < 0.5 ? `id-${Math.floor(next() * rows)}` : '';
      const time = next() < 0.3 ? `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z` : '';
      const arch = ['x86_64', 'arm64', ''][i % 3];
      lines.push(`fn-${i % 5};${[128, 512][i % 2]};${Math.floor(next() * 20)};1.5;2;${arch};${id};${time};x`);
    }
  }
  return lines.join(next() < 0.5 ? '\n' : '\r\n');
}

describe('reading a file in shares, side by side', () => {
  for (const parts of [2, 3, 5]) {
    it(`gives what one reader gives (${parts} shares, rows skipped and duplicated across shares)`, () => {
      for (const seed of [1, 2, 3]) {
        const text = generated(3000, seed * parts);
        const one = importCsvColumns(text, 'runs-arm-1024.csv');
        expect(one.ok && one.report.skipped.length > 0 && one.report.duplicates.length > 0).toBe(true);
        expect(plain(inShares(text, 'runs-arm-1024.csv', parts) as CsvColumnsImportResult)).toEqual(
          plain(one),
        );
      }
    });
  }

  it('gives what one reader gives for small, header-only and unreadable files', () => {
    for (const text of [
      'Name;Memory;Init;Cold;Billed\nf;128;1;2;3\n',
      'Name;Memory;Init;Cold;Billed\nf;128;1;2;3',
      'Name;Memory;Init;Cold;Billed\n',
      'Name;Memory;Init;Cold;Billed\nf;128;x;2;3\nf;128;y;2;3\n',
      'Name;Init\nf;1\n',
      '\uFEFFName;Memory;Init;Cold;Billed\r\nf;128;1;2;3\r\ng;256;4;5;6\r\n',
      '',
    ]) {
      for (const parts of [2, 4])
        expect(plain(inShares(text, 'a.csv', parts) as CsvColumnsImportResult)).toEqual(
          plain(importCsvColumns(text, 'a.csv')),
        );
    }
  });

  it('leaves a file with quotes to one reader (a quoted field may hold a line break)', () => {
    const text = 'Name;Memory;Init;Cold;Billed\n"f\n1";128;1;2;3\ng;128;1;2;3\n';
    expect(readCsvShare(text, 'a.csv', { part: 1, parts: 2 })).toEqual({ kind: 'whole' });
    const first = readCsvShare(text, 'a.csv', { part: 0, parts: 2 });
    expect(first.kind === 'rows' && first.rows.columns.length).toBe(2);
  });

  describe.skipIf(!HAVE_SEED_RUNS)('the seed files', () => {
    noteSeedRunsSkip();
    it('read in two shares equal one read', () => {
      for (const file of readdirSync(SEED_RUNS_DIR).filter((f) => f.endsWith('.csv'))) {
        const text = readFileSync(join(SEED_RUNS_DIR, file), 'utf8');
        expect(plain(inShares(text, file, 2) as CsvColumnsImportResult)).toEqual(
          plain(importCsvColumns(text, file)),
        );
      }
    });
  });
});
