import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  EVENT_NAMES,
  eventChannel,
  INVOKE_NAMES,
  invokeChannel,
  type EventName,
  type InvokeName,
} from '../../../shared/ipc/channels';
import {
  eventContract,
  invokeContract,
  IpcConnectionSchema,
  IpcErrorSchema,
  MenuCommandSchema,
  subscriptionName,
  ThemePreferenceSchema,
} from '../../../shared/ipc/contract';
import { emptySample } from '../../../shared/sample';
import { COMMAND_VIEW } from '../../../renderer/src/state/navigation';

/** The messages of a failed parse: what main answers an invalid argument with. */
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }): string[] =>
  result.error?.issues.map((i) => i.message) ?? [];

const connection = { profile: 'prod', region: 'eu-west-1', endpoint: 'http://localhost:4566' };
const plan = { functions: ['api'], memorySizes: [128], times: 2, parallel: 1, warm: 0, payload: '{}' };
const fetchRequest = {
  functions: ['api'],
  start: '2026-01-01T00:00:00Z',
  end: '2026-01-02T00:00:00Z',
  coldOnly: true,
  method: 'insights',
};
const summary = {
  id: 'run-1',
  kind: 'measure',
  name: 'first',
  startedAt: '2026-01-01T00:00:00Z',
  endedAt: null,
  state: 'completed',
  functions: ['api'],
  memorySizes: [128],
  samples: 3,
  errors: [{ functionName: 'api', code: 'Throttled', message: 'slow down', hint: null }],
};
const recovery = {
  runId: 'run-1',
  functionName: 'api',
  action: 'restore',
  originalMemoryMB: 128,
  detail: 'still marked',
};
const savedFile = { saved: true, path: '/tmp/a.csv' };
const files = {
  files: [{ name: 'a.csv', path: '/tmp/a.csv', text: 'Name\n' }],
  errors: [{ path: '/tmp/b.csv', message: 'unreadable' }],
};

/** One valid argument and one valid result of every call, with every field set. */
const examples: { [N in InvokeName]: { arg: unknown; result: unknown } } = {
  getAppInfo: {
    arg: undefined,
    result: {
      name: 'Cold Start Lab',
      version: '0.1.0',
      platform: 'linux',
      dark: true,
      themePreference: 'dark',
      logFile: '/tmp/main.log',
      stateDir: '/tmp/state',
    },
  },
  setThemePreference: { arg: { preference: 'light' }, result: { dark: false } },
  openExternalLink: { arg: { url: 'https://example.com/docs' }, result: undefined },
  openCsvFiles: { arg: undefined, result: { canceled: false, ...files } },
  openImportFolder: { arg: undefined, result: { canceled: false, folder: '/tmp', ...files } },
  reopenFiles: { arg: { paths: ['/tmp/a.csv'] }, result: files },
  saveCsvFile: { arg: { defaultName: 'cold.csv', text: 'Name\n' }, result: savedFile },
  saveChartImage: {
    arg: { defaultName: 'chart.svg', format: 'svg', data: '<svg/>' },
    result: { saved: false, path: null },
  },
  listAwsProfiles: { arg: undefined, result: [{ name: 'prod', region: null, sso: true }] },
  listAwsRegions: { arg: undefined, result: ['eu-west-1'] },
  checkAwsConnection: {
    arg: connection,
    result: {
      account: '123',
      arn: 'arn:aws:iam::123:user/me',
      region: 'eu-west-1',
      unreservedConcurrency: 9,
    },
  },
  listFunctions: {
    arg: connection,
    result: [
      {
        name: 'api',
        runtime: 'nodejs20.x',
        arch: 'arm64',
        memoryMB: 128,
        packageType: 'Zip',
        logFormat: 'JSON',
        logGroup: '/aws/lambda/api',
        lastModified: null,
      },
    ],
  },
  startMeasurement: { arg: { connection, plan, name: 'first' }, result: { runId: 'run-1' } },
  cancelMeasurement: { arg: { runId: 'run-1' }, result: undefined },
  startFetch: { arg: { connection, request: fetchRequest, name: null }, result: { runId: 'run_2' } },
  cancelFetch: { arg: { runId: 'run-1' }, result: undefined },
  listRuns: { arg: undefined, result: [summary] },
  openRun: { arg: { runId: 'run-1' }, result: { summary, samples: [emptySample('api')] } },
  renameRun: { arg: { runId: 'run-1', name: 'renamed' }, result: summary },
  deleteRun: { arg: { runId: 'run-1' }, result: undefined },
  exportRunCsv: { arg: { runId: 'run-1' }, result: savedFile },
  findInterruptedRuns: { arg: undefined, result: [recovery] },
  recoverInterruptedRuns: { arg: { connection }, result: [{ ...recovery, action: 'restored' }] },
};

