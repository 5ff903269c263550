import { packedTextOf, sampleAt, textOf, type CodedTextColumn } from '../../../shared/sample-columns';
import { combosOf } from './combos';
import { resolveArch, resolveMemory, type SelectedRows, type SelectedSample } from './selection';

/** The columns the sample table sorts by. */
export type SortColumn =
  | 'dataset'
  | 'name'
  | 'arch'
  | 'memory'
  | 'init'
  | 'duration'
  | 'billed'
  | 'maxmemory'
  | 'status'
  | 'timestamp';

/**
 * The selected rows as one list: position p (0 .. total - 1) counts through the datasets in turn. Reads a
 * sample only for the positions asked for (a page of the table), never all of them.
 */
export class SelectionList {
  readonly total: number;
  /** Position of each part's first row. */
  private readonly starts: number[];

  constructor(readonly parts: readonly SelectedRows[]) {
    this.starts = [];
    let total = 0;
    for (const part of parts) {
      this.starts.push(total);
      total += part.rows.length;
    }
    this.total = total;
  }

  private partAt(position: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  at(position: number): SelectedSample {
    const k = this.partAt(position);
    const { dataset, rows } = this.parts[k] as SelectedRows;
    return {
      sample: sampleAt(dataset.columns, rows[position - (this.starts[k] as number)] as number),
      dataset,
    };
  }

  /**
   * Positions ordered by a column: each row's sort key read straight from the columns into one array (texts
   * as their rank among the distinct values), then an index sort. Unknown values go last either way; equal
   * values keep their order.
   */
  order(column: SortColumn, descending: boolean): Uint32Array {
    if (column === 'timestamp') {
      const order = new Uint32Array(this.total);
      for (let p = 0; p < order.length; p++) order[p] = p;
      const dir = descending ? -1 : 1;
      // ISO 8601 texts sort as plain strings; they are unique per row, so no rank table.
      const keys = this.timestamps();
      return order.sort((a, b) => {
        const x = keys[a] ?? null;
        const y = keys[b] ?? null;
        if (x === null) return y === null ? a - b : 1;
        if (y === null) return -1;
        return (x < y ? -dir : x > y ? dir : 0) || a - b;
      });
    }
    return orderByKeys(this.numericKeys(column), descending);
  }

  private numericKeys(column: Exclude<SortColumn, 'timestamp'>): Float64Array {
    const keys = new Float64Array(this.total);
    const ranks = this.textRanks(column);
    let p = 0;
    for (const { dataset, rows } of this.parts) {
      const c = dataset.columns;
      switch (column) {
        case 'dataset': {
          const rank = ranks.get(dataset.name) as number;
          keys.fill(rank, p, p + rows.length);
          break;
        }
        case 'name':
        case 'status': {
          const coded = c[column];
          const rankOfCode = codeRanks(coded, ranks);
          for (let j = 0; j < rows.length; j++)
            keys[p + j] = rankOfCode[coded.codes[rows[j] as number] as number] as number;
          break;
        }
        case 'arch':
        case 'memory': {
          // Corrected per function: the key of each combination, spread over its rows.
          const byRow = new Float64Array(c.length);
          for (const combo of combosOf(c)) {
            const key =
              column === 'arch'
                ? (ranks.get(resolveArch(combo.name, combo.arch, dataset)) as number)
                : (resolveMemory(combo.name, combo.memoryMB, dataset) ?? NaN);
            for (const r of combo.rows) byRow[r] = key;
          }
          for (let j = 0; j < rows.length; j++) keys[p + j] = byRow[rows[j] as number] as number;
          break;
        }
        default: {
          const values = {
            init: c.initMs,
            duration: c.durationMs,
            billed: c.billedMs,
            maxmemory: c.maxMemoryUsedMB,
          }[column];
          for (let j = 0; j < rows.length; j++) keys[p + j] = values[rows[j] as number] as number;
        }
      }
      p += rows.length;
    }
    return keys;
  }

  /** Rank of each text a text column can show, in reading order (localeCompare, as the old table did). */
  private textRanks(column: Exclude<SortColumn, 'timestamp'>): Map<string, number> {
    const texts = new Set<string>();
    for (const { dataset } of this.parts) {
      if (column === 'dataset') texts.add(dataset.name);
      else if (column === 'name' || column === 'status')
        for (const v of dataset.columns[column].values) texts.add(v);
      else if (column === 'arch')
        for (const combo of combosOf(dataset.columns))
          texts.add(resolveArch(combo.name, combo.arch, dataset));
    }
    return new Map([...texts].sort((a, b) => a.localeCompare(b)).map((t, i) => [t, i]));
  }

  private timestamps(): (string | null)[] {
    const keys = new Array<string | null>(this.total);
    let p = 0;
    for (const { dataset, rows } of this.parts) {
      const texts = dataset.columns.timestamp;
      for (let j = 0; j < rows.length; j++) keys[p + j] = packedTextOf(texts, rows[j] as number);
      p += rows.length;
    }
    return keys;
  }
}

/** Below this many rows a comparison sort beats the radix sort's fixed cost (its 4 × 65536 counters). */
const RADIX_MIN = 4096;

/**
 * Positions 0 .. n - 1 ordered by their keys, NaN (unknown) last in either direction, equal keys in position
 * order. A comparison sort of a million indexes takes most of a second; an LSD radix sort over the keys' bits
 * (four passes of 16 bits, a pass skipped when all keys share its digit) a few tens of milliseconds.
 */
export function orderByKeys(keys: Float64Array, descending: boolean): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let p = 0; p < n; p++) order[p] = p;
  if (n < RADIX_MIN) {
    const dir = descending ? -1 : 1;
    return order.sort((a, b) => {
      const x = keys[a] as number;
      const y = keys[b] as number;
      if (x !== x) return y !== y ? a - b : 1;
      if (y !== y) return -1;
      return (x - y) * dir || a - b;
    });
  }
  // Each key as two 32-bit words that compare, unsigned, the way the keys do: the sign bit flipped for
  // positives, every bit for negatives (-0 counted as 0); every bit once more for descending; NaN highest.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const double = new Float64Array(1);
  const words = new Uint32Array(double.buffer);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    if (k !== k) {
      hi[i] = 0xffffffff;
      lo[i] = 0xffffffff;
      continue;
    }
    double[0] = k + 0;
    let h = words[1] as number;
    let l = words[0] as number;
    if (h >>> 31 === 1) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    if (descending) {
      h = ~h;
      l = ~l;
    }
    hi[i] = h >>> 0;
    lo[i] = l >>> 0;
  }
  let spare = new Uint32Array(n);
  const counts = new Int32Array(0x10000);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let j = 0; j < n; j++) {
      const d = ((word[j] as number) >>> shift) & 0xffff;
      counts[d] = (counts[d] as number) + 1;
    }
    if (counts[((word[0] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 0x10000; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const p = order[j] as number;
      const d = ((word[p] as number) >>> shift) & 0xffff;
      spare[counts[d] as number] = p;
      counts[d] = (counts[d] as number) + 1;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** Rank of each code of a coded column (NaN for 0, the column's null). */
function codeRanks(coded: CodedTextColumn, ranks: Map<string, number>): Float64Array {
  const out = new Float64Array(coded.values.length + 1);
  out[0] = NaN;
  for (let code = 1; code <= coded.values.length; code++)
    out[code] = ranks.get(textOf(coded, code) as string) as number;
  return out;
}
