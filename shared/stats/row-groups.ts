import type { GroupKey } from '../sample';
import { textOf, type SampleColumns } from '../sample-columns';

/** The rows of columns that share their values of some keys (e.g. one function at one memory size). */
export interface RowGroup {
  /** The group's value of each key, in the order of the keys: memory as a number, unknown as null. */
  values: (string | number | null)[];
  /** Indexes of the rows, ascending. */
  rows: Int32Array;
}

/** A key as a small id per row (0 .. count - 1) and the value of each id. */
interface KeyIds {
  ids: Uint32Array;
  count: number;
  valueOf: (id: number) => string | number | null;
}

/** Up to this many distinct memory sizes are found by a scan of a short list, beyond by a Map. */
const FEW_MEMORY_SIZES = 16;
/** Up to this many possible (group, key id) pairs a dense table numbers them, beyond a Map. */
const DENSE_PAIRS = 1 << 20;

function keyIds(c: SampleColumns, key: GroupKey): KeyIds {
  if (key !== 'memory') {
    // Coded columns are ids already: 0 for none, k for values[k - 1].
    const column = key === 'name' ? c.name : key === 'arch' ? c.arch : c.runtime;
    return { ids: column.codes, count: column.values.length + 1, valueOf: (id) => textOf(column, id) };
  }
  // Memory sizes are few and not coded: a small id for each (0 = unknown), in order of first appearance.
  const n = c.length;
  const memory = c.memoryMB;
  const ids = new Uint32Array(n);
  const values: (number | null)[] = [null];
  let map: Map<number, number> | null = null;
  let last = NaN;
  let lastId = 0;
  // Stryker disable next-line EqualityOperator: a row past the end reads undefined, which only adds a memory size no row has (a larger table)
  for (let i = 0; i < n; i++) {
    const m = memory[i] as number;
    // Stryker disable next-line ConditionalExpression: looking up the same memory size again finds the same id (only slower)
    if (m !== last) {
      last = m;
      if (m !== m) lastId = 0;
      else {
        let id = -1;
        // Stryker disable next-line ConditionalExpression: the short list and the Map hold the same ids (only the speed differs)
        if (map === null) {
          // Stryker disable next-line EqualityOperator: past the list is undefined, never a memory size
          for (let k = 1; k < values.length; k++) if (values[k] === m) id = k;
          // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: the short list and the Map hold the same ids (only the speed differs)
          if (id < 0 && values.length > FEW_MEMORY_SIZES) map = new Map(values.map((v, k) => [v ?? NaN, k]));
        }
        if (map !== null) id = map.get(m) ?? -1;
        // Stryker disable next-line EqualityOperator: id 0 is the unknown size (NaN), which this branch never looks up
        if (id < 0) {
          id = values.length;
          values.push(m);
          map?.set(m, id);
        }
        lastId = id;
      }
    }
    ids[i] = lastId;
  }
  return { ids, count: values.length, valueOf: (id) => values[id] ?? null };
}

/** Each row's group, numbered from 0 in order of first appearance, and each group's key values and size. */
export interface RowGroupIds {
  groupOf: Int32Array;
  /** Per group: its value of each key, in the order of the keys (memory as a number, unknown as null). */
  values: (string | number | null)[][];
  /** Per group: how many rows it has. */
  sizes: Int32Array;
}

/**
 * The distinct combinations of the keys' values among the rows of the columns, in order of first appearance,
 * as a group id per row. No string per row: one pass over the keys' small ids when their combinations fit a
 * table (combinedGroups), else one pass per key (refinedGroups). Without keys, every row is one group.
 */
export function rowGroupIds(c: SampleColumns, keys: readonly GroupKey[]): RowGroupIds {
  const n = c.length;
  const groupOf = new Int32Array(n);
  // Stryker disable next-line ConditionalExpression: without rows either pass finds no groups too
  if (n === 0) return { groupOf, values: [], sizes: new Int32Array(0) };
  const keyed = keys.map((key) => keyIds(c, key));
  const combined = combinedGroups(keyed, groupOf);
  const firstRow = combined?.firstRow ?? refinedGroups(keyed, groupOf);
  const sizes = combined?.sizes ?? groupSizes(groupOf, firstRow.length);
  return {
    groupOf,
    values: firstRow.map((row) => keyed.map(({ ids, valueOf }) => valueOf(ids[row] as number))),
    sizes,
  };
}

/** How many rows each of `groups` groups has. */
function groupSizes(groupOf: Int32Array, groups: number): Int32Array {
  const sizes = new Int32Array(groups);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    sizes[g] = (sizes[g] as number) + 1;
  }
  return sizes;
}

