import type { Sample } from './sample';
import { TextCoder, TextPacker } from './text-column-builders';
import {
  CODED_COLUMNS,
  columnsOf,
  NUMBER_COLUMNS,
  type NumberColumn,
  packedTextOf,
  textOf,
  type SampleColumns,
} from './sample-columns';

/** Builds SampleColumns one sample at a time, growing its arrays as needed. */
export class SampleColumnsBuilder {
  length = 0;
  private capacity: number;
  private numbers: Float64Array[];
  /** Per number column: no sample has a value in it (see leaveOut). */
  // Stryker disable next-line ArrowFunction: undefined is as false as false wherever leftOut is read
  private readonly leftOut = NUMBER_COLUMNS.map(() => false);
  private codes: Uint32Array[];
  private readonly coders = CODED_COLUMNS.map(() => new TextCoder());
  /** Created at the first value: a file without request ids or timestamps needs no room for them. */
  private requestIds: TextPacker | null = null;
  private timestamps: TextPacker | null = null;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.numbers = NUMBER_COLUMNS.map(() => new Float64Array(this.capacity));
    this.codes = CODED_COLUMNS.map(() => new Uint32Array(this.capacity));
  }

  /**
   * Number columns no sample will have a value in (a file without such a column), said before the first
   * sample: they get no room, their values (NaN) are written nowhere (a typed array ignores a write past its
   * end), and finish() fills them with NaN at once. Writing a million NaNs one row at a time into two
   * columns a seed file lacks cost as much as the rest of its numbers' writes.
   */
  leaveOut(columns: readonly NumberColumn[]): void {
    for (const key of columns) {
      const k = NUMBER_COLUMNS.indexOf(key);
      this.leftOut[k] = true;
      this.numbers[k] = new Float64Array(0);
    }
  }

  /** Appends one sample; numbers as NaN for null (see SampleColumns). Order of CODED/NUMBER_COLUMNS. */
  add(
    name: string,
    memoryMB: number,
    initMs: number,
    durationMs: number,
    billedMs: number,
    maxMemoryUsedMB: number,
    restoreMs: number,
    arch: string | null,
    runtime: string | null,
    status: string | null,
    errorType: string | null,
    run: string | null,
    requestId: string | null,
    timestamp: string | null,
  ): void {
    const i = this.addTexts(name, arch, runtime, status, errorType, run, requestId, timestamp);
    const numbers = this.numbers;
    (numbers[0] as Float64Array)[i] = memoryMB;
    (numbers[1] as Float64Array)[i] = initMs;
    (numbers[2] as Float64Array)[i] = durationMs;
    (numbers[3] as Float64Array)[i] = billedMs;
    (numbers[4] as Float64Array)[i] = maxMemoryUsedMB;
    (numbers[5] as Float64Array)[i] = restoreMs;
  }

  /**
   * add, in two steps for the importer's fast paths: the texts first, which returns the new sample's index
   * i; the caller then writes its numbers into numberColumns()[k][i] (NUMBER_COLUMNS' order) itself. A
   * double handed to a function that is not inlined is boxed into a new heap object: a million rows of
   * six numbers would be six million objects for the garbage collector, a typed array's element is none.
   */
  addTexts(
    name: string,
    arch: string | null,
    runtime: string | null,
    status: string | null,
    errorType: string | null,
    run: string | null,
    requestId: string | null,
    timestamp: string | null,
  ): number {
    const i = this.length;
    if (i === this.capacity) this.grow();
    // Indexed, not destructured: destructuring goes through the array iterator on every sample.
    const codes = this.codes;
    const coders = this.coders;
    (codes[0] as Uint32Array)[i] = (coders[0] as TextCoder).code(name);
    // A new array holds zeros (null's code): a column no row has a value in (a seed file has five) is then
    // never written, and its memory never touched.
    if (arch !== null) (codes[1] as Uint32Array)[i] = (coders[1] as TextCoder).code(arch);
    if (runtime !== null) (codes[2] as Uint32Array)[i] = (coders[2] as TextCoder).code(runtime);
    if (status !== null) (codes[3] as Uint32Array)[i] = (coders[3] as TextCoder).code(status);
    if (errorType !== null) (codes[4] as Uint32Array)[i] = (coders[4] as TextCoder).code(errorType);
    if (run !== null) (codes[5] as Uint32Array)[i] = (coders[5] as TextCoder).code(run);
    if (requestId !== null && requestId !== '')
      (this.requestIds ??= new TextPacker(this.capacity)).set(i, requestId);
    else this.requestIds?.skip(i);
    if (timestamp !== null && timestamp !== '')
      (this.timestamps ??= new TextPacker(this.capacity)).set(i, timestamp);
    else this.timestamps?.skip(i);
    this.length = i + 1;
    return i;
  }

  /**
   * addTexts for the byte reader, with the request id and the timestamp as ASCII bytes[from, to) (an empty
   * range: none), which the columns keep without a string per value.
   */
  addTextsWithBytes(
    name: string,
    arch: string | null,
    runtime: string | null,
    status: string | null,
    errorType: string | null,
    run: string | null,
    bytes: Uint8Array,
    requestFrom: number,
    requestTo: number,
    timestampFrom: number,
    timestampTo: number,
  ): number {
    const i = this.addTexts(name, arch, runtime, status, errorType, run, null, null);
    if (requestTo > requestFrom)
      (this.requestIds ??= new TextPacker(this.capacity)).setAscii(i, bytes, requestFrom, requestTo);
    if (timestampTo > timestampFrom)
      (this.timestamps ??= new TextPacker(this.capacity)).setAscii(i, bytes, timestampFrom, timestampTo);
    return i;
  }

  /** The number columns being built, in NUMBER_COLUMNS' order (new arrays after a sample that grew them). */
  numberColumns(): readonly Float64Array[] {
    return this.numbers;
  }

  addSample(s: Sample): void {
    this.add(
      s.name,
      s.memoryMB ?? NaN,
      s.initMs ?? NaN,
      s.durationMs,
      s.billedMs,
      s.maxMemoryUsedMB ?? NaN,
      s.restoreMs ?? NaN,
      s.arch,
      s.runtime,
      s.status,
      s.errorType,
      s.run,
      s.requestId,
      s.timestamp,
    );
  }

  /** Appends sample `i` of other columns. */
  addRowOf(c: SampleColumns, i: number): void {
    this.add(
      textOf(c.name, c.name.codes[i] as number) as string,
      c.memoryMB[i] as number,
      c.initMs[i] as number,
      c.durationMs[i] as number,
      c.billedMs[i] as number,
      c.maxMemoryUsedMB[i] as number,
      c.restoreMs[i] as number,
      textOf(c.arch, c.arch.codes[i] as number),
      textOf(c.runtime, c.runtime.codes[i] as number),
      textOf(c.status, c.status.codes[i] as number),
      textOf(c.errorType, c.errorType.codes[i] as number),
      textOf(c.run, c.run.codes[i] as number),
      packedTextOf(c.requestId, i),
      packedTextOf(c.timestamp, i),
    );
  }

  /**
   * Appends all samples of other columns at once (another thread's part of the same file): the numbers
   * copied, the texts' codes mapped to this builder's, the packed texts joined.
   */
  appendColumns(c: SampleColumns): void {
    const from = this.length;
    const n = c.length;
    while (this.capacity < from + n) this.grow();
    // A column left out here is left out of every part of the same file: NaN throughout.
    NUMBER_COLUMNS.forEach((key, k) => {
      if (!this.leftOut[k]) (this.numbers[k] as Float64Array).set(c[key], from);
    });
    CODED_COLUMNS.forEach((key, k) => {
      const { codes, values } = c[key];
      // Code 0 (null) stays 0, and new arrays hold zeros: a column without values needs no pass.
      // Stryker disable next-line ConditionalExpression: without values every code is 0, which the remap keeps 0 (only slower)
      if (values.length === 0) return;
      const coder = this.coders[k] as TextCoder;
      const remap = Uint32Array.from([0, ...values.map((v) => coder.code(v))]);
      mapCodes(codes, n, remap, this.codes[k] as Uint32Array, from);
    });
    if (c.requestId !== null) this.requestIds ??= new TextPacker(this.capacity);
    this.requestIds?.append(from, n, c.requestId);
    if (c.timestamp !== null) this.timestamps ??= new TextPacker(this.capacity);
    this.timestamps?.append(from, n, c.timestamp);
    this.length = from + n;
  }

  private grow(): void {
    this.capacity *= 2;
    this.requestIds?.grow(this.capacity);
    this.timestamps?.grow(this.capacity);
    this.numbers = this.numbers.map((old, k) => {
      if (this.leftOut[k]) return old;
      const grown = new Float64Array(this.capacity);
      grown.set(old);
      return grown;
    });
    this.codes = this.codes.map((old) => {
      const grown = new Uint32Array(this.capacity);
      grown.set(old);
      return grown;
    });
  }

  /** The columns, trimmed to the samples added (the builder is not to be used afterwards). */
  finish(): SampleColumns {
    const n = this.length;
    // A copy only when most of the room is unused: room never written costs no resident memory (its pages
    // were never touched), while a copy writes every column again. An estimate of the rows from a file's
    // first lines is often 10-20% over (later names are longer); copying then was a tenth of an import.
    const trim = <T extends Float64Array | Uint32Array>(a: T): T =>
      (n === a.length ? a : n >= a.length * 0.5 ? a.subarray(0, n) : a.slice(0, n)) as T;
    // Every left-out column is one array of NaNs: columns are never written once built (and a transfer
    // list names a shared buffer once: see transferables).
    const none = this.leftOut.includes(true) ? new Float64Array(n).fill(NaN) : null;
    return columnsOf(
      n,
      this.numbers.map((column, k) => (this.leftOut[k] ? (none as Float64Array) : trim(column))),
      this.codes.map((codes, k) => ({ codes: trim(codes), values: (this.coders[k] as TextCoder).values })),
      this.requestIds?.finish(trim) ?? null,
      this.timestamps?.finish(trim) ?? null,
    );
  }
}

