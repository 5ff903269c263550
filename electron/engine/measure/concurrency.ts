import { GetAccountSettingsCommand, GetFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import type { AwsClients } from '../aws-clients';
import { errorName } from '../aws-errors';

export async function accountUnreservedConcurrency(clients: AwsClients): Promise<number | null> {
  try {
    const out = await clients.lambda.send(new GetAccountSettingsCommand({}));
    // Stryker disable next-line OptionalChaining: without AccountLimit the TypeError lands in the catch, also null
    return out.AccountLimit?.UnreservedConcurrentExecutions ?? null;
  } catch {
    return null; // without lambda:GetAccountSettings the SDK's throttling retries are the bound
  }
}

export async function reservedConcurrency(clients: AwsClients, functionName: string): Promise<number | null> {
  try {
    const out = await clients.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: functionName }));
    return out.ReservedConcurrentExecutions ?? null;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') throw error;
    return null;
  }
}

/**
 * How many cold starts one update may start: --parallel, bounded by the function's reserved concurrency
 * (it has its own pool) or else the account's unreserved pool; `cut` says so when that lowered it.
 */
export function parallelFor(
  functionName: string,
  wanted: number,
  reserved: number | null,
  unreserved: number | null,
): { parallel: number; cut: string | null } {
  const bound = reserved ?? unreserved;
  if (bound === null || bound >= wanted) return { parallel: wanted, cut: null };
  const parallel = Math.max(1, bound);
  const why =
    reserved !== null
      ? `its reserved concurrency is ${reserved}`
      : `the account has ${unreserved} unreserved concurrent executions`;
  return { parallel, cut: `${functionName}: --parallel ${wanted} cut to ${parallel}: ${why}.` };
}
