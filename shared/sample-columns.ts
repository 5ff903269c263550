import type { Arch, Sample } from './sample';

/**
 * A text column whose values repeat (function names, runtimes, architectures): one code per sample, 0 for
 * null, k for `values[k - 1]`. Every distinct value has exactly one code, so equal codes are equal texts.
 */
export interface CodedTextColumn {
  codes: Uint32Array;
  values: string[];
}

/**
 * Samples stored column by column: what a CSV import produces and what the app keeps. A million Sample
 * objects cost a million allocations (and their boxed doubles) that the garbage collector then walks on every
 * pass; a few typed arrays cost nothing of the sort, group and sort fast, and cross to another thread without
 * a copy. Numbers: NaN stands for null. Texts that are unique per sample (request id, timestamp) are plain
 * arrays, or null when no sample has one.
 */
export interface SampleColumns {
  readonly length: number;
  readonly memoryMB: Float64Array;
  readonly initMs: Float64Array;
  readonly durationMs: Float64Array;
  readonly billedMs: Float64Array;
  readonly maxMemoryUsedMB: Float64Array;
  readonly restoreMs: Float64Array;
  readonly name: CodedTextColumn;
  readonly arch: CodedTextColumn;
  readonly runtime: CodedTextColumn;
  readonly status: CodedTextColumn;
  readonly errorType: CodedTextColumn;
  readonly run: CodedTextColumn;
  readonly requestId: (string | null)[] | null;
  readonly timestamp: (string | null)[] | null;
}

export const NUMBER_COLUMNS = [
  'memoryMB',
  'initMs',
  'durationMs',
  'billedMs',
  'maxMemoryUsedMB',
  'restoreMs',
] as const;
export const CODED_COLUMNS = ['name', 'arch', 'runtime', 'status', 'errorType', 'run'] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];
export type CodedColumn = (typeof CODED_COLUMNS)[number];

/** The text of a code of a coded column (null for 0). */
export function textOf(column: CodedTextColumn, code: number): string | null {
  return code === 0 ? null : (column.values[code - 1] as string);
}

/** NaN (the columns' null) back to null. */
export const numberOrNull = (value: number): number | null => (value !== value ? null : value);

/** Dictionary coding of one text column while it is built. */
class TextCoder {
  readonly values: string[] = [];
  private readonly lookup = new Map<string, number>();
  private lastValue: string | null = null;
  private lastCode = 0;

  code(value: string | null): number {
    if (value === null) return 0;
    // Neighbouring samples mostly repeat (same function, same run), and the importer hands out the very
    // same string for a repeated cell: a pointer comparison then, no Map lookup.
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

/** Builds SampleColumns one sample at a time, growing its arrays as needed. */
export class SampleColumnsBuilder {
  length = 0;
  private capacity: number;
  private numbers: Float64Array[];
  private codes: Uint32Array[];
  private readonly coders = CODED_COLUMNS.map(() => new TextCoder());
  private requestIds: (string | null)[] | null = null;
  private timestamps: (string | null)[] | null = null;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.numbers = NUMBER_COLUMNS.map(() => new Float64Array(this.capacity));
    this.codes = CODED_COLUMNS.map(() => new Uint32Array(this.capacity));
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
    const i = this.length;
    if (i === this.capacity) this.grow();
    // Indexed, not destructured: destructuring goes through the array iterator on every sample.
    const numbers = this.numbers;
    (numbers[0] as Float64Array)[i] = memoryMB;
    (numbers[1] as Float64Array)[i] = initMs;
    (numbers[2] as Float64Array)[i] = durationMs;
    (numbers[3] as Float64Array)[i] = billedMs;
    (numbers[4] as Float64Array)[i] = maxMemoryUsedMB;
    (numbers[5] as Float64Array)[i] = restoreMs;
    const codes = this.codes;
    const coders = this.coders;
    (codes[0] as Uint32Array)[i] = (coders[0] as TextCoder).code(name);
    (codes[1] as Uint32Array)[i] = (coders[1] as TextCoder).code(arch);
    (codes[2] as Uint32Array)[i] = (coders[2] as TextCoder).code(runtime);
    (codes[3] as Uint32Array)[i] = (coders[3] as TextCoder).code(status);
    (codes[4] as Uint32Array)[i] = (coders[4] as TextCoder).code(errorType);
    (codes[5] as Uint32Array)[i] = (coders[5] as TextCoder).code(run);
    if (requestId !== null || this.requestIds !== null) {
      this.requestIds ??= new Array<string | null>(i).fill(null);
      this.requestIds.push(requestId);
    }
    if (timestamp !== null || this.timestamps !== null) {
      this.timestamps ??= new Array<string | null>(i).fill(null);
      this.timestamps.push(timestamp);
    }
    this.length = i + 1;
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
      c.requestId === null ? null : (c.requestId[i] ?? null),
      c.timestamp === null ? null : (c.timestamp[i] ?? null),
    );
  }

