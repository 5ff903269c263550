import type { LogStore } from './log-store';

/** Answer of one CloudWatch Logs JSON 1.1 call. */
export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Handles one CloudWatch Logs call (`X-Amz-Target: Logs_20140328.<Operation>`, JSON 1.1 body).
 * Placeholder until the Logs side is written: answers every operation as unknown.
 */
export function handleLogsRequest(operation: string, _body: unknown, _store: LogStore): FakeResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ __type: 'UnknownOperationException', message: `Unknown operation ${operation}` }),
  };
}
