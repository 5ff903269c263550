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
 * A text column whose values are unique per sample (request ids, timestamps): all of them in one string,
 * sample i's from ends[i - 1] (0 for the first) to ends[i]. An empty value is null (as in the CSV format).
 * One string instead of a million: nothing for the garbage collector to walk, and one copy to another thread.
 */
export interface PackedTextColumn {
  text: string;
  ends: Uint32Array;
}

/**
 * Samples stored column by column: what a CSV import produces and what the app keeps. A million Sample
 * objects cost a million allocations (and their boxed doubles) that the garbage collector then walks on every
 * pass; a few typed arrays cost nothing of the sort, group and sort fast, and cross to another thread without
 * a copy. Numbers: NaN stands for null. Texts that are unique per sample (request id, timestamp) are packed,
 * or null when no sample has one.
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
  readonly requestId: PackedTextColumn | null;
  readonly timestamp: PackedTextColumn | null;
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

/**
 * SampleColumns of `length` samples from its arrays in NUMBER_COLUMNS' and CODED_COLUMNS' order (what the
 * builders keep).
 */
export function columnsOf(
  length: number,
  numbers: readonly Float64Array[],
  coded: readonly CodedTextColumn[],
  requestId: PackedTextColumn | null,
  timestamp: PackedTextColumn | null,
): SampleColumns {
  const [memoryMB, initMs, durationMs, billedMs, maxMemoryUsedMB, restoreMs] = numbers as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const [name, arch, runtime, status, errorType, run] = coded as [
    CodedTextColumn,
    CodedTextColumn,
    CodedTextColumn,
    CodedTextColumn,
    CodedTextColumn,
    CodedTextColumn,
  ];
  return {
    length,
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
    requestId,
    timestamp,
  };
}

/** The text of a code of a coded column (null for 0). */
export function textOf(column: CodedTextColumn, code: number): string | null {
  return code === 0 ? null : (column.values[code - 1] as string);
}

/** The value of sample `i` of a packed column (null for none). */
export function packedTextOf(column: PackedTextColumn | null, i: number): string | null {
  if (column === null) return null;
  const start = i === 0 ? 0 : (column.ends[i - 1] as number);
  const end = column.ends[i] as number;
  return end === start ? null : column.text.slice(start, end);
}

/** Whether samples a and b have the same value in a packed column, without cutting strings out of it. */
export function samePackedText(column: PackedTextColumn | null, a: number, b: number): boolean {
  if (column === null) return true;
  const { text, ends } = column;
  const startA = a === 0 ? 0 : (ends[a - 1] as number);
  const startB = b === 0 ? 0 : (ends[b - 1] as number);
  const length = (ends[a] as number) - startA;
  if (length !== (ends[b] as number) - startB) return false;
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(startA + k) !== text.charCodeAt(startB + k)) return false;
  return true;
}

/** NaN (the columns' null) back to null. */
export const numberOrNull = (value: number): number | null => (value !== value ? null : value);

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
    requestId: packedTextOf(c.requestId, i),
    timestamp: packedTextOf(c.timestamp, i),
    run: textOf(c.run, c.run.codes[i] as number),
  };
}

export function samplesFromColumns(c: SampleColumns): Sample[] {
  const out = new Array<Sample>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = sampleAt(c, i);
  return out;
}
