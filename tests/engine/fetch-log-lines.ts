import type { LogStore } from '../fake-aws/log-store';

export interface FakeInvocation {
  requestId: string;
  /** Epoch ms of the REPORT record. */
  at: number;
  initMs: number | null;
  durationMs: number;
  memoryMB: number;
  format: 'Text' | 'JSON';
  /** SnapStart restore instead of an init. */
  restoreMs?: number | null;
}

/** Appends one invocation's log lines (START, the function's output, END, REPORT) as Lambda writes them. */
export function appendInvocation(store: LogStore, group: string, stream: string, inv: FakeInvocation): void {
  const billed = Math.ceil(inv.durationMs + (inv.initMs ?? 0));
  const t0 = inv.at - Math.round(inv.durationMs);
  if (inv.format === 'Text') {
    store.append(group, stream, {
      timestamp: t0,
      message: `START RequestId: ${inv.requestId} Version: $LATEST\n`,
    });
    store.append(group, stream, {
      timestamp: t0 + 1,
      message: `${new Date(t0 + 1).toISOString()}\t${inv.requestId}\tINFO\tREPORT of the day: all good\n`,
    });
    store.append(group, stream, { timestamp: inv.at, message: `END RequestId: ${inv.requestId}\n` });
    const parts = [
      `REPORT RequestId: ${inv.requestId}`,
      `Duration: ${inv.durationMs.toFixed(2)} ms`,
      `Billed Duration: ${billed} ms`,
      `Memory Size: ${inv.memoryMB} MB`,
      `Max Memory Used: ${Math.round(inv.memoryMB / 2)} MB`,
    ];
    if (inv.initMs !== null) parts.push(`Init Duration: ${inv.initMs.toFixed(2)} ms`);
    if (inv.restoreMs != null) parts.push(`Restore Duration: ${inv.restoreMs.toFixed(2)} ms`);
    store.append(group, stream, { timestamp: inv.at, message: `${parts.join('\t')}\t\n` });
    return;
  }
  const json = (t: number, type: string, record: unknown): { timestamp: number; message: string } => ({
    timestamp: t,
    message: JSON.stringify({ time: new Date(t).toISOString(), type, record }),
  });
  store.append(group, stream, json(t0, 'platform.start', { requestId: inv.requestId, version: '$LATEST' }));
  store.append(group, stream, {
    timestamp: t0 + 1,
    message: JSON.stringify({
      timestamp: new Date(t0 + 1).toISOString(),
      level: 'INFO',
      requestId: inv.requestId,
      message: 'REPORT of the day',
    }),
  });
  const metrics: Record<string, number> = {
    durationMs: inv.durationMs,
    billedDurationMs: billed,
    memorySizeMB: inv.memoryMB,
    maxMemoryUsedMB: Math.round(inv.memoryMB / 2),
  };
  if (inv.initMs !== null) metrics.initDurationMs = inv.initMs;
  if (inv.restoreMs != null) metrics.restoreDurationMs = inv.restoreMs;
  store.append(
    group,
    stream,
    json(inv.at, 'platform.report', { requestId: inv.requestId, metrics, status: 'success' }),
  );
}

/** A request id as Lambda makes them (a UUID), deterministic for a seed. */
export function requestId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0000${hex.slice(0, 4)}-1111-4222-8333-${hex}`;
}
