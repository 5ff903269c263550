import type { BrowserWindow, Dialog } from 'electron';

/**
 * Which AWS endpoint the renderer may point the engine at. The engine signs every request with the user's
 * credentials (session token included), so a compromised renderer must not be able to send them anywhere:
 * main allows only a loopback host (LocalStack, a local proxy), an endpoint main itself was started with
 * (AWS_ENDPOINT_URL*), or an https endpoint the user allowed in a native dialog (remembered in main's settings).
 */

/** The AWS_ENDPOINT_URL variables the engine reads (electron/engine/aws-clients.ts). */
const ENDPOINT_VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_LAMBDA',
  'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  'AWS_ENDPOINT_URL_STS',
] as const;

export class ForbiddenEndpointError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ForbiddenEndpointError';
  }
}

/** `http://localhost:4566/x` → `http://localhost:4566`; null for anything that is not an http(s) URL. */
export function endpointOrigin(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** localhost, 127.0.0.0/8 or [::1], as the URL parser normalises them (127.1 and 2130706433 are 127.0.0.1). */
export function isLoopbackEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The origins of the AWS_ENDPOINT_URL* variables main was started with: the user's own choice. */
export function configuredEndpointOrigins(env: NodeJS.ProcessEnv): string[] {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return [];
  return ENDPOINT_VARIABLES.flatMap((name) => {
    const origin = env[name] ? endpointOrigin(env[name]) : null;
    return origin ? [origin] : [];
  });
}

export interface EndpointPolicyDeps {
  env: NodeJS.ProcessEnv;
  /** Origins the user allowed before (main's settings.json). */
  allowedOrigins: () => Promise<readonly string[]>;
  remember: (origin: string) => Promise<void>;
  /** Asks the user, natively, whether to send signed requests to `origin`; true only for an explicit yes. */
  confirm: (origin: string, window: BrowserWindow | null) => Promise<boolean>;
}

export interface EndpointPolicy {
  /** Resolves when the renderer may use `endpoint`; rejects with a ForbiddenEndpointError otherwise. */
  check: (endpoint: string | null, window: BrowserWindow | null) => Promise<void>;
}

export function createEndpointPolicy(deps: EndpointPolicyDeps): EndpointPolicy {
  return {
    async check(endpoint, window) {
      if (endpoint === null || isLoopbackEndpoint(endpoint)) return;
      const origin = endpointOrigin(endpoint);
      if (origin === null) {
        throw new ForbiddenEndpointError(
          `The endpoint ${endpoint} is not an http(s) URL.`,
          'Leave the endpoint empty for AWS itself, or use http://localhost:4566 for LocalStack.',
        );
      }
      if (configuredEndpointOrigins(deps.env).includes(origin)) return;
      if (origin.startsWith('http:')) {
        throw new ForbiddenEndpointError(
          `The endpoint ${origin} is refused: signed AWS requests go over plain http only to this computer (localhost, 127.0.0.1, [::1]).`,
          'Use https, or start Cold Start Lab with AWS_ENDPOINT_URL set to this endpoint.',
        );
      }
      if ((await deps.allowedOrigins()).includes(origin)) return;
      if (!(await deps.confirm(origin, window))) {
        throw new ForbiddenEndpointError(
          `The endpoint ${origin} was not allowed: no request was sent to it.`,
          'Leave the endpoint empty to talk to AWS itself.',
        );
      }
      await deps.remember(origin);
    },
  };
}

type DialogApi = Pick<Dialog, 'showMessageBox'>;

/** The native question; Refuse is the default and what Escape answers. */
export async function confirmEndpointDialog(
  dialog: DialogApi,
  origin: string,
  window: BrowserWindow | null,
): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    title: 'Custom AWS endpoint',
    message: `Send your AWS requests to ${origin}?`,
    detail:
      'Every request to this endpoint is signed with your AWS credentials (session token included). ' +
      'Allow it only if you run or trust this endpoint. Cold Start Lab remembers the answer.',
    buttons: ['Refuse', `Allow ${origin}`],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return response === 1;
}
