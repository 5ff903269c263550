import {
  CODED_COLUMNS,
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

/** One dictionary over the parts: each part's codes mapped to the merged ones (0 stays 0: null). */
function mergeCoded(parts: readonly ColumnsPart[], key: (typeof CODED_COLUMNS)[number], out: Uint32Array) {
  const values: string[] = [];
  const ids = new Map<string, number>();
  const codeOf = (value: string): number => {
    let code = ids.get(value);
    if (code === undefined) {
      values.push(value);
      ids.set(value, (code = values.length));
    }
    return code;
  };
  let offset = 0;
  for (const part of parts) {
    const column: CodedTextColumn = part.columns[key];
    const remap = new Uint32Array(column.values.length + 1);
    column.values.forEach((v, k) => (remap[k + 1] = codeOf(v)));
    if (key === 'arch' && part.arch) remap[0] = codeOf(part.arch);
    const { codes } = column;
    for (let i = 0; i < codes.length; i++) out[offset + i] = remap[codes[i] as number] as number;
    offset += codes.length;
  }
  return { codes: out, values };
}

/** The packed texts of the parts one after the other; rows of a part without the column are null. */
function mergePacked(parts: readonly ColumnsPart[], pick: (c: SampleColumns) => PackedTextColumn | null) {
  if (parts.every((p) => pick(p.columns) === null)) return null;
  const total = parts.reduce((n, p) => n + p.columns.length, 0);
  const ends = new Uint32Array(total);
  const texts: string[] = [];
  let base = 0;
  let offset = 0;
  for (const part of parts) {
    const column = pick(part.columns);
    const n = part.columns.length;
    if (column === null) ends.fill(base, offset, offset + n);
    else {
      for (let i = 0; i < n; i++) ends[offset + i] = base + (column.ends[i] as number);
      texts.push(column.text);
      base += column.text.length;
    }
    offset += n;
  }
  return { text: texts.join(''), ends };
}

/**
 * The samples of several files as one set of columns, in the order given: one dataset for a batch (a year of
 * daily files) instead of one per file. Each part's rows keep their values, including their run and
 * timestamp, so a day or a file can still be told apart; text columns get one dictionary for all parts.
 */
export function concatColumns(parts: readonly ColumnsPart[]): SampleColumns {
  const length = parts.reduce((n, p) => n + p.columns.length, 0);
  const numbers = {} as Record<(typeof NUMBER_COLUMNS)[number], Float64Array>;
  for (const key of NUMBER_COLUMNS) {
    const out = new Float64Array(length);
    let offset = 0;
    for (const part of parts) {
      out.set(part.columns[key], offset);
      const fill = key === 'memoryMB' ? part.memoryMB : null;
      if (fill !== null && fill !== undefined)
        for (let i = offset; i < offset + part.columns.length; i++) if (out[i] !== out[i]) out[i] = fill;
      offset += part.columns.length;
    }
    numbers[key] = out;
  }
  const coded = {} as Record<(typeof CODED_COLUMNS)[number], CodedTextColumn>;
  for (const key of CODED_COLUMNS) coded[key] = mergeCoded(parts, key, new Uint32Array(length));
  return {
    length,
    ...numbers,
    ...coded,
    requestId: mergePacked(parts, (c) => c.requestId),
    timestamp: mergePacked(parts, (c) => c.timestamp),
  };
}