export function columnsFromSamples(samples: readonly Sample[]): SampleColumns {
  const builder = new SampleColumnsBuilder(samples.length);
  for (const s of samples) builder.addSample(s);
  return builder.finish();
}

/** The samples at the given indexes, in that order, as new columns (e.g. without the dropped duplicates). */
export function pickRows(c: SampleColumns, rows: ArrayLike<number>): SampleColumns {
  const builder = new SampleColumnsBuilder(rows.length);
  for (let k = 0; k < rows.length; k++) builder.addRowOf(c, rows[k] as number);
  return builder.finish();
}

/** The samples of `c` followed by `more` (a live run's new samples). */
export function appendSamples(c: SampleColumns, more: readonly Sample[]): SampleColumns {
  // Stryker disable next-line ArithmeticOperator: only the room to start with; the builder grows as needed
  const builder = new SampleColumnsBuilder(c.length + more.length);
  for (let i = 0; i < c.length; i++) builder.addRowOf(c, i);
  for (const s of more) builder.addSample(s);
  return builder.finish();
}

/** out[from + i] = remap[codes[i]] for i < n: on its own, so that V8 optimizes the loop (not its caller). */
function mapCodes(codes: Uint32Array, n: number, remap: Uint32Array, out: Uint32Array, from: number): void {
  // Stryker disable next-line EqualityOperator: past the codes is undefined, written as 0 (null's code) into the next row's room, which holds 0 until a row is added
  for (let i = 0; i < n; i++) out[from + i] = remap[codes[i] as number] as number;
}
