/**
 * The one REPORT parser: invoke log tails, Logs Insights `@message`, FilterLogEvents messages and pasted
 * text all go through here. Pure; never throws.
 */

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

/** Parses one log event (text or JSON log format). Anything that is not a REPORT record: `not-a-report`. */
export function parseReport(_message: string): ReportParseResult {
  throw new Error('not implemented yet');
}

/** Every REPORT record in a multi-line log text (e.g. the 4 KB tail of an invocation), in order. */
export function findReports(_logText: string): ReportRecord[] {
  throw new Error('not implemented yet');
}
