import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MeasurePlanSchema, type MeasurePlan } from '../../../shared/measure';
import type { Sample } from '../../../shared/sample';
import { EXIT, UsageError, type CliIo, type Command } from '../io';
import { CsvStream } from '../csv-files';
import {
  connectionFrom,
  engineFor,
  exitForEngineError,
  exitForOutcome,
  oneLine,
  runOptions,
} from '../engine-options';
import { intFlag, listFlag, noPositionals } from '../flags';
import { followRun } from '../progress-output';

const usage = `coldstart measure --function NAME[,NAME...] [--times N] [--memory 128,1024,...] [--parallel K] [--warm M]
                  [--payload JSON|@file] [--profile P] [--region R] [--endpoint URL] [--out FILE.csv] [--json]
                  [--state-dir DIR]

Forces cold starts: per sample it sets a marker variable (plus MemorySize), waits for the update, invokes
with the log tail and parses the REPORT. Only REPORTs with an Init (or Restore) Duration count as cold.
Every function is put back exactly as it was, and verified. Ctrl-C cancels and restores first.

  --function   functions to measure (names or ARNs, comma-separated)
  --times      cold samples per function and memory size (default 10)
  --memory     memory sizes to sweep in MB (default: each function's own)
  --parallel   concurrent cold starts per update (default 1; bounded by the concurrency limits)
  --warm       warm follow-up invocations per cold sample (default 0)
  --payload    JSON event, or @file to read it from a file (default {})
  --out        also write the samples as CSV (the shared format) to FILE.csv, row by row as they arrive
  --json       print the outcome as JSON on stdout
  --state-dir  where runs are kept (default: the app-data directory, or COLDSTART_STATE_DIR)

Exit: 0 all samples measured, 1 some failed, 2 unusable arguments or credentials, 130 cancelled.`;

const FLAG_OF: Record<string, string> = {
  functions: 'function',
  memorySizes: 'memory',
  times: 'times',
  parallel: 'parallel',
  warm: 'warm',
  payload: 'payload',
};

async function readPayload(value: string | undefined, cwd: string): Promise<string> {
  if (value === undefined) return '{}';
  let text = value;
  let where = '--payload';
  if (value.startsWith('@')) {
    const path = resolve(cwd, value.slice(1));
    where = path;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--payload: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${where}: not valid JSON: ${(error as Error).message}`);
  }
  return text;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function summaryLines(samples: Sample[]): string[] {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = `${s.name}\t${s.memoryMB ?? '?'}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const lines = ['function\tmemory MB\tcold\twarm\tfailed\tmedian init ms\tmedian duration ms (cold)'];
  for (const [key, group] of groups) {
    const cold = group.filter((s) => s.initMs !== null || s.restoreMs !== null);
    const fmt = (n: number | null) => (n === null ? '-' : n.toFixed(2));
    lines.push(
      [
        key,
        cold.length,
        group.length - cold.length,
        group.filter((s) => s.status !== 'success').length,
        fmt(median(cold.map((s) => s.initMs ?? s.restoreMs ?? 0))),
        fmt(median(cold.map((s) => s.durationMs))),
      ].join('\t'),
    );
  }
  return lines;
}

export const measureCommand: Command = {
  name: 'measure',
  summary: 'force cold starts of functions, measure them, and restore the functions',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        times: { type: 'string' },
        memory: { type: 'string' },
        parallel: { type: 'string' },
        warm: { type: 'string' },
        payload: { type: 'string' },
        ...runOptions,
      },
    });
    noPositionals(positionals);
    if (!values.function) throw new UsageError('--function is required (one or more names, comma-separated)');
    const memories = listFlag('memory', values.memory).map((m) => intFlag('memory', m, 0));
    const plan: MeasurePlan = {
      functions: listFlag('function', values.function),
      memorySizes: [...new Set(memories)],
      times: intFlag('times', values.times, 10),
      parallel: intFlag('parallel', values.parallel, 1),
      warm: intFlag('warm', values.warm, 0),
      payload: await readPayload(values.payload, io.cwd),
    };
    const checked = MeasurePlanSchema.safeParse(plan);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const flag = FLAG_OF[String(issue.path[0])] ?? String(issue.path[0]);
      throw new UsageError(`--${flag}: ${issue.message}`);
    }
    const connection = connectionFrom(values);
    const out = values.out ? resolve(io.cwd, values.out) : null;
    const { engine, stateDir } = await engineFor(io, values['state-dir']);
    if (io.signal.aborted) return EXIT.cancelled;

    let identity;
    try {
      identity = await engine.checkConnection(connection);
    } catch (error) {
      exitForEngineError(io, 'measure', error, `cannot measure ${checked.data.functions.join(', ')}`);
      return EXIT.usage; // nothing was changed: without a working connection the run cannot start
    }
    if (!values.json) io.stderr(`Account ${identity.account} (${identity.arn}), region ${identity.region}\n`);

    // Written while measuring, so that even a run killed with kill -9 leaves the CSV of what it measured.
    const csv = out === null ? null : CsvStream.open(out, io);
    let outcome;
    try {
      outcome = await followRun(io, (callbacks) =>
        engine.startMeasurement(connection, checked.data, {
          ...callbacks,
          ...(csv ? { onSamples: (samples) => csv.append(samples) } : {}),
        }),
      );
    } catch (error) {
      csv?.close();
      return exitForEngineError(io, 'measure', error, `cannot measure ${checked.data.functions.join(', ')}`);
    }

    const runDir = join(stateDir, 'runs', outcome.runId);
    const csvError = csv?.close() ?? null;
    const csvWritten = csvError === null;
    if (!csvWritten) {
      io.stderr(`coldstart measure: cannot write ${out}: ${csvError}\n`);
      outcome.errors.push({
        functionName: null,
        code: 'io',
        message: `cannot write ${out}: ${csvError}`,
        hint: `The samples are in ${runDir}.`,
      });
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ ...outcome, runDir, out }, null, 2)}\n`);
    } else {
      io.stdout(`Run ${outcome.runId}: ${outcome.state}, ${outcome.samples.length} sample(s)\n`);
      if (outcome.samples.length > 0) io.stdout(`${summaryLines(outcome.samples).join('\n')}\n`);
      for (const line of outcome.restored) io.stdout(`restore: ${line}\n`);
      for (const note of outcome.warnings ?? []) io.stdout(`note: ${note}\n`);
      for (const e of outcome.errors) {
        io.stdout(`error: ${oneLine(e.message, e.hint)}\n`);
      }
      io.stdout(`Run directory: ${runDir}\n`);
      if (out) io.stdout(`CSV: ${out}\n`);
    }
    if (outcome.state === 'cancelled') io.stderr('Cancelled; functions restored as listed above.\n');
    const code = exitForOutcome(outcome);
    return code === EXIT.ok && !csvWritten ? EXIT.someFailed : code;
  },
};
