import { readSync } from 'node:fs';

/** Bytes read from a file at a time: a few of them is all the memory the reading takes. */
export const CHUNK_BYTES = 1 << 20;

/** The bytes [from, to) of an open file in chunks, one buffer reused (see importCsvBytes). */
export function* fileChunks(fd: number, from: number, to: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(CHUNK_BYTES);
  for (let at = from; at < to;) {
    const n = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, to - at), at);
    if (n === 0) return;
    at += n;
    yield buffer.subarray(0, n);
  }
}

/** The file's first chunk, in memory of its own. */
export function firstChunk(fd: number): Uint8Array {
  const head = new Uint8Array(CHUNK_BYTES);
  return head.subarray(0, readSync(fd, head, 0, CHUNK_BYTES, 0));
}
