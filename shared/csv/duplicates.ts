import {
  samePackedText,
  type CodedColumn,
  type NumberColumn,
  type PackedTextColumn,
  type SampleColumns,
} from '../sample-columns';

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

/** One 32-bit word into the hash, as MurmurHash3 does: every input bit reaches every hash bit. */
function mixWord(hash: number, word: number): number {
  let w = Math.imul(word, 0xcc9e2d51);
  w = (w << 15) | (w >>> 17);
  w = Math.imul(w, 0x1b873593);
  let h = hash ^ w;
  h = (h << 13) | (h >>> 19);
  // Stryker disable next-line ArithmeticOperator: a weaker hash only compares more rows (the comparison decides)
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * A number of a column (NaN for null: every NaN hashes alike, as every null compares alike), its two words
 * folded into one first: equal values still hash alike, and a rare extra collision only costs a comparison.
 */
// Stryker disable next-line BlockStatement: a weaker hash only compares more rows (the comparison decides)
function mixNumber(hash: number, value: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: every NaN a column holds has the same bits: they hash alike anyway (and a weaker hash only compares more rows)
  if (value !== value) return mixWord(hash, 0x9e3779b9);
  float[0] = value;
  return mixWord(hash, (floatWords[0] as number) ^ Math.imul(floatWords[1] as number, 0x9e3779b1));
}

/**
 * FNV-1a over the characters of sample i's value in a packed column (nothing for none): cheap, and finish()
 * spreads the bits afterwards.
 */
// Stryker disable next-line BlockStatement: a weaker hash only compares more rows (the comparison decides)
function mixPackedText(hash: number, column: PackedTextColumn, i: number): number {
  const { text, ends } = column;
  const start = i === 0 ? 0 : (ends[i - 1] as number);
  const end = ends[i] as number;
  let h = hash ^ (end - start);
  // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h;
}

function hasPackedText(column: PackedTextColumn, i: number): boolean {
  return (column.ends[i] as number) !== (i === 0 ? 0 : (column.ends[i - 1] as number));
}

function finish(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const sameNumber = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

/**
 * The columns in which the samples differ at all. Only these are hashed and compared: a comparison reads
 * both rows' values from every column it looks at, from far-apart places in memory, and a seed file has
 * 6 of its 12 columns empty or the same on every row.
 */
interface Varying {
  numbers: Float64Array[];
  codes: Uint32Array[];
}

function varyingColumns(c: SampleColumns, same: ReadonlySet<NumberColumn | CodedColumn>): Varying {
  const numbers: NumberColumn[] = [
    'initMs',
    'durationMs',
    'billedMs',
    'memoryMB',
    'maxMemoryUsedMB',
    'restoreMs',
  ];
  const codes: CodedColumn[] = ['name', 'arch', 'runtime', 'status', 'errorType', 'run'];
  return {
    // Stryker disable next-line MethodExpression: a column that does not vary, taken as varying, is only hashed and compared needlessly
    numbers: numbers.filter((key) => !same.has(key) && numbersVary(c[key])).map((key) => c[key]),
    // A column without a single value holds only null's code: nothing to scan (a seed file has five).
    codes: codes
      // Stryker disable next-line MethodExpression: a column that does not vary, taken as varying, is only hashed and compared needlessly
      .filter((key) => !same.has(key) && c[key].values.length > 0 && codesVary(c[key].codes))
      .map((key) => c[key].codes),
  };
}

// One function per array type: a loop that sees both stays slow (polymorphic element loads).
function numbersVary(column: Float64Array): boolean {
  const first = column[0] as number;
  // Stryker disable next-line EqualityOperator,UpdateOperator: a column that does not vary, taken as varying, is only hashed and compared needlessly
  for (let i = 1; i < column.length; i++) if (!sameNumber(column[i] as number, first)) return true;
  // Stryker disable next-line BooleanLiteral: a column that does not vary, taken as varying, is only hashed and compared needlessly
  return false;
}

function codesVary(column: Uint32Array): boolean {
  const first = column[0] as number;
  // Stryker disable next-line EqualityOperator,UpdateOperator: a column that does not vary, taken as varying, is only hashed and compared needlessly
  for (let i = 1; i < column.length; i++) if (column[i] !== first) return true;
  // Stryker disable next-line BooleanLiteral: a column that does not vary, taken as varying, is only hashed and compared needlessly
  return false;
}

// Two rows with one RequestId are one invocation, whatever else they say; rows without one are duplicates
// when every value is the same. (Codes of a coded column are equal exactly when the texts are.)
function sameInvocation(c: SampleColumns, varying: Varying, a: number, b: number): boolean {
  if (c.requestId !== null && (hasPackedText(c.requestId, a) || hasPackedText(c.requestId, b)))
    return samePackedText(c.requestId, a, b);
  for (const column of varying.numbers)
    if (!sameNumber(column[a] as number, column[b] as number)) return false;
  for (const column of varying.codes) if (column[a] !== column[b]) return false;
  return samePackedText(c.timestamp, a, b);
}

/** One hash per sample; equal hashes for every pair sameInvocation calls one invocation. */
function invocationHashes(c: SampleColumns, varying: Varying): Uint32Array {
  const n = c.length;
  const hashes = new Uint32Array(n);
  const { requestId, timestamp } = c;
  // Up to six of each, named one by one: a loop over the lists inside the loop over a million rows costs
  // more than the mixing itself.
  const [n0, n1, n2, n3, n4, n5] = varying.numbers;
  const [c0, c1, c2, c3, c4, c5] = varying.codes;
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let i = 0; i < n; i++) {
    if (requestId !== null && hasPackedText(requestId, i)) {
      hashes[i] = finish(mixPackedText(2166136261, requestId, i));
      continue;
    }
    // Every compared value goes into the hash: rows that differ only in, say, their timestamp must not share
    // a hash (they would be compared with each other).
    let h = 0x2545f491;
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (n0 !== undefined) h = mixNumber(h, n0[i] as number);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (n1 !== undefined) h = mixNumber(h, n1[i] as number);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (n2 !== undefined) h = mixNumber(h, n2[i] as number);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (n3 !== undefined) h = mixNumber(h, n3[i] as number);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (n4 !== undefined) h = mixNumber(h, n4[i] as number);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (n5 !== undefined) h = mixNumber(h, n5[i] as number);
    // The text codes folded into one word (FNV-1a steps), then mixed once.
    let folded = 2166136261;
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (c0 !== undefined) folded = Math.imul(folded ^ (c0[i] as number), 16777619);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (c1 !== undefined) folded = Math.imul(folded ^ (c1[i] as number), 16777619);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (c2 !== undefined) folded = Math.imul(folded ^ (c2[i] as number), 16777619);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (c3 !== undefined) folded = Math.imul(folded ^ (c3[i] as number), 16777619);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (c4 !== undefined) folded = Math.imul(folded ^ (c4[i] as number), 16777619);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (c5 !== undefined) folded = Math.imul(folded ^ (c5[i] as number), 16777619);
    h = mixWord(h, folded);
    // Stryker disable next-line ConditionalExpression: a weaker hash only compares more rows (the comparison decides)
    if (timestamp !== null) h = mixPackedText(h, timestamp, i);
    hashes[i] = finish(h);
  }
  return hashes;
}

const HASH_RADIX = 2048;

/**
 * Sample indexes ordered by hash, file order among equal hashes (a stable LSD radix sort of the 32-bit hashes
 * in three passes), and the hashes in that order (`hashes` is used up).
 */
function orderByHash(hashes: Uint32Array): { order: Int32Array; sorted: Uint32Array } {
  const n = hashes.length;
  let keys: Uint32Array = hashes;
  let order: Int32Array = rowsOf(n);
  let nextKeys: Uint32Array = new Uint32Array(n);
  let nextOrder: Int32Array = new Int32Array(n);
  const counts = digitCounts(keys);
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * HASH_RADIX;
    let sum = 0;
    for (let d = base; d < base + HASH_RADIX; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    scatterByDigit(keys, order, nextKeys, nextOrder, counts, base, pass * 11);
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return { order, sorted: keys };
}

// The loops of the duplicate check are functions of their own. A run of the CLI calls each once or a few
// times: V8 compiles a long loop while it runs, and code after it inside the same function then has no type
// feedback, so the compiled code was thrown away there and the next loop began again in the interpreter.

/** 0, 1, ..., n - 1. */
function rowsOf(n: number): Int32Array {
  const rows = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: a typed array ignores the write past its end
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** The three 11-bit digits' histograms of the keys, one after the other. */
function digitCounts(keys: Uint32Array): Int32Array {
  const counts = new Int32Array(3 * HASH_RADIX);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    bump(counts, key & 0x7ff);
    bump(counts, HASH_RADIX + ((key >>> 11) & 0x7ff));
    bump(counts, 2 * HASH_RADIX + (key >>> 22));
  }
  return counts;
}

/** One pass of the radix sort: keys and their order moved to their digit's next slot. */
function scatterByDigit(
  keys: Uint32Array,
  order: Int32Array,
  nextKeys: Uint32Array,
  nextOrder: Int32Array,
  counts: Int32Array,
  base: number,
  shift: number,
): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const slot = base + ((key >>> shift) & 0x7ff);
    const to = counts[slot] as number;
    counts[slot] = to + 1;
    nextKeys[to] = key;
    nextOrder[to] = order[i] as number;
  }
}

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}

