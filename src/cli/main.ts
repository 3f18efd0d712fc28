import type { CliIo } from './io';
import { escapeForTerminal } from './terminal-safe';
import { recommend, recommendUsage } from './commands/recommend';
import { generate, generateUsage } from './commands/generate';
import { validate, validateUsage } from './commands/validate';
import { upgrade, upgradeUsage } from './commands/upgrade';
import { PROG, VERSION_TEXT } from './program';

const COMMANDS = { recommend, generate, validate, upgrade } as const;

export const USAGE = `rke2-cni-wizard: choose an RKE2 CNI and build its files.

Usage: ${PROG} <command> [options]
       ${PROG} --version

Commands:
${[recommendUsage, generateUsage, validateUsage, upgradeUsage].map((u) => `  ${u.split('\n').join('\n  ')}`).join('\n\n')}

Run "${PROG} <command> --help" for a command's options. Output is plain text (no colours or
control sequences), whether it goes to a terminal or a pipe.

Exit codes: 0 success; 1 refused (a blocking conflict, errors found by validate, or upgrade
findings that cannot be rewritten); 2 bad usage or input (or a refused upgrade); 3 the bundle or
DIR could not be written; 70 an internal error.`;

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
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(VERSION_TEXT);
    return 0;
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