/**
 * The groups in one pass, when there are at most three keys and every combination of their ids fits a dense
 * table (a few hundred names × a few memory sizes: nearly always): each row's combination numbered in order
 * of first appearance, into `groupOf`, and counted. The first row and the size of each group; null when the
 * keys do not fit.
 */
// Stryker disable BlockStatement: without the one pass (null) the groups come key by key, the same groups in the same order
function combinedGroups(
  keyed: readonly KeyIds[],
  groupOf: Int32Array,
): { firstRow: number[]; sizes: Int32Array } | null {
  // Stryker restore BlockStatement
  const combinations = keyed.reduce((product, k) => product * k.count, 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: either way gives the same groups (a larger table only costs memory)
  if (keyed.length > 3 || combinations > DENSE_PAIRS) return null;
  const [a, b, c] = keyed;
  const aIds = a?.ids;
  const bIds = b?.ids;
  const cIds = c?.ids;
  const bCount = b?.count ?? 1;
  const cCount = c?.count ?? 1;
  const dense = new Int32Array(combinations).fill(-1);
  // Rows per combination, counted in the same pass (next to `dense` in the cache).
  const rows = new Int32Array(combinations);
  const firstRow: number[] = [];
  const combinationOf: number[] = [];
  for (let i = 0; i < groupOf.length; i++) {
    let combination = aIds === undefined ? 0 : (aIds[i] as number);
    if (bIds !== undefined) combination = combination * bCount + (bIds[i] as number);
    if (cIds !== undefined) combination = combination * cCount + (cIds[i] as number);
    let g = dense[combination] as number;
    if (g < 0) {
      g = firstRow.length;
      firstRow.push(i);
      combinationOf.push(combination);
      dense[combination] = g;
    }
    groupOf[i] = g;
    rows[combination] = (rows[combination] as number) + 1;
  }
  return { firstRow, sizes: Int32Array.from(combinationOf, (k) => rows[k] as number) };
}

/**
 * The groups key by key, for any number of keys and values: each key refines the groups of the keys before
 * it, one pass over small ids per key (a single combined number of all keys could exceed what a double
 * counts exactly). The first row of each group.
 */
function refinedGroups(keyed: readonly KeyIds[], groupOf: Int32Array): number[] {
  const n = groupOf.length;
  let firstRow: number[] = [0];
  for (const { ids, count } of keyed) {
    const groups = firstRow.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a table or a Map number the pairs alike (only memory and speed differ)
    const dense = groups * count <= DENSE_PAIRS ? new Int32Array(groups * count).fill(-1) : null;
    // Stryker disable next-line ConditionalExpression: a Map made beside the table is never read
    const sparse = dense === null ? new Map<number, number>() : null;
    const next: number[] = [];
    for (let i = 0; i < n; i++) {
      const pair = (groupOf[i] as number) * count + (ids[i] as number);
      // Stryker disable OptionalChaining: without a table there is a Map
      let g = dense !== null ? (dense[pair] as number) : (sparse?.get(pair) ?? -1);
      if (g < 0) {
        g = next.length;
        next.push(i);
        if (dense !== null) dense[pair] = g;
        else sparse?.set(pair, g);
      }
      // Stryker restore OptionalChaining
      groupOf[i] = g;
    }
    firstRow = next;
  }
  return firstRow;
}

/** rowGroupIds as the rows of each group (ascending). */
export function groupRows(c: SampleColumns, keys: readonly GroupKey[]): RowGroup[] {
  const { groupOf, values, sizes } = rowGroupIds(c, keys);
  // Rows of each group side by side in one array (a counting sort by group, so ascending).
  const groups = values.length;
  const starts = new Int32Array(groups + 1);
  // Stryker disable next-line EqualityOperator: a write past the end of a typed array is dropped
  for (let g = 0; g < groups; g++) starts[g + 1] = (starts[g] as number) + (sizes[g] as number);
  const filled = starts.slice(0, groups);
  const n = groupOf.length;
  const rows = new Int32Array(n);
  // Not `rows[(filled[g] as number)++]`: Stryker's instrumenter loses the parentheses of that form.
  // Stryker disable next-line EqualityOperator: the row past the end only sets a property of `rows`, which the groups' subarrays do not have
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    const slot = filled[g] as number;
    rows[slot] = i;
    filled[g] = slot + 1;
  }
  return values.map((v, g) => ({ values: v, rows: rows.subarray(starts[g], starts[g + 1]) }));
}
