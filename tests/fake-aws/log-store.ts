/**
 * CloudWatch Logs storage of the fake AWS endpoint. The Lambda side appends an invocation's log lines
 * (START, the function's output, REPORT) here; the Logs side (logs-service.ts) serves them through
 * FilterLogEvents and Logs Insights. Events become visible only after the ingestion delay, as on AWS.
 */
export interface StoredLogEvent {
  logGroup: string;
  logStream: string;
  timestamp: number;
  /** When the event becomes visible to readers (timestamp of ingestion + delay). */
  visibleAt: number;
  message: string;
  eventId: string;
}

export interface LogStoreOptions {
  /** Delay before an appended event can be read (ms). */
  ingestionDelayMs: number;
  now: () => number;
}

export class LogStore {
  private readonly events: StoredLogEvent[] = [];
  private nextId = 0;

  constructor(private readonly options: LogStoreOptions) {}

  append(logGroup: string, logStream: string, event: { timestamp: number; message: string }): void {
    this.nextId += 1;
    this.events.push({
      logGroup,
      logStream,
      timestamp: event.timestamp,
      visibleAt: this.options.now() + this.options.ingestionDelayMs,
      message: event.message,
      eventId: String(this.nextId).padStart(12, '0'),
    });
  }

  /** Events of a group readable now, oldest first. */
  visible(logGroup: string): StoredLogEvent[] {
    const now = this.options.now();
    return this.events
      .filter((e) => e.logGroup === logGroup && e.visibleAt <= now)
      .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
  }

  /** Every group that has events (visible or not). Nothing here ever deletes a group or a stream. */
  groups(): string[] {
    return [...new Set(this.events.map((e) => e.logGroup))];
  }

  /** All events, for tests that check what a run left behind. */
  all(): readonly StoredLogEvent[] {
    return this.events;
  }
}
