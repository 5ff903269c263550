import type { Arch, Sample } from '../../../shared/sample';

/**
 * Samples as columns, for the trip from the import worker to the window: structured-cloning a million
 * objects costs seconds, while typed arrays are transferred for free and two long strings copy fast.
 * Numbers: NaN stands for null. Repeating strings: dictionary codes, 0 for null. Unique strings
 * (request id, timestamp): joined with a separator, NUL for null.
 */
export interface SampleColumns {
  length: number;
  memoryMB: Float64Array;
  initMs: Float64Array;
  durationMs: Float64Array;
  billedMs: Float64Array;
  maxMemoryUsedMB: Float64Array;
  restoreMs: Float64Array;
  codes: Record<CodedField, Uint32Array>;
  tables: Record<CodedField, string[]>;
  requestIds: string;
  timestamps: string;
}

const CODED = ['name', 'arch', 'runtime', 'status', 'errorType', 'run'] as const;
type CodedField = (typeof CODED)[number];
const NUMERIC = ['memoryMB', 'initMs', 'durationMs', 'billedMs', 'maxMemoryUsedMB', 'restoreMs'] as const;
const SEPARATOR = '\n';
const NULL = '\u0000';

export function toColumns(samples: readonly Sample[]): SampleColumns {
  const n = samples.length;
  const num = Object.fromEntries(NUMERIC.map((f) => [f, new Float64Array(n)])) as Record<
    (typeof NUMERIC)[number],
    Float64Array
  >;
  const codes = Object.fromEntries(CODED.map((f) => [f, new Uint32Array(n)])) as Record<
    CodedField,
    Uint32Array
  >;
  const tables = Object.fromEntries(CODED.map((f) => [f, [] as string[]])) as Record<CodedField, string[]>;
  const lookups = Object.fromEntries(CODED.map((f) => [f, new Map<string, number>()])) as Record<
    CodedField,
    Map<string, number>
  >;
  const requestIds: string[] = new Array(n);
  const timestamps: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    for (const f of NUMERIC) num[f][i] = s[f] ?? NaN;
    for (const f of CODED) {
      const v = s[f];
      if (v === null) continue;
      let code = lookups[f].get(v);
      if (code === undefined) {
        tables[f].push(v);
        lookups[f].set(v, (code = tables[f].length));
      }
      codes[f][i] = code;
    }
    requestIds[i] = s.requestId ?? NULL;
    timestamps[i] = s.timestamp ?? NULL;
  }
  return {
    length: n,
    ...num,
    codes,
    tables,
    requestIds: requestIds.join(SEPARATOR),
    timestamps: timestamps.join(SEPARATOR),
  };
}

/** The buffers to hand over with postMessage's transfer list. */
export function transferables(columns: SampleColumns): ArrayBuffer[] {
  return [
    ...NUMERIC.map((f) => columns[f].buffer),
    ...CODED.map((f) => columns.codes[f].buffer),
  ] as ArrayBuffer[];
}

export function fromColumns(c: SampleColumns): Sample[] {
  const n = c.length;
  const requestIds = n > 0 ? c.requestIds.split(SEPARATOR) : [];
  const timestamps = n > 0 ? c.timestamps.split(SEPARATOR) : [];
  const text = (f: CodedField, i: number): string | null => {
    const code = c.codes[f][i]!;
    return code === 0 ? null : c.tables[f][code - 1]!;
  };
  const number = (a: Float64Array, i: number): number | null => {
    const v = a[i]!;
    return Number.isNaN(v) ? null : v;
  };
  const out: Sample[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const requestId = requestIds[i]!;
    const timestamp = timestamps[i]!;
    // Same property order as the parser's objects, so all samples share one hidden class.
    out[i] = {
      name: text('name', i)!,
      memoryMB: number(c.memoryMB, i),
      initMs: number(c.initMs, i),
      durationMs: c.durationMs[i]!,
      billedMs: c.billedMs[i]!,
      arch: text('arch', i) as Arch | null,
      runtime: text('runtime', i),
      maxMemoryUsedMB: number(c.maxMemoryUsedMB, i),
      restoreMs: number(c.restoreMs, i),
      status: text('status', i),
      errorType: text('errorType', i),
      requestId: requestId === NULL ? null : requestId,
      timestamp: timestamp === NULL ? null : timestamp,
      run: text('run', i),
    };
  }
  return out;
}
