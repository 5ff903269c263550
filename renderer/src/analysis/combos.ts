import type { SampleColumns } from '../../../shared/sample-columns';
import { groupRows } from '../../../shared/stats/row-groups';

/**
 * The rows of one function / architecture / memory combination as the file says them (before the dataset's
 * tags and the user's corrections, which apply per function name: resolved per combination, never per row).
 */
export interface Combo {
  name: string;
  /** The rows' own arch and memory; null when they have none. */
  arch: string | null;
  memoryMB: number | null;
  /** Indexes of the rows, ascending. */
  rows: Int32Array;
}

// Combinations depend on the columns only, and columns are never changed in place (see Dataset.columns):
// one scan per columns object, whatever the tags, corrections, filters or metric.
const cache = new WeakMap<SampleColumns, readonly Combo[]>();

/** The distinct (name, arch, memory) combinations of the columns, in order of first appearance. */
export function combosOf(columns: SampleColumns): readonly Combo[] {
  let combos = cache.get(columns);
  if (!combos) {
    const started = performance.now();
    cache.set(columns, (combos = scanCombos(columns)));
    // For the bench: the one pass over every row after an import.
    performance.clearMeasures('coldstart:combos');
    performance.measure('coldstart:combos', { start: started, end: performance.now() });
  }
  return combos;
}

// The rows of each combination, ascending, in order of first appearance: the shared grouping of columns.
function scanCombos(c: SampleColumns): Combo[] {
  return groupRows(c, ['name', 'arch', 'memory']).map(({ values: [name, arch, memoryMB], rows }) => ({
    name: name as string,
    arch: (arch ?? null) as string | null,
    memoryMB: (memoryMB ?? null) as number | null,
    rows,
  }));
}
