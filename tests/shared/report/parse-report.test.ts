import { describe, expect, it } from 'vitest';
import {
  findReports,
  parseReport,
  sampleFromReport,
  type ReportRecord,
} from '../../../shared/report/parse-report';

function record(message: string): ReportRecord {
  const result = parseReport(message);
  if (!result.ok) throw new Error(`expected a report: ${message}`);
  return result.record;
}

const TAB_REPORT =
  'REPORT RequestId: 3f2a6a1e-1b2c-4d5e-8f90-123456789abc\tDuration: 2.72 ms\tBilled Duration: 3 ms\tMemory Size: 2048 MB\tMax Memory Used: 64 MB\tInit Duration: 166.76 ms\t';

describe('parseReport: text format', () => {
  it('reads a tab-separated cold REPORT exactly as Lambda writes it', () => {
    expect(record(TAB_REPORT)).toEqual({
      kind: 'report',
      requestId: '3f2a6a1e-1b2c-4d5e-8f90-123456789abc',
      durationMs: 2.72,
      billedDurationMs: 3,
      memorySizeMB: 2048,
      maxMemoryUsedMB: 64,
      initDurationMs: 166.76,
      restoreDurationMs: null,
      billedRestoreDurationMs: null,
      status: 'success',
      errorType: null,
      timestamp: null,
    });
  });

  it('reads the same record with spaces instead of tabs', () => {
    expect(record(TAB_REPORT.replaceAll('\t', ' '))).toEqual(record(TAB_REPORT));
  });

  it('reads a warm REPORT: no Init Duration means null, not 0', () => {
    const r = record(
      'REPORT RequestId: abc\tDuration: 1.05 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t',
    );
    expect(r.initDurationMs).toBeNull();
    expect(r.durationMs).toBe(1.05);
  });

  it('never takes Duration out of Billed Duration or Init Duration, whatever the field order', () => {
    const r = record(
      'REPORT RequestId: abc Init Duration: 166.76 ms Billed Duration: 300 ms Memory Size: 128 MB Duration: 299.5 ms',
    );
    expect(r.durationMs).toBe(299.5);
    expect(r.billedDurationMs).toBe(300);
    expect(r.initDurationMs).toBe(166.76);
    const noDuration = record('REPORT RequestId: abc\tBilled Duration: 3 ms\tInit Duration: 100 ms');
    expect(noDuration.durationMs).toBeNull();
  });

  it('takes the time from a CloudWatch timestamp prefix', () => {
    const r = record(`2023-07-29 18:30:11.606 ${TAB_REPORT}`);
    expect(r.timestamp).toBe('2023-07-29T18:30:11.606Z');
    expect(r.durationMs).toBe(2.72);
    expect(record(`2023-07-29T18:30:11.606Z ${TAB_REPORT}`).timestamp).toBe('2023-07-29T18:30:11.606Z');
    expect(record(`2023-07-29T20:30:11.606+02:00 ${TAB_REPORT}`).timestamp).toBe('2023-07-29T18:30:11.606Z');
  });

  it('reads SnapStart Restore Duration and Billed Restore Duration (no Init Duration)', () => {
    const r = record(
      'REPORT RequestId: 8f1e\tDuration: 120.05 ms\tBilled Duration: 121 ms\tMemory Size: 1024 MB\tMax Memory Used: 160 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 232 ms\t',
    );
    expect(r.restoreDurationMs).toBe(474.16);
    expect(r.billedRestoreDurationMs).toBe(232);
    expect(r.initDurationMs).toBeNull();
    expect(r.durationMs).toBe(120.05);
    expect(r.billedDurationMs).toBe(121);
  });

  it('reads Status timeout and Status error with Error Type', () => {
    const timeout = record(
      'REPORT RequestId: t1\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\tInit Duration: 150.2 ms\tStatus: timeout',
    );
    expect(timeout.status).toBe('timeout');
    expect(timeout.errorType).toBeNull();
    expect(timeout.initDurationMs).toBe(150.2);
    const error = record(
      'REPORT RequestId: e1\tDuration: 12.3 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\tStatus: error\tError Type: Runtime.ExitError',
    );
    expect(error.status).toBe('error');
    expect(error.errorType).toBe('Runtime.ExitError');
    expect(error.durationMs).toBe(12.3);
  });

  it('ignores an XRAY suffix on the same line and on the next line of the event', () => {
    const xray =
      'XRAY TraceId: 1-64c55a4b-6f1f2a0b3c4d5e6f7a8b9c0d\tSegmentId: 1a2b3c4d5e6f7a8b\tSampled: true\t';
    expect(record(`${TAB_REPORT}\n${xray}`)).toEqual(record(TAB_REPORT));
    const sameLine = record(`${TAB_REPORT}${xray}`);
    expect(sameLine).toEqual(record(TAB_REPORT));
    expect(sameLine.initDurationMs).toBe(166.76);
  });

  it('reads an INIT_REPORT (init failure)', () => {
    const r = record(
      'INIT_REPORT Init Duration: 10008.81 ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown',
    );
    expect(r.kind).toBe('init_report');
    expect(r.initDurationMs).toBe(10008.81);
    expect(r.durationMs).toBeNull();
    expect(r.status).toBe('error');
    expect(r.errorType).toBe('Runtime.Unknown');
    expect(record('INIT_REPORT Init Duration: 9999.52 ms Phase: init Status: timeout').status).toBe(
      'timeout',
    );
  });
});

