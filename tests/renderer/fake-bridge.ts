import { vi } from 'vitest';
import type { ColdstartApi, EventPayload, InvokeArg, IpcResult } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/channels';
import type { FunctionInfo } from '../../shared/measure';

type Listeners = { [N in EventName]: ((payload: EventPayload<N>) => void)[] };

export const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });

export const FUNCTIONS: FunctionInfo[] = [
  {
    name: 'hello-node',
    runtime: 'nodejs22.x',
    arch: 'x86_64',
    memoryMB: 256,
    packageType: 'Zip',
    logFormat: 'Text',
    logGroup: '/aws/lambda/hello-node',
    lastModified: '2026-11-01T10:00:00.000+0000',
  },
  {
    name: 'hello-py',
    runtime: 'python3.13',
    arch: 'arm64',
    memoryMB: 512,
    packageType: 'Zip',
    logFormat: 'JSON',
    logGroup: '/aws/lambda/hello-py',
    lastModified: '2026-11-02T10:00:00.000+0000',
  },
  {
    name: 'image-fn',
    runtime: null,
    arch: 'x86_64',
    memoryMB: 1024,
    packageType: 'Image',
    logFormat: 'Text',
    logGroup: '/custom/image-fn',
    lastModified: null,
  },
];

/** A window.coldstart whose calls are spies and whose events the test emits. */
export function installFakeBridge(overrides: Partial<ColdstartApi> = {}) {
  const listeners: Listeners = {
    menuCommand: [],
    themeChanged: [],
    runProgress: [],
    runSamples: [],
    runFinished: [],
  };
  const on =
    <N extends EventName>(name: N) =>
    (listener: (payload: EventPayload<N>) => void) => {
      (listeners[name] as ((p: EventPayload<N>) => void)[]).push(listener);
      return () => {
        const list = listeners[name] as ((p: EventPayload<N>) => void)[];
        list.splice(list.indexOf(listener), 1);
      };
    };
  const api = {
    getAppInfo: vi.fn(),
    setThemePreference: vi.fn(),
    openExternalLink: vi.fn(),
    openCsvFiles: vi.fn(),
    saveCsvFile: vi.fn(),
    saveChartImage: vi.fn(),
    listAwsProfiles: vi.fn(() =>
      ok([
        { name: 'default', region: 'eu-west-1', sso: false },
        { name: 'work-sso', region: 'us-east-1', sso: true },
      ]),
    ),
    listAwsRegions: vi.fn(() => ok(['eu-west-1', 'us-east-1'])),
    checkAwsConnection: vi.fn((_arg: InvokeArg<'checkAwsConnection'>) =>
      ok({
        account: '123456789012',
        arn: 'arn:aws:iam::123456789012:user/dev',
        region: 'eu-west-1',
        unreservedConcurrency: 50,
      }),
    ),
    listFunctions: vi.fn((_arg: InvokeArg<'listFunctions'>) => ok(FUNCTIONS)),
    startMeasurement: vi.fn((_arg: InvokeArg<'startMeasurement'>) => ok({ runId: 'run-1' })),
    cancelMeasurement: vi.fn((_arg: InvokeArg<'cancelMeasurement'>) => ok(undefined)),
    startFetch: vi.fn((_arg: InvokeArg<'startFetch'>) => ok({ runId: 'fetch-1' })),
    cancelFetch: vi.fn((_arg: InvokeArg<'cancelFetch'>) => ok(undefined)),
    listRuns: vi.fn(() => ok([])),
    openRun: vi.fn(),
    renameRun: vi.fn(),
    deleteRun: vi.fn((_arg: InvokeArg<'deleteRun'>) => ok(undefined)),
    exportRunCsv: vi.fn((_arg: InvokeArg<'exportRunCsv'>) => ok({ saved: true, path: '/tmp/run.csv' })),
    findInterruptedRuns: vi.fn(() => ok([])),
    recoverInterruptedRuns: vi.fn((_arg: InvokeArg<'recoverInterruptedRuns'>) => ok([])),
    onMenuCommand: on('menuCommand'),
    onThemeChanged: on('themeChanged'),
    onRunProgress: on('runProgress'),
    onRunSamples: on('runSamples'),
    onRunFinished: on('runFinished'),
  };
  // Overrides stay spies, so tests can both replace an answer and check the calls.
  for (const [name, implementation] of Object.entries(overrides)) {
    (api as Record<string, unknown>)[name] = vi.fn(implementation as (...args: unknown[]) => unknown);
  }
  (window as unknown as { coldstart: unknown }).coldstart = api;
  const emit = <N extends EventName>(name: N, payload: EventPayload<N>): void => {
    for (const listener of [...listeners[name]]) (listener as (p: EventPayload<N>) => void)(payload);
  };
  return { api, emit, listeners };
}
