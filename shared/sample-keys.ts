// The metric and group-key names without zod, for code that must start fast (the CLI's `stats`); the schemas in
// sample.ts are built from these lists.

/** The metrics the statistics and charts can show. */
export const METRICS = ['init', 'duration', 'total', 'billed', 'maxmemory'] as const;

/** The dimensions samples can be grouped by. */
export const GROUP_KEYS = ['name', 'runtime', 'arch', 'memory'] as const;