const eventExamples: { [N in EventName]: unknown } = {
  menuCommand: { command: 'import-csv' },
  themeChanged: { dark: true },
  runProgress: {
    runId: 'run-1',
    phase: 'invoking',
    done: 1,
    total: 2,
    functionName: 'api',
    memoryMB: 128,
    elapsedMs: 10,
    etaMs: null,
    message: null,
  },
  runSamples: { runId: 'run-1', samples: [emptySample('api')] },
  runFinished: {
    runId: 'run-1',
    state: 'partial',
    samples: 2,
    errors: [{ functionName: null, code: 'AccessDenied', message: 'no', hint: 'grant it' }],
    restored: ['api: restored'],
    warnings: ['the last minutes may be missing'],
  },
};

const arg = (name: InvokeName, value: unknown) => invokeContract[name].arg.safeParse(value);

describe('the IPC contract', () => {
  it('has exactly the calls and events the preload bundles by name', () => {
    expect(Object.keys(invokeContract)).toEqual([...INVOKE_NAMES]);
    expect(Object.keys(eventContract)).toEqual([...EVENT_NAMES]);
  });

  it.each(INVOKE_NAMES)('carries every field of %s, argument and result', (name) => {
    const example = examples[name];
    // parse strips unknown keys and drops what a schema lacks: equal output means every field is declared.
    expect(invokeContract[name].arg.parse(example.arg)).toEqual(example.arg);
    expect(invokeContract[name].result.parse(example.result)).toEqual(example.result);
  });

  it.each(EVENT_NAMES)('carries every field of the %s event', (name) => {
    expect(eventContract[name].parse(eventExamples[name])).toEqual(eventExamples[name]);
  });

  it('refuses an argument to a call that takes none, and a missing one', () => {
    expect(arg('listRuns', { runId: 'run-1' }).success).toBe(false);
    expect(arg('deleteRun', undefined).success).toBe(false);
    expect(invokeContract.deleteRun.result.safeParse({}).success).toBe(false);
  });

  it('takes run ids of 1 to 80 letters, digits, - and _ only', () => {
    expect(arg('deleteRun', { runId: 'A'.repeat(80) }).success).toBe(true);
    expect(arg('openRun', { runId: 'Zz09_-' }).success).toBe(true);
    for (const runId of ['', 'A'.repeat(81), '../run', 'run 1', ' run', 'run ', 'run\n', 'rün']) {
      const result = arg('openRun', { runId });
      expect(result.success, runId).toBe(false);
      expect(messages(result), runId).toEqual(['a run id']);
    }
    expect(arg('renameRun', { runId: 'a/b', name: 'x' }).success).toBe(false);
  });

  it('names a run with 1 to 200 characters when renaming, up to 200 or none when starting', () => {
    expect(arg('renameRun', { runId: 'r', name: 'n'.repeat(200) }).success).toBe(true);
    expect(arg('renameRun', { runId: 'r', name: 'n'.repeat(201) }).success).toBe(false);
    expect(arg('renameRun', { runId: 'r', name: '' }).success).toBe(false);
    const start = { connection, plan, name: 'n'.repeat(200) };
    expect(arg('startMeasurement', start).success).toBe(true);
    expect(arg('startMeasurement', { ...start, name: 'n'.repeat(201) }).success).toBe(false);
    expect(arg('startFetch', { connection, request: fetchRequest, name: 'n'.repeat(201) }).success).toBe(
      false,
    );
  });

  it('takes a bare file name of 1 to 200 characters to save as, never a path', () => {
    const save = (defaultName: string) => arg('saveCsvFile', { defaultName, text: '' });
    expect(save('c'.repeat(200)).success).toBe(true);
    expect(save('c'.repeat(201)).success).toBe(false);
    expect(save('').success).toBe(false);
    for (const defaultName of ['../cold.csv', 'dir/cold.csv', 'C:\\cold.csv', '/cold.csv']) {
      expect(messages(save(defaultName)), defaultName).toEqual(['a file name without folders']);
    }
    const chart = { defaultName: 'chart.png', format: 'png', data: 'iVBOR' };
    expect(arg('saveChartImage', chart).success).toBe(true);
    expect(arg('saveChartImage', { ...chart, defaultName: 'a/chart.png' }).success).toBe(false);
    expect(arg('saveChartImage', { ...chart, format: 'jpg' }).success).toBe(false);
    expect(arg('saveChartImage', { ...chart, data: '' }).success).toBe(false);
  });

  it('reopens at most 5,000 paths (a year of daily files) of 1 to 4096 characters', () => {
    expect(arg('reopenFiles', { paths: Array.from({ length: 5000 }, () => 'p') }).success).toBe(true);
    expect(arg('reopenFiles', { paths: Array.from({ length: 5001 }, () => 'p') }).success).toBe(false);
    expect(arg('reopenFiles', { paths: ['p'.repeat(4096)] }).success).toBe(true);
    expect(arg('reopenFiles', { paths: ['p'.repeat(4097)] }).success).toBe(false);
    expect(arg('reopenFiles', { paths: [''] }).success).toBe(false);
  });

  it('opens only https links', () => {
    expect(arg('openExternalLink', { url: 'http://example.com' }).success).toBe(false);
    expect(arg('openExternalLink', { url: 'https://' }).success).toBe(false);
    expect(arg('openExternalLink', { url: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('takes the three theme preferences and nothing else', () => {
    for (const preference of ['system', 'light', 'dark'])
      expect(ThemePreferenceSchema.parse(preference)).toBe(preference);
    expect(arg('setThemePreference', { preference: 'blue' }).success).toBe(false);
  });

  it('carries exactly the menu commands the renderer routes to a view', () => {
    for (const command of Object.keys(COMMAND_VIEW)) expect(MenuCommandSchema.parse(command)).toBe(command);
    expect(MenuCommandSchema.options).toHaveLength(Object.keys(COMMAND_VIEW).length);
  });

  it('names event subscriptions on + the capitalised event', () => {
    expect(subscriptionName('runProgress')).toBe('onRunProgress');
    expect(subscriptionName('menuCommand')).toBe('onMenuCommand');
  });

  it('keeps every call and event on a channel of its own in the coldstart namespace', () => {
    expect(invokeChannel('listRuns')).toBe('coldstart:invoke:listRuns');
    expect(eventChannel('runFinished')).toBe('coldstart:event:runFinished');
    const channels = [...INVOKE_NAMES.map(invokeChannel), ...EVENT_NAMES.map(eventChannel)];
    expect(new Set(channels).size).toBe(channels.length);
    // renderer/src/env.d.ts declares the API as window.coldstart.
    expect(API_KEY).toBe('coldstart');
  });

  it('describes every error code main may answer with', () => {
    const codes = [
      'invalid-argument',
      'forbidden-sender',
      'forbidden-endpoint',
      'aws',
      'credentials',
      'not-found',
      'io',
      'cancelled',
      'internal',
    ];
    for (const code of codes) {
      const error = { code, message: 'what happened', hint: null };
      expect(IpcErrorSchema.parse(error)).toEqual(error);
    }
    expect(IpcErrorSchema.safeParse({ code: 'oops', message: '', hint: null }).success).toBe(false);
  });
});

describe('IpcConnectionSchema', () => {
  const withEndpoint = (endpoint: string | null) =>
    IpcConnectionSchema.safeParse({ ...connection, endpoint });

  it('takes no endpoint, or a bare http(s) one', () => {
    expect(withEndpoint(null).success).toBe(true);
    expect(withEndpoint('https://lambda.example.com:8443/base').success).toBe(true);
    expect(withEndpoint('http://127.0.0.1:4566').success).toBe(true);
  });

  it.each([
    ['a user name', 'http://user@localhost:4566'],
    ['a password', 'http://:secret@localhost:4566'],
    ['a query', 'http://localhost:4566/?x=1'],
    ['a fragment', 'http://localhost:4566/#x'],
  ])('refuses an endpoint with %s', (_what, endpoint) => {
    expect(messages(withEndpoint(endpoint))).toEqual([
      'an http(s) URL without user name, password, query or fragment',
    ]);
  });

  it('says only what is wrong with an endpoint that is no URL at all', () => {
    const messagesOf = messages(withEndpoint('not a url'));
    expect(messagesOf).toContain('an http(s) URL without user name, password, query or fragment');
    expect(messagesOf).not.toContain('');
  });

  it('keeps the checks of the connection it extends', () => {
    expect(IpcConnectionSchema.safeParse({ ...connection, region: 'EU' }).success).toBe(false);
    expect(withEndpoint('ftp://localhost').success).toBe(false);
  });
});
