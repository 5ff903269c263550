import type { Command } from '../io';

/**
 * Every CLI command, in the order `coldstart --help` lists them. Each is loaded only when it runs (or for the
 * help), so that `coldstart stats` does not pay for zod or the AWS SDK that other commands import.
 */
export const commands: readonly { name: string; load: () => Promise<Command> }[] = [
  { name: 'stats', load: async () => (await import('./stats')).statsCommand },
  { name: 'measure', load: async () => (await import('./measure')).measureCommand },
  { name: 'fetch', load: async () => (await import('./fetch')).fetchCommand },
  { name: 'recover', load: async () => (await import('./recover')).recoverCommand },
  { name: 'runs', load: async () => (await import('./runs')).runsCommand },
  { name: 'compare', load: async () => (await import('./compare')).compareCommand },
  { name: 'trend', load: async () => (await import('./trend')).trendCommand },
];
