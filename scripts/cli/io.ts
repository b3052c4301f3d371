/** Where the CLI writes: the process's streams, or strings captured by a test or a benchmark. */
export interface OutputStream {
  write(text: string): unknown;
  /** True for a terminal: the progress bar redraws one line instead of printing a line every few seconds. */
  isTTY?: boolean;
  /** Terminal width; progress lines are cut to it so that a redraw never wraps. */
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Stops a command that runs until stopped (`ordo webhooks listen`); without it, Ctrl+C does. */
  stop?: AbortSignal;
}

export type CliEnv = Record<string, string | undefined>;

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr });

/** sysexits(3) codes where one fits, plus 2 for an import that ran but did not apply every record. */
export const ExitCode = {
  OK: 0,
  ERROR: 1,
  INCOMPLETE: 2,
  USAGE: 64,
  NO_INPUT: 66,
} as const;

/** A mistake on the command line: the message and the usage go to stderr, and the CLI exits 64. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
