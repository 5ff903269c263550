import type { RunError } from '../../shared/measure';
import { EngineError } from './engine-api';

const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
]);

/** The error's AWS name (exception class or Node error code). */
export function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.name && error.name !== 'Error') return error.name;
    if (typeof code === 'string') return code;
  }
  return 'Error';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

export function isCredentialError(error: unknown): boolean {
  return CREDENTIAL_ERRORS.has(errorName(error));
}

/** What the user can do about an AWS error. */
export function hintFor(error: unknown): string | null {
  const name = errorName(error);
  if (CREDENTIAL_ERRORS.has(name))
    return 'Check the credentials: --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID; for SSO run `aws sso login`.';
  if (name === 'AccessDeniedException' || name === 'AccessDenied')
    return 'The identity lacks a permission: see the IAM policy in the README.';
  if (name === 'ResourceNotFoundException') return 'Check the function name and the region.';
  if (name === 'TooManyRequestsException')
    return 'Throttled even after retries: lower --parallel or try again later.';
  if (name === 'ECONNREFUSED' || name === 'ENOTFOUND' || name === 'TimeoutError')
    return 'The endpoint is unreachable: check the network, AWS_ENDPOINT_URL or --region.';
  return null;
}

/** An AWS failure as the user should read it: names the function and says what AWS said. */
export function toRunError(functionName: string | null, error: unknown, context?: string): RunError {
  if (error instanceof EngineError) {
    return { functionName, code: error.code, message: error.message, hint: error.hint };
  }
  const what = context ? `${context}: ` : '';
  const who = functionName ? `${functionName}: ` : '';
  return {
    functionName,
    code: errorName(error),
    message: `${who}${what}${errorName(error)}: ${errorMessage(error)}`,
    hint: hintFor(error),
  };
}

/** Wraps an AWS failure of a call not tied to one function into an EngineError. */
export function toEngineError(error: unknown, context: string): EngineError {
  if (error instanceof EngineError) return error;
  return new EngineError(
    isCredentialError(error)
      ? 'credentials'
      : errorName(error) === 'ResourceNotFoundException'
        ? 'not-found'
        : 'aws',
    `${context}: ${errorName(error)}: ${errorMessage(error)}`,
    hintFor(error),
  );
}
