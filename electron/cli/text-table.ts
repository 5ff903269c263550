import type { GroupKey } from '../../shared/sample';
import type { GroupValues } from '../../shared/stats/group-stats';

/**
 * Rows (the header first) as aligned plain-text columns two spaces apart, each line without trailing
 * blanks. Columns are left-aligned unless `leftAligned` says otherwise (numbers read best right-aligned).
 */
export function textTable(
  rows: readonly string[][],
  leftAligned: (column: number) => boolean = () => true,
): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map((row) => (row[i] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, i) => (leftAligned(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A group's value in a table cell: memory with its unit, an unknown value as `(unknown)`. */
export function groupCell(key: GroupKey, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '(unknown)';
  return key === 'memory' ? `${value} MB` : String(value);
}

/** A table's group columns of one row, in the order of `by`. */
export function groupCells(group: GroupValues, by: readonly GroupKey[]): string[] {
  return by.map((key) => groupCell(key, group[key]));
}
