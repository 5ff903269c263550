/**
 * Text out of UTF-8 bytes as the importer of a text would see it: replacement characters for bytes that are
 * not UTF-8 (as Node's and the browser's decoders both do), a byte order mark kept as a character.
 */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** bytes[from, to) as a string. */
export function decodeBytes(bytes: Uint8Array, from: number, to: number): string {
  // Short ASCII runs (a number cell, a key) are cheaper by char code than through the decoder.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: the decoder gives the same string, slower
  if (to - from <= 64) {
    // Stryker disable next-line BooleanLiteral: the decoder gives the same string, slower
    let ascii = true;
    // Stryker disable next-line EqualityOperator,ConditionalExpression: the decoder gives the same string, slower
    for (let i = from; i < to && ascii; i++) ascii = (bytes[i] as number) < 128;
    // Stryker disable next-line ConditionalExpression: the decoder gives the same string, slower
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(from, to));
}

/** FNV-1a, one byte at a time: the first step of a key's hash (the readers fold it in while they scan). */
export const FNV_START = 0x811c9dc5 | 0;
export const fnvStep = (hash: number, byte: number): number => Math.imul(hash ^ byte, 16777619);

// Below, mutants that only make a lookup miss (or lose an entry) are marked: a miss decodes the bytes again, to
// an equal string (a string has no identity to tell them apart), at the cost of memory.
// Stryker disable next-line UnaryOperator: a miss only decodes the bytes again: an equal string
const EMPTY_SLOT = -1;

/**
 * One string per distinct byte sequence (function names, runtimes, ...): a key's bytes are hashed while the
 * row is scanned, and its string is decoded once, the first time those bytes are seen; every later row with
 * the same bytes gets that very string, so the columns' dictionaries compare a pointer and a million rows
 * share a handful of strings.
 */
export class ByteStrings {
  private table: Int32Array = new Int32Array(256).fill(EMPTY_SLOT);
  private hashes: Int32Array = new Int32Array(64);
  private starts: Int32Array = new Int32Array(64);
  private lengths: Int32Array = new Int32Array(64);
  private pool: Uint8Array = new Uint8Array(4096);
  private poolUsed = 0;
  // Stryker disable next-line ArrayDeclaration: a miss only decodes the bytes again: an equal string
  private readonly strings: string[] = [];

  /** The string of bytes[from, to), whose FNV hash (fnvStep from FNV_START over them) is `hash`. */
  intern(bytes: Uint8Array, from: number, to: number, hash: number): string {
    // Stryker disable next-line ArithmeticOperator: a miss only decodes the bytes again: an equal string
    const length = to - from;
    const mask = this.table.length - 1;
    let slot = hash & mask;
    // Stryker disable next-line ConditionalExpression: a miss only decodes the bytes again: an equal string
    for (;;) {
      const entry = this.table[slot] as number;
      // Stryker disable next-line ConditionalExpression: a miss only decodes the bytes again: an equal string
      if (entry === EMPTY_SLOT) break;
      if (this.hashes[entry] === hash && this.lengths[entry] === length && this.same(entry, bytes, from))
        return this.strings[entry] as string;
      // Stryker disable next-line ArithmeticOperator: probing the other way finds the same entries
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, from, to, hash, slot);
  }

  private same(entry: number, bytes: Uint8Array, from: number): boolean {
    const pool = this.pool;
    const start = this.starts[entry] as number;
    const length = this.lengths[entry] as number;
    // Stryker disable next-line EqualityOperator: comparing one more byte can only miss: an equal string again
    for (let k = 0; k < length; k++) {
      if (pool[start + k] !== bytes[from + k]) return false;
    }
    return true;
  }

  private add(bytes: Uint8Array, from: number, to: number, hash: number, slot: number): string {
    const entry = this.strings.length;
    // Stryker disable next-line ArithmeticOperator: a miss only decodes the bytes again: an equal string
    const length = to - from;
    // Stryker disable next-line ConditionalExpression,BlockStatement: a miss only decodes the bytes again: an equal string
    if (entry === this.hashes.length) {
      this.hashes = grown(this.hashes, entry * 2);
      this.starts = grown(this.starts, entry * 2);
      this.lengths = grown(this.lengths, entry * 2);
    }
    // Stryker disable next-line EqualityOperator: growing a byte early changes nothing else
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(from, to), this.poolUsed);
    this.hashes[entry] = hash;
    this.starts[entry] = this.poolUsed;
    this.lengths[entry] = length;
    this.poolUsed += length;
    const value = decodeBytes(bytes, from, to);
    this.strings.push(value);
    this.table[slot] = entry;
    // At most half full: probes stay short.
    // Stryker disable next-line EqualityOperator: rehashing one entry early changes nothing else
    if (this.strings.length * 2 > this.table.length) this.rehash();
    return value;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY_SLOT);
    const mask = table.length - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a miss only decodes the bytes again: an equal string
    for (let entry = 0; entry < this.strings.length; entry++) {
      let slot = (this.hashes[entry] as number) & mask;
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a miss only decodes the bytes again: an equal string
      while (table[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    this.table = table;
  }
}

function grown(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
