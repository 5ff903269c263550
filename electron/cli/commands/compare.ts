import { parseArgs } from 'node:util';
import { groupStatsOfColumns } from '../../../shared/stats/column-stats';
import type { BoxStats, GroupStats, GroupValues } from '../../../shared/stats/group-stats';
import type { GroupKey, Metric } from '../../../shared/sample';
import type { SampleColumns } from '../../../shared/sample-columns';
import { GATE_ALPHA, compareShift, type Verdict } from '../../../shared/stats/shift-compare';
import { byFlag, metricFlag } from '../flags';
import { EXIT, UsageError, type CliIo, type Command } from '../io';
import { readSampleFiles } from '../sample-files';
import { textTable } from '../text-table';

const usage = `coldstart compare BASE NEW [--metric init] [--stat median|p90|p99] [--threshold 10%] [--by name] [--drop-duplicates] [--json]

Per group, the change of a statistic from BASE to NEW with its 95% interval: a CI gate for cold-start
regressions. A group fails only when the data show at 95% confidence (one-sided Mann–Whitney test) that it
got slower by more than the threshold; with too few samples for that it gets no verdict.
BASE and NEW are CSV files or daily JSON files of the public baseline maxday/lambda-perf (a .json file, or a
folder: every YYYY-MM-DD.json in it and below, read together).

  --metric     init (default), duration, total, billed or maxmemory
  --stat       median (default), p90, p95, p99 or mean
  --threshold  how much slower a group may get before it fails, in percent (default 10%)
  --by         group by name (default), runtime, arch, memory, or several: name,memory
  --drop-duplicates  keep one of rows that are exactly alike (default: keep them all, with a warning)
  --json       print the comparison as JSON on stdout

Exit: 0 no group got clearly slower than the threshold, 1 some did, 2 unusable arguments,
3 a file cannot be read or the files have no group in common.`;

const STATS = ['median', 'p90', 'p95', 'p99', 'mean'] as const;
type Stat = (typeof STATS)[number];

export interface GroupComparison {
  group: GroupValues;
  label: string;
  base: { n: number; value: number } | null;
  new: { n: number; value: number } | null;
  /** Percent change of the statistic from BASE to NEW; null when one side is missing or BASE is 0. */
  changePercent: number | null;
  /** The gate's verdict: NEW is slower than BASE by more than the threshold, at 95% confidence. */
  slower: boolean;
  /** slower, faster, within threshold, no clear change, too few samples; null when a side is missing. */
  verdict: Verdict | null;
  /** The typical change (Hodges–Lehmann, NEW / BASE − 1) in percent, and its 95% interval. */
  typicalChangePercent: number | null;
  changeCi: [number, number] | null;
  /** One-sided p-value of "slower by more than the threshold" (Mann–Whitney). */
  pValue: number | null;
  /** Why there is no interval or verdict, when there is none. */
  note?: string;
}

function parseThreshold(text: string | undefined): number {
  if (text === undefined) return 10;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!m) throw new UsageError(`--threshold: expected a percentage such as 10% or 2.5, got '${text}'`);
  return Number(m[1]);
}

function unit(metric: Metric): string {
  return metric === 'maxmemory' ? 'MB' : 'ms';
}

function keyOf(group: GroupValues, by: readonly GroupKey[]): string {
  return JSON.stringify(by.map((k) => group[k] ?? null));
}

function labelOf(group: GroupValues, by: readonly GroupKey[]): string {
  return by
    .map((k) => {
      const v = group[k];
      if (v === null || v === undefined) return `(no ${k})`;
      return k === 'memory' ? `${v} MB` : String(v);
    })
    .join(' / ');
}

/** Compares two sets of samples (each as read from one file) group by group. */
export function compareSamples(
  base: readonly SampleColumns[],
  next: readonly SampleColumns[],
  options: { metric: Metric; stat: Stat; by: readonly GroupKey[]; thresholdPercent: number },
): GroupComparison[] {
  const statOf = (s: BoxStats): number => s[options.stat];
  const index = (groups: GroupStats[]): Map<string, GroupStats> =>
    new Map(groups.map((g) => [keyOf(g.group, options.by), g]));
  const keepValues = { keepValues: true };
  const baseGroups = index(groupStatsOfColumns(base, options.by, options.metric, keepValues));
  const newGroups = index(groupStatsOfColumns(next, options.by, options.metric, keepValues));
  const keys = [...baseGroups.keys(), ...[...newGroups.keys()].filter((k) => !baseGroups.has(k))];
  const percent = (ratio: number): number => (ratio - 1) * 100;
  return keys.map((key) => {
    const b = baseGroups.get(key);
    const n = newGroups.get(key);
    const group = (b ?? n)?.group ?? {};
    const baseSide = b ? { n: b.stats.n, value: statOf(b.stats) } : null;
    const newSide = n ? { n: n.stats.n, value: statOf(n.stats) } : null;
    const row: GroupComparison = {
      group,
      label: labelOf(group, options.by),
      base: baseSide,
      new: newSide,
      changePercent: null,
      slower: false,
      verdict: null,
      typicalChangePercent: null,
      changeCi: null,
      pValue: null,
    };
    if (!b?.sorted || !n?.sorted || !baseSide || !newSide) return row;
    if (baseSide.value > 0) row.changePercent = ((newSide.value - baseSide.value) / baseSide.value) * 100;
    const shift = compareShift(b.sorted, n.sorted, options.thresholdPercent);
    row.verdict = shift.verdict;
    row.slower = shift.verdict === 'slower';
    row.typicalChangePercent = shift.ratio === null ? null : percent(shift.ratio);
    row.changeCi = shift.ratioCi && [percent(shift.ratioCi[0]), percent(shift.ratioCi[1])];
    row.pValue = shift.pValue;
    if (shift.note !== undefined) row.note = shift.note;
    return row;
  });
}