describe('parseReport: JSON log format', () => {
  const event = {
    time: '2023-07-29T18:30:11.606Z',
    type: 'platform.report',
    record: {
      requestId: 'j-1',
      metrics: {
        durationMs: 2.72,
        billedDurationMs: 3,
        memorySizeMB: 2048,
        maxMemoryUsedMB: 64,
        initDurationMs: 166.76,
      },
      status: 'success',
    },
  };

  it('reads platform.report', () => {
    expect(record(JSON.stringify(event))).toEqual({
      kind: 'report',
      requestId: 'j-1',
      durationMs: 2.72,
      billedDurationMs: 3,
      memorySizeMB: 2048,
      maxMemoryUsedMB: 64,
      initDurationMs: 166.76,
      restoreDurationMs: null,
      billedRestoreDurationMs: null,
      status: 'success',
      errorType: null,
      timestamp: '2023-07-29T18:30:11.606Z',
    });
  });

  it('reads restore duration, timeout status and error type', () => {
    const r = record(
      JSON.stringify({
        ...event,
        record: {
          requestId: 'j-2',
          status: 'timeout',
          errorType: 'Sandbox.Timedout',
          metrics: { durationMs: 3000, billedDurationMs: 3000, memorySizeMB: 128, restoreDurationMs: 400.5 },
        },
      }),
    );
    expect(r.status).toBe('timeout');
    expect(r.errorType).toBe('Sandbox.Timedout');
    expect(r.restoreDurationMs).toBe(400.5);
    expect(r.initDurationMs).toBeNull();
    expect(r.maxMemoryUsedMB).toBeNull();
  });

  it('reads platform.initReport as an init_report', () => {
    const r = record(
      JSON.stringify({
        time: '2023-07-29T18:30:11.606Z',
        type: 'platform.initReport',
        record: {
          initializationType: 'on-demand',
          phase: 'init',
          status: 'error',
          errorType: 'Runtime.ExitError',
          metrics: { durationMs: 85.3 },
        },
      }),
    );
    expect(r).toMatchObject({
      kind: 'init_report',
      initDurationMs: 85.3,
      status: 'error',
      errorType: 'Runtime.ExitError',
    });
  });

  it('does not take a non-number metric as a number', () => {
    const r = record(
      JSON.stringify({ ...event, record: { requestId: 'x', metrics: { durationMs: '2.7' } } }),
    );
    expect(r.durationMs).toBeNull();
  });
});

