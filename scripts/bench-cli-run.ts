/**
 * One CLI run for `npm run bench`: runs the arguments through runCli with the output discarded, and
 * prints what it cost as JSON: wall time of the command, the process's peak RSS (everything, tsx
 * included), the exit code and the first line of stderr.
 */
import { performance } from 'node:perf_hooks';
import { runCli } from '../src/cli/main';

const args = process.argv.slice(2);
const stderr: string[] = [];
const started = performance.now();
const code = await runCli(args, { stdout: () => {}, stderr: (t) => stderr.push(t) });
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    code,
    ms: Math.round(ms),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    message: (stderr.join('\n').split('\n')[0] ?? '').slice(0, 160),
  }),
);