  private grow(): void {
    this.capacity *= 2;
    this.numbers = this.numbers.map((old) => {
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
    // A copy when much of the room is unused: the extra memory would live as long as the dataset.
    const trim = <T extends Float64Array | Uint32Array>(a: T): T =>
      (n === a.length ? a : n > a.length * 0.9 ? a.subarray(0, n) : a.slice(0, n)) as T;
    const [memoryMB, initMs, durationMs, billedMs, maxMemoryUsedMB, restoreMs] = this.numbers.map(trim) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const coded = this.codes.map((codes, k) => ({
      codes: trim(codes),
      values: (this.coders[k] as TextCoder).values,
    })) as [
      CodedTextColumn,
      CodedTextColumn,
      CodedTextColumn,
      CodedTextColumn,
      CodedTextColumn,
      CodedTextColumn,
    ];
    const [name, arch, runtime, status, errorType, run] = coded;
    return {
      length: n,
      memoryMB,
      initMs,
      durationMs,
      billedMs,
      maxMemoryUsedMB,
      restoreMs,
      name,
      arch,
      runtime,
      status,
      errorType,
      run,
      requestId: this.requestIds,
      timestamp: this.timestamps,
    };
  }
}

export function columnsFromSamples(samples: readonly Sample[]): SampleColumns {
  const builder = new SampleColumnsBuilder(samples.length);
  for (const s of samples) builder.addSample(s);
  return builder.finish();
}

/** Sample `i` as an object (for the few places that want one: a table page, an export). */
export function sampleAt(c: SampleColumns, i: number): Sample {
  return {
    name: textOf(c.name, c.name.codes[i] as number) as string,
    memoryMB: numberOrNull(c.memoryMB[i] as number),
    initMs: numberOrNull(c.initMs[i] as number),
    durationMs: c.durationMs[i] as number,
    billedMs: c.billedMs[i] as number,
    arch: textOf(c.arch, c.arch.codes[i] as number) as Arch | null,
    runtime: textOf(c.runtime, c.runtime.codes[i] as number),
    maxMemoryUsedMB: numberOrNull(c.maxMemoryUsedMB[i] as number),
    restoreMs: numberOrNull(c.restoreMs[i] as number),
    status: textOf(c.status, c.status.codes[i] as number),
    errorType: textOf(c.errorType, c.errorType.codes[i] as number),
    requestId: c.requestId === null ? null : (c.requestId[i] ?? null),
    timestamp: c.timestamp === null ? null : (c.timestamp[i] ?? null),
    run: textOf(c.run, c.run.codes[i] as number),
  };
}

export function samplesFromColumns(c: SampleColumns): Sample[] {
  const out = new Array<Sample>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = sampleAt(c, i);
  return out;
}

/** The samples at the given indexes, in that order, as new columns (e.g. without the dropped duplicates). */
export function pickRows(c: SampleColumns, rows: ArrayLike<number>): SampleColumns {
  const builder = new SampleColumnsBuilder(rows.length);
  for (let k = 0; k < rows.length; k++) builder.addRowOf(c, rows[k] as number);
  return builder.finish();
}

/** The samples of `c` followed by `more` (a live run's new samples). */
export function appendSamples(c: SampleColumns, more: readonly Sample[]): SampleColumns {
  const builder = new SampleColumnsBuilder(c.length + more.length);
  for (let i = 0; i < c.length; i++) builder.addRowOf(c, i);
  for (const s of more) builder.addSample(s);
  return builder.finish();
}
