import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import BatchImportReport from '../../renderer/src/components/BatchImportReport.vue';
import { importBaselineFile } from '../../renderer/src/import/baseline-import';
import { importCsvColumns } from '../../shared/csv/import-csv';
import {
  importFiles,
  workerRunner,
  type FileImportResult,
  type ImportRunner,
} from '../../renderer/src/import/import-client';
import { daySpan } from '../../renderer/src/import/import-batch';
import {
  applyImportResults,
  dropDatasetDuplicates,
  setImportRunner,
} from '../../renderer/src/state/import-actions';
import { groupSamples } from '../../renderer/src/analysis/boxes';
import { createTestWorkspace } from '../../renderer/src/state/workspace';
import { selectRows } from '../../renderer/src/analysis/selection';
import { trendOf } from '../../renderer/src/analysis/trend-rows';
import {
  readSavedWorkspace,
  restoreWorkspace,
  snapshotWorkspace,
  STORAGE_KEY,
} from '../../renderer/src/state/workspace-persistence';
import { lambdaPerfDays } from '../e2e/support/lambda-perf-days';
import { samplesFromColumns } from '../../shared/sample-columns';
import { findDuplicates } from '../../shared/csv/duplicates';

/** A file parsed as the worker parses it. */
function parse(name: string, text: string): FileImportResult {
  const r = /\.json$/i.test(name) ? importBaselineFile(text, name) : importCsvColumns(text, name);
  return r.ok
    ? { ok: true, fileName: name, columns: r.columns, report: r.report }
    : { ok: false, fileName: name, error: r.error, report: r.report };
}

const DAYS = lambdaPerfDays(12, { runtimes: 2, memories: 2, driftFrom: 6 });
const trendOfWorkspace = (ws: ReturnType<typeof createTestWorkspace>) =>
  trendOf(selectRows(ws.state.datasets, ws.state.filters), 'init');

