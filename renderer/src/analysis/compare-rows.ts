import { compareShift } from '../../../shared/stats/shift-compare';
import { configKey, type Box, type DatasetRef } from './boxes';

/** What the table says of a box beside the same function/arch/memory of the base dataset. */
export type ChangeVerdict = 'base' | 'slower' | 'faster' | 'no clear change' | 'too few samples' | 'no base';

export interface Change {
  verdict: ChangeVerdict;
  /** Typical ratio box ÷ base (Hodges–Lehmann) minus 1, in percent; null when there is none. */
  percent: number | null;
  /** Its 95% interval in percent (Moses); null with too few samples. */
  ci: [number, number] | null;
  /** "−18% [−27%, −9%], faster", "base", "no base: not in run A". */
  text: string;
}

/** The datasets the boxes show, in their open order. */
export function datasetsOf(boxes: readonly Box[]): DatasetRef[] {
  const byId = new Map<string, DatasetRef>();
  for (const b of boxes) if (b.dataset && !byId.has(b.dataset.id)) byId.set(b.dataset.id, b.dataset);
  return [...byId.values()].sort((a, b) => a.index - b.index);
}

/** The base of a comparison: the one asked for while it is shown, else the first shown (the oldest opened). */
export function compareBaseOf(datasets: readonly DatasetRef[], asked: string | null): DatasetRef | null {
  return datasets.find((d) => d.id === asked) ?? datasets[0] ?? null;
}

/** "+60%", "−18%" (a real minus sign), "0%". */
export function percentText(percent: number): string {
  const rounded = Math.abs(percent) < 10 ? Math.round(percent * 10) / 10 : Math.round(percent);
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

/**
 * Each box's change from the box of the same function, arch and memory in the base dataset, keyed by box
 * key. The change is the typical ratio with its 95% interval (shared/stats/shift-compare.ts, the same code
 * as `coldstart compare`); the verdict reads the interval alone, so it never contradicts the numbers shown:
 * slower or faster when the whole interval is on one side of 0%, else no clear change.
 */
export function changesFromBase(
  boxes: readonly Box[],
  base: DatasetRef,
  unit: 'ms' | 'MB' = 'ms',
): Map<string, Change> {
  const baseBoxes = new Map<string, Box>();
  for (const b of boxes) if (b.dataset?.id === base.id) baseBoxes.set(configKey(b), b);
  const out = new Map<string, Change>();
  for (const box of boxes) {
    if (!box.dataset) continue;
    if (box.dataset.id === base.id) {
      out.set(box.key, { verdict: 'base', percent: null, ci: null, text: 'base' });
      continue;
    }
    const other = baseBoxes.get(configKey(box));
    if (!other) {
      out.set(box.key, { verdict: 'no base', percent: null, ci: null, text: `not in ${base.name}` });
      continue;
    }
    out.set(box.key, changeOf(other.values, box.values, unit));
  }
  return out;
}

const MEMORY_WORDS = { slower: 'more', faster: 'less' } as const;

function changeOf(baseSorted: ArrayLike<number>, newSorted: ArrayLike<number>, unit: 'ms' | 'MB'): Change {
  const shift = compareShift(baseSorted, newSorted, 0);
  const percent = shift.ratio === null ? null : (shift.ratio - 1) * 100;
  if (percent === null) return { verdict: 'too few samples', percent, ci: null, text: 'cannot compare' };
  if (!shift.ratioCi)
    return {
      verdict: 'too few samples',
      percent,
      ci: null,
      text: `${percentText(percent)}, too few samples`,
    };
  const ci: [number, number] = [(shift.ratioCi[0] - 1) * 100, (shift.ratioCi[1] - 1) * 100];
  const verdict = ci[0] > 0 ? 'slower' : ci[1] < 0 ? 'faster' : 'no clear change';
  // Memory is "more" or "less", not slower or faster.
  const word = unit === 'MB' && verdict !== 'no clear change' ? MEMORY_WORDS[verdict] : verdict;
  return { verdict, percent, ci, text: `${percentText(percent)} ${ciText(ci)}, ${word}` };
}

/** "[−27%, −9%]". */
export const ciText = (ci: readonly [number, number]): string =>
  `[${percentText(ci[0])}, ${percentText(ci[1])}]`;

/** Each box's change in percent from the base dataset, for sorting by it; none unless datasets are compared. */
export function changeOfBoxes(boxes: readonly Box[], askedBase: string | null): (box: Box) => number | null {
  const datasets = datasetsOf(boxes);
  const base = datasets.length > 1 ? compareBaseOf(datasets, askedBase) : null;
  if (!base) return () => null;
  const changes = changesFromBase(boxes, base);
  return (box) => changes.get(box.key)?.percent ?? null;
}
