// Page functions run in Chromium: they need the DOM's types.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importCsvColumns } from '../../shared/csv/import-csv';
import { TWO_PARTS_FROM_BYTES } from '../../shared/csv/import-bytes';
import { seededRandom } from '../random';
import { CHROMIUM } from './support/renderer-harness';
import { openAppPage, type AppPage } from './support/app-page';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`big file import e2e skipped: ${CHROMIUM} is not installed`);

/**
 * A seed-format file just over TWO_PARTS_FROM_BYTES: 40 functions × 4 memory sizes with log-normal-ish
 * times, a row that cannot be read now and then (in both halves), and repeated rows (duplicates).
 */
function bigSeedFile(): string {
  const random = seededRandom(20261202);
  const lines = ['Name;Memory;Init;Cold;Billed'];
  let size = lines[0]!.length;
  for (let i = 0; size < TWO_PARTS_FROM_BYTES * 1.1; i++) {
    const init = (150 * Math.exp(0.3 * (random() + random() + random() - 1.5))).toFixed(2);
    const cold = (20 + 30 * random()).toFixed(2);
    const line =
      i % 9973 === 17
        ? 'fn-bad;128;x;1;1'
        : i % 7001 === 5
          ? (lines[lines.length - 1] as string)
          : `fn-${i % 40};${[128, 512, 1024, 2048][i % 4]};${init};${cold};${Math.ceil(Number(cold))}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!haveChromium)('a big CSV file dropped on the window (Chromium)', () => {
  let app: AppPage;
  let page: Page;
  const text = bigSeedFile();
  const expected = importCsvColumns(text, 'big-arm64.csv');

  beforeAll(async () => {
    app = await openAppPage({ name: 'big-file', viewport: { width: 1360, height: 900 } });
    page = app.page;
    await page.waitForSelector('[data-testid=chart] path.box');
  });

  afterAll(() => app?.close());

  it('is read in two parts on two workers, with the rows, skipped lines and duplicates of one reader', async () => {
    if (!expected.ok) throw new Error(expected.error);
    // Few enough for the report to list them all (it lists 50).
    expect(expected.report.skipped.length).toBeGreaterThan(10);
    expect(expected.report.skipped.length).toBeLessThanOrEqual(50);
    expect(expected.report.duplicates.length).toBeGreaterThan(2);
    await page.evaluate((csv) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'big-arm64.csv', { type: 'text/csv' }));
      document
        .querySelector('.app')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('[data-testid=dataset][data-name="big-arm64"]', { timeout: 120_000 });
    const parts = await page.evaluate(
      () =>
        (performance.getEntriesByName('coldstart:import').at(-1) as PerformanceMark | undefined)?.detail
          ?.parts,
    );
    expect(parts).toBe(2);
    expect(await page.textContent('[data-testid=dataset-list]')).toContain(
      `${expected.columns.length.toLocaleString('en-US')} samples`,
    );
    const report = page.locator('[data-testid=import-report][data-file="big-arm64.csv"]');
    expect(await report.locator('[data-testid=skipped] summary').textContent()).toContain(
      `${expected.report.skipped.length} rows skipped`,
    );
    // The same lines as one reader names: the second half's are counted from the file's start.
    await report.locator('[data-testid=skipped] summary').click();
    const lines = await report.locator('[data-testid=skipped-row]').allTextContents();
    expect(lines.map((l) => l.trim().replace(/\s+/g, ' '))).toEqual(
      expected.report.skipped.map(
        (s) => `line ${s.line}${s.column ? `, column ${s.column}` : ''}: ${s.reason}`,
      ),
    );
    const extra = expected.report.duplicates.reduce((n, g) => n + g.length - 1, 0);
    expect(await report.locator('[data-testid=duplicates]').textContent()).toContain(
      `${extra} duplicate rows`,
    );
    expect(app.errors).toEqual([]);
  });
});
