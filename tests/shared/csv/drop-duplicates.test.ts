import { describe, expect, it } from 'vitest';
import { dropDuplicateRows, dropDuplicates } from '../../../shared/csv/drop-duplicates';
import { emptySample } from '../../../shared/sample';
import { samplesFromColumns } from '../../../shared/sample-columns';
import { columnsFromSamples } from '../../../shared/sample-columns-builder';

describe('dropping duplicates', () => {
  const samples = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => emptySample(name));

  it('keeps the first of each group, wherever in the group it is listed, and every other row', () => {
    const groups = [
      [4, 1],
      [2, 5, 3],
    ];
    expect(dropDuplicates(samples, groups).map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(
      samplesFromColumns(dropDuplicateRows(columnsFromSamples(samples), groups)).map((s) => s.name),
    ).toEqual(['a', 'b', 'c']);
  });

  it('keeps everything when there are no duplicates', () => {
    expect(dropDuplicates(samples, [])).toEqual(samples);
    expect(dropDuplicateRows(columnsFromSamples(samples), []).length).toBe(6);
  });
});
