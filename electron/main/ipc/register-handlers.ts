import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { INVOKE_NAMES, invokeChannel, type InvokeName } from '../../../shared/ipc/channels';
import {
  invokeContract,
  type InvokeResult,
  type IpcError,
  type IpcResult,
} from '../../../shared/ipc/contract';
import { toIpcError } from './ipc-errors';
import type { SenderFrame } from './sender';

export type ParsedArg<N extends InvokeName> = z.output<(typeof invokeContract)[N]['arg']>;

export interface HandlerContext {
  /** The web contents that called: dialogs are attached to its window. */
  sender: WebContents;
}

/** Calls whose result is `undefined` may be implemented by functions returning nothing. */
type HandlerReturn<N extends InvokeName> = InvokeResult<N> extends undefined ? void : InvokeResult<N>;

/** One implementation per call of the contract; the argument has been validated already. */
export type Handlers = {
  [N in InvokeName]: (
    arg: ParsedArg<N>,
    context: HandlerContext,
  ) => Promise<HandlerReturn<N>> | HandlerReturn<N>;
};

export interface RegisterOptions {
  isTrustedSender: (frame: SenderFrame | null) => boolean;
  /** Call names and outcomes only: arguments and results may carry payloads, so they are never logged. */
  log: { warn: (...args: unknown[]) => void; error: (...args: unknown[]) => void };
}

type IpcMainLike = Pick<IpcMain, 'handle'>;

/** `listFunctions: region: a region such as eu-west-1` — the call, the field, what is expected. */
export function describeInvalidArgument(name: InvokeName, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${name}: invalid argument`;
  const field = issue.path.map(String).join('.');
  const message =
    issue.code === 'invalid_type' && issue.expected === 'undefined' ? 'takes no argument' : issue.message;
  return field ? `${name}: ${field}: ${message}` : `${name}: ${message}`;
}

const failure = (error: IpcError): IpcResult<never> => ({ ok: false, error });

/**
 * Runs one call the way every call runs: sender check, argument validation against the contract, the handler,
 * result validation, errors mapped to IpcError. Never throws, so the renderer never sees Electron's
 * "Error invoking remote method" text with a stack in it.
 */
export async function dispatchCall<N extends InvokeName>(
  name: N,
  handler: Handlers[N],
  frame: SenderFrame | null,
  sender: WebContents,
  rawArg: unknown,
  options: RegisterOptions,
): Promise<IpcResult<InvokeResult<N>>> {
  if (!options.isTrustedSender(frame)) {
    options.log.warn(`ipc: ${name} refused: the sender is not the app's own window`);
    return failure({
      code: 'forbidden-sender',
      message: `${name}: only the app's own window may call this.`,
      hint: null,
    });
  }
  const contract = invokeContract[name];
  const parsed = contract.arg.safeParse(rawArg);
  if (!parsed.success) {
    const message = describeInvalidArgument(name, parsed.error);
    options.log.warn(`ipc: ${message}`);
    return failure({ code: 'invalid-argument', message, hint: null });
  }
  let value: unknown;
  try {
    value = await (handler as (arg: unknown, context: HandlerContext) => unknown)(parsed.data, { sender });
  } catch (error) {
    const ipcError = toIpcError(error, name);
    if (ipcError.code === 'internal') options.log.error(`ipc: ${name} failed`, error);
    else options.log.warn(`ipc: ${name} failed: ${ipcError.code}`);
    return failure(ipcError);
  }
  const result = contract.result.safeParse(value);
  if (!result.success) {
    options.log.error(
      `ipc: ${name} returned a result outside the contract: ${describeInvalidArgument(name, result.error)}`,
    );
    return failure({ code: 'internal', message: `${name} returned an unexpected result.`, hint: null });
  }
  return { ok: true, value: result.data as InvokeResult<N> };
}

/** Registers every call of the contract; a missing handler is a start-up error, not a silent gap. */
export function registerHandlers(ipcMain: IpcMainLike, handlers: Handlers, options: RegisterOptions): void {
  for (const name of INVOKE_NAMES) {
    const handler = handlers[name];
    if (typeof handler !== 'function') throw new Error(`No IPC handler for ${name}`);
    ipcMain.handle(invokeChannel(name), (event: IpcMainInvokeEvent, rawArg: unknown) =>
      dispatchCall(name, handler, event.senderFrame, event.sender, rawArg, options),
    );
  }
}
