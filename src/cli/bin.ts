import { processIo } from './io';
import { runCli } from './main';

/**
 * Entry point of the built CLI (`npm run build:cli` → dist-cli/rke2-cni-wizard.mjs, the package's
 * `bin`). A reader that closes the pipe early (`| head`) ends the run quietly, not with a stack trace.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
