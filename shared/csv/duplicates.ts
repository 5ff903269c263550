import type { CodedColumn, NumberColumn, SampleColumns } from '../sample-columns';
import { candidateRows, orderByHash } from './hash-order';
import { invocationHashes, sameInvocation, varyingColumns, type Varying } from './invocation-hashes';

// The duplicate check of an import: invocation-hashes.ts says what one invocation is and hashes each sample,
// hash-order.ts picks the samples whose hash may be shared and orders them by hash; this file groups them.
// Its loops are functions of their own, for the reason given in hash-order.ts.
/**
 * Groups of samples that are one invocation (see sameInvocation), each group in file order, groups ordered by
 * their first sample. Samples are hashed; the few whose hash may be shared are ordered by hash (a radix sort:
 * sequential passes over typed arrays, where a hash table's random probes missed the cache on every row), and
 * only samples with equal hashes are compared. `sameOnEveryRow`: columns known to hold one value on every
 * row (a column the file lacks), not scanned to find that out.
 */
export function findDuplicates(
  columns: SampleColumns,
  sameOnEveryRow: ReadonlySet<NumberColumn | CodedColumn> = new Set(),
): number[][] {
  const varying = varyingColumns(columns, sameOnEveryRow);
  const hashes = invocationHashes(columns, varying);
  const rows = candidateRows(hashes);
  const { order, sorted } = orderByHash(hashesAt(hashes, rows));
  // The candidates' rows in hash order.
  const byHash = rowsAt(rows, order);
  return invocations(columns, varying, sorted, byHash).sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** hashes[rows[k]] for each k. */
function hashesAt(hashes: Uint32Array, rows: Int32Array): Uint32Array {
  const picked = new Uint32Array(rows.length);
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let k = 0; k < rows.length; k++) picked[k] = hashes[rows[k] as number] as number;
  return picked;
}

/** rows[order[k]] for each k. */
function rowsAt(rows: Int32Array, order: Int32Array): Int32Array {
  const picked = new Int32Array(order.length);
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let k = 0; k < order.length; k++) picked[k] = rows[order[k] as number] as number;
  return picked;
}

/**
 * The groups of rows that are one invocation among rows ordered by hash (`byHash`, their hashes in `sorted`):
 * only rows with equal hashes are compared.
 */
function invocations(
  columns: SampleColumns,
  varying: Varying,
  sorted: Uint32Array,
  byHash: Int32Array,
): number[][] {
  const n = byHash.length;
  const groups: number[][] = [];
  // Stryker disable next-line ArrayDeclaration: emptied before each use
  const run: number[][] = [];
  // Stryker disable next-line EqualityOperator: past the end no hash repeats: nothing more is grouped
  for (let from = 0; from < n;) {
    const hash = sorted[from] as number;
    let to = from + 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end sorted[to] is undefined, never a hash
    while (to < n && sorted[to] === hash) to += 1;
    if (to - from > 1) {
      // Samples with one hash, in file order: nearly always all one invocation, checked first without
      // building anything; otherwise sorted into groups one by one.
      const first = byHash[from] as number;
      // Stryker disable next-line BooleanLiteral: the all-one-invocation shortcut only skips sorting the rows into groups one by one, which finds the same
      let one = true;
      // Stryker disable next-line ArithmeticOperator,LogicalOperator,ConditionalExpression,EqualityOperator,UpdateOperator: the all-one-invocation shortcut only skips sorting the rows into groups one by one, which finds the same
      for (let k = from + 1; one && k < to; k++)
        one = sameInvocation(columns, varying, first, byHash[k] as number);
      // Stryker disable next-line ConditionalExpression: the all-one-invocation shortcut only skips sorting the rows into groups one by one, which finds the same
      if (one) {
        // Stryker disable next-line ArrayDeclaration: the array grows to the same
        const group = new Array<number>(to - from);
        for (let k = from; k < to; k++) group[k - from] = byHash[k] as number;
        groups.push(group);
      } else {
        run.length = 0;
        // Stryker disable next-line EqualityOperator: the next hash's first row is no invocation of these: a group of one, dropped
        for (let k = from; k < to; k++) {
          const i = byHash[k] as number;
          const group = run.find((g) => sameInvocation(columns, varying, g[0] as number, i));
          if (group === undefined) run.push([i]);
          else group.push(i);
        }
        for (const group of run) if (group.length > 1) groups.push(group);
      }
    }
    from = to;
  }
  return groups;
}
