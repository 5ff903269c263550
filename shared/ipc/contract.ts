import { z } from 'zod';
import { SampleSchema } from '../sample';
import {
  AwsConnectionSchema,
  ConnectionCheckSchema,
  FetchRequestSchema,
  FunctionInfoSchema,
  MeasurePlanSchema,
  RecoveryItemSchema,
  RunErrorSchema,
  RunProgressSchema,
  RunStateSchema,
  RunSummarySchema,
} from '../measure';
import type { EventName, InvokeName } from './channels';

/**
 * The one IPC contract of Cold Start Lab. Every call takes exactly one argument (validated in main
 * against `arg`) and resolves to an IpcResult of `result`; every event carries one payload.
 * Main implements it (electron/main/ipc), the preload exposes it, and the renderer's `window.coldstart`
 * type is derived from it here, so no side keeps a copy of the API by hand.
 */

const none = z.undefined();
const runId = z.object({ runId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'a run id') });
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[\\/]/.test(n), 'a file name without folders');

export const ThemePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreferenceSchema>;

export const MenuCommandSchema = z.enum([
  'import-csv',
  'import-folder',
  'export-csv',
  'export-chart',
  'new-measurement',
  'fetch-cloudwatch',
  'recover-runs',
  'show-history',
  'toggle-theme',
  'about',
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const OpenedFileSchema = z.object({ name: z.string(), path: z.string(), text: z.string() });
export type OpenedFile = z.infer<typeof OpenedFileSchema>;

export const SavedFileSchema = z.object({ saved: z.boolean(), path: z.string().nullable() });

/** A bare http(s) endpoint: no user name or password, query or fragment to smuggle anything in. */
function isBareEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    // Stryker disable next-line BlockStatement: an empty catch returns undefined, which fails the refinement as false does
  } catch {
    return false;
  }
}

/**
 * The connection as the renderer may send it. Which endpoint hosts are allowed at all (loopback, the
 * AWS_ENDPOINT_URL* main started with, or one the user allowed in a native dialog) main decides per call
 * (electron/main/endpoint-policy.ts): a renderer setting alone never sends signed requests elsewhere.
 */
export const IpcConnectionSchema = AwsConnectionSchema.extend({
  endpoint: AwsConnectionSchema.shape.endpoint.refine(
    (e) => e === null || isBareEndpoint(e),
    'an http(s) URL without user name, password, query or fragment',
  ),
});

