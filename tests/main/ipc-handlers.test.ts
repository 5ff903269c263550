import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { EngineError } from '../../electron/engine/engine-api';
import { createHandlers, exportFileName, type HandlerDeps } from '../../electron/main/ipc/handlers';
import { registerHandlers, type Handlers } from '../../electron/main/ipc/register-handlers';
import { isTrustedSender } from '../../electron/main/ipc/sender';
import { confirmEndpointDialog, createEndpointPolicy } from '../../electron/main/endpoint-policy';
import { createRunRegistry, type SendEvent } from '../../electron/main/run-registry';
import { INVOKE_NAMES, invokeChannel, type InvokeName } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import { fakeEngine, summary } from './fake-engine';

// The shared CSV writer is another module's job; here only its use matters.
vi.mock('../../shared/csv/export-csv', () => ({ exportCsv: vi.fn(() => 'name;durationMs\nhello;0\n') }));

const APP_FRAME = { url: 'app://coldstart/index.html', parent: null };
const connection = { profile: 'default', region: 'eu-west-1', endpoint: null };
const plan = { functions: ['hello'], memorySizes: [128], times: 1, parallel: 1, warm: 0, payload: '{}' };

function setUp(overrides: Partial<Handlers> = {}, env: NodeJS.ProcessEnv = {}) {
  const fake = fakeEngine();
  const allowedEndpoints: string[] = [];
  const confirmEndpoint = vi.fn(async (_origin: string) => false);
  const events: { name: string; payload: unknown }[] = [];
  const send: SendEvent = (name, payload) => events.push({ name, payload });
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const dialogs = {
    openCsvFiles: vi.fn(async () => ({ canceled: true, files: [], errors: [] })),
    openImportFolder: vi.fn(async () => ({ canceled: true, folder: null, files: [], errors: [] })),
    reopenFiles: vi.fn(async () => ({ files: [], errors: [] })),
    saveCsv: vi.fn(async () => ({ saved: true, path: '/home/me/Documents/x.csv' })),
    saveChart: vi.fn(async () => ({ saved: false, path: null })),
  };
  const theme = {
    preference: vi.fn(() => 'system' as const),
    dark: vi.fn(() => false),
    set: vi.fn(async () => true),
    toggle: vi.fn(async () => true),
  };
  const deps: HandlerDeps = {
    engine: () => fake.engine,
    dialogs,
    runs: createRunRegistry(send, log),
    theme,
    appInfo: {
      name: 'Cold Start Lab',
      version: '0.1.0',
      platform: 'linux',
      logFile: () => '/logs/main.log',
      stateDir: '/state',
    },
    openExternal: vi.fn(async () => undefined),
    endpoints: createEndpointPolicy({
      env,
      allowedOrigins: async () => allowedEndpoints,
      remember: async (origin) => void allowedEndpoints.push(origin),
      confirm: (origin) => confirmEndpoint(origin),
    }),
    windowOf: () => null,
  };
  const handlers = { ...createHandlers(deps), ...overrides };
  const registered = new Map<string, (event: unknown, arg?: unknown) => Promise<IpcResult<unknown>>>();
  registerHandlers(
    { handle: (channel: string, fn: never) => registered.set(channel, fn) } as never,
    handlers,
    { isTrustedSender: (frame) => isTrustedSender(frame, ['app://coldstart']), log },
  );
  const call = (name: InvokeName, arg?: unknown, frame: unknown = APP_FRAME) => {
    const handler = registered.get(invokeChannel(name));
    if (!handler) throw new Error(`${name} not registered`);
    return handler({ senderFrame: frame, sender: {} as WebContents }, arg);
  };
  return { ...fake, events, log, dialogs, theme, deps, registered, call, allowedEndpoints, confirmEndpoint };
}

