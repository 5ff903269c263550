import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { samplesFromColumns } from '../../shared/sample-columns';
import { columnsFromSamples } from '../../shared/sample-columns-builder';
import { emptySample, type Sample } from '../../shared/sample';
import ImportReportPanel from '../../renderer/src/components/ImportReportPanel.vue';
import { createTestWorkspace } from '../../renderer/src/state/workspace';

const cold = (name: string, requestId: string | null, initMs = 100): Sample => ({
  ...emptySample(name),
  initMs,
  durationMs: 5,
  billedMs: 6,
  requestId,
});
const cols = (samples: Sample[]) => columnsFromSamples(samples);

// findRequestIdOverlap and rowsWithout themselves: tests/shared/request-id-overlap.test.ts.

describe('workspace: the same invocation in two datasets counts once', () => {
  it('leaves the second copy out of the later dataset, says so, and can keep it after all', () => {
    const ws = createTestWorkspace();
    const runId = ws.addDataset({
      name: 'run 11-20',
      source: 'run',
      columns: cols([cold('api', 'r1', 100), cold('api', 'r2', 110)]),
    });
    const fetchId = ws.addDataset({
      name: 'fetch 11-20',
      source: 'run',
      columns: cols([cold('api', 'r2', 110), cold('api', 'r5', 130), cold('api', 'r1', 100)]),
    });
    const fetched = ws.dataset(fetchId)!;
    expect(samplesFromColumns(fetched.columns).map((s) => s.requestId)).toEqual(['r5']);
    expect(fetched.overlap).toMatchObject({
      dropped: 2,
      kept: false,
      with: [{ datasetId: runId, name: 'run 11-20', count: 2 }],
    });
    expect(samplesFromColumns(ws.dataset(runId)!.columns)).toHaveLength(2);

    const panel = mount(ImportReportPanel, { props: { datasets: ws.state.datasets, failures: [] } });
    const line = panel.get('[data-testid=overlap]');
    expect(line.text()).toContain('2 samples also in run 11-20 (2) (same RequestId): counted once');
    line.get('[data-testid=keep-overlapping]').trigger('click');
    expect(panel.emitted('keepOverlapping')).toEqual([[fetchId]]);

    const version = fetched.version;
    ws.keepOverlapping(fetchId);
    expect(samplesFromColumns(fetched.columns).map((s) => s.requestId)).toEqual(['r2', 'r5', 'r1']);
    expect(fetched.overlap?.kept).toBe(true);
    expect(fetched.version).toBe(version + 1);
  });
  it('renumbers the import’s duplicate groups to the rows that stay', () => {
    const ws = createTestWorkspace();
    ws.addDataset({ name: 'a', source: 'run', columns: cols([cold('api', 'r1')]) });
    const id = ws.addDataset({
      name: 'b',
      source: 'import',
      columns: cols([cold('api', 'r1'), cold('api', 'r7'), cold('api', 'r7')]),
      report: {
        fileName: 'b.csv',
        imported: 3,
        skipped: [],
        unknownColumns: [],
        warnings: [],
        duplicates: [[1, 2]],
        archFromFileName: null,
        memoryFromFileName: null,
      } as never,
    });
    expect(ws.dataset(id)!.pendingDuplicates).toEqual([[0, 1]]);
    ws.keepOverlapping(id);
    expect(ws.dataset(id)!.pendingDuplicates).toEqual([[1, 2]]);
  });
  it('leaves the example data out of it', () => {
    const ws = createTestWorkspace();
    ws.addDataset({ name: 'Example data', source: 'example', columns: cols([cold('api', 'r1')]) });
    const id = ws.addDataset({ name: 'b', source: 'import', columns: cols([cold('api', 'r1')]) });
    expect(ws.dataset(id)!.overlap).toBeNull();
  });
});
