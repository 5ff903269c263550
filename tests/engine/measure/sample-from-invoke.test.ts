import { describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../../electron/engine/lambda-ops';
import { sampleFromInvoke } from '../../../electron/engine/measure/sample-from-invoke';
import type { FunctionInfo } from '../../../shared/measure';

const INFO: FunctionInfo = {
  name: 'fn',
  runtime: 'nodejs20.x',
  arch: 'arm64',
  memoryMB: 128,
  packageType: 'Zip',
  logFormat: 'Text',
  logGroup: '/aws/lambda/fn',
  lastModified: null,
};
const STARTED = new Date('2026-12-02T10:00:00.000Z');
const ID = '11111111-2222-3333-4444-555555555555';
const OTHER = '99999999-8888-7777-6666-555555555555';

const report = (requestId: string, extra = '') =>
  `REPORT RequestId: ${requestId}\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 70 MB\t${extra}\n`;

function result(change: Partial<InvokeResult>): InvokeResult {
  return {
    requestId: ID,
    logText: '',
    functionError: null,
    payloadErrorType: null,
    startedAt: STARTED,
    ...change,
  };
}

describe('sampleFromInvoke', () => {
  it('makes a cold sample from a REPORT with an Init Duration, with what the function info adds', () => {
    const outcome = sampleFromInvoke(
      result({ logText: `START RequestId: ${ID}\n${report(ID, 'Init Duration: 150.25 ms')}` }),
      INFO,
      1024,
      'run-1',
    );
    expect(outcome).toEqual({
      kind: 'sample',
      cold: true,
      sample: {
        name: 'fn',
        memoryMB: 512, // the REPORT's Memory Size wins over the size asked for
        initMs: 150.25,
        durationMs: 12.5,
        billedMs: 13,
        arch: 'arm64',
        runtime: 'nodejs20.x',
        maxMemoryUsedMB: 70,
        restoreMs: null,
        status: 'success',
        errorType: null,
        requestId: ID,
        timestamp: STARTED.toISOString(),
        run: 'run-1',
      },
    });
  });

  it('counts a SnapStart restore as cold, and nothing else', () => {
    const restored = sampleFromInvoke(
      result({ logText: report(ID, 'Restore Duration: 300 ms') }),
      INFO,
      512,
      'r',
    );
    expect(restored).toMatchObject({ kind: 'sample', cold: true });
    const warm = sampleFromInvoke(result({ logText: report(ID) }), INFO, 512, 'r');
    expect(warm).toMatchObject({ kind: 'sample', cold: false, sample: { initMs: null } });
  });

  it("takes the invocation's own REPORT when the tail holds an earlier one too", () => {
    const text = report(ID, 'Init Duration: 100 ms') + report(OTHER);
    const outcome = sampleFromInvoke(result({ logText: text }), INFO, 512, 'r');
    expect(outcome).toMatchObject({ kind: 'sample', cold: true, sample: { requestId: ID } });
  });

  it('takes the last REPORT when none names the request id, and fills the id from the response', () => {
    const text = report(OTHER, 'Init Duration: 100 ms') + report(OTHER.replace('9', '0'));
    const byLast = sampleFromInvoke(result({ logText: text }), INFO, 512, 'r');
    expect(byLast).toMatchObject({ cold: false, sample: { requestId: OTHER.replace('9', '0') } });
    const noId =
      'REPORT Duration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 256 MB\tMax Memory Used: 60 MB\n';
    const filled = sampleFromInvoke(result({ logText: noId, requestId: ID }), INFO, 512, 'r');
    expect(filled).toMatchObject({ sample: { requestId: ID, memoryMB: 256 } });
  });

  it('never matches a REPORT without a request id to a response without one', () => {
    const noId =
      'REPORT Duration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 256 MB\tMax Memory Used: 60 MB\n';
    const text = noId + report(OTHER);
    const outcome = sampleFromInvoke(result({ logText: text, requestId: null }), INFO, 512, 'r');
    expect(outcome).toMatchObject({ sample: { requestId: OTHER } });
  });

  it('uses the size asked for when the REPORT has none', () => {
    const text = `REPORT RequestId: ${ID}\tDuration: 5.00 ms\tBilled Duration: 5 ms\n`;
    expect(sampleFromInvoke(result({ logText: text }), INFO, 2048, 'r')).toMatchObject({
      sample: { memoryMB: 2048 },
    });
  });

  it('says why there is no sample', () => {
    expect(sampleFromInvoke(result({ logText: '' }), INFO, 512, 'r')).toEqual({
      kind: 'no-report',
      reason: 'Lambda returned no log tail',
    });
    expect(
      sampleFromInvoke(result({ logText: `START RequestId: ${ID}\nEND RequestId: ${ID}\n` }), INFO, 512, 'r'),
    ).toEqual({
      kind: 'no-report',
      reason: 'no REPORT line in the log tail',
    });
    // An init failure's INIT_REPORT is not the invocation's REPORT.
    const initOnly = 'INIT_REPORT Init Duration: 10003.45 ms\tPhase: init\tStatus: timeout\n';
    expect(sampleFromInvoke(result({ logText: initOnly }), INFO, 512, 'r')).toEqual({
      kind: 'no-report',
      reason: 'no REPORT line in the log tail',
    });
    const noDuration = `REPORT RequestId: ${ID}\tMemory Size: 512 MB\n`;
    expect(sampleFromInvoke(result({ logText: noDuration }), INFO, 512, 'r')).toEqual({
      kind: 'no-report',
      reason: 'the REPORT line has no Duration or Billed Duration',
    });
  });

  it('marks a function error as an error, naming the type from the payload, else from the header', () => {
    const fromPayload = sampleFromInvoke(
      result({ logText: report(ID), functionError: 'Unhandled', payloadErrorType: 'TypeError' }),
      INFO,
      512,
      'r',
    );
    expect(fromPayload).toMatchObject({ sample: { status: 'error', errorType: 'TypeError' } });
    const fromHeader = sampleFromInvoke(
      result({ logText: report(ID), functionError: 'Handled' }),
      INFO,
      512,
      'r',
    );
    expect(fromHeader).toMatchObject({ sample: { status: 'error', errorType: 'Handled' } });
  });

  it("keeps the REPORT's own status and error type (a timeout stays a timeout)", () => {
    const text = report(ID, 'Status: timeout\tError Type: Sandbox.Timedout');
    const outcome = sampleFromInvoke(
      result({ logText: text, functionError: 'Unhandled', payloadErrorType: 'Other' }),
      INFO,
      512,
      'r',
    );
    expect(outcome).toMatchObject({ sample: { status: 'timeout', errorType: 'Sandbox.Timedout' } });
  });

  it("takes the REPORT's time when it has one", () => {
    const text = `2026-12-02T09:59:59.500Z ${report(ID)}`;
    expect(sampleFromInvoke(result({ logText: text }), INFO, 512, 'r')).toMatchObject({
      sample: { timestamp: '2026-12-02T09:59:59.500Z' },
    });
  });
});
