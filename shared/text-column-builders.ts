import type { PackedTextColumn } from './sample-columns';

// The builders of SampleColumnsBuilder's text columns: dictionary codes for repeating texts (names, runtimes),
// one packed string for texts unique per sample (request ids, timestamps).

/** Dictionary coding of one text column while it is built. */
export class TextCoder {
  readonly values: string[] = [];
  private readonly lookup = new Map<string, number>();
  private lastValue: string | null = null;
  private lastCode = 0;

  /** The code of a value (from 1; 0, no value, is the caller's to write). */
  code(value: string): number {
    // Neighbouring samples mostly repeat (same function, same run), and the importer hands out the very
    // same string for a repeated cell: a pointer comparison then, no Map lookup.
    // Stryker disable next-line ConditionalExpression: only saves the lookup, the code is the same
    if (value === this.lastValue) return this.lastCode;
    let code = this.lookup.get(value);
    if (code === undefined) {
      this.values.push(value);
      this.lookup.set(value, (code = this.values.length));
    }
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }
}

/** Texts joined in pieces of this many values: the pieces die young, only the joined strings stay. */
const PACK_BATCH = 4096;

/** The bytes of setAscii's values decoded at a time. */
const PACK_POOL_BYTES = 1 << 20;
const BYTES_DECODER = new TextDecoder();

/** Builds one PackedTextColumn. */
export class TextPacker {
  private ends: Uint32Array;
  private readonly pending: string[] = [];
  private readonly joined: string[] = [];
  private total = 0;
  /** Values given as bytes (setAscii), not yet decoded: pool[0, used). */
  private pool: Uint8Array | null = null;
  private used = 0;

  constructor(capacity: number) {
    this.ends = new Uint32Array(capacity);
  }

  set(i: number, value: string): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: flushBytes does nothing with no bytes
    if (this.used > 0) this.flushBytes();
    this.pending.push(value);
    this.total += value.length;
    this.ends[i] = this.total;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only how many strings wait to be joined
    if (this.pending.length === PACK_BATCH) this.flushPending();
  }

  /**
   * Sample i's value as ASCII bytes[from, to) (one character a byte): copied into a pool decoded once per
   * megabyte, so a million request ids are not a million strings to make, keep and join.
   */
  setAscii(i: number, bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    const pool = (this.pool ??= new Uint8Array(PACK_POOL_BYTES));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: flushing earlier only makes more pieces
    if (this.used + n > pool.length) {
      this.flushBytes();
      if (n > pool.length) {
        this.set(i, BYTES_DECODER.decode(bytes.subarray(from, to)));
        return;
      }
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: flushPending does nothing with none
    if (this.pending.length > 0) this.flushPending();
    let at = this.used;
    for (let k = from; k < to; k++) pool[at++] = bytes[k] as number;
    this.used = at;
    this.total += n;
    this.ends[i] = this.total;
  }

  /** Sample i has no value: its end is where the one before it ended. */
  skip(i: number): void {
    this.ends[i] = this.total;
  }

  /** The n values of `column` (none: null) as samples from..from + n - 1. */
  append(from: number, n: number, column: PackedTextColumn | null): void {
    if (column === null) {
      this.ends.fill(this.total, from, from + n);
      return;
    }
    this.flushBytes();
    this.flushPending();
    this.joined.push(column.text);
    const { ends } = column;
    for (let i = 0; i < n; i++) this.ends[from + i] = this.total + (ends[i] as number);
    this.total += column.text.length;
  }

  grow(capacity: number): void {
    const grown = new Uint32Array(capacity);
    grown.set(this.ends);
    this.ends = grown;
  }

  finish(trim: (a: Uint32Array) => Uint32Array): PackedTextColumn {
    this.flushBytes();
    this.flushPending();
    return { text: this.joined.join(''), ends: trim(this.ends) };
  }

  // Pieces go to `joined` in the order of their samples: the strings pending, or the bytes pooled, whichever
  // came first, is joined before the other kind is added.
  private flushPending(): void {
    // Stryker disable next-line ConditionalExpression: joining no strings adds an empty piece, the same text
    if (this.pending.length === 0) return;
    this.joined.push(this.pending.join(''));
    this.pending.length = 0;
  }

  private flushBytes(): void {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: decoding no bytes adds an empty piece
    if (this.used === 0 || this.pool === null) return;
    this.joined.push(BYTES_DECODER.decode(this.pool.subarray(0, this.used)));
    this.used = 0;
  }
}
