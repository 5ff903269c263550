import type { FunctionInfo } from '../../../shared/measure';
import { findReports, sampleFromReport } from '../../../shared/report/parse-report';
import type { Sample } from '../../../shared/sample';
import type { InvokeResult } from '../lambda-ops';

export type InvokeOutcome =
  { kind: 'sample'; sample: Sample; cold: boolean } | { kind: 'no-report'; reason: string };

/**
 * Turns one invocation's log tail into a sample, through the shared REPORT parser. Cold means the REPORT
 * has an Init Duration or a Restore Duration; nothing else makes a sample cold.
 */
export function sampleFromInvoke(
  result: InvokeResult,
  info: FunctionInfo,
  memoryMB: number,
  runId: string,
): InvokeOutcome {
  const reports = findReports(result.logText).filter((r) => r.kind === 'report');
  const report =
    reports.find((r) => r.requestId !== null && r.requestId === result.requestId) ?? reports.at(-1);
  if (!report) {
    return {
      kind: 'no-report',
      reason: result.logText ? 'no REPORT line in the log tail' : 'Lambda returned no log tail',
    };
  }
  const base = sampleFromReport(report, {
    name: info.name,
    arch: info.arch,
    runtime: info.runtime,
    memoryMB,
    run: runId,
  });
  if (!base) return { kind: 'no-report', reason: 'the REPORT line has no Duration or Billed Duration' };
  const failed = result.functionError !== null;
  const sample: Sample = {
    ...base,
    status: failed && base.status === 'success' ? 'error' : base.status,
    errorType: base.errorType ?? result.payloadErrorType ?? result.functionError,
    requestId: base.requestId ?? result.requestId,
    timestamp: base.timestamp ?? result.startedAt.toISOString(),
  };
  return {
    kind: 'sample',
    sample,
    cold: report.initDurationMs !== null || report.restoreDurationMs !== null,
  };
}
