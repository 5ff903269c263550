import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../electron/engine/engine-api';
import { clipFetchRange } from '../../electron/engine/fetch/fetch-range';
import type { FetchRequest } from '../../shared/measure';
import { defaultConnection, startHarness, type Harness } from './engine-harness';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');
const request = (start: string, end: string): FetchRequest => ({
  functions: ['api'],
  start,
  end,
  coldOnly: true,
  method: 'insights',
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('fetch range', () => {
  it('keeps a range in the past as it is', () => {
    const past = request('2026-12-01T00:00:00.000Z', '2026-12-02T09:59:59.000Z');
    expect(clipFetchRange(past, NOW)).toEqual({ request: past, warnings: [] });
  });

  it('reads a range that ends in the future as asked, and says what it can hold', () => {
    const asked = request('2026-12-02T08:00:00Z', '2027-01-01T00:00:00Z');
    const result = clipFetchRange(asked, NOW);
    // Not cut at now: events stamped a moment ahead of this clock (or Insights' whole seconds) stay in.
    expect(result.request).toEqual(asked);
    expect(result.warnings).toEqual([
      'The range ends in the future (2027-01-01T00:00:00.000Z): it holds only what happened up to now, 2026-12-02T10:00:00.000Z.',
    ]);
  });

  it.each([
    ['2027-06-01T00:00:00Z', '2027-07-01T00:00:00Z', '2027-06-01T00:00:00.000Z'],
    ['2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z', '2026-12-02T10:00:00.000Z'],
  ])('refuses a range that starts in the future (%s)', (start, end, shown) => {
    let thrown: unknown;
    try {
      clipFetchRange(request(start, end), NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineError);
    expect(thrown).toMatchObject({
      code: 'invalid-argument',
      message: `the range starts in the future: ${shown}; now is 2026-12-02T10:00:00.000Z`,
    });
  });

  it('is checked by the engine itself, for the app, before anything is read or stored', async () => {
    h = await startHarness({ functions: [{ name: 'api' }] });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await expect(h.engine.startFetch(defaultConnection, request(future, later))).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/^the range starts in the future: /),
    });
    expect(await h.engine.listRuns()).toEqual([]);
  });
});