describe('parseReport: anything else is not a report and never throws', () => {
  const notReports: unknown[] = [
    '',
    '   ',
    'START RequestId: 3f2a Version: $LATEST',
    'END RequestId: 3f2a',
    'XRAY TraceId: 1-64c5 SegmentId: 1a2b Sampled: true',
    '2023-07-29T18:30:11.606Z\t3f2a\tINFO\thello REPORT RequestId: x Duration: 1 ms',
    'REPORTS are due on Monday',
    'REPORT nothing here',
    '{"type":"platform.start","record":{"requestId":"x"}}',
    '{"type":"platform.report"}',
    '{not json',
    '[1,2,3]',
    'null',
    '\u0000\u0001\u0002binary',
    null,
    undefined,
    42,
  ];
  it.each(notReports.map((m) => [JSON.stringify(m) ?? String(m), m]))('%s', (_label, message) => {
    expect(() => parseReport(message as string)).not.toThrow();
    expect(parseReport(message as string)).toEqual({ ok: false, reason: 'not-a-report' });
  });

  it('gives null, not a wrong number, for an unreadable value', () => {
    const r = record('REPORT RequestId: abc\tDuration: fast ms\tBilled Duration: 3 s\tMemory Size: 128 MB');
    expect(r.durationMs).toBeNull();
    expect(r.billedDurationMs).toBeNull();
    expect(r.memorySizeMB).toBe(128);
  });
});

describe('findReports', () => {
  it('finds the REPORT of an invoke log tail and skips START, END, log lines and the XRAY line', () => {
    const tail = [
      'START RequestId: 3f2a6a1e-1b2c-4d5e-8f90-123456789abc Version: $LATEST',
      '2023-07-29T18:30:11.500Z\t3f2a6a1e\tINFO\thello',
      'END RequestId: 3f2a6a1e-1b2c-4d5e-8f90-123456789abc',
      TAB_REPORT,
      'XRAY TraceId: 1-64c55a4b-6f1f2a0b3c4d5e6f7a8b9c0d\tSegmentId: 1a2b3c4d5e6f7a8b\tSampled: true\t',
      '',
    ].join('\n');
    expect(findReports(tail)).toEqual([record(TAB_REPORT)]);
  });

  it('finds every record in order, text and JSON, across CRLF lines', () => {
    const text = [
      'REPORT RequestId: a\tDuration: 1 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 30 MB\tInit Duration: 100 ms',
      'INIT_REPORT Init Duration: 10008.81 ms\tPhase: init\tStatus: timeout',
      JSON.stringify({
        type: 'platform.report',
        record: { requestId: 'c', metrics: { durationMs: 3, billedDurationMs: 3 } },
      }),
      '{"type":"platform.start","record":{"requestId":"d"}}',
    ].join('\r\n');
    const found = findReports(text);
    expect(found.map((r) => [r.kind, r.requestId])).toEqual([
      ['report', 'a'],
      ['init_report', null],
      ['report', 'c'],
    ]);
  });

  it('returns nothing for a truncated or empty tail', () => {
    expect(findReports('')).toEqual([]);
    expect(findReports('ation: 2.72 ms\tBilled Duration: 3 ms')).toEqual([]);
  });
});

describe('sampleFromReport', () => {
  it('makes a cold sample from a REPORT and the function it came from', () => {
    const s = sampleFromReport(record(`2023-07-29 18:30:11.606 ${TAB_REPORT}`), {
      name: 'hello-node',
      arch: 'arm64',
      runtime: 'nodejs18.x',
      run: 'r1',
    });
    expect(s).toEqual({
      name: 'hello-node',
      memoryMB: 2048,
      initMs: 166.76,
      durationMs: 2.72,
      billedMs: 3,
      arch: 'arm64',
      runtime: 'nodejs18.x',
      maxMemoryUsedMB: 64,
      restoreMs: null,
      status: 'success',
      errorType: null,
      requestId: '3f2a6a1e-1b2c-4d5e-8f90-123456789abc',
      timestamp: '2023-07-29T18:30:11.606Z',
      run: 'r1',
    });
  });

  it('gives null for an INIT_REPORT, which has no invocation numbers', () => {
    expect(
      sampleFromReport(record('INIT_REPORT Init Duration: 5 ms Phase: init Status: error'), { name: 'f' }),
    ).toBeNull();
  });
});

