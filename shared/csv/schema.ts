/**
 * The shared CSV format: semicolon-separated, `.` as decimal separator, header always present. The first five
 * columns are the original `Name;Memory;Init;Cold;Billed` of earlier runs; the others are optional.
 */

export type ColumnKey =
  | 'name'
  | 'memory'
  | 'init'
  | 'cold'
  | 'billed'
  | 'arch'
  | 'runtime'
  | 'maxMemory'
  | 'restore'
  | 'status'
  | 'requestId'
  | 'timestamp'
  | 'run'
  | 'errorType';

export interface ColumnSpec {
  key: ColumnKey;
  /** The header the export writes. */
  header: string;
  /** Other header spellings the import accepts (compared after `normalizeHeader`). */
  aliases: readonly string[];
  /** An import fails without it. */
  required: boolean;
}

/** Every column, in the order the export writes them. */
export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'name',
    header: 'Name',
    aliases: ['function', 'functionname'],
    required: true,
  },
  {
    key: 'memory',
    header: 'Memory',
    aliases: ['memorymb', 'memorysize', 'memorysizemb'],
    required: false,
  },
  {
    key: 'init',
    header: 'Init',
    aliases: ['initms', 'initduration', 'initdurationms'],
    required: true,
  },
  {
    key: 'cold',
    header: 'Cold',
    aliases: ['coldms', 'duration', 'durationms'],
    required: true,
  },
  {
    key: 'billed',
    header: 'Billed',
    aliases: ['billedms', 'billedduration', 'billeddurationms'],
    required: true,
  },
  { key: 'arch', header: 'Arch', aliases: ['architecture'], required: false },
  {
    key: 'runtime',
    header: 'Runtime',
    aliases: [],
    required: false,
  },
  {
    key: 'maxMemory',
    header: 'MaxMemory',
    aliases: ['maxmemorymb', 'maxmemoryused', 'maxmemoryusedmb'],
    required: false,
  },
  {
    key: 'restore',
    header: 'Restore',
    aliases: ['restorems', 'restoreduration', 'restoredurationms'],
    required: false,
  },
  { key: 'status', header: 'Status', aliases: [], required: false },
  {
    key: 'requestId',
    header: 'RequestId',
    aliases: ['request'],
    required: false,
  },
  {
    key: 'timestamp',
    header: 'Timestamp',
    aliases: ['time'],
    required: false,
  },
  { key: 'run', header: 'Run', aliases: ['runid'], required: false },
  {
    key: 'errorType',
    header: 'ErrorType',
    aliases: ['error'],
    required: false,
  },
];

/** The header line the export writes. */
export const HEADER_LINE = COLUMNS.map((c) => c.header).join(';');

/** `Init Duration (ms)` → `initdurationms`: header names compare case-, space- and punctuation-blind. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byNormalizedName = new Map<string, ColumnSpec>();
for (const column of COLUMNS) {
  byNormalizedName.set(normalizeHeader(column.header), column);
  for (const alias of column.aliases) byNormalizedName.set(alias, column);
}

/** The column a header cell names, or undefined for a column that is not part of the format. */
export function columnForHeader(header: string): ColumnSpec | undefined {
  return byNormalizedName.get(normalizeHeader(header));
}

/** Lambda's memory range: a number in a file name only counts as memory inside it. */
export const MEMORY_RANGE_MB = { min: 128, max: 10240 } as const;
