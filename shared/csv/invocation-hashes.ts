// What makes two samples one invocation, and the hash that every such pair shares (see findDuplicates).
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
export interface Varying {
  numbers: Float64Array[];
  codes: Uint32Array[];
}

export function varyingColumns(c: SampleColumns, same: ReadonlySet<NumberColumn | CodedColumn>): Varying {
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
export function sameInvocation(c: SampleColumns, varying: Varying, a: number, b: number): boolean {
  if (c.requestId !== null && (hasPackedText(c.requestId, a) || hasPackedText(c.requestId, b)))
    return samePackedText(c.requestId, a, b);
  for (const column of varying.numbers)
    if (!sameNumber(column[a] as number, column[b] as number)) return false;
  for (const column of varying.codes) if (column[a] !== column[b]) return false;
  return samePackedText(c.timestamp, a, b);
}

/** One hash per sample; equal hashes for every pair sameInvocation calls one invocation. */
export function invocationHashes(c: SampleColumns, varying: Varying): Uint32Array {
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
