import type { IpcError } from '../../../shared/ipc/contract';
import { REQUIRED_IAM_ACTIONS } from '../../../shared/iam-actions';

export { REQUIRED_IAM_ACTIONS };

/** Why the app calls an action (empty for one it does not know). */
export function whyAction(action: string): string {
  return REQUIRED_IAM_ACTIONS.find((a) => a.action === action)?.why ?? '';
}

/** `The app needs it to ….` for an action it calls (nothing for another). */
function neededFor(action: string): string {
  const why = whyAction(action);
  return why === '' ? '' : `The app needs it to ${why}. `;
}

export type AwsProblem =
  'sso-expired' | 'no-credentials' | 'access-denied' | 'unreachable' | 'throttled' | 'not-found' | 'other';

/** An error as the user should read it: a title, what AWS said, and what to do. */
export interface ExplainedError {
  problem: AwsProblem;
  title: string;
  message: string;
  hint: string | null;
  /** For access-denied: the actions the policy must allow (the one AWS named first). */
  actions: string[];
}

/**
 * Recognises the failures a user can fix (expired SSO session, no credentials, missing permissions,
 * unreachable endpoint) in main's error and says what to do in the app's words (the engine's hints speak
 * of CLI flags); main's own hint is kept for everything else.
 */
export function explainAwsError(
  error: IpcError,
  profile: string | null = null,
  ssoProfile = false,
): ExplainedError {
  if (error.code === 'forbidden-endpoint') {
    return {
      problem: 'other',
      title: 'Endpoint not allowed',
      message: error.message,
      hint: error.hint,
      actions: [],
    };
  }
  const text = `${error.message} ${error.hint ?? ''}`;
  const who = profile ? `profile “${profile}”` : 'the default credentials';
  const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
  const mentionsSso = /\bsso\b/i.test(error.message);
  const expired = /expired|refresh.{0,20}token|tokenrefreshrequired/i.test(error.message);
  if (expired && (ssoProfile || mentionsSso)) {
    return {
      problem: 'sso-expired',
      title: 'Your AWS SSO session has expired',
      message: error.message,
      hint: `Run “${login}” in a terminal, then check the connection again.`,
      actions: [],
    };
  }
  if (expired && /token|credential|session/i.test(error.message)) {
    return {
      problem: 'sso-expired',
      title: `The session credentials of ${who} have expired`,
      message: error.message,
      hint: 'Refresh them (aws sso login, or your company’s login tool), then check the connection again.',
      actions: [],
    };
  }
  if (
    error.code === 'credentials' ||
    /could not load credentials|credentialsprovidererror|no credentials|unable to locate credentials|profile .* (not found|could not be found)/i.test(
      text,
    )
  ) {
    return {
      problem: 'no-credentials',
      title: `No AWS credentials for ${who}`,
      message: error.message,
      hint: 'Add the profile with “aws configure” or “aws configure sso” (files ~/.aws/config and ~/.aws/credentials), or pick another profile.',
      actions: [],
    };
  }
  const denied = /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9]+)/i.exec(text);
  if (denied || /accessdenied|access denied|unauthorizedoperation|forbidden/i.test(text)) {
    const named = denied?.[1] ?? null;
    const all = REQUIRED_IAM_ACTIONS.map((a) => a.action);
    return {
      problem: 'access-denied',
      title: named ? `Missing permission: ${named}` : 'Missing AWS permissions',
      message: error.message,
      hint:
        (named === null ? '' : neededFor(named)) +
        'Ask your administrator to allow these actions for your role (the README has a least-privilege policy).',
      actions: named ? [named, ...all.filter((a) => a !== named)] : all,
    };
  }
  if (
    /econnrefused|enotfound|getaddrinfo|etimedout|timed out|network|socket hang up|unreachable/i.test(text)
  ) {
    return {
      problem: 'unreachable',
      title: 'AWS cannot be reached',
      message: error.message,
      hint: 'Check the network, the region and the endpoint URL (if you set one for LocalStack).',
      actions: [],
    };
  }
  if (/toomanyrequests|throttl|rate exceeded/i.test(text)) {
    return {
      problem: 'throttled',
      title: 'AWS is throttling the requests',
      message: error.message,
      hint: 'Lower the parallel cold starts or try again in a minute.',
      actions: [],
    };
  }
  if (error.code === 'not-found' || /resourcenotfound|not found/i.test(text)) {
    return {
      problem: 'not-found',
      title: 'Not found',
      message: error.message,
      hint: error.hint,
      actions: [],
    };
  }
  return {
    problem: 'other',
    title: 'Something went wrong',
    message: error.message,
    hint: error.hint,
    actions: [],
  };
}
