/** The log lines Lambda writes for one invocation, in the text or the JSON log format. */
export interface InvocationLog {
  requestId: string;
  runtime: string | null;
  memoryMB: number;
  initMs: number | null;
  durationMs: number;
  maxMemoryUsedMB: number;
  /** `success`, `error` or `timeout`. */
  status: 'success' | 'error' | 'timeout';
  errorType: string | null;
  errorMessage: string | null;
  startedAt: number;
}

export interface LogLine {
  timestamp: number;
  message: string;
}

/** Since August 2025 the init phase is billed for on-demand functions: Billed Duration includes it. */
export function billedMs(log: InvocationLog): number {
  return Math.ceil(log.durationMs + (log.initMs ?? 0));
}

export function invocationLogLines(log: InvocationLog, format: 'Text' | 'JSON'): LogLine[] {
  const t0 = log.startedAt;
  const tEnd = t0 + Math.round((log.initMs ?? 0) + log.durationMs);
  const iso = (t: number) => new Date(t).toISOString();
  const lines: LogLine[] = [];
  if (format === 'Text') {
    if (log.initMs !== null) {
      lines.push({
        timestamp: t0,
        message: `INIT_START Runtime Version: ${log.runtime ?? 'provided'}.v42\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:fake\n`,
      });
    }
    lines.push({ timestamp: t0, message: `START RequestId: ${log.requestId} Version: $LATEST\n` });
    if (log.status === 'error') {
      lines.push({
        timestamp: tEnd,
        message: `${iso(tEnd)}\t${log.requestId}\tERROR\tInvoke Error \t{"errorType":"${log.errorType}","errorMessage":"${log.errorMessage}"}\n`,
      });
    }
    if (log.status === 'timeout') {
      lines.push({
        timestamp: tEnd,
        message: `${iso(tEnd)} ${log.requestId} Task timed out after ${(log.durationMs / 1000).toFixed(2)} seconds\n\n`,
      });
    }
    lines.push({ timestamp: tEnd, message: `END RequestId: ${log.requestId}\n` });
    const parts = [
      `REPORT RequestId: ${log.requestId}`,
      `Duration: ${log.durationMs.toFixed(2)} ms`,
      `Billed Duration: ${billedMs(log)} ms`,
      `Memory Size: ${log.memoryMB} MB`,
      `Max Memory Used: ${log.maxMemoryUsedMB} MB`,
    ];
    if (log.initMs !== null) parts.push(`Init Duration: ${log.initMs.toFixed(2)} ms`);
    if (log.status === 'timeout') parts.push('Status: timeout');
    lines.push({ timestamp: tEnd, message: `${parts.join('\t')}\t\n` });
    return lines;
  }
  const json = (t: number, type: string, record: unknown) => ({
    timestamp: t,
    message: JSON.stringify({ time: iso(t), type, record }),
  });
  if (log.initMs !== null) {
    lines.push(
      json(t0, 'platform.initStart', {
        initializationType: 'on-demand',
        phase: 'init',
        runtimeVersion: `${log.runtime ?? 'provided'}.v42`,
      }),
    );
  }
  lines.push(json(t0, 'platform.start', { requestId: log.requestId, version: '$LATEST' }));
  if (log.status === 'error') {
    lines.push({
      timestamp: tEnd,
      message: JSON.stringify({
        timestamp: iso(tEnd),
        level: 'ERROR',
        requestId: log.requestId,
        message: { errorType: log.errorType, errorMessage: log.errorMessage },
      }),
    });
  }
  lines.push(json(tEnd, 'platform.runtimeDone', { requestId: log.requestId, status: log.status }));
  const metrics: Record<string, number> = {
    durationMs: log.durationMs,
    billedDurationMs: billedMs(log),
    memorySizeMB: log.memoryMB,
    maxMemoryUsedMB: log.maxMemoryUsedMB,
  };
  if (log.initMs !== null) metrics.initDurationMs = log.initMs;
  const report: Record<string, unknown> = { requestId: log.requestId, metrics, status: log.status };
  if (log.status !== 'success' && log.errorType) report.errorType = log.errorType;
  lines.push(json(tEnd, 'platform.report', report));
  return lines;
}

/** `LogType: Tail`: the last 4 KB of the invocation's log, base64. */
export function logTail(lines: LogLine[], format: 'Text' | 'JSON'): string {
  const text = lines.map((l) => (format === 'JSON' ? `${l.message}\n` : l.message)).join('');
  const bytes = Buffer.from(text, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - 4096)).toString('base64');
}
