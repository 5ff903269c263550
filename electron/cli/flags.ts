import type { GroupKey, Metric } from '../../shared/sample';
import { GROUP_KEYS, METRICS } from '../../shared/sample-keys';
import { UsageError } from './io';

/** A positive whole number flag, checked strictly (`--times 1e3` or `--times 3x` are errors). */
export function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name}: expected a whole number, got '${value}'`);
  return Number(value);
}

/** A comma-separated list; empty items are errors, duplicates are dropped. */
export function listFlag(name: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`--${name}: empty item in '${value}'`);
  return [...new Set(items)];
}

/** `--by name,memory`: the grouping keys, `name` when absent. */
export function byFlag(text: string | undefined): GroupKey[] {
  if (text === undefined) return ['name'];
  const keys = text.split(',').map((k) => k.trim());
  for (const key of keys) {
    if (!(GROUP_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`--by: '${key}' is not one of ${GROUP_KEYS.join(', ')}`);
    }
  }
  return [...new Set(keys)] as GroupKey[];
}

/** `--metric`: `init` when absent. */
export function metricFlag(text: string | undefined): Metric {
  const metric = text ?? 'init';
  if (!(METRICS as readonly string[]).includes(metric)) {
    throw new UsageError(`--metric: '${text}' is not one of ${METRICS.join(', ')}`);
  }
  return metric as Metric;
}

/** For commands that take options only. */
export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
}
