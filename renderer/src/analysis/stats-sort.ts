import type { Box } from './boxes';
import { medianCi, type TABLE_COLUMNS } from './stats-table';

/** Sortable columns: the group keys, the statistics, the median's interval (by its low end) and the ratio. */
export type SortColumn =
  'dataset' | 'name' | 'arch' | 'memory' | 'change' | (typeof TABLE_COLUMNS)[number] | 'medianCi' | 'ratio';

export interface TableSort {
  column: SortColumn;
  descending: boolean;
}

/** What a row's change and ratio columns show, by box key (absent when not shown). */
export interface RowExtras {
  change: (key: string) => number | null;
  ratio: (key: string) => number | null;
}

function sortValue(box: Box, column: SortColumn, extras: RowExtras): string | number | null {
  switch (column) {
    case 'dataset':
      return box.dataset?.index ?? null;
    case 'change':
      return extras.change(box.key);
    case 'name':
      return box.name;
    case 'arch':
      return box.arch;
    case 'memory':
      return box.memoryMB;
    case 'medianCi':
      return medianCi(box)?.[0] ?? null;
    case 'ratio':
      return extras.ratio(box.key);
    default:
      return box.stats[column];
  }
}

/** Rows in the order asked for; missing values (unknown memory, no interval) last either way. */
export function sortRows(boxes: Box[], sort: TableSort | null, extras: RowExtras): Box[] {
  if (!sort) return boxes;
  const sign = sort.descending ? -1 : 1;
  return [...boxes].sort((a, b) => {
    const x = sortValue(a, sort.column, extras);
    const y = sortValue(b, sort.column, extras);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y));
  });
}
