import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../shared/csv/import-csv';
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
});
