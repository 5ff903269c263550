/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (progress bars) or a pipe/file (one line per step). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  someFailed: 1,
  usage: 2,
  noInput: 3,
  cancelled: 130,
} as const;

/** An error whose message is fit for the user as it is: printed as one line, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}
