import { processIo, type CliIo } from './io';
import { escapeForTerminal } from './terminal-safe';
import { recommend, recommendUsage } from './commands/recommend';
import { generate, generateUsage } from './commands/generate';
import { validate, validateUsage } from './commands/validate';

const COMMANDS = { recommend, generate, validate } as const;

export const USAGE = `rke2-cni-wizard: choose an RKE2 CNI and build its files.

Usage: npm run cli -- <command> [options]

Commands:
${[recommendUsage, generateUsage, validateUsage].map((u) => `  ${u.split('\n').join('\n  ')}`).join('\n\n')}

Run "npm run cli -- <command> --help" for a command's options.`;

/** Runs one CLI invocation; returns the exit code. Never throws: errors go to stderr. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed passes through escapeForTerminal: input-derived text can hold escape sequences.
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(escapeForTerminal(text)),
    stderr: (text) => rawIo.stderr(escapeForTerminal(text)),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (!command) {
    io.stderr(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    // Last resort: a bug must still not print a stack trace at the user.
    io.stderr(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 70;
  }
}

const invokedDirectly = process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