describe('registerHandlers', () => {
  it('handles every call of the contract, on its own channel', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
    expect(Object.keys(createHandlers(setUp().deps)).sort()).toEqual([...INVOKE_NAMES].sort());
  });

  it('refuses to register when a call has no handler', () => {
    const handlers = { ...createHandlers(setUp().deps) } as Partial<Handlers>;
    delete handlers.listRuns;
    expect(() =>
      registerHandlers({ handle: vi.fn() } as never, handlers as Handlers, {
        isTrustedSender: () => true,
        log: { warn: vi.fn(), error: vi.fn() },
      }),
    ).toThrow('No IPC handler for listRuns');
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame of the app', { url: 'app://coldstart/index.html', parent: {} }],
    ['a file: page', { url: 'file:///tmp/index.html', parent: null }],
    // Each of these starts with "app://coldstart": only an exact origin match refuses them.
    ['a host that extends the app host', { url: 'app://coldstart.evil/index.html', parent: null }],
    ['a host the app host is the user name of', { url: 'app://coldstart@evil/index.html', parent: null }],
    ['a user name and password before another host', { url: 'app://coldstart:x@evil/', parent: null }],
    ['a longer host name', { url: 'app://coldstartevil/index.html', parent: null }],
    ['the app host on a port', { url: 'app://coldstart:8080/index.html', parent: null }],
    ['another scheme for the app host', { url: 'app-x://coldstart/index.html', parent: null }],
    ['no frame at all', null],
  ])('rejects calls from %s without running the handler', async (_what, frame) => {
    const { call, engine } = setUp();
    const result = await call('listRuns', undefined, frame);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden-sender',
        message: "listRuns: only the app's own window may call this.",
        hint: null,
      },
    });
    expect(engine.listRuns).not.toHaveBeenCalled();
  });

  it('rejects an invalid argument naming the call and the field', async () => {
    const { call, engine } = setUp();
    const result = await call('listFunctions', { ...connection, region: 'Ireland' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'listFunctions: region: a region such as eu-west-1',
        hint: null,
      },
    });
    expect(engine.listFunctions).not.toHaveBeenCalled();
  });

  it('names nested fields and argument-less calls clearly', async () => {
    const { call } = setUp();
    const nested = await call('startMeasurement', { connection, plan: { ...plan, times: 0 }, name: null });
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.error.message).toMatch(/^startMeasurement: plan\.times: /);
    const extra = await call('listRuns', { all: true });
    expect(extra).toMatchObject({ ok: false, error: { message: 'listRuns: takes no argument' } });
    const missing = await call('openRun', undefined);
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!missing.ok) expect(missing.error.message).toMatch(/^openRun: /);
  });

  it("returns the engine's own words for an EngineError", async () => {
    const { call, engine } = setUp();
    engine.listFunctions.mockRejectedValueOnce(
      new EngineError(
        'credentials',
        'The SSO session of profile dev has expired.',
        'Run aws sso login --profile dev.',
      ),
    );
    expect(await call('listFunctions', connection)).toEqual({
      ok: false,
      error: {
        code: 'credentials',
        message: 'The SSO session of profile dev has expired.',
        hint: 'Run aws sso login --profile dev.',
      },
    });
  });

  it('turns unexpected errors into a generic message, logging the details and leaking no stack', async () => {
    const { call, engine, log } = setUp();
    engine.listRuns.mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'x')"));
    const result = await call('listRuns');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'listRuns failed unexpectedly.' },
    });
    expect(JSON.stringify(result)).not.toMatch(/reading 'x'|\bat .*\.ts|TypeError/);
    expect(log.error).toHaveBeenCalled();
  });

  it('refuses to return a result outside the contract', async () => {
    const { call, engine } = setUp();
    engine.listRegions.mockReturnValueOnce([42 as unknown as string]);
    expect(await call('listAwsRegions')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('returns valid results as ok', async () => {
    const { call } = setUp();
    expect(await call('listAwsRegions')).toEqual({ ok: true, value: ['eu-west-1', 'us-east-1'] });
    expect(await call('deleteRun', { runId: 'run-1' })).toEqual({ ok: true, value: undefined });
    expect(await call('getAppInfo')).toEqual({
      ok: true,
      value: {
        name: 'Cold Start Lab',
        version: '0.1.0',
        platform: 'linux',
        dark: false,
        themePreference: 'system',
        logFile: '/logs/main.log',
        stateDir: '/state',
      },
    });
  });
});

describe('handlers', () => {
  it('starts a measurement and forwards progress, samples and the outcome as events', async () => {
    const { call, engine, events, finish, callbacks } = setUp();
    expect(await call('startMeasurement', { connection, plan, name: 'first' })).toEqual({
      ok: true,
      value: { runId: 'run-1' },
    });
    expect(engine.startMeasurement).toHaveBeenCalledWith(
      connection,
      plan,
      expect.objectContaining({ name: 'first' }),
    );
    // The sample that arrived before the run id was known is sent with it.
    expect(events).toEqual([
      {
        name: 'runSamples',
        payload: { runId: 'run-1', samples: [expect.objectContaining({ name: 'hello' })] },
      },
    ]);
    const progress = {
      runId: 'run-1',
      phase: 'invoking' as const,
      done: 1,
      total: 2,
      functionName: 'hello',
      memoryMB: 128,
      elapsedMs: 10,
      etaMs: 10,
      message: null,
    };
    callbacks().onProgress?.(progress);
    expect(events.at(-1)).toEqual({ name: 'runProgress', payload: progress });
    finish({
      runId: 'run-1',
      state: 'completed',
      samples: [],
      errors: [],
      restored: ['hello: 128 MB restored'],
    });
    await vi.waitFor(() => expect(events.at(-1)?.name).toBe('runFinished'));
    expect(events.at(-1)?.payload).toEqual({
      runId: 'run-1',
      state: 'completed',
      samples: 0,
      errors: [],
      restored: ['hello: 128 MB restored'],
      warnings: [],
    });
  });

  it('cancels a running measurement through its abort signal, and says so when there is none', async () => {
    const { call, callbacks } = setUp();
    await call('startMeasurement', { connection, plan, name: null });
    expect(await call('cancelFetch', { runId: 'run-1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(callbacks().signal?.aborted).toBe(false);
    expect(await call('cancelMeasurement', { runId: 'run-1' })).toEqual({ ok: true, value: undefined });
    expect(callbacks().signal?.aborted).toBe(true);
    expect(await call('cancelMeasurement', { runId: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No running measurement with id other.' },
    });
  });

  it('exports a run through the save dialog under a file name made from its name', async () => {
    const { call, dialogs } = setUp();
    expect(await call('exportRunCsv', { runId: 'run-1' })).toEqual({
      ok: true,
      value: { saved: true, path: '/home/me/Documents/x.csv' },
    });
    expect(dialogs.saveCsv).toHaveBeenCalledWith(null, 'hello_ node_arm.csv', 'name;durationMs\nhello;0\n');
    expect(summary.name).toBe('hello: node/arm');
  });

  it('passes the theme preference and external links through', async () => {
    const { call, theme, deps } = setUp();
    expect(await call('setThemePreference', { preference: 'dark' })).toEqual({
      ok: true,
      value: { dark: true },
    });
    expect(theme.set).toHaveBeenCalledWith('dark');
    expect(await call('openExternalLink', { url: 'http://example.com/' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    await call('openExternalLink', { url: 'https://example.com/' });
    expect(deps.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('makes safe export file names', () => {
    expect(exportFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j.csv');
    expect(exportFileName('   ')).toBe('cold-starts.csv');
  });
});

describe('endpoints the renderer may use', () => {
  /** Every call that reaches AWS, with the engine method it ends in. */
  const awsCalls = (endpoint: string) => {
    const c = { ...connection, endpoint };
    return [
      ['checkAwsConnection', c, 'checkConnection'],
      ['listFunctions', c, 'listFunctions'],
      ['startMeasurement', { connection: c, plan, name: null }, 'startMeasurement'],
      ['startFetch', { connection: c, request: fetchRequest, name: null }, 'startFetch'],
      ['recoverInterruptedRuns', { connection: c }, 'recoverInterruptedRuns'],
    ] as const;
  };
  const fetchRequest = {
    functions: ['hello'],
    start: '2026-11-28T08:00:00Z',
    end: '2026-11-28T09:00:00Z',
    coldOnly: true,
    method: 'insights',
  };

  it.each([
    'http://localhost:4566',
    'https://localhost:4566/',
    'http://127.0.0.1:4566',
    'http://127.12.0.1',
    'http://127.1:4566', // the URL parser reads it as 127.0.0.1
    'http://[::1]:4566',
  ])('lets every AWS call use the loopback endpoint %s without asking', async (endpoint) => {
    const { call, engine, confirmEndpoint } = setUp();
    for (const [name, arg, method] of awsCalls(endpoint)) {
      expect(await call(name, arg)).toMatchObject({ ok: true });
      expect(engine[method]).toHaveBeenCalled();
    }
    expect(confirmEndpoint).not.toHaveBeenCalled();
  });

  it.each([
    'http://evil.example:4566',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'http://10.0.0.5:4566',
    'http://[::ffff:7f00:1]', // 127.0.0.1 mapped into IPv6: not a loopback spelling main accepts
  ])('refuses %s over plain http in every AWS call, sending nothing', async (endpoint) => {
    const { call, engine, confirmEndpoint } = setUp();
    for (const [name, arg, method] of awsCalls(endpoint)) {
      const result = await call(name, arg);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-endpoint' } });
      if (!result.ok) expect(result.error.message).toMatch(/plain http only to this computer/);
      expect(engine[method]).not.toHaveBeenCalled();
    }
    expect(confirmEndpoint).not.toHaveBeenCalled();
  });

  it.each([
    'https://user:secret@localhost:4566',
    'http://localhost@evil.example',
    'http://localhost:4566/?x=1',
    'http://localhost:4566/#x',
    'ftp://localhost',
  ])('refuses the malformed endpoint %s as an invalid argument', async (endpoint) => {
    const { call, engine } = setUp();
    const result = await call('checkAwsConnection', { ...connection, endpoint });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!result.ok) expect(result.error.message).toMatch(/^checkAwsConnection: endpoint: /);
    expect(engine.checkConnection).not.toHaveBeenCalled();
  });

  it('asks the user natively before the first request to another https endpoint, and remembers a yes', async () => {
    const { call, engine, confirmEndpoint, allowedEndpoints } = setUp();
    const endpoint = 'https://lambda.proxy.example.com/path';
    expect(await call('listFunctions', { ...connection, endpoint })).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden-endpoint',
        message: 'The endpoint https://lambda.proxy.example.com was not allowed: no request was sent to it.',
      },
    });
    expect(confirmEndpoint).toHaveBeenCalledWith('https://lambda.proxy.example.com');
    expect(engine.listFunctions).not.toHaveBeenCalled();
    expect(allowedEndpoints).toEqual([]);

    confirmEndpoint.mockResolvedValueOnce(true);
    expect(await call('listFunctions', { ...connection, endpoint })).toMatchObject({ ok: true });
    expect(allowedEndpoints).toEqual(['https://lambda.proxy.example.com']);
    confirmEndpoint.mockClear();
    expect(await call('checkAwsConnection', { ...connection, endpoint })).toMatchObject({ ok: true });
    expect(confirmEndpoint).not.toHaveBeenCalled();
  });

  it('allows the endpoints main was started with (AWS_ENDPOINT_URL*), plain http included', async () => {
    const { call, engine, confirmEndpoint } = setUp(
      {},
      { AWS_ENDPOINT_URL: 'http://localstack:4566', AWS_ENDPOINT_URL_STS: 'https://sts.corp.example/' },
    );
    expect(
      await call('checkAwsConnection', { ...connection, endpoint: 'http://localstack:4566/' }),
    ).toMatchObject({ ok: true });
    expect(
      await call('listFunctions', { ...connection, endpoint: 'https://sts.corp.example' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await call('listFunctions', { ...connection, endpoint: 'http://localstack:4567' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-endpoint' },
    });
    expect(engine.checkConnection).toHaveBeenCalledTimes(1);
    expect(confirmEndpoint).not.toHaveBeenCalled();
  });

  it('asks with Refuse as the default and the Escape answer', async () => {
    const showMessageBox = vi.fn(async () => ({ response: 0, checkboxChecked: false }));
    expect(await confirmEndpointDialog({ showMessageBox } as never, 'https://x.example', null)).toBe(false);
    expect(showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultId: 0,
        cancelId: 0,
        buttons: ['Refuse', 'Allow https://x.example'],
        message: 'Send your AWS requests to https://x.example?',
      }),
    );
    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await confirmEndpointDialog({ showMessageBox } as never, 'https://x.example', null)).toBe(true);
  });
});
