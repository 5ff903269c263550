import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { importCsvColumns } from '../../shared/csv/import-csv';
import { samplesFromColumns } from '../../shared/sample-columns';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import ImportReportPanel from '../../renderer/src/components/ImportReportPanel.vue';
import {
  applyImportResults,
  dropDatasetDuplicates,
  importSources,
} from '../../renderer/src/state/import-actions';
import { createTestWorkspace, type Workspace } from '../../renderer/src/state/workspace';
import type { FileImportResult, ImportRunner } from '../../renderer/src/import/import-client';

const CSV = [
  'Name;Memory;Init;Cold;Billed;Colour',
  'fn-a;128;100;2;3;red',
  'fn-a;128;abc;2;3;red',
  'fn-a;128;100;2;3;red',
  'fn-b;128;50;1;1;blue',
  '',
].join('\n');

/** The worker's job, done in-process: the same importCsvColumns call. */
const inProcess: ImportRunner = async (source, onProgress) => {
  onProgress('parsing', 0);
  const text = 'text' in source ? source.text : await source.file.text();
  const r = importCsvColumns(text, source.fileName);
  return r.ok
    ? { ok: true, fileName: source.fileName, columns: r.columns, report: r.report }
    : { ok: false, fileName: source.fileName, error: r.error, report: r.report };
};

function parse(text: string, fileName: string): FileImportResult {
  const r = importCsvColumns(text, fileName);
  return r.ok
    ? { ok: true, fileName, columns: r.columns, report: r.report }
    : { ok: false, fileName, error: r.error, report: r.report };
}

describe('import reports', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = createTestWorkspace();
  });

  it('turns a file into a named dataset with tags from its file name', () => {
    const [id] = applyImportResults([parse(CSV, 'speed-arm-128.csv')], ws);
    const d = ws.dataset(id!)!;
    expect(d.name).toBe('speed-arm-128');
    expect(d.columns.length).toBe(3);
    expect(d.tags).toEqual({ arch: 'arm64', memoryMB: 128 });
  });

  it('shows skipped rows with line numbers, unknown columns and duplicates with a drop button', async () => {
    const [id] = applyImportResults([parse(CSV, 'speed-arm-128.csv')], ws);
    const wrapper = mount(ImportReportPanel, { props: { datasets: ws.state.datasets, failures: [] } });
    const report = wrapper.get('[data-testid=import-report]');
    expect(report.text()).toContain('speed-arm-128.csv');
    expect(report.get('[data-testid=skipped]').text()).toContain('1 row skipped');
    expect(report.get('[data-testid=skipped-row]').text()).toMatch(/^line 3, column Init: /);
    expect(report.get('[data-testid=unknown-columns]').text()).toContain('Colour');
    expect(report.get('[data-testid=duplicates]').text()).toContain(
      '1 duplicate row (extra copies of 1 row)',
    );
    await report.get('[data-testid=drop-duplicates]').trigger('click');
    expect(wrapper.emitted('dropDuplicates')).toEqual([[id]]);
  });

  it('drops the duplicates in one call, keeping the first copy', () => {
    const [id] = applyImportResults([parse(CSV, 'speed-arm-128.csv')], ws);
    expect(dropDatasetDuplicates(id!, ws)).toBe(1);
    const d = ws.dataset(id!)!;
    expect(samplesFromColumns(d.columns).map((s) => [s.name, s.initMs])).toEqual([
      ['fn-a', 100],
      ['fn-b', 50],
    ]);
    expect(d.pendingDuplicates).toEqual([]);
    expect(d.version).toBe(1);
    expect(dropDatasetDuplicates(id!, ws)).toBe(0);
  });

  it('says why an unreadable file failed and keeps the data already open', async () => {
    const [good] = applyImportResults([parse(CSV, 'speed-arm-128.csv')], ws);
    const { setImportRunner } = await import('../../renderer/src/state/import-actions');
    setImportRunner(inProcess);
    const ids = await importSources(
      [{ fileName: 'notes.csv', text: 'just some words\nnothing like a CSV\n' }],
      ws,
    );
    expect(ids).toEqual([]);
    expect(ws.state.datasets.map((d) => d.id)).toEqual([good]);
    expect(ws.state.failures).toHaveLength(1);
    const failure = ws.state.failures[0]!;
    expect(failure.fileName).toBe('notes.csv');
    expect(failure.error.length).toBeGreaterThan(10);

    const wrapper = mount(ImportReportPanel, {
      props: { datasets: ws.state.datasets, failures: ws.state.failures },
    });
    const shown = wrapper.get('[data-testid=import-failure]');
    expect(shown.text()).toContain('notes.csv could not be imported');
    expect(shown.text()).toContain(failure.error);
    expect(shown.text()).toContain('Data already open is unchanged.');
  });

  it('replaces the example data on the first real import, and only then', () => {
    ws.addDataset({ name: 'Example', columns: columnsFromSamples([]), source: 'example' });
    applyImportResults([parse('nonsense', 'x.csv')], ws);
    expect(ws.state.datasets.map((d) => d.source)).toEqual(['example']);
    applyImportResults([parse(CSV, 'speed-arm-128.csv')], ws);
    expect(ws.state.datasets.map((d) => d.source)).toEqual(['import']);
  });
});

describe('a file with many unknown columns', () => {
  it('names the first 20 and says how many there were', () => {
    const ws = createTestWorkspace();
    const unknown = Array.from({ length: 200_000 }, (_, i) => `x${i}`);
    ws.addDataset({
      name: 'wide',
      source: 'import',
      columns: columnsFromSamples([]),
      report: {
        fileName: 'wide.csv',
        imported: 0,
        skipped: [],
        unknownColumns: unknown,
        warnings: [],
        duplicates: [],
        archFromFileName: null,
        memoryFromFileName: null,
      } as never,
    });
    const panel = mount(ImportReportPanel, { props: { datasets: ws.state.datasets, failures: [] } });
    const line = panel.get('[data-testid=unknown-columns]').text();
    expect(line).toMatch(/^Ignored 200,000 unknown columns: x0, x1, .*x19, …$/);
    expect(line).not.toContain('x20');
  });
});