/**
 * The rows whose hash shares its bucket (low bits of the hash) with another row's, in file order. Every
 * duplicate is among them, and with 16 buckets per row few others are: two passes over bitmaps small enough
 * for the cache, so that the sort after it handles a few percent of the rows instead of all of them.
 */
function candidateRows(hashes: Uint32Array): Int32Array {
  const n = hashes.length;
  // Stryker disable next-line MethodExpression,ArithmeticOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  const bits = Math.min(24, Math.max(10, Math.ceil(Math.log2(n + 1)) + 4));
  const mask = (1 << bits) - 1;
  // Stryker disable next-line ArithmeticOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  const seen = new Int32Array(1 << (bits - 5));
  // Stryker disable next-line ArithmeticOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  const twice = new Int32Array(1 << (bits - 5));
  markBuckets(hashes, mask, seen, twice);
  return rowsInBuckets(hashes, mask, twice);
}

/** Sets the bit of each hash's bucket in `seen`, and in `twice` when `seen` had it already. */
function markBuckets(hashes: Uint32Array, mask: number, seen: Int32Array, twice: Int32Array): void {
  // Stryker disable next-line EqualityOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  for (let i = 0; i < hashes.length; i++) {
    const bucket = (hashes[i] as number) & mask;
    const word = bucket >>> 5;
    const bit = 1 << (bucket & 31);
    const was = seen[word] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
    if ((was & bit) === 0) seen[word] = was | bit;
    else twice[word] = (twice[word] as number) | bit;
  }
}

/** The rows whose hash's bucket has its bit in `buckets`, in file order. */
function rowsInBuckets(hashes: Uint32Array, mask: number, buckets: Int32Array): Int32Array {
  const n = hashes.length;
  // One pass into room for every row, then the used part: a second pass of random bitmap reads cost more
  // than the 4 bytes a row that are given back.
  const rows = new Int32Array(n);
  let count = 0;
  // Stryker disable next-line EqualityOperator: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
  for (let i = 0; i < n; i++) {
    const bucket = (hashes[i] as number) & mask;
    // Stryker disable next-line ConditionalExpression: the prefilter only decides how many rows are sorted and compared (every duplicate passes it)
    if (((buckets[bucket >>> 5] as number) & (1 << (bucket & 31))) !== 0) rows[count++] = i;
  }
  return rows.slice(0, count);
}

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
