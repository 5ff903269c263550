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

function mixText(hash: number, value: string | null): number {
  if (value === null) return mixWord(hash, 0x85ebca6b);
  let h = mixWord(hash, value.length);
  for (let i = 0; i < value.length; i++) h = mixWord(h, value.charCodeAt(i));
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

/** 30 bits: small integers are Map keys V8 stores without allocating. */
function invocationHash(s: Sample): number {
  return finish(s.requestId !== null ? mixText(1, s.requestId) : contentHash(s)) >> 2;
}

function contentHash(s: Sample): number {
  let h = mixText(2166136261, s.name);
  h = mixNumber(h, s.memoryMB);
  h = mixNumber(h, s.initMs);
  h = mixNumber(h, s.durationMs);
  h = mixNumber(h, s.billedMs);
  h = mixText(h, s.arch);
  h = mixText(h, s.runtime);
  h = mixNumber(h, s.maxMemoryUsedMB);
  h = mixNumber(h, s.restoreMs);
  h = mixText(h, s.status);
  h = mixText(h, s.errorType);
  h = mixText(h, s.timestamp);
  return mixText(h, s.run);
}

/**
 * Groups of samples that are one invocation (see sameInvocation), each group in file order. Hashes numbers
 * instead of building a string key per row: a million key strings were most of an import's time.
 */
export function findDuplicates(samples: readonly Sample[]): number[][] {
  const firstByHash = new Map<number, number>();
  // Samples that start a group but share a hash with an earlier one are chained here.
  const nextWithHash = new Int32Array(samples.length).fill(-1);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] as Sample;
    const hash = invocationHash(s);
    let j = firstByHash.get(hash);
    if (j === undefined) {
      firstByHash.set(hash, i);
      continue;
    }
    let last = j;
    while (j !== -1 && !sameInvocation(samples[j] as Sample, s)) {
      last = j;
      j = nextWithHash[j] as number;
    }
    if (j === -1) {
      nextWithHash[last] = i;
      continue;
    }
    const group = groups.get(j);
    if (group === undefined) groups.set(j, [j, i]);
    else group.push(i);
  }
  return [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}
