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

/**
 * Hashes of the texts that repeat from row to row (name, runtime, ...), remembered for the last few values
 * seen: the importer gives equal cells the same string, so a hit is mostly a pointer comparison.
 */
class TextHash {
  private readonly texts: string[] = [];
  private readonly hashes: number[] = [];
  private next = 0;

  of(value: string): number {
    const texts = this.texts;
    for (let i = 0; i < texts.length; i++) if (texts[i] === value) return this.hashes[i] as number;
    const hash = mixText(0x3c6ef372, value);
    // Round robin over 8 entries: a column with many distinct values costs one scan more per row, no more.
    texts[this.next] = value;
    this.hashes[this.next] = hash;
    this.next = (this.next + 1) & 7;
    return hash;
  }
}

/** One hash per sample; equal hashes for every pair sameInvocation calls one invocation. */
function invocationHashes(samples: readonly Sample[]): Uint32Array {
  const n = samples.length;
  const hashes = new Uint32Array(n);
  const name = new TextHash();
  const arch = new TextHash();
  const runtime = new TextHash();
  const status = new TextHash();
  const errorType = new TextHash();
  const run = new TextHash();
  for (let i = 0; i < n; i++) {
    const s = samples[i] as Sample;
    if (s.requestId !== null) {
      hashes[i] = finish(mixText(2166136261, s.requestId));
      continue;
    }
    // Every compared value goes into the hash: rows that differ only in, say, their timestamp must not share
    // a hash (they would be compared with each other).
    let h = mixNumber(0x2545f491, s.initMs);
    h = mixNumber(h, s.durationMs);
    h = mixNumber(h, s.billedMs);
    h = mixNumber(h, s.memoryMB);
    h = mixNumber(h, s.maxMemoryUsedMB);
    h = mixNumber(h, s.restoreMs);
    h = mixWord(h, name.of(s.name));
    h = mixWord(h, s.arch === null ? 1 : arch.of(s.arch));
    h = mixWord(h, s.runtime === null ? 2 : runtime.of(s.runtime));
    h = mixWord(h, s.status === null ? 3 : status.of(s.status));
    h = mixWord(h, s.errorType === null ? 4 : errorType.of(s.errorType));
    h = mixWord(h, s.run === null ? 5 : run.of(s.run));
    if (s.timestamp !== null) h = mixText(h, s.timestamp);
    hashes[i] = finish(h);
  }
  return hashes;
}

const HASH_RADIX = 2048;

/**
 * Sample indexes ordered by hash, file order among equal hashes (a stable LSD radix sort of the 32-bit hashes
 * in three passes), and the hashes in that order (`hashes` is used up).
 */
function orderByHash(hashes: Uint32Array): { order: Int32Array; sorted: Uint32Array } {
  const n = hashes.length;
  let keys: Uint32Array = hashes;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let nextKeys: Uint32Array = new Uint32Array(n);
  let nextOrder = new Int32Array(n);
  const counts = new Int32Array(3 * HASH_RADIX);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    bump(counts, key & 0x7ff);
    bump(counts, HASH_RADIX + ((key >>> 11) & 0x7ff));
    bump(counts, 2 * HASH_RADIX + (key >>> 22));
  }
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * HASH_RADIX;
    let sum = 0;
    for (let d = base; d < base + HASH_RADIX; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    const shift = pass * 11;
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      const slot = base + ((key >>> shift) & 0x7ff);
      const to = counts[slot] as number;
      counts[slot] = to + 1;
      nextKeys[to] = key;
      nextOrder[to] = order[i] as number;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return { order, sorted: keys };
}

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}

/**
 * Groups of samples that are one invocation (see sameInvocation), each group in file order, groups ordered by
 * their first sample. Samples are hashed, ordered by hash (a radix sort: sequential passes over typed arrays,
 * where a hash table's random probes missed the cache on every row), and only samples with equal hashes are
 * compared.
 */
export function findDuplicates(samples: readonly Sample[]): number[][] {
  const n = samples.length;
  const { order, sorted } = orderByHash(invocationHashes(samples));
  const groups: number[][] = [];
  const run: number[][] = [];
  for (let from = 0; from < n;) {
    const hash = sorted[from] as number;
    let to = from + 1;
    while (to < n && sorted[to] === hash) to += 1;
    if (to - from > 1) {
      // Samples with one hash, in file order: nearly always all one invocation, so few comparisons.
      run.length = 0;
      for (let k = from; k < to; k++) {
        const i = order[k] as number;
        const sample = samples[i] as Sample;
        const group = run.find((g) => sameInvocation(samples[g[0] as number] as Sample, sample));
        if (group === undefined) run.push([i]);
        else group.push(i);
      }
      for (const group of run) if (group.length > 1) groups.push(group);
    }
    from = to;
  }
  return groups.sort((a, b) => (a[0] as number) - (b[0] as number));
}
