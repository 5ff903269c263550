/**
 * The one REPORT parser: invoke log tails, Logs Insights `@message`, FilterLogEvents messages and pasted
 * text all go through here. Pure; never throws.
 */
import type { Arch, Sample } from '../sample';

/** What Lambda's platform REPORT (or INIT_REPORT) record says about one invocation. */
export interface ReportRecord {
  /** `report` for REPORT / platform.report, `init_report` for an INIT_REPORT (init failure). */
  kind: 'report' | 'init_report';
  requestId: string | null;
  durationMs: number | null;
  billedDurationMs: number | null;
  memorySizeMB: number | null;
  maxMemoryUsedMB: number | null;
  /** Absent (null) on a warm start. */
  initDurationMs: number | null;
  restoreDurationMs: number | null;
  billedRestoreDurationMs: number | null;
  /** `success` unless the record says `timeout`, `error`, ... */
  status: string;
  errorType: string | null;
  /** ISO 8601, when the record or its CloudWatch prefix gives one. */
  timestamp: string | null;
}

export type ReportParseResult = { ok: true; record: ReportRecord } | { ok: false; reason: 'not-a-report' };

const NOT_A_REPORT: ReportParseResult = { ok: false, reason: 'not-a-report' };

// A CloudWatch console/export prefix (`2023-07-29 18:30:11.606 `) or an ISO time, before the record itself.
const TIMESTAMP_PREFIX = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})?\s+/;

// Every label a REPORT line can carry. Longer labels come first, and a label must start the line or follow
// white space: so `Billed Duration:` is never read as `Duration:` and `Init Duration:` neither.
const LABELS = [
  'Billed Restore Duration',
  'Restore Duration',
  'Billed Duration',
  'Init Duration',
  'Max Memory Used',
  'Memory Size',
  'Duration',
  'RequestId',
  'Status',
  'Error Type',
  'Phase',
  'XRAY TraceId',
  'SegmentId',
  'Sampled',
] as const;
type Label = (typeof LABELS)[number];
const LABEL_PATTERN = new RegExp(`(?<=^|\\s)(${LABELS.join('|')}):`, 'g');

/** Parses one log event (text or JSON log format). Anything that is not a REPORT record: `not-a-report`. */
export function parseReport(message: string): ReportParseResult {
  try {
    if (typeof message !== 'string') return NOT_A_REPORT;
    let text = message.trim();
    let timestamp: string | null = null;
    const prefix = TIMESTAMP_PREFIX.exec(text);
    if (prefix) {
      timestamp = isoTime(prefix[1] ?? '', prefix[2] ?? '', prefix[3]);
      text = text.slice(prefix[0].length);
    }
    if (text.startsWith('{')) return parseJsonReport(text, timestamp);
    if (/^REPORT\s/.test(text)) return parseTextReport(text.slice(6), 'report', timestamp);
    if (/^INIT_REPORT\s/.test(text)) return parseTextReport(text.slice(11), 'init_report', timestamp);
    return NOT_A_REPORT;
  } catch {
    return NOT_A_REPORT;
  }
}

/** Every REPORT record in a multi-line log text (e.g. the 4 KB tail of an invocation), in order. */
export function findReports(logText: string): ReportRecord[] {
  if (typeof logText !== 'string') return [];
  const records: ReportRecord[] = [];
  // A REPORT and its XRAY suffix may be split over two lines of one event; the XRAY line carries no numbers,
  // so every line can be parsed on its own and XRAY-only lines simply are not reports.
  for (const line of logText.split(/\r?\n/)) {
    if (!line.includes('REPORT') && !line.includes('platform.')) continue;
    const result = parseReport(line);
    if (result.ok) records.push(result.record);
  }
  return records;
}

function emptyRecord(kind: ReportRecord['kind'], timestamp: string | null): ReportRecord {
  return {
    kind,
    requestId: null,
    durationMs: null,
    billedDurationMs: null,
    memorySizeMB: null,
    maxMemoryUsedMB: null,
    initDurationMs: null,
    restoreDurationMs: null,
    billedRestoreDurationMs: null,
    status: 'success',
    errorType: null,
    timestamp,
  };
}

