import { Command, CommanderError, Option } from 'commander';
import { AcdError } from '../model/errors.js';
import { compareCommand } from './commands/compare.js';
import { runCommand } from './commands/run.js';
import { staffCommand } from './commands/staff.js';
import type { CliIo } from './io.js';
import { durationOption, integerOption, positiveDurationOption, positiveNumberOption, shareOption } from './option-parsers.js';

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
    .description('Simulate contact-center scenarios through the acd-engine router, compare routing configurations, and size staff with Erlang C/A.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) });

  cli
    .command('run')
    .description('simulate a scenario and print its KPIs with 95 % confidence intervals')
    .argument('<scenario>', 'scenario JSON file')
    .option('-r, --replications <n>', "replications (overrides the scenario's)", integerOption(1))
    .option('-s, --seed <n>', "seed (overrides the scenario's)", integerOption(0))
    .option('--json', 'print the whole result as JSON on one line instead of tables')
    .option('--report <dir>', 'also write <dir>/report.html and the charts as SVG files')
    .option('--curve-replications <n>', "replications per point of the report's staffing curve (0: no curve; default min(replications, 5))", integerOption(0))
    .option('-q, --quiet', 'no progress bar or notes on stderr')
    .addHelpText('after', '\nExample:\n  acd-sim run examples/scenarios/bank-line.json --report out/bank-line')
    .action(async (file: string, options) => setCode(await runCommand(file, options, io)));

  cli
    .command('staff')
    .description('agents needed for a service level (Erlang C, or Erlang A with abandonment), for one load or a whole day')
    .option('--calls-per-hour <n>', 'offered calls per hour', positiveNumberOption)
    .option('--aht <duration>', 'average handle time (talk + wrap-up), e.g. 180s or 3m', positiveDurationOption)
    .option('--sl <share>', 'service-level target, e.g. 0.8', shareOption({ belowOne: true }))
    .option('--threshold <duration>', 'service-level threshold, e.g. 20s', durationOption)
    .option('--asa <duration>', 'average speed of answer at most this', positiveDurationOption)
    .option('--abandon <share>', 'abandonment at most this share (Erlang A; needs --patience)', shareOption({ belowOne: true }))
    .option('--patience <duration>', 'mean caller patience (Erlang A)', positiveDurationOption)
    .option('--max-occupancy <share>', 'agent occupancy at most this share', shareOption())
    .option('--shrinkage <share>', 'share of paid time off the phones (breaks, training, absence)', shareOption({ allowZero: true, belowOne: true }))
    .addOption(new Option('--sl-of <basis>', 'Erlang A: service level over offered calls (abandons count against it) or answered calls').choices(['offered', 'answered']))
    .addOption(new Option('--model <model>', 'queueing model (default: erlang-a with --patience, else erlang-c)').choices(['erlang-c', 'erlang-a']))
    .option('--forecast <file>', 'a whole day: CSV (start,calls[,aht]) or JSON forecast of calls per interval')
    .option('--interval <duration>', 'interval length of a forecast without one', positiveDurationOption)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  acd-sim staff --calls-per-hour 200 --aht 180s --sl 0.8 --threshold 20s\n  acd-sim staff --calls-per-hour 200 --aht 3m --sl 0.8 --threshold 20s --patience 2m --abandon 0.05\n  acd-sim staff --forecast examples/scenarios/bank-line-forecast.csv --aht 270s --sl 0.8 --threshold 20s --shrinkage 0.3')
    .action(async (options) => setCode(await staffCommand(options, io)));

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
    cli.outputHelp({ error: true });
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
