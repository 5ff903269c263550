import type { CodedTextColumn, SampleColumns } from '../../../shared/sample-columns';

/**
 * Texts unique per sample (request id, timestamp) for the trip out of the worker: structured-cloning a
 * million strings costs about a second, one long string and a typed array cost a copy. The texts are
 * concatenated without any separator and cut back by their lengths (-1 for null), so no character a text may
 * hold (a line break, NUL) can be mistaken for a boundary, and '' stays distinct from null.
 */
export interface PackedTexts {
  joined: string;
  lengths: Int32Array;
}

/** SampleColumns as they cross postMessage: typed arrays (transferred, not copied) and packed texts. */
export type PackedColumns = Omit<SampleColumns, 'requestId' | 'timestamp'> & {
  requestId: PackedTexts | null;
  timestamp: PackedTexts | null;
};

const NULL_LENGTH = -1;

export function packTexts(texts: readonly (string | null)[]): PackedTexts {
  const lengths = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    lengths[i] = text === null || text === undefined ? NULL_LENGTH : text.length;
  }
  // join writes null as '': one pass, no copy of the array (a third faster than joining a copy).
  return { joined: texts.join(''), lengths };
}

export function unpackTexts(packed: PackedTexts): (string | null)[] {
  const { joined, lengths } = packed;
  const out = new Array<string | null>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (length === NULL_LENGTH) out[i] = null;
    else {
      out[i] = joined.slice(at, at + length);
      at += length;
    }
  }
  if (at !== joined.length) throw new Error(`Packed texts: ${joined.length - at} characters left over`);
  return out;
}

/** The typed-array and coded fields, named one by one: `columns` may be a class instance, not a plain object. */
function typedFields(c: Omit<SampleColumns, 'requestId' | 'timestamp'>) {
  return {
    length: c.length,
    memoryMB: c.memoryMB,
    initMs: c.initMs,
    durationMs: c.durationMs,
    billedMs: c.billedMs,
    maxMemoryUsedMB: c.maxMemoryUsedMB,
    restoreMs: c.restoreMs,
    name: { codes: c.name.codes, values: c.name.values },
    arch: { codes: c.arch.codes, values: c.arch.values },
    runtime: { codes: c.runtime.codes, values: c.runtime.values },
    status: { codes: c.status.codes, values: c.status.values },
    errorType: { codes: c.errorType.codes, values: c.errorType.values },
    run: { codes: c.run.codes, values: c.run.values },
  };
}

export function packColumns(columns: SampleColumns): PackedColumns {
  return {
    ...typedFields(columns),
    requestId: columns.requestId === null ? null : packTexts(columns.requestId),
    timestamp: columns.timestamp === null ? null : packTexts(columns.timestamp),
  };
}

/**
 * The columns back from their trip. The unique texts are cut apart on first read only: nothing on the way to
 * the first chart reads them (a page of the sample table or an export does), and cutting a million of each
 * costs the window about a tenth of a second per column.
 */
export function unpackColumns(packed: PackedColumns): SampleColumns {
  const columns = typedFields(packed);
  lazyTexts(columns, 'requestId', packed.requestId);
  lazyTexts(columns, 'timestamp', packed.timestamp);
  return columns as typeof columns & Pick<SampleColumns, 'requestId' | 'timestamp'>;
}

function lazyTexts(target: object, key: 'requestId' | 'timestamp', packed: PackedTexts | null): void {
  if (packed === null) {
    Object.defineProperty(target, key, { value: null, enumerable: true });
    return;
  }
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const texts = unpackTexts(packed);
      // From now on a plain value: the getter runs once.
      Object.defineProperty(target, key, { value: texts, enumerable: true });
      return texts;
    },
  });
}

/**
 * The buffers to hand over with postMessage's transfer list, each once (columns may share a buffer, and
 * naming one twice makes postMessage throw). The sender's arrays are unusable afterwards.
 */
export function transferables(packed: PackedColumns): ArrayBuffer[] {
  const coded: CodedTextColumn[] = [
    packed.name,
    packed.arch,
    packed.runtime,
    packed.status,
    packed.errorType,
    packed.run,
  ];
  const arrays: ArrayBufferView[] = [
    packed.memoryMB,
    packed.initMs,
    packed.durationMs,
    packed.billedMs,
    packed.maxMemoryUsedMB,
    packed.restoreMs,
    ...coded.map((c) => c.codes),
  ];
  if (packed.requestId) arrays.push(packed.requestId.lengths);
  if (packed.timestamp) arrays.push(packed.timestamp.lengths);
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}