function parseTextReport(
  body: string,
  kind: ReportRecord['kind'],
  timestamp: string | null,
): ReportParseResult {
  const fields = new Map<Label, string>();
  const matches = [...body.matchAll(LABEL_PATTERN)];
  if (matches.length === 0) return NOT_A_REPORT;
  // Text before the first label would mean this is some other line that merely starts with REPORT.
  if (body.slice(0, matches[0]?.index ?? 0).trim() !== '') return NOT_A_REPORT;
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? body.length;
    const label = match[1] as Label;
    if (!fields.has(label)) fields.set(label, body.slice(start, end).trim());
  });
  const record = emptyRecord(kind, timestamp);
  record.requestId = nonEmpty(fields.get('RequestId'));
  record.durationMs = measure(fields.get('Duration'), 'ms');
  record.billedDurationMs = measure(fields.get('Billed Duration'), 'ms');
  record.memorySizeMB = measure(fields.get('Memory Size'), 'MB');
  record.maxMemoryUsedMB = measure(fields.get('Max Memory Used'), 'MB');
  record.initDurationMs = measure(fields.get('Init Duration'), 'ms');
  record.restoreDurationMs = measure(fields.get('Restore Duration'), 'ms');
  record.billedRestoreDurationMs = measure(fields.get('Billed Restore Duration'), 'ms');
  record.status = nonEmpty(fields.get('Status')) ?? 'success';
  record.errorType = nonEmpty(fields.get('Error Type'));
  if (kind === 'report' && record.requestId === null && record.durationMs === null) return NOT_A_REPORT;
  if (kind === 'init_report' && record.initDurationMs === null && !fields.has('Status')) return NOT_A_REPORT;
  return { ok: true, record };
}

/** `2.72 ms` → 2.72; anything else (wrong unit, not a number) → null rather than a wrong number. */
function measure(value: string | undefined, unit: 'ms' | 'MB'): number | null {
  if (value === undefined) return null;
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value);
  if (!match) return null;
  if (match[2] !== '' && match[2] !== unit) return null;
  const n = Number(match[1]);
  return Number.isFinite(n) ? n : null;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

function isoTime(date: string, time: string, zone: string | undefined): string | null {
  const z = zone === undefined ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const ms = Date.parse(`${date}T${time}${z}`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJsonReport(text: string, prefixTime: string | null): ReportParseResult {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return NOT_A_REPORT;
  }
  if (!isObject(event) || !isObject(event.record)) return NOT_A_REPORT;
  const kind =
    event.type === 'platform.report' ? 'report' : event.type === 'platform.initReport' ? 'init_report' : null;
  if (kind === null) return NOT_A_REPORT;
  const rec = event.record;
  const metrics = isObject(rec.metrics) ? rec.metrics : {};
  const time = typeof event.time === 'string' && Number.isFinite(Date.parse(event.time)) ? event.time : null;
  const record = emptyRecord(kind, time === null ? prefixTime : new Date(Date.parse(time)).toISOString());
  record.requestId = typeof rec.requestId === 'string' && rec.requestId !== '' ? rec.requestId : null;
  record.status = typeof rec.status === 'string' && rec.status !== '' ? rec.status : 'success';
  record.errorType = typeof rec.errorType === 'string' && rec.errorType !== '' ? rec.errorType : null;
  if (kind === 'report') {
    record.durationMs = jsonNumber(metrics.durationMs);
    record.billedDurationMs = jsonNumber(metrics.billedDurationMs);
    record.memorySizeMB = jsonNumber(metrics.memorySizeMB);
    record.maxMemoryUsedMB = jsonNumber(metrics.maxMemoryUsedMB);
    record.initDurationMs = jsonNumber(metrics.initDurationMs);
    record.restoreDurationMs = jsonNumber(metrics.restoreDurationMs);
    record.billedRestoreDurationMs = jsonNumber(metrics.billedRestoreDurationMs);
  } else {
    // platform.initReport: its metrics.durationMs is the init phase's duration.
    record.initDurationMs = jsonNumber(metrics.durationMs);
    if (rec.status === undefined) record.status = 'error';
  }
  return { ok: true, record };
}

function jsonNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/** What a REPORT cannot say about the function itself; the caller knows it. */
export interface SampleContext {
  name: string;
  arch?: Arch | null;
  runtime?: string | null;
  /** Used when the record carries no Memory Size. */
  memoryMB?: number | null;
  run?: string | null;
}

/**
 * The sample a REPORT record gives, or null when it lacks the numbers a sample needs (Duration and Billed
 * Duration), e.g. an INIT_REPORT.
 */
export function sampleFromReport(record: ReportRecord, context: SampleContext): Sample | null {
  if (record.kind !== 'report' || record.durationMs === null || record.billedDurationMs === null) return null;
  const memory = record.memorySizeMB ?? context.memoryMB ?? null;
  return {
    name: context.name,
    memoryMB: memory !== null && Number.isInteger(memory) && memory > 0 ? memory : null,
    initMs: record.initDurationMs,
    durationMs: record.durationMs,
    billedMs: record.billedDurationMs,
    arch: context.arch ?? null,
    runtime: context.runtime ?? null,
    maxMemoryUsedMB: record.maxMemoryUsedMB,
    restoreMs: record.restoreDurationMs,
    status: record.status,
    errorType: record.errorType,
    requestId: record.requestId,
    timestamp: record.timestamp,
    run: context.run ?? null,
  };
}
