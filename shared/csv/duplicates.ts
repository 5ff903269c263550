import type { Sample } from '../sample';

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

/** One 32-bit word into the hash, as MurmurHash3 does: every input bit reaches every hash bit. */
function mixWord(hash: number, word: number): number {
  let w = Math.imul(word, 0xcc9e2d51);
  w = (w << 15) | (w >>> 17);
  w = Math.imul(w, 0x1b873593);
  let h = hash ^ w;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixNumber(hash: number, value: number | null): number {
  if (value === null) return mixWord(hash, 0x9e3779b9);
  float[0] = value;
  return mixWord(mixWord(hash, floatWords[0] as number), floatWords[1] as number);
}

/** FNV-1a over the characters: cheap, and finish() spreads the bits afterwards. */
function mixText(hash: number, value: string): number {
  let h = hash ^ value.length;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h;
}

// Two rows with one RequestId are one invocation, whatever else they say; rows without one are duplicates
// when every value is the same.
function sameInvocation(a: Sample, b: Sample): boolean {
  if (a.requestId !== null || b.requestId !== null) return a.requestId === b.requestId;
  return (
    a.name === b.name &&
    a.memoryMB === b.memoryMB &&
    a.initMs === b.initMs &&
    a.durationMs === b.durationMs &&
    a.billedMs === b.billedMs &&
    a.arch === b.arch &&
    a.runtime === b.runtime &&
    a.maxMemoryUsedMB === b.maxMemoryUsedMB &&
    a.restoreMs === b.restoreMs &&
    a.status === b.status &&
    a.errorType === b.errorType &&
    a.timestamp === b.timestamp &&
    a.run === b.run
  );
}

function finish(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function invocationHash(s: Sample): number {
  return finish(s.requestId !== null ? mixText(2166136261, s.requestId) : contentHash(s));
}

// Every compared value goes into the hash: rows that differ only in, say, their timestamp must not pile up
// in one slot of the table.
function contentHash(s: Sample): number {
  let h = mixNumber(0x2545f491, s.initMs);
  h = mixNumber(h, s.durationMs);
  h = mixNumber(h, s.billedMs);
  h = mixNumber(h, s.memoryMB);
  h = mixNumber(h, s.maxMemoryUsedMB);
  h = mixNumber(h, s.restoreMs);
  h = mixText(h, s.name);
  if (s.arch !== null) h = mixText(h, s.arch);
  if (s.runtime !== null) h = mixText(h, s.runtime);
  if (s.status !== null) h = mixText(h, s.status);
  if (s.errorType !== null) h = mixText(h, s.errorType);
  if (s.timestamp !== null) h = mixText(h, s.timestamp);
  if (s.run !== null) h = mixText(h, s.run);
  return h;
}

/**
 * Groups of samples that are one invocation (see sameInvocation), each group in file order. An open-addressing
 * table of sample indexes keyed by a hash of the values: no string key and no Map entry per row, which were
 * most of an import's time.
 */
export function findDuplicates(samples: readonly Sample[]): number[][] {
  const n = samples.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(n);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const s = samples[i] as Sample;
    const hash = invocationHash(s);
    hashes[i] = hash;
    let slot = hash & mask;
    for (;;) {
      const j = table[slot] as number;
      if (j < 0) {
        table[slot] = i;
        break;
      }
      if (hashes[j] === hash && sameInvocation(samples[j] as Sample, s)) {
        const group = groups.get(j);
        if (group === undefined) groups.set(j, [j, i]);
        else group.push(i);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}
