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

/** Dictionary coding of one repeating text column: 0 is null, n is table[n - 1]. */
function coder() {
  const table: string[] = [];
  const lookup = new Map<string, number>();
  let lastValue: string | null = null;
  let lastCode = 0;
  return {
    table,
    code(value: string | null): number {
      if (value === null) return 0;
      // Neighbouring samples mostly repeat (same function, same run): skip the Map then.
      if (value === lastValue) return lastCode;
      let code = lookup.get(value);
      if (code === undefined) {
        table.push(value);
        lookup.set(value, (code = table.length));
      }
      lastValue = value;
      lastCode = code;
      return code;
    },
  };
}

export function toColumns(samples: readonly Sample[]): SampleColumns {
  const n = samples.length;
  const memoryMB = new Float64Array(n);
  const initMs = new Float64Array(n);
  const durationMs = new Float64Array(n);
  const billedMs = new Float64Array(n);
  const maxMemoryUsedMB = new Float64Array(n);
  const restoreMs = new Float64Array(n);
  const codes = Object.fromEntries(CODED.map((f) => [f, new Uint32Array(n)])) as Record<
    CodedField,
    Uint32Array
  >;
  const name = coder();
  const arch = coder();
  const runtime = coder();
  const status = coder();
  const errorType = coder();
  const run = coder();
  const requestIds: string[] = new Array(n);
  const timestamps: string[] = new Array(n);
  // Written out field by field: a loop over field names makes every property access a slow lookup.
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    memoryMB[i] = s.memoryMB ?? NaN;
    initMs[i] = s.initMs ?? NaN;
    durationMs[i] = s.durationMs;
    billedMs[i] = s.billedMs;
    maxMemoryUsedMB[i] = s.maxMemoryUsedMB ?? NaN;
    restoreMs[i] = s.restoreMs ?? NaN;
    codes.name[i] = name.code(s.name);
    codes.arch[i] = arch.code(s.arch);
    codes.runtime[i] = runtime.code(s.runtime);
    codes.status[i] = status.code(s.status);
    codes.errorType[i] = errorType.code(s.errorType);
    codes.run[i] = run.code(s.run);
    requestIds[i] = s.requestId ?? NULL;
    timestamps[i] = s.timestamp ?? NULL;
  }
  return {
    length: n,
    memoryMB,
    initMs,
    durationMs,
    billedMs,
    maxMemoryUsedMB,
    restoreMs,
    codes,
    tables: {
      name: name.table,
      arch: arch.table,
      runtime: runtime.table,
      status: status.table,
      errorType: errorType.table,
      run: run.table,
    },
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
  const { name, arch, runtime, status, errorType, run } = c.codes;
  const t = c.tables;
  const text = (table: string[], code: number): string | null => (code === 0 ? null : table[code - 1]!);
  const num = (v: number): number | null => (v !== v ? null : v); // NaN is null
  const out: Sample[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const requestId = requestIds[i]!;
    const timestamp = timestamps[i]!;
    out[i] = {
      name: text(t.name, name[i]!)!,
      memoryMB: num(c.memoryMB[i]!),
      initMs: num(c.initMs[i]!),
      durationMs: c.durationMs[i]!,
      billedMs: c.billedMs[i]!,
      arch: text(t.arch, arch[i]!) as Arch | null,
      runtime: text(t.runtime, runtime[i]!),
      maxMemoryUsedMB: num(c.maxMemoryUsedMB[i]!),
      restoreMs: num(c.restoreMs[i]!),
      status: text(t.status, status[i]!),
      errorType: text(t.errorType, errorType[i]!),
      requestId: requestId === NULL ? null : requestId,
      timestamp: timestamp === NULL ? null : timestamp,
      run: text(t.run, run[i]!),
    };
  }
  return out;
}
