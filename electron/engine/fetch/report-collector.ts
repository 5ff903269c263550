import { parseReport, sampleFromReport } from '../../../shared/report/parse-report';
import type { Sample } from '../../../shared/sample';
import { streamBelongsTo, type FunctionLogs } from './function-logs';

/** One log event as either CloudWatch API gives it. */
export interface LogEventLike {
  timestamp: number;
  message: string;
  logStream?: string;
}

export interface CollectorCounts {
  /** REPORT records read (cold or not, before de-duplication). */
  reports: number;
  duplicates: number;
  /** Warm REPORTs left out because only cold starts were asked for. */
  warm: number;
  /** Events that matched the search but were no usable REPORT (INIT_REPORT, a function's own output, ...). */
  other: number;
}

/**
 * Turns log events into samples with the shared REPORT parser: exactly the events of the range, each
 * request id once, cold starts only unless asked for all.
 */
export class ReportCollector {
  readonly counts: CollectorCounts = { reports: 0, duplicates: 0, warm: 0, other: 0 };
  constructor(
    private readonly fn: FunctionLogs,
    private readonly range: { startMs: number; endMs: number },
    private readonly coldOnly: boolean,
    private readonly runId: string,
    /** Request ids already taken, shared by the collectors of one fetch (a function named twice, by name and ARN). */
    private readonly seen: Set<string> = new Set(),
  ) {}

  /** The new samples among these events. */
  add(events: readonly LogEventLike[]): Sample[] {
    const samples: Sample[] = [];
    for (const event of events) {
      if (event.timestamp < this.range.startMs || event.timestamp > this.range.endMs) continue;
      if (!streamBelongsTo(event.logStream, this.fn)) continue;
      const parsed = parseReport(event.message);
      if (!parsed.ok || parsed.record.kind !== 'report') {
        this.counts.other += 1;
        continue;
      }
      const sample = sampleFromReport(parsed.record, {
        name: this.fn.name,
        arch: this.fn.arch,
        runtime: this.fn.runtime,
        run: this.runId,
      });
      if (!sample) {
        this.counts.other += 1;
        continue;
      }
      this.counts.reports += 1;
      const key =
        sample.requestId ?? `${event.logStream ?? ''}\u0000${event.timestamp}\u0000${event.message}`;
      if (this.seen.has(key)) {
        this.counts.duplicates += 1;
        continue;
      }
      this.seen.add(key);
      if (this.coldOnly && sample.initMs === null && sample.restoreMs === null) {
        this.counts.warm += 1;
        continue;
      }
      samples.push({ ...sample, timestamp: sample.timestamp ?? new Date(event.timestamp).toISOString() });
    }
    return samples;
  }
}