describe('parseReport: edges of the text format', () => {
  const notAReport = { ok: false, reason: 'not-a-report' };

  it('reads a record with white space around it', () => {
    expect(record(`  ${TAB_REPORT}  \n`)).toEqual(record(TAB_REPORT));
  });

  it('is not fooled by a log line that mentions INIT_REPORT or labels after other text', () => {
    // Exactly 11 characters before the label: the length of `INIT_REPORT `.
    expect(parseReport('my-app log Status: failed after INIT_REPORT 1')).toEqual(notAReport);
    expect(parseReport('NOT_REPORT Init Duration: 100 ms')).toEqual(notAReport);
    expect(parseReport('REPORT generated in Duration: 12 ms')).toEqual(notAReport);
  });

  it('needs a RequestId or a Duration in a REPORT, and an Init Duration or a Status in an INIT_REPORT', () => {
    expect(parseReport('REPORT Memory Size: 128 MB\tMax Memory Used: 40 MB')).toEqual(notAReport);
    expect(record('REPORT Duration: 5 ms').durationMs).toBe(5);
    expect(record('REPORT RequestId: r1').requestId).toBe('r1');
    expect(parseReport('INIT_REPORT Phase: init')).toEqual(notAReport);
    const noStatus = record('INIT_REPORT Init Duration: 5 ms\tPhase: init');
    expect(noStatus).toMatchObject({ kind: 'init_report', initDurationMs: 5, status: 'success' });
    expect(record('INIT_REPORT Phase: init\tStatus: timeout')).toMatchObject({
      initDurationMs: null,
      status: 'timeout',
    });
  });

  it('keeps the first of a repeated label', () => {
    const r = record('REPORT RequestId: a\tDuration: 1 ms\tBilled Duration: 2 ms\tDuration: 99 ms');
    expect(r.durationMs).toBe(1);
  });

  it('reads a number without a unit or glued to it, and nothing else around it', () => {
    expect(record('REPORT RequestId: a\tDuration: 5\tBilled Duration: 6 ms').durationMs).toBe(5);
    expect(record('REPORT RequestId: a\tDuration: 2.72ms').durationMs).toBe(2.72);
    expect(record('REPORT RequestId: a\tDuration: about 2 ms').durationMs).toBeNull();
    expect(record('REPORT RequestId: a\tDuration: 2 ms (approx)').durationMs).toBeNull();
  });

  it('gives null for an empty RequestId or Status value, not an empty string', () => {
    const r = record('REPORT RequestId: \tDuration: 1 ms\tStatus: \tError Type: ');
    expect(r.requestId).toBeNull();
    expect(r.status).toBe('success');
    expect(r.errorType).toBeNull();
  });

  it('reads a zone without a colon, and a prefix without a zone as UTC whatever the local zone', () => {
    expect(record(`2023-07-29T20:30:11.606+0200 ${TAB_REPORT}`).timestamp).toBe('2023-07-29T18:30:11.606Z');
    expect(record(`2023-07-29T16:30:11.606-02:00 ${TAB_REPORT}`).timestamp).toBe('2023-07-29T18:30:11.606Z');
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(record(`2023-07-29 18:30:11.606 ${TAB_REPORT}`).timestamp).toBe('2023-07-29T18:30:11.606Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('gives no time for a prefix that is not a real time, and still reads the record', () => {
    const r = record(`2023-13-45 99:99:99 ${TAB_REPORT}`);
    expect(r.timestamp).toBeNull();
    expect(r.durationMs).toBe(2.72);
  });
});

describe('parseReport: edges of the JSON log format', () => {
  const base = { type: 'platform.report', record: { requestId: 'j', metrics: { durationMs: 1 } } };
  const notAReport = { ok: false, reason: 'not-a-report' };

  it('is not a report when record is not an object', () => {
    for (const rec of [[1], 'text', null, 42]) {
      expect(parseReport(JSON.stringify({ ...base, record: rec }))).toEqual(notAReport);
    }
  });

  it('takes the time from the event, else from the prefix; an unreadable time is left out', () => {
    const withTime = { ...base, time: '2023-07-29T20:30:11.606+02:00' };
    expect(record(JSON.stringify(withTime)).timestamp).toBe('2023-07-29T18:30:11.606Z');
    const bad = JSON.stringify({ ...base, time: 'yesterday' });
    expect(record(bad).timestamp).toBeNull();
    expect(record(`2023-07-29 18:30:11.606 ${bad}`).timestamp).toBe('2023-07-29T18:30:11.606Z');
    expect(record(JSON.stringify({ ...base, time: 1690655411606 })).timestamp).toBeNull();
  });

  it('gives null or success for empty or non-string requestId, status and errorType', () => {
    const r = record(
      JSON.stringify({ ...base, record: { requestId: '', status: '', errorType: '', metrics: {} } }),
    );
    expect(r).toMatchObject({ requestId: null, status: 'success', errorType: null });
    const typed = record(
      JSON.stringify({ ...base, record: { requestId: 7, status: 3, errorType: true, metrics: {} } }),
    );
    expect(typed).toMatchObject({ requestId: null, status: 'success', errorType: null });
  });

  it('reads every metric of platform.report, and a metrics value that is not an object as none', () => {
    const metrics = {
      durationMs: 2,
      billedDurationMs: 3,
      memorySizeMB: 128,
      maxMemoryUsedMB: 40,
      initDurationMs: 0,
      restoreDurationMs: 5,
      billedRestoreDurationMs: 6,
    };
    expect(record(JSON.stringify({ ...base, record: { requestId: 'j', metrics } }))).toMatchObject({
      durationMs: 2,
      billedDurationMs: 3,
      memorySizeMB: 128,
      maxMemoryUsedMB: 40,
      initDurationMs: 0,
      restoreDurationMs: 5,
      billedRestoreDurationMs: 6,
    });
    const none = record(JSON.stringify({ ...base, record: { requestId: 'j', metrics: 'x' } }));
    expect(none.durationMs).toBeNull();
  });

  it('gives null for a negative metric, and keeps 0', () => {
    const r = record(
      JSON.stringify({
        ...base,
        record: { requestId: 'j', metrics: { durationMs: -1, billedDurationMs: 0 } },
      }),
    );
    expect(r.durationMs).toBeNull();
    expect(r.billedDurationMs).toBe(0);
  });

  it('reads platform.initReport without a status as an error, with one as given', () => {
    const init = { type: 'platform.initReport', record: { metrics: { durationMs: 85.3 } } };
    expect(record(JSON.stringify(init))).toMatchObject({ status: 'error', initDurationMs: 85.3 });
    const ok = { ...init, record: { ...init.record, status: 'success' } };
    expect(record(JSON.stringify(ok))).toMatchObject({ status: 'success', durationMs: null });
  });
});

describe('findReports and sampleFromReport: edges', () => {
  it('gives no records for something that is not text', () => {
    expect(findReports(null as unknown as string)).toEqual([]);
    expect(findReports(42 as unknown as string)).toEqual([]);
  });

  it('gives no sample for a REPORT without Duration or without Billed Duration', () => {
    expect(sampleFromReport(record('REPORT RequestId: a\tBilled Duration: 3 ms'), { name: 'f' })).toBeNull();
    expect(sampleFromReport(record('REPORT RequestId: a\tDuration: 3 ms'), { name: 'f' })).toBeNull();
  });

  it('takes the memory from the context when the record has none, and only a positive whole number', () => {
    const noMemory = record('REPORT RequestId: a\tDuration: 1 ms\tBilled Duration: 1 ms');
    expect(sampleFromReport(noMemory, { name: 'f', memoryMB: 512 })?.memoryMB).toBe(512);
    expect(sampleFromReport(noMemory, { name: 'f' })?.memoryMB).toBeNull();
    expect(sampleFromReport(noMemory, { name: 'f', memoryMB: 0 })?.memoryMB).toBeNull();
    expect(sampleFromReport(noMemory, { name: 'f', memoryMB: 128.5 })?.memoryMB).toBeNull();
    expect(sampleFromReport(noMemory, { name: 'f', memoryMB: -128 })?.memoryMB).toBeNull();
    const fromRecord = record(
      'REPORT RequestId: a\tDuration: 1 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB',
    );
    expect(sampleFromReport(fromRecord, { name: 'f', memoryMB: 512 })?.memoryMB).toBe(256);
  });
});
