/**
 * Where the CLI writes and what it knows about the terminal: passed in, so tests drive the
 * program without spawning a process.
 */
export interface CliIo {
  /** Writes text to standard output as given (newlines included). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error as given (newlines included). */
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal: the progress bar shows only then. */
  readonly isTTY: boolean;
  /** Width of the terminal, for the progress bar. @default 80 */
  readonly columns?: number;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
  };
}
