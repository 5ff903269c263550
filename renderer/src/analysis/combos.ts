import { textOf, type SampleColumns } from '../../../shared/sample-columns';

/**
 * The rows of one function / architecture / memory combination as the file says them (before the dataset's
 * tags and the user's corrections, which apply per function name: resolved per combination, never per row).
 */
export interface Combo {
  name: string;
  /** The rows' own arch and memory; null when they have none. */
  arch: string | null;
  memoryMB: number | null;
  /** Indexes of the rows, ascending. */
  rows: Int32Array;
}

// Combinations depend on the columns only, and columns are never changed in place (see Dataset.columns):
// one scan per columns object, whatever the tags, corrections, filters or metric.
const cache = new WeakMap<SampleColumns, readonly Combo[]>();

/** The distinct (name, arch, memory) combinations of the columns, in order of first appearance. */
export function combosOf(columns: SampleColumns): readonly Combo[] {
  let combos = cache.get(columns);
  if (!combos) {
    const started = performance.now();
    cache.set(columns, (combos = scanCombos(columns)));
    // For the bench: the one pass over every row after an import.
    performance.clearMeasures('coldstart:combos');
    performance.measure('coldstart:combos', { start: started, end: performance.now() });
  }
  return combos;
}

/** Up to this many distinct memory sizes are found by a scan of a short list, beyond by a Map. */
const FEW_MEMORY_SIZES = 16;
/** Up to this many possible combinations (names × archs × memory sizes) a dense table maps them, beyond a Map. */
const DENSE_COMBOS = 1 << 20;

function scanCombos(c: SampleColumns): Combo[] {
  const n = c.length;
  const names = c.name.codes;
  const archs = c.arch.codes;
  const memory = c.memoryMB;

  // Memory sizes are few and not coded: a small id for each first (0 = unknown), so a combination is one
  // number: (memory id × archs + arch code) × names + name code.
  const memoryIds = new Uint32Array(n);
  const memoryValues: (number | null)[] = [null];
  let memoryMap: Map<number, number> | null = null;
  let lastMemory = NaN;
  let lastMemoryId = 0;
  for (let i = 0; i < n; i++) {
    const m = memory[i] as number;
    if (m !== lastMemory) {
      lastMemory = m;
      if (m !== m) lastMemoryId = 0;
      else {
        let id = -1;
        if (memoryMap === null) {
          for (let k = 1; k < memoryValues.length; k++) if (memoryValues[k] === m) id = k;
          if (id < 0 && memoryValues.length > FEW_MEMORY_SIZES)
            memoryMap = new Map(memoryValues.map((v, k) => [v ?? NaN, k]));
        }
        if (memoryMap !== null) id = memoryMap.get(m) ?? -1;
        if (id < 0) {
          id = memoryValues.length;
          memoryValues.push(m);
          memoryMap?.set(m, id);
        }
        lastMemoryId = id;
      }
    }
    memoryIds[i] = lastMemoryId;
  }

  const nameCount = c.name.values.length + 1;
  const archCount = c.arch.values.length + 1;
  const possible = memoryValues.length * archCount * nameCount;
  const dense = possible <= DENSE_COMBOS ? new Int32Array(possible).fill(-1) : null;
  const sparse = dense === null ? new Map<number, number>() : null;
  const keys: [number, number, number][] = [];
  const counts: number[] = [];
  const comboOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const name = names[i] as number;
    const arch = archs[i] as number;
    const memoryId = memoryIds[i] as number;
    const key = (memoryId * archCount + arch) * nameCount + name;
    let combo = dense !== null ? (dense[key] as number) : (sparse?.get(key) ?? -1);
    if (combo < 0) {
      combo = keys.length;
      if (dense !== null) dense[key] = combo;
      else sparse?.set(key, combo);
      keys.push([name, arch, memoryId]);
      counts.push(0);
    }
    comboOfRow[i] = combo;
    counts[combo] = (counts[combo] as number) + 1;
  }

  // Rows of each combination side by side in one array (a counting sort by combination, so ascending).
  const starts = new Int32Array(keys.length + 1);
  for (let k = 0; k < keys.length; k++) starts[k + 1] = (starts[k] as number) + (counts[k] as number);
  const filled = starts.slice(0, keys.length);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = comboOfRow[i] as number;
    rows[filled[k] as number] = i;
    filled[k] = (filled[k] as number) + 1;
  }
  return keys.map(([name, arch, memoryId], k) => ({
    name: textOf(c.name, name) as string,
    arch: textOf(c.arch, arch),
    memoryMB: memoryValues[memoryId] ?? null,
    rows: rows.subarray(starts[k], starts[k + 1]),
  }));
}
