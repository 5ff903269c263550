import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../shared/csv/header-mapping';
import { importCsv } from '../../../shared/csv/import-csv';
import { emptyImportReport } from '../../../shared/csv/import-report';
import { emptySample } from '../../../shared/sample';
import { failed, ok } from './import-helpers';

describe('importCsv: the header', () => {
  it('keeps unknown columns out and reports them once', () => {
    const text = 'Name;Memory;Notes;Init;Cold;Billed;Notes;Region\nf;128;x;1;1;1;y;eu\nf;128;x;2;1;1;y;eu\n';
    const r = ok(importCsv(text, 'a.csv'));
    expect(r.report.unknownColumns).toEqual(['Notes', 'Region']);
    expect(r.report.warnings.filter((w) => w.includes('Notes'))).toEqual([
      'ignored columns not in the format: Notes, Region',
    ]);
    expect(r.samples[1]).toEqual({
      ...emptySample('f'),
      memoryMB: 128,
      initMs: 2,
      durationMs: 1,
      billedMs: 1,
    });
  });

  it('names a few of 200,000 unknown columns in one short warning, each name once', () => {
    const unknown = Array.from({ length: 200_000 }, (_, i) => `x${i}`);
    const header = ['Name', 'Memory', 'Init', ...unknown, 'x7', 'Cold', 'Billed'].join(';');
    const row = ['f', '128', '1', ...unknown.map(() => ''), '', '2', '3'].join(';');
    const r = ok(importCsv(`${header}\n${row}\n`, 'wide.csv'));
    expect(r.samples).toEqual([
      { ...emptySample('f'), memoryMB: 128, initMs: 1, durationMs: 2, billedMs: 3 },
    ]);
    expect(r.report.unknownColumns).toHaveLength(200_000);
    expect(r.report.unknownColumns.slice(0, 3)).toEqual(['x0', 'x1', 'x2']);
    expect(r.report.unknownColumns.at(-1)).toBe('x199999');
    expect(r.report.warnings.filter((w) => w.includes('not in the format'))).toEqual([
      'ignored 200,000 columns not in the format, e.g. x0, x1, x2, x3, x4, …',
    ]);
  });

  it('warns once about a known column that appears many times', () => {
    const header = ['Name', 'Memory', 'Init', 'Cold', 'Billed', ...Array<string>(1000).fill('Init')].join(
      ';',
    );
    const row = ['f', '128', '1', '2', '3', ...Array<string>(1000).fill('9')].join(';');
    const r = ok(importCsv(`${header}\n${row}\n`, 'a.csv'));
    expect(r.samples[0]!.initMs).toBe(1);
    expect(r.report.warnings.filter((w) => w.includes('appears'))).toEqual([
      'column Init appears twice in the header; the first one is used',
    ]);
  });

  it('names only the first columns of a long header that lacks a required column', () => {
    const names = ['Name', 'Init', 'Cold', ...Array.from({ length: 100_000 }, (_, i) => `x${i}`)];
    const r = failed(importCsv(`${names.join(';')}\nf;1;1\n`, 'a.csv'));
    expect(r.error).toBe(
      'missing required column Billed in the header on line 1 (it has: Name;Init;Cold;x0;x1;x2;x3;x4;x5;x6;x7;x8;x9;x10;x11;x12;x13;x14;x15;x16;… 100,003 columns)',
    );
  });

  it('maps names with spaces around them, skips empty cells, and keeps the first of a repeated first column', () => {
    const report = emptyImportReport('a.csv');
    const mapped = mapHeader(
      [' Name ', '', 'Memory', ' Init', 'Cold ', 'Billed', '', 'Name', ' Region '],
      report,
      1,
    );
    if (typeof mapped === 'string') throw new Error(mapped);
    expect(mapped.index).toMatchObject({ name: 0, memory: 2, init: 3, cold: 4, billed: 5 });
    expect(report.unknownColumns).toEqual(['Region']);
    expect(report.warnings).toEqual([
      'column Name appears twice in the header; the first one is used',
      'ignored column not in the format: Region',
    ]);
  });

  it('says a line without a single known column is not a header, naming the columns expected', () => {
    const report = emptyImportReport('a.csv');
    expect(mapHeader(['f', '128', '1'], report, 3)).toBe(
      'line 3 is not a header: the first line must name the columns Name;Memory;Init;Cold;Billed',
    );
  });

  it('lists up to five unknown columns in full, one in the singular', () => {
    const five = emptyImportReport('a.csv');
    mapHeader(['Name', 'Init', 'Cold', 'Billed', 'a', 'b', 'c', 'd', 'e'], five, 1);
    expect(five.warnings).toEqual(['ignored columns not in the format: a, b, c, d, e']);
    const one = emptyImportReport('a.csv');
    mapHeader(['Name', 'Init', 'Cold', 'Billed', 'a'], one, 1);
    expect(one.warnings).toEqual(['ignored column not in the format: a']);
  });

  it('names a short header in full when a required column is missing, tab-separated with spaces', () => {
    const names = ['Name', ' Init ', ...Array.from({ length: 18 }, (_, i) => `x${i}`)];
    const tab = { ...emptyImportReport('a.tsv'), delimiter: '\t' as const };
    expect(mapHeader(names, tab, 2)).toBe(
      `missing required columns Cold, Billed in the header on line 2 (it has: Name Init ${names.slice(2).join(' ')})`,
    );
  });
});
