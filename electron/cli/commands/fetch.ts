import { parseArgs } from 'node:util';
import { exportCsv } from '../../../shared/csv/export-csv';
import type { FetchRequest } from '../../../shared/measure';
import { clipFetchRange, startsInFutureMessage } from '../../engine/fetch/fetch-range';
import { EXIT, UsageError, type CliIo, type Command } from '../io';
import { writeCsvFile } from '../csv-files';
import {
  connectionFrom,
  engineFor,
  exitForEngineError,
  exitForOutcome,
  oneLine,
  runOptions,
} from '../engine-options';
import { listFlag } from '../flags';
import { followRun } from '../progress-output';

const usage = `coldstart fetch --function NAME[,NAME...] (--since 2h|3d | --start ISO --end ISO) [--all]
                [--method insights|filter] [--out FILE.csv] [--json] [--profile P] [--region R] [--endpoint URL]
                [--state-dir DIR]

Reads past REPORT records of functions from CloudWatch Logs (the function's LoggingConfig.LogGroup, else
/aws/lambda/NAME), text or JSON log format, each request id once. Cold starts only unless --all.
Nothing is changed in AWS. The samples are kept as a run (see coldstart runs) and written as CSV.

  --function  functions to read (names or ARNs, comma-separated)
  --since     the range up to now: 90s, 30m, 2h, 3d or 1w
  --start     start of the range, ISO 8601 with a zone (2026-11-28T08:00:00Z) or a date (UTC midnight)
  --end       end of the range (default now; a range ending in the future is read up to now)
  --all       warm starts too
  --method    insights (Logs Insights, default) or filter (FilterLogEvents)
  --out       write the CSV (the shared format) to FILE.csv; default: stdout
  --json      print the outcome (samples, errors, warnings) as JSON on stdout instead of CSV
  --state-dir where runs are kept (default: the app-data directory, or COLDSTART_STATE_DIR)

CloudWatch ingests log events with a delay (seconds, sometimes minutes): a range ending just now may miss
the latest REPORTs, and says so. Exit: 0 all functions read, 1 some could not be read, 2 unusable
arguments or credentials, 130 cancelled.`;

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `2h`, `3d`, `90s`, `30m`, `1w` in milliseconds. */
export function parseSince(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)\s*$/.exec(text);
  const amount = Number(m?.[1]);
  const unitMs = UNIT_MS[m?.[2] ?? ''];
  if (!m || unitMs === undefined || !(amount > 0)) {
    throw new UsageError(`--since: expected a duration such as 30m, 2h, 3d or 1w, got '${text}'`);
  }
  return amount * unitMs;
}

/** An ISO 8601 time with a zone, or a plain date (UTC midnight, as JavaScript reads it). */
export function parseTime(flag: string, text: string): number {
  const value = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  if (!dateOnly && !withZone) {
    const hint = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value) ? ' (add Z or an offset such as +01:00)' : '';
    throw new UsageError(
      `--${flag}: expected an ISO 8601 time such as 2026-11-28T08:00:00Z, got '${text}'${hint}`,
    );
  }
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--${flag}: '${text}' is not a valid date`);
  return ms;
}

export function fetchRange(
  values: { since?: string; start?: string; end?: string },
  now: number,
): { start: number; end: number } {
  if (values.since !== undefined && (values.start !== undefined || values.end !== undefined)) {
    throw new UsageError('give either --since or --start/--end, not both');
  }
  if (values.since !== undefined) return { start: now - parseSince(values.since), end: now };
  if (values.start === undefined) {
    throw new UsageError('a time range is needed: --since 2h, or --start ISO [--end ISO]');
  }
  const start = parseTime('start', values.start);
  const end = values.end === undefined ? now : parseTime('end', values.end);
  if (start >= now) throw new UsageError(startsInFutureMessage(start, now));
  if (start >= end)
    throw new UsageError(`--start must be before --end (${values.start} >= ${values.end ?? 'now'})`);
  return { start, end };
}

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'read past REPORT records (cold starts) of functions from CloudWatch Logs',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        since: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        all: { type: 'boolean' },
        method: { type: 'string' },
        ...runOptions,
      },
    });
    const functions = listFlag('function', values.function);
    if (functions.length === 0) throw new UsageError('--function NAME[,NAME...] is required');
    const method = values.method ?? 'insights';
    if (method !== 'insights' && method !== 'filter') {
      throw new UsageError(`--method: expected insights or filter, got '${method}'`);
    }
    const now = Date.now();
    const range = fetchRange(values, now);
    const connection = connectionFrom(values);
    // A range ending in the future is read up to now: the request, the summary and the warnings say so.
    const clipped = clipFetchRange(
      {
        functions,
        start: new Date(range.start).toISOString(),
        end: new Date(range.end).toISOString(),
        coldOnly: !values.all,
        method,
      },
      now,
    );
    const request: FetchRequest = clipped.request;

    const { engine } = await engineFor(io, values['state-dir']);
    let outcome;
    try {
      outcome = await followRun(io, (callbacks) => engine.startFetch(connection, request, callbacks));
    } catch (error) {
      return exitForEngineError(io, 'fetch', error, `cannot fetch ${functions.join(', ')}`);
    }

    const warnings = [...clipped.warnings, ...(outcome.warnings ?? [])];
    if (values.json) {
      const { runId, state, samples, errors } = outcome;
      io.stdout(`${JSON.stringify({ runId, state, request, samples, errors, warnings }, null, 2)}\n`);
    }
    const csvWritten = values.out ? await writeCsvFile(values.out, outcome.samples, io, 'fetch') : true;
    if (!values.out && !values.json) io.stdout(exportCsv(outcome.samples));

    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
    for (const error of outcome.errors) io.stderr(`error: ${oneLine(error.message, error.hint)}\n`);
    const kind = request.coldOnly ? 'cold-start REPORTs' : 'REPORTs';
    const perFunction = functions
      .map((f) => `${f}: ${outcome.samples.filter((s) => s.name === f || f.endsWith(`:${s.name}`)).length}`)
      .join(', ');
    io.stderr(
      `${outcome.samples.length} ${kind} from ${request.start} to ${request.end} via ${method === 'insights' ? 'Logs Insights' : 'FilterLogEvents'} (${perFunction}); run ${outcome.runId}${values.out && csvWritten ? `, CSV in ${values.out}` : ''}.\n`,
    );
    const code = exitForOutcome(outcome);
    return code === EXIT.ok && !csvWritten ? EXIT.someFailed : code;
  },
};
