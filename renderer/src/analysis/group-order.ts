import type { Box } from './boxes';

/**
 * The one order of groups shared by the chart, the statistics table and the exports. By name, names compare
 * as people read them (python3.9 before python3.10, nodejs18.x before nodejs22.x); by a statistic, a function's
 * place is the mean of that statistic over its boxes (its only box when each function has one), fastest first.
 */
export type GroupSort = 'name' | 'median' | 'p90' | 'change';

export const GROUP_SORTS: readonly { id: GroupSort; label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'median', label: 'Median' },
  { id: 'p90', label: 'p90' },
  { id: 'change', label: 'Change (comparing runs)' },
];

/** A box's change from the base dataset in percent (see compare-rows.ts); null when it has none. */
export type ChangeOf = (box: Box) => number | null;

/** The largest or smallest N groups by median. */
export interface GroupRank {
  end: 'top' | 'bottom';
  n: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Numeric-aware, case-insensitive; exact ties broken by code units so the order is total. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Architectures by name (arm64, unknown, x86_64), as the groups have always been listed. */
export const compareArchs = compareNames;

/** Smallest first, unknown last. */
export const compareMemory = (a: number | null, b: number | null): number =>
  (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);

type Keyed = Pick<Box, 'name' | 'arch' | 'memoryMB'>;

export function compareByName(a: Keyed, b: Keyed): number {
  return (
    compareNames(a.name, b.name) || compareArchs(a.arch, b.arch) || compareMemory(a.memoryMB, b.memoryMB)
  );
}

/** The functions in chart order: where each function's boxes go, top to bottom or left to right. */
export function functionOrder(boxes: readonly Box[], sort: GroupSort, changeOf?: ChangeOf): string[] {
  const names = [...new Set(boxes.map((b) => b.name))].sort(compareNames);
  if (sort === 'name') return names;
  if (sort === 'change') return byLargestChange(names, boxes, changeOf);
  const sum = new Map<string, { total: number; count: number }>();
  for (const b of boxes) {
    const s = sum.get(b.name) ?? { total: 0, count: 0 };
    s.total += b.stats[sort];
    s.count++;
    sum.set(b.name, s);
  }
  const key = (name: string) => {
    const s = sum.get(name)!;
    return s.total / s.count;
  };
  // `names` is already in name order, and the sort is stable: ties stay in name order.
  return names.sort((a, b) => key(a) - key(b));
}

/**
 * When comparing runs: the function with the largest slowdown of any of its boxes first (what a regression
 * hunt looks at), then the others down to the largest speed-up; functions without a change last, by name.
 */
function byLargestChange(names: string[], boxes: readonly Box[], changeOf?: ChangeOf): string[] {
  const largest = new Map<string, number>();
  for (const b of boxes) {
    const change = changeOf?.(b) ?? null;
    if (change !== null) largest.set(b.name, Math.max(largest.get(b.name) ?? -Infinity, change));
  }
  const key = (name: string) => largest.get(name) ?? -Infinity;
  return names.sort((a, b) => (key(a) === key(b) ? 0 : key(b) - key(a)));
}

/** The boxes in the shared order: by function (functionOrder), then arch, then memory size. */
export function orderBoxes(boxes: readonly Box[], sort: GroupSort, changeOf?: ChangeOf): Box[] {
  const rank = new Map(functionOrder(boxes, sort, changeOf).map((name, i) => [name, i]));
  return [...boxes].sort(
    (a, b) =>
      rank.get(a.name)! - rank.get(b.name)! ||
      compareArchs(a.arch, b.arch) ||
      compareMemory(a.memoryMB, b.memoryMB),
  );
}

/** What a search looks in: "python3.12 arm64 1024 MB". */
const searchText = (b: Keyed): string =>
  `${b.name} ${b.arch} ${b.memoryMB === null ? 'unknown memory' : `${b.memoryMB} MB`}`.toLowerCase();

/** Every word of the query ("python", "arm64 1024") appears in the group's name, arch or memory size. */
export function matchesSearch(box: Keyed, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(box);
  return words.every((w) => text.includes(w));
}

/** The groups a search and a top/bottom N by median keep, in their given order. */
export function filterBoxes(boxes: readonly Box[], search: string, rank: GroupRank | null): Box[] {
  const found = search.trim() ? boxes.filter((b) => matchesSearch(b, search)) : [...boxes];
  if (!rank || rank.n <= 0 || rank.n >= found.length) return found;
  const byMedian = [...found].sort(
    (a, b) =>
      (rank.end === 'top' ? b.stats.median - a.stats.median : a.stats.median - b.stats.median) ||
      compareByName(a, b),
  );
  const kept = new Set(byMedian.slice(0, rank.n));
  return found.filter((b) => kept.has(b));
}
