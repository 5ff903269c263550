/**
 * Every AWS action the engine calls, and why: the app shows it when permissions are missing, and a test keeps
 * the README's least-privilege policy equal to it.
 */
export const REQUIRED_IAM_ACTIONS: readonly { action: string; why: string }[] = [
  { action: 'sts:GetCallerIdentity', why: 'check the connection and show the account' },
  { action: 'lambda:ListFunctions', why: 'list the functions of the region' },
  { action: 'lambda:GetAccountSettings', why: 'read the account’s concurrency' },
  { action: 'lambda:GetFunction', why: 'wait until an update has taken effect' },
  { action: 'lambda:GetFunctionConfiguration', why: 'read a function before changing it' },
  { action: 'lambda:GetFunctionConcurrency', why: 'read a function’s reserved concurrency' },
  { action: 'lambda:UpdateFunctionConfiguration', why: 'force cold starts, set memory, restore' },
  { action: 'lambda:InvokeFunction', why: 'invoke the function' },
  { action: 'logs:StartQuery', why: 'fetch REPORT lines with Logs Insights' },
  { action: 'logs:GetQueryResults', why: 'read Logs Insights results' },
  { action: 'logs:StopQuery', why: 'stop a Logs Insights query when a fetch is cancelled' },
  { action: 'logs:FilterLogEvents', why: 'fetch REPORT lines without Insights' },
];