const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;

function pCell(p: number | null): string {
  if (p === null) return '-';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

function verdictCell(r: GroupComparison): string {
  if (!r.base) return 'only in NEW';
  if (!r.new) return 'only in BASE';
  return r.verdict === 'slower' ? 'SLOWER' : (r.verdict ?? '-');
}

function formatTable(
  rows: GroupComparison[],
  metric: Metric,
  stat: Stat,
  by: readonly GroupKey[],
  thresholdPercent: number,
): string {
  const u = unit(metric);
  const header = [
    by.join(' / '),
    'n base',
    'n new',
    `base ${stat} ${u}`,
    `new ${stat} ${u}`,
    'change',
    'typical change, 95% CI',
    `p(>+${thresholdPercent}%)`,
    'verdict',
  ];
  const body = rows.map((r) => [
    r.label,
    r.base ? String(r.base.n) : '-',
    r.new ? String(r.new.n) : '-',
    r.base ? r.base.value.toFixed(2) : '-',
    r.new ? r.new.value.toFixed(2) : '-',
    r.changePercent === null ? (r.base && r.new ? 'n/a' : '-') : signed(r.changePercent),
    r.changeCi
      ? `${signed(r.typicalChangePercent as number)} [${signed(r.changeCi[0])}, ${signed(r.changeCi[1])}]`
      : '-',
    pCell(r.pValue),
    verdictCell(r),
  ]);
  return textTable([header, ...body], (i) => i === 0 || i >= header.length - 3);
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'change per group from one run (or baseline) to another; exit 1 when a group got slower (CI gate)',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        metric: { type: 'string' },
        stat: { type: 'string' },
        threshold: { type: 'string' },
        by: { type: 'string' },
        'drop-duplicates': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 2) {
      throw new UsageError(
        `expected two files (or folders), BASE and NEW; got ${positionals.length}.\n${usage}`,
      );
    }
    const metric = metricFlag(values.metric);
    const stat = (values.stat ?? 'median') as Stat;
    if (!STATS.includes(stat))
      throw new UsageError(`--stat: '${values.stat}' is not one of ${STATS.join(', ')}`);
    const thresholdPercent = parseThreshold(values.threshold);
    const by = byFlag(values.by);
    const [basePath, newPath] = positionals as [string, string];

    // Each file on its own: a comparison needs both, and the message names the one that failed.
    const readOptions = { command: 'compare', dropDuplicates: Boolean(values['drop-duplicates']) };
    const baseRead = await readSampleFiles([basePath], io, readOptions);
    if (baseRead.failed.length > 0) return EXIT.noInput;
    const newRead = await readSampleFiles([newPath], io, readOptions);
    if (newRead.failed.length > 0) return EXIT.noInput;
    const rows = compareSamples(baseRead.columns, newRead.columns, { metric, stat, by, thresholdPercent });
    const compared = rows.filter((r) => r.base && r.new);
    const slower = rows.filter((r) => r.slower);

    if (values.json) {
      io.stdout(
        `${JSON.stringify({ metric, stat, by, thresholdPercent, base: basePath, new: newPath, groups: rows }, null, 2)}\n`,
      );
    } else {
      io.stdout(
        `${metric} ${stat} by ${by.join(', ')}: ${basePath} (${baseRead.samples} samples) -> ${newPath} (${newRead.samples} samples), threshold +${thresholdPercent}%\n\n`,
      );
      io.stdout(`${formatTable(rows, metric, stat, by, thresholdPercent)}\n\n`);
    }
    if (compared.length === 0) {
      io.stderr(
        `coldstart compare: no group has ${metric} values in both files (grouped by ${by.join(', ')}): nothing to compare.\n`,
      );
      return EXIT.noInput;
    }
    const tooFew = compared.filter((r) => r.verdict === 'too few samples');
    if (tooFew.length > 0 && !values.json) {
      io.stdout(
        `note: too few samples for a 95% interval (and so for a verdict) in ${tooFew.map((r) => r.label).join(', ')}: ` +
          `the least is 4 on each side (or 3 and 5, 2 and 8, 1 and 39); 10 or more give a useful one.\n`,
      );
    }
    const noRatio = compared.filter((r) => r.note === 'a value ≤ 0 has no ratio');
    if (noRatio.length > 0 && !values.json) {
      io.stdout(
        `note: values ≤ 0 in ${noRatio.map((r) => r.label).join(', ')}: no ratio, interval or verdict.\n`,
      );
    }
    if (slower.length > 0) {
      if (!values.json) {
        io.stdout(
          `${slower.length} of ${compared.length} groups got slower than +${thresholdPercent}%: ${slower
            .map(
              (r) =>
                `${r.label} (${r.changePercent === null ? 'from 0' : `+${r.changePercent.toFixed(1)}%`})`,
            )
            .join(', ')}\n` +
            `(each at 95% confidence: one-sided p < ${GATE_ALPHA}; see "typical change, 95% CI")\n`,
        );
      }
      return EXIT.someFailed;
    }
    if (!values.json)
      io.stdout(
        `No group got slower than +${thresholdPercent}% (${compared.length} compared; a group fails only ` +
          `when the data show it at 95% confidence).\n`,
      );
    return EXIT.ok;
  },
};
