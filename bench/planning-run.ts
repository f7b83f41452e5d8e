/** `npm run bench:planning [-- --quick]`: only the planning benchmarks (simulation speed, Erlang). */
import { runPlanningBench } from './planning.bench.js';

const quick = process.argv.includes('--quick');
runPlanningBench(quick, (text) => process.stderr.write(`${text}\n`));
