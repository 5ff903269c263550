import type {
  ColdstartApi,
  InvokeResult,
  IpcError,
  IpcResult,
  MenuCommand,
  ThemePreference,
} from '../../shared/ipc/contract';

/** An IPC call that main answered with an error: the words to show, and what to do. */
export class ApiError extends Error {
  readonly code: IpcError['code'];
  readonly hint: string | null;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.hint = error.hint;
  }
}

/** The preload's API, or null when the renderer runs without the desktop shell (plain browser, dev server). */
export function bridge(): ColdstartApi | null {
  return typeof window !== 'undefined' && window.coldstart ? window.coldstart : null;
}

function requireBridge(): ColdstartApi {
  const b = bridge();
  if (!b)
    throw new ApiError({ code: 'internal', message: 'The desktop shell is not available.', hint: null });
  return b;
}

async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Typed, error-unwrapping calls for the analysis workspace; other views may use `bridge()` directly. */
export const api = {
  openCsvFiles: (): Promise<InvokeResult<'openCsvFiles'>> => unwrap(requireBridge().openCsvFiles()),
  openImportFolder: (): Promise<InvokeResult<'openImportFolder'>> =>
    unwrap(requireBridge().openImportFolder()),
  saveCsvFile: (defaultName: string, text: string): Promise<InvokeResult<'saveCsvFile'>> =>
    unwrap(requireBridge().saveCsvFile({ defaultName, text })),
  saveChartImage: (
    defaultName: string,
    format: 'png' | 'svg',
    data: string,
  ): Promise<InvokeResult<'saveChartImage'>> =>
    unwrap(requireBridge().saveChartImage({ defaultName, format, data })),
  getAppInfo: (): Promise<InvokeResult<'getAppInfo'> | null> => {
    const b = bridge();
    return b ? unwrap(b.getAppInfo()) : Promise.resolve(null);
  },
  setThemePreference: (preference: ThemePreference): Promise<{ dark: boolean } | null> => {
    const b = bridge();
    return b ? unwrap(b.setThemePreference({ preference })) : Promise.resolve(null);
  },
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) =>
    bridge()?.onMenuCommand((p) => listener(p.command)) ?? (() => undefined),
  onThemeChanged: (listener: (dark: boolean) => void): (() => void) =>
    bridge()?.onThemeChanged((p) => listener(p.dark)) ?? (() => undefined),
};

/** A message for any error thrown by a call: the API's words plus its hint. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