export const invokeContract = {
  getAppInfo: {
    arg: none,
    result: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      dark: z.boolean(),
      themePreference: ThemePreferenceSchema,
      logFile: z.string(),
      stateDir: z.string(),
    }),
  },
  setThemePreference: {
    arg: z.object({ preference: ThemePreferenceSchema }),
    result: z.object({ dark: z.boolean() }),
  },
  openExternalLink: { arg: z.object({ url: z.string().url().startsWith('https://') }), result: none },
  /** Shows an open dialog (several files) and returns their text. Unreadable files come back in `errors`. */
  openCsvFiles: {
    arg: none,
    result: z.object({
      canceled: z.boolean(),
      files: z.array(OpenedFileSchema),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  },
  /**
   * Shows a folder dialog and returns the text of every .json and .csv file in the folder and its subfolders
   * (`folder`: the folder picked; null when canceled). Unreadable files come back in `errors`.
   */
  openImportFolder: {
    arg: none,
    result: z.object({
      canceled: z.boolean(),
      folder: z.string().nullable(),
      files: z.array(OpenedFileSchema),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  },
  /**
   * Reads again files the user opened in a dialog before, or that are in a folder the user picked (a restored
   * workspace); main refuses other paths. A year of daily files is one batch.
   */
  reopenFiles: {
    arg: z.object({ paths: z.array(z.string().min(1).max(4096)).max(5000) }),
    result: z.object({
      files: z.array(OpenedFileSchema),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  },
  saveCsvFile: { arg: z.object({ defaultName: fileName, text: z.string() }), result: SavedFileSchema },
  /** PNG as base64 (no data: prefix) or SVG text. */
  saveChartImage: {
    arg: z.object({ defaultName: fileName, format: z.enum(['png', 'svg']), data: z.string().min(1) }),
    result: SavedFileSchema,
  },
  listAwsProfiles: {
    arg: none,
    result: z.array(z.object({ name: z.string(), region: z.string().nullable(), sso: z.boolean() })),
  },
  listAwsRegions: { arg: none, result: z.array(z.string()) },
  checkAwsConnection: { arg: IpcConnectionSchema, result: ConnectionCheckSchema },
  listFunctions: { arg: IpcConnectionSchema, result: z.array(FunctionInfoSchema) },
  startMeasurement: {
    arg: z.object({
      connection: IpcConnectionSchema,
      plan: MeasurePlanSchema,
      name: z.string().max(200).nullable(),
    }),
    result: runId,
  },
  cancelMeasurement: { arg: runId, result: none },
  startFetch: {
    arg: z.object({
      connection: IpcConnectionSchema,
      request: FetchRequestSchema,
      name: z.string().max(200).nullable(),
    }),
    result: runId,
  },
  cancelFetch: { arg: runId, result: none },
  listRuns: { arg: none, result: z.array(RunSummarySchema) },
  openRun: { arg: runId, result: z.object({ summary: RunSummarySchema, samples: z.array(SampleSchema) }) },
  renameRun: { arg: runId.extend({ name: z.string().min(1).max(200) }), result: RunSummarySchema },
  deleteRun: { arg: runId, result: none },
  exportRunCsv: { arg: runId, result: SavedFileSchema },
  findInterruptedRuns: { arg: none, result: z.array(RecoveryItemSchema) },
  recoverInterruptedRuns: {
    arg: z.object({ connection: IpcConnectionSchema }),
    result: z.array(RecoveryItemSchema),
  },
} as const satisfies Record<InvokeName, { arg: z.ZodType; result: z.ZodType }>;

export const eventContract = {
  menuCommand: z.object({ command: MenuCommandSchema }),
  themeChanged: z.object({ dark: z.boolean() }),
  runProgress: RunProgressSchema,
  /** New samples of a running measurement or fetch, in arrival order. */
  runSamples: z.object({ runId: z.string(), samples: z.array(SampleSchema) }),
  runFinished: z.object({
    runId: z.string(),
    state: RunStateSchema,
    samples: z.number().int(),
    errors: z.array(RunErrorSchema),
    /** What was restored after the run (or why not), one line per function. */
    restored: z.array(z.string()),
    /** What the user should know that is no failure, e.g. a fetch range CloudWatch has not fully ingested yet. */
    warnings: z.array(z.string()),
  }),
} as const satisfies Record<EventName, z.ZodType>;

/** An error the renderer can show: what went wrong, in words, and what to do. */
export const IpcErrorSchema = z.object({
  code: z.enum([
    'invalid-argument',
    'forbidden-sender',
    /** The connection's endpoint is neither loopback nor one the user allowed in main. */
    'forbidden-endpoint',
    'aws',
    'credentials',
    'not-found',
    'io',
    'cancelled',
    'internal',
  ]),
  message: z.string(),
  hint: z.string().nullable(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type InvokeArg<N extends InvokeName> = z.input<(typeof invokeContract)[N]['arg']>;
export type InvokeResult<N extends InvokeName> = z.output<(typeof invokeContract)[N]['result']>;
export type EventPayload<N extends EventName> = z.output<(typeof eventContract)[N]>;

type EventSubscriptionName<N extends EventName> = `on${Capitalize<N>}`;

/** What the preload exposes as `window.coldstart`: one named function per call and per event. */
export type ColdstartApi = {
  [N in InvokeName]: InvokeArg<N> extends undefined
    ? () => Promise<IpcResult<InvokeResult<N>>>
    : (arg: InvokeArg<N>) => Promise<IpcResult<InvokeResult<N>>>;
} & {
  [N in EventName as EventSubscriptionName<N>]: (listener: (payload: EventPayload<N>) => void) => () => void;
};

/** `runProgress` → `onRunProgress`: the preload and its tests derive subscription names the same way. */
export const subscriptionName = <N extends EventName>(name: N): EventSubscriptionName<N> =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventSubscriptionName<N>;
