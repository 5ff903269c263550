import { describe, expect, it } from 'vitest';
import { emptySample, type Sample } from '../../shared/sample';
import { NUMBER_COLUMNS, samplesFromColumns } from '../../shared/sample-columns';
import { columnsFromSamples, SampleColumnsBuilder } from '../../shared/sample-columns-builder';

const sample = (i: number, more: Partial<Sample> = {}): Sample => ({
  ...emptySample(`f${i % 3}`),
  durationMs: i,
  billedMs: i + 1,
  ...more,
});

describe('SampleColumnsBuilder texts', () => {
  it('codes no text for a null runtime, status or error type (code 0, no null among the values)', () => {
    const columns = columnsFromSamples([
      sample(0, { runtime: 'nodejs20.x', status: 'success', errorType: 'Runtime.Exit' }),
      sample(1),
      sample(2, { runtime: 'python3.12', status: 'error' }),
    ]);
    expect([...columns.runtime.codes]).toEqual([1, 0, 2]);
    expect(columns.runtime.values).toEqual(['nodejs20.x', 'python3.12']);
    expect([...columns.status.codes]).toEqual([1, 0, 2]);
    expect(columns.status.values).toEqual(['success', 'error']);
    expect([...columns.errorType.codes]).toEqual([1, 0, 0]);
    expect(columns.errorType.values).toEqual(['Runtime.Exit']);
  });

  it('keeps no timestamp column when every timestamp is empty', () => {
    const columns = columnsFromSamples([sample(0, { timestamp: '' }), sample(1, { timestamp: '' })]);
    expect(columns.timestamp).toBeNull();
    expect(samplesFromColumns(columns).map((s) => s.timestamp)).toEqual([null, null]);
  });
});

describe('SampleColumnsBuilder.appendColumns', () => {
  it('grows for a part larger than its room', () => {
    const builder = new SampleColumnsBuilder(16);
    const first = Array.from({ length: 10 }, (_, i) => sample(i));
    for (const s of first) builder.addSample(s);
    const part = Array.from({ length: 3000 }, (_, i) => sample(10 + i, { arch: 'arm64', runtime: 'java21' }));
    builder.appendColumns(columnsFromSamples(part));
    expect(samplesFromColumns(builder.finish())).toEqual([...first, ...part]);
  });

  it("keeps a part's request ids and timestamps whichever side has them, and makes none when neither has", () => {
    const plain = (from: number) => Array.from({ length: 5 }, (_, i) => sample(from + i));
    const withTexts = (from: number) =>
      Array.from({ length: 5 }, (_, i) =>
        sample(from + i, { requestId: `r${from + i}`, timestamp: `t${i}` }),
      );
    for (const [before, part] of [
      [plain(0), plain(5)],
      [plain(0), withTexts(5)],
      [withTexts(0), plain(5)],
      [withTexts(0), withTexts(5)],
    ] as const) {
      const builder = new SampleColumnsBuilder(4);
      for (const s of before) builder.addSample(s);
      builder.appendColumns(columnsFromSamples(part));
      const columns = builder.finish();
      expect(samplesFromColumns(columns)).toEqual([...before, ...part]);
      const any = [...before, ...part].some((s) => s.requestId !== null);
      expect(columns.requestId === null).toBe(!any);
      expect(columns.timestamp === null).toBe(!any);
    }
  });
});

describe('SampleColumnsBuilder.leaveOut', () => {
  it('gives every number column NaN when all of them are left out', () => {
    const builder = new SampleColumnsBuilder(4);
    builder.leaveOut(NUMBER_COLUMNS);
    // What is written to a left-out column goes nowhere.
    for (let i = 0; i < 20; i++) builder.addSample(sample(i));
    const columns = builder.finish();
    for (const key of NUMBER_COLUMNS) {
      expect(columns[key].length, key).toBe(20);
      expect(columns[key].every(Number.isNaN), key).toBe(true);
    }
    expect(samplesFromColumns(columns).map((s) => s.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `f${i % 3}`),
    );
  });
});
