import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

/** What `acd-sim` wrote and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `acd-sim …args` in process (not a terminal) and collects what it writes. */
export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
  const code = await run(['node', 'acd-sim', ...args], io);
  return { code, stdout, stderr };
}
