import type { SampleColumns } from '../../../shared/sample-columns';

/**
 * SampleColumns as they cross postMessage: a plain object of typed arrays (transferred, not copied), small
 * code tables, and one string per packed text column (copied once).
 */
export type PortableColumns = SampleColumns;

/** The fields named one by one: `columns` may be a class instance, not a plain object. */
export function portableColumns(c: SampleColumns): PortableColumns {
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
    requestId: c.requestId && { text: c.requestId.text, ends: c.requestId.ends },
    timestamp: c.timestamp && { text: c.timestamp.text, ends: c.timestamp.ends },
  };
}

/**
 * The buffers to hand over with postMessage's transfer list, each once (columns may share a buffer, and
 * naming one twice makes postMessage throw). The sender's arrays are unusable afterwards.
 */
export function transferables(c: PortableColumns): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    c.memoryMB,
    c.initMs,
    c.durationMs,
    c.billedMs,
    c.maxMemoryUsedMB,
    c.restoreMs,
    ...[c.name, c.arch, c.runtime, c.status, c.errorType, c.run].map((coded) => coded.codes),
  ];
  if (c.requestId) arrays.push(c.requestId.ends);
  if (c.timestamp) arrays.push(c.timestamp.ends);
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}
