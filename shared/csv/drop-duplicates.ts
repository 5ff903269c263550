import type { Sample } from '../sample';
import { type SampleColumns } from '../sample-columns';
import { pickRows } from '../sample-columns-builder';

/** Removes the duplicates an import reported, keeping the first of each group. */
export function dropDuplicates(samples: Sample[], duplicates: number[][]): Sample[] {
  return keptRows(samples.length, duplicates).map((i) => samples[i] as Sample);
}

/** dropDuplicates for columns. */
export function dropDuplicateRows(columns: SampleColumns, duplicates: number[][]): SampleColumns {
  return pickRows(columns, keptRows(columns.length, duplicates));
}

/** Indexes 0 .. length - 1 without all but the first of each duplicate group. */
export function keptRows(length: number, duplicates: number[][]): number[] {
  const drop = new Uint8Array(length);
  for (const group of duplicates) {
    // A loop, not Math.min(...group): a file of one row repeated makes a group too long to spread.
    let first = Infinity;
    for (const index of group) first = Math.min(first, index);
    for (const index of group) if (index !== first) drop[index] = 1;
  }
  const kept: number[] = [];
  // Stryker disable next-line EqualityOperator: drop[length] is undefined, never 0
  for (let i = 0; i < length; i++) if (drop[i] === 0) kept.push(i);
  return kept;
}