describe('many files at once: one dataset', () => {
  it('puts 12 lambda-perf days into one dataset whose trend is that of 12 datasets, naming the bad file', () => {
    const results = [
      ...DAYS.map((f) => parse(f.name, f.text)),
      parse('package.json', '{"name": "x", "version": "1"}'),
    ];
    const ws = createTestWorkspace();
    applyImportResults(results, ws);
    expect(ws.state.datasets).toHaveLength(1);
    const d = ws.state.datasets[0]!;
    expect(d.name).toBe('public baseline 2025-12-01 – 2025-12-12');
    expect(d.files?.map((f) => [f.fileName, f.days])).toEqual(
      DAYS.map((f) => [f.name, [f.name.slice(0, 10), f.name.slice(0, 10)]]),
    );
    expect(d.files?.[1]).toMatchObject({ start: 160, end: 320 });
    expect(d.columns.length).toBe(12 * 160);
    expect(d.failedFiles).toEqual([
      {
        fileName: 'package.json',
        error:
          'package.json: expected an object with metadata and runtimeData (a maxday/lambda-perf daily file); found an object with keys name, version',
      },
    ]);
    // No card per file and no failure card of its own: the batch's one report names it.
    expect(ws.state.failures).toEqual([]);

    const apart = createTestWorkspace();
    applyImportResults(results.slice(0, 12), apart, [], { batch: 'never' });
    expect(apart.state.datasets).toHaveLength(12);
    const together = trendOfWorkspace(ws);
    expect(together.series).toHaveLength(16);
    expect(together.series.every((s) => s.days.length === 12 && !s.own)).toBe(true);
    expect(together).toEqual(trendOfWorkspace(apart));
  });

  it('keeps up to 10 files one dataset each (runs to compare), and makes a folder one dataset even of 2', () => {
    const few = DAYS.slice(0, 10).map((f) => parse(f.name, f.text));
    const ws = createTestWorkspace();
    applyImportResults(few, ws);
    expect(ws.state.datasets.map((d) => d.name)[9]).toBe('public baseline 2025-12-10');
    const folder = createTestWorkspace();
    applyImportResults(few.slice(0, 2), folder, [], { folder: 'lambda-perf' });
    expect(folder.state.datasets.map((d) => [d.name, d.files?.length])).toEqual([
      ['public baseline 2025-12-01 – 2025-12-02', 2],
    ]);
  });

  it('makes CSV files one dataset of their own, with the arch and memory their names say, and duplicates moved', () => {
    const csv = (rows: string[]) => ['Name;Memory;Init;Cold;Billed;Timestamp', ...rows].join('\n');
    const files = Array.from({ length: 11 }, (_, k) =>
      parse(
        `speed-arm-${k === 0 ? 1024 : 512}-day${k}.csv`,
        csv([
          `api;;${100 + k};5;6;2026-02-${String(k + 1).padStart(2, '0')}T10:00:00Z`,
          `api;;${100 + k};5;6;2026-02-${String(k + 1).padStart(2, '0')}T10:00:00Z`,
        ]),
      ),
    );
    const ws = createTestWorkspace();
    applyImportResults([...files, parse('2026-03-01.json', DAYS[0]!.text)], ws, [], { folder: 'runs' });
    // The lambda-perf day alone stays a dataset of its own; the CSV files are one, named after the folder.
    expect(ws.state.datasets.map((d) => d.name)).toEqual(['public baseline 2025-12-01', 'runs']);
    const runs = ws.state.datasets[1]!;
    const samples = samplesFromColumns(runs.columns);
    expect(samples.map((s) => [s.arch, s.memoryMB])[0]).toEqual(['arm64', 1024]);
    expect(samples.map((s) => [s.arch, s.memoryMB])[2]).toEqual(['arm64', 512]);
    // Each file's duplicate pair, at its rows in the dataset.
    expect(runs.pendingDuplicates).toEqual(Array.from({ length: 11 }, (_, k) => [2 * k, 2 * k + 1]));
    expect(runs.files?.[10]?.days).toEqual(['2026-02-11', '2026-02-11']);
    expect(daySpan(runs.columns)).toEqual(['2026-02-01', '2026-02-11']);
  });

  it('reports duplicates across the files of a batch: a day copied under two names, one RequestId in two files', () => {
    const copy = parse('copy of 2025-12-01.json', DAYS[0]!.text);
    const ws = createTestWorkspace();
    applyImportResults([...DAYS.map((f) => parse(f.name, f.text)), copy], ws);
    const year = ws.state.datasets[0]!;
    // Each of the copied day's 160 rows, once in its own file and once in the copy: no file alone has any.
    expect(year.pendingDuplicates).toHaveLength(160);
    expect(year.pendingDuplicates[0]).toEqual([0, 12 * 160]);
    const report = mount(BatchImportReport, { props: { dataset: year, overlapText: null } });
    expect(report.get('[data-testid=duplicates]').text()).toContain('160 duplicate rows');
    expect(report.get('[data-testid=duplicates-across]').text()).toBe(
      '160 rows in more than one file (the same RequestId or the same row), as in 2025-12-01.json and copy of 2025-12-01.json.',
    );

    const csv = (id: string, init: number) =>
      [
        'Name;Memory;Init;Cold;Billed;RequestId',
        `api;512;${init};5;6;${id}`,
        `api;512;90;5;6;other-${init}`,
      ].join('\n');
    const runs = createTestWorkspace();
    applyImportResults([parse('a.csv', csv('r-1', 100)), parse('b.csv', csv('r-1', 101))], runs, [], {
      folder: 'runs',
    });
    expect(runs.state.datasets[0]!.pendingDuplicates).toEqual([[0, 2]]);
  });

  it('takes equal cold starts within one lambda-perf day for what they are (no RequestId), not duplicates', () => {
    const results = lambdaPerfDays(11).map((f) => parse(f.name, f.text));
    // A day of 6,000 cold starts lists one function with the same time twice now and then.
    expect(results.some((r) => r.ok && findDuplicates(r.columns).length > 0)).toBe(true);
    const ws = createTestWorkspace();
    applyImportResults(results, ws);
    expect(ws.state.datasets).toHaveLength(1);
    expect(ws.state.datasets[0]!.pendingDuplicates).toEqual([]);
  });

  it('hides a single day of a batch from the analysis and brings it back; its samples stay', () => {
    const ws = createTestWorkspace();
    applyImportResults(
      DAYS.map((f) => parse(f.name, f.text)),
      ws,
    );
    const year = ws.state.datasets[0]!;
    const all = trendOfWorkspace(ws);
    const shown = () => selectRows(ws.state.datasets, ws.state.filters)[0]!.rows;
    const groupCount = () =>
      groupSamples(ws.state.datasets, ws.state.filters).reduce((n, g) => n + g.count, 0);

    ws.setFileHidden(year.id, 2, true);
    expect(year.columns.length).toBe(12 * 160);
    expect(shown()).toHaveLength(11 * 160);
    expect(shown().includes(2 * 160)).toBe(false);
    expect(shown().includes(3 * 160)).toBe(true);
    expect(groupCount()).toBe(11 * 160);
    const without = trendOfWorkspace(ws);
    expect(without.series.every((s) => s.days.length === 11)).toBe(true);
    expect(without.series[0]!.days.map((d) => d.day)).not.toContain('2025-12-03');

    ws.setFileHidden(year.id, 2, false);
    expect(shown()).toHaveLength(12 * 160);
    expect(trendOfWorkspace(ws)).toEqual(all);
  });

  it('keeps each file its own rows when duplicates are dropped, so hiding a file still hides its rows', () => {
    const ws = createTestWorkspace();
    applyImportResults(
      [...DAYS.map((f) => parse(f.name, f.text)), parse('copy of 2025-12-01.json', DAYS[0]!.text)],
      ws,
    );
    const year = ws.state.datasets[0]!;
    expect(dropDatasetDuplicates(year.id, ws)).toBe(160);
    // The copy's rows were the later copies: its range is empty now, the others are as they were.
    expect(year.files?.map((f) => f.end - f.start)).toEqual([...DAYS.map(() => 160), 0]);
    ws.setFileHidden(year.id, 11, true);
    const rows = selectRows(ws.state.datasets, ws.state.filters)[0]!.rows;
    expect(rows).toHaveLength(11 * 160);
    expect(rows[rows.length - 1]).toBe(11 * 160 - 1);
  });

  it('keeps the file ranges right when samples another dataset holds are left out, and when they come back', () => {
    const csv = (...ids: string[]) =>
      ['Name;Memory;Init;Cold;Billed;RequestId', ...ids.map((id, k) => `api;512;${100 + k};5;6;${id}`)].join(
        '\n',
      );
    const ws = createTestWorkspace();
    applyImportResults([parse('fetched.csv', csv('r-1'))], ws);
    applyImportResults(
      [parse('a.csv', csv('r-0', 'r-1', 'r-2')), parse('b.csv', csv('r-3', 'r-4'))],
      ws,
      [],
      {
        folder: 'runs',
      },
    );
    const runs = ws.state.datasets[1]!;
    expect(runs.overlap?.dropped).toBe(1);
    expect(runs.files?.map((f) => [f.start, f.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
    ws.keepOverlapping(runs.id);
    expect(runs.files?.map((f) => [f.start, f.end])).toEqual([
      [0, 3],
      [3, 5],
    ]);
  });

  it('reports a batch of which no file could be read once, each file by name', () => {
    const ws = createTestWorkspace();
    applyImportResults([parse('a.json', '{'), parse('b.csv', '')], ws, [], { folder: 'broken' });
    expect(ws.state.datasets).toEqual([]);
    expect(ws.state.failures).toHaveLength(1);
    expect(ws.state.failures[0]).toMatchObject({ fileName: 'broken' });
    expect(ws.state.failures[0]!.files.map((f) => f.fileName)).toEqual(['a.json', 'b.csv']);
  });
});

describe('a batch in the saved workspace', () => {
  afterEach(() => {
    setImportRunner(workerRunner);
    delete (window as { coldstart?: unknown }).coldstart;
    localStorage.clear();
  });

  it('is saved by its files and comes back from those main can still read; the others are named', async () => {
    const runner: ImportRunner = async (source) =>
      parse(source.fileName, 'text' in source ? source.text : await source.file.text());
    setImportRunner(runner);
    const files = DAYS.map((f) => ({ name: f.name, path: `/data/${f.name}`, text: f.text }));
    const ws = createTestWorkspace();
    applyImportResults(
      files.map((f) => parse(f.name, f.text)),
      ws,
      files.map((f) => ({ fileName: f.name, path: f.path, text: f.text })),
    );
    ws.renameDataset(ws.state.datasets[0]!.id, 'my year');
    ws.setFileHidden(ws.state.datasets[0]!.id, 4, true);
    const saved = snapshotWorkspace(ws);
    expect(saved.datasets).toEqual([
      expect.objectContaining({
        kind: 'batch',
        name: 'my year',
        paths: files.map((f) => f.path),
        hiddenPaths: ['/data/2025-12-05.json'],
      }),
    ]);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    expect(readSavedWorkspace()).toEqual(saved);

    const gone = new Set(['/data/2025-12-03.json']);
    (window as { coldstart?: unknown }).coldstart = {
      reopenFiles: async ({ paths }: { paths: string[] }) => ({
        ok: true,
        value: {
          files: files.filter((f) => paths.includes(f.path) && !gone.has(f.path)),
          errors: [...gone].map((path) => ({
            path,
            message: `2025-12-03.json was moved or deleted (${path})`,
          })),
        },
      }),
    };
    const again = createTestWorkspace();
    expect(await restoreWorkspace(again, saved)).toBe(1);
    expect(again.state.datasets.map((d) => [d.name, d.files?.length])).toEqual([['my year', 11]]);
    // The hidden day is hidden again, by its path (the files after the missing one moved up).
    const restored = again.state.datasets[0]!;
    expect([...restored.hiddenFiles].map((k) => restored.files?.[k]?.fileName)).toEqual(['2025-12-05.json']);
    expect(again.state.failures.map((f) => [f.fileName, f.files.map((x) => x.error)])).toEqual([
      ['1 of the 12 files of my year', ['2025-12-03.json was moved or deleted (/data/2025-12-03.json)']],
    ]);
  });

  it('is not restorable when it was dropped (no paths): it is named instead', () => {
    const ws = createTestWorkspace();
    applyImportResults(
      DAYS.map((f) => parse(f.name, f.text)),
      ws,
    );
    expect(snapshotWorkspace(ws).datasets).toEqual([expect.objectContaining({ kind: 'dropped' })]);
  });
});

describe('importFiles', () => {
  it('keeps a few files ahead in the worker, gives the results in order and progress that never runs back', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const runner: ImportRunner = (source, onProgress) => {
      started.push(source.fileName);
      onProgress('parsing', 0.5);
      return new Promise((resolve) =>
        finish.set(source.fileName, () => resolve(parse(source.fileName, DAYS[0]!.text))),
      );
    };
    const sources = Array.from({ length: 6 }, (_, i) => ({ fileName: `${i}.json`, text: '' }));
    const fractions: number[] = [];
    const done = importFiles(sources, (p) => fractions.push(p.fraction), runner);
    // The first file and three more are with the worker at once; the rest wait.
    expect(started).toEqual(['0.json', '1.json', '2.json', '3.json']);
    // Finishing out of order: the last of those first.
    finish.get('3.json')!();
    finish.get('0.json')!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['0.json', '1.json', '2.json', '3.json', '4.json']);
    for (const name of ['1.json', '2.json', '4.json']) finish.get(name)!();
    await new Promise((r) => setTimeout(r, 0));
    finish.get('5.json')!();
    const results = await done;
    expect(results.map((r) => r.fileName)).toEqual(sources.map((s) => s.fileName));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeLessThan(1);
  });
});
