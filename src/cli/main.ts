import { Command, CommanderError } from 'commander';
import { AcdError } from '../model/errors.js';
import { compareCommand } from './commands/compare.js';
import { runCommand } from './commands/run.js';
import type { CliIo } from './io.js';
import { integerOption } from './option-parsers.js';

/** Exit codes of `acd-sim`. */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug): the message and stack are printed. */
  failure: 1,
  /** Bad usage or input: an unknown option, a bad value, a missing or invalid scenario. */
  usage: 2,
} as const;

/** The `acd-sim` program, writing through `io`; `setCode` receives each command's exit code. */
function program(io: CliIo, setCode: (code: number) => void): Command {
  const cli = new Command('acd-sim')
    .description('Simulate contact-center scenarios through the acd-engine router, and compare routing configurations.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) });

  cli
    .command('run')
    .description('simulate a scenario and print its KPIs with 95 % confidence intervals')
    .argument('<scenario>', 'scenario JSON file')
    .option('-r, --replications <n>', "replications (overrides the scenario's)", integerOption(1))
    .option('-s, --seed <n>', "seed (overrides the scenario's)", integerOption(0))
    .option('--json', 'print the whole result as JSON instead of tables')
    .option('--report <dir>', 'also write <dir>/report.html and the charts as SVG files')
    .option('--curve-replications <n>', "replications per point of the report's staffing curve (0: no curve; default min(replications, 5))", integerOption(0))
    .option('-q, --quiet', 'no progress bar or notes on stderr')
    .addHelpText('after', '\nExample:\n  acd-sim run examples/scenarios/bank-line.json --report out/bank-line')
    .action(async (file: string, options) => setCode(await runCommand(file, options, io)));

  cli
    .command('compare')
    .description('simulate two scenarios on the same calls and print their KPIs side by side with paired differences')
    .argument('<a>', 'first scenario JSON file (the baseline)')
    .argument('<b>', 'second scenario JSON file')
    .option('-r, --replications <n>', "replications of each (default: the first scenario's)", integerOption(1))
    .option('-s, --seed <n>', "seed of both (default: the first scenario's)", integerOption(0))
    .option('--json', 'print the comparison as JSON')
    .option('-q, --quiet', 'no progress bar on stderr')
    .addHelpText('after', '\nExample:\n  acd-sim compare examples/scenarios/what-if-a.json examples/scenarios/what-if-b.json')
    .action(async (a: string, b: string, options) => setCode(await compareCommand(a, b, options, io)));

  return cli;
}

/**
 * Runs `acd-sim` with `argv` as `process.argv` gives it (`[node, script, ...args]`), writing
 * through `io`. Never throws and never exits the process.
 *
 * @returns the exit code: 0, 2 for bad usage or input (the message names the problem; for a
 * scenario, each bad path), 1 for an unexpected failure.
 *
 * @example
 * const code = await run(process.argv, processIo());
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const cli = program(io, (c) => (code = c));
  if (argv.length <= 2) {
    cli.outputHelp();
    return EXIT.usage;
  }
  try {
    await cli.parseAsync([...argv], { from: 'node' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are printed and exit 0; everything else commander has already reported.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof AcdError) {
      io.stderr(`acd-sim: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`acd-sim: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}
