import {
  CODED_COLUMNS,
  columnsOf,
  NUMBER_COLUMNS,
  type CodedTextColumn,
  type PackedTextColumn,
  type SampleColumns,
} from './sample-columns';

/** One file's samples in a batch, with what its file name says about rows that do not say it themselves. */
export interface ColumnsPart {
  columns: SampleColumns;
  /** Filled in where a row's arch is unknown (a seed file's `speed-arm-1024.csv`); null: left unknown. */
  arch?: string | null;
  /** Filled in where a row's memory is unknown; null: left unknown. */
  memoryMB?: number | null;
}

/** One coded column over the parts: one dictionary, each part's codes mapped to it (0 stays 0: null). */
class CodedJoin {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(public codes: Uint32Array) {}

  private codeOf(value: string): number {
    let code = this.ids.get(value);
    if (code === undefined) {
      this.values.push(value);
      this.ids.set(value, (code = this.values.length));
    }
    return code;
  }

  append(column: CodedTextColumn, offset: number, fill: string | null): void {
    const remap = new Uint32Array(column.values.length + 1);
    column.values.forEach((v, k) => (remap[k + 1] = this.codeOf(v)));
    if (fill) remap[0] = this.codeOf(fill);
    // A part without a value in the column (lambda-perf days have no status): its rows stay 0, as new
    // memory is, and that memory is never touched (first writes to new pages are most of a join's time).
    if (!remap.some((code) => code !== 0)) return;
    const { codes } = column;
    const out = this.codes;
    for (let i = 0; i < codes.length; i++) out[offset + i] = remap[codes[i] as number] as number;
  }
}

/** One packed column over the parts; rows of a part without the column are null. */
class PackedJoin {
  private readonly texts: string[] = [];
  private base = 0;
  /** Made at the first part with the column: rows before it end at 0, as new memory holds. */
  ends: Uint32Array | null = null;

  append(column: PackedTextColumn | null, offset: number, rows: number, capacity: number): void {
    if (column === null) {
      if (this.ends !== null && this.base > 0) this.ends.fill(this.base, offset, offset + rows);
      return;
    }
    const ends = (this.ends ??= new Uint32Array(capacity));
    const base = this.base;
    for (let i = 0; i < rows; i++) ends[offset + i] = base + (column.ends[i] as number);
    this.texts.push(column.text);
    this.base += column.text.length;
  }

  finish(length: number): PackedTextColumn | null {
    return this.ends === null ? null : { text: this.texts.join(''), ends: this.ends.subarray(0, length) };
  }
}

const grown = <T extends Float64Array | Uint32Array>(a: T, capacity: number): T => {
  const bigger = (a instanceof Float64Array ? new Float64Array(capacity) : new Uint32Array(capacity)) as T;
  bigger.set(a);
  return bigger;
};

/**
 * The samples of several files as one set of columns, appended one file at a time (see concatColumns): a
 * batch's files can be joined as they are parsed, each file's own columns then let go (kept until the end,
 * a year of files' columns was as much new memory again as the joined ones, and on a busy machine writing
 * to new memory is most of the cost). `capacity`: about how many rows there will be (more is grown into).
 */
export class ColumnsJoin {
  length = 0;
  private capacity: number;
  private readonly numbers: Float64Array[];
  private readonly coded: CodedJoin[];
  private readonly packed = { requestId: new PackedJoin(), timestamp: new PackedJoin() };

  constructor(capacity: number) {
    this.capacity = Math.max(16, Math.ceil(capacity));
    this.numbers = NUMBER_COLUMNS.map(() => new Float64Array(this.capacity));
    this.coded = CODED_COLUMNS.map(() => new CodedJoin(new Uint32Array(this.capacity)));
  }

  append({ columns, arch = null, memoryMB = null }: ColumnsPart): void {
    const offset = this.length;
    const rows = columns.length;
    if (offset + rows > this.capacity) this.grow(Math.max(offset + rows, Math.ceil(this.capacity * 1.5)));
    NUMBER_COLUMNS.forEach((key, k) => {
      const out = this.numbers[k] as Float64Array;
      out.set(columns[key].subarray(0, rows), offset);
      if (key === 'memoryMB' && memoryMB !== null)
        for (let i = offset; i < offset + rows; i++) if (out[i] !== out[i]) out[i] = memoryMB;
    });
    CODED_COLUMNS.forEach((key, k) =>
      (this.coded[k] as CodedJoin).append(columns[key], offset, key === 'arch' ? arch : null),
    );
    this.packed.requestId.append(columns.requestId, offset, rows, this.capacity);
    this.packed.timestamp.append(columns.timestamp, offset, rows, this.capacity);
    this.length = offset + rows;
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    this.numbers.forEach((a, k) => (this.numbers[k] = grown(a, capacity)));
    for (const c of this.coded) c.codes = grown(c.codes, capacity);
    for (const p of [this.packed.requestId, this.packed.timestamp])
      if (p.ends) p.ends = grown(p.ends, capacity);
  }

  /** The joined columns (views of the first `length` rows: room never written to costs no memory). */
  finish(): SampleColumns {
    const n = this.length;
    return columnsOf(
      n,
      this.numbers.map((a) => a.subarray(0, n)),
      this.coded.map((c) => ({ codes: c.codes.subarray(0, n), values: c.values })),
      this.packed.requestId.finish(n),
      this.packed.timestamp.finish(n),
    );
  }
}

/**
 * The samples of several files as one set of columns, in the order given: one dataset for a batch (a year of
 * daily files) instead of one per file. Each part's rows keep their values, including their run and
 * timestamp, so a day or a file can still be told apart; text columns get one dictionary for all parts.
 */
export function concatColumns(parts: readonly ColumnsPart[]): SampleColumns {
  const join = new ColumnsJoin(parts.reduce((n, p) => n + p.columns.length, 0));
  for (const part of parts) join.append(part);
  return join.finish();
}
