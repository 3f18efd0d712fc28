import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { MAX_ANSWERS_TEXT_BYTES, describeAnswersFormat } from '../../domain/answers';
import { evaluate, explain } from '../../domain/engine';
import { generateBundle, type BundleFile } from '../../domain/generators';
import { validateBundle } from '../../domain/validate';
import { zipBundle } from '../../lib/zip';
import type { CliIo } from '../io';
import { readAnswersSource, reportDiscovery } from '../answers-input';
import { readAnswersOrDiscovery } from '../../domain/discover';
import { PROG } from '../program';

export const generateUsage = `generate --answers FILE --out DIR|FILE.zip [--force]
    Build the bundle (config.yaml, HelmChartConfigs, NADs, firewall, scripts, README) for an answers file.`;

const EXIT = { ok: 0, refused: 1, badInput: 2, writeFailed: 3, interrupted: 130, terminated: 143 } as const;

const HELP = `Usage: ${PROG} generate --answers FILE --out DIR|FILE.zip [--force]

Builds every file the cluster needs for the answers in FILE, checks them with the bundle doctor
(the same checks as "validate"), and writes them atomically: into DIR (paths mirror where each
file goes on the nodes), or as one zip whose root folder is named after the CNI and release.
Nothing is written when the answers are blocked or the bundle fails a check.

Options:
  --answers FILE   YAML or JSON answers file, or - for stdin (at most ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB). Required.
  --out PATH       A directory, or a file name ending in .zip. Required.
  --force          Replace an existing bundle: a directory written by generate (it holds the file
                   ${'${BUNDLE_MARKER}'}) or a zip file. Any other non-empty directory is refused.
  -h, --help       Show this help.

Exit codes:
  0  the bundle was written
  1  refused: a blocking finding stands, or the bundle doctor found an error (stderr says which)
  2  bad usage, an unreadable or invalid answers file, or an output that exists without --force
  3  the bundle could not be written (nothing is left behind)
  130, 143  interrupted by Ctrl-C (SIGINT) or SIGTERM: the output is as it was, nothing is left behind

${describeAnswersFormat()}`;

interface Options {
  answers: string;
  out: string;
  force: boolean;
}

function parseArgs(args: string[]): { ok: true; options: Options } | { ok: false; help: boolean; message: string } {
  let answers: string | undefined;
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true, message: '' };
    if (arg === '--force') force = true;
    else if (arg === '--answers' || arg === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--'))
        return {
          ok: false,
          help: false,
          message: `${arg} needs a value, e.g. ${arg === '--answers' ? '--answers answers.yaml' : '--out bundle.zip'}.`,
        };
      if (arg === '--answers') answers = value;
      else out = value;
    } else if (arg.startsWith('--answers=')) answers = arg.slice('--answers='.length);
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else return { ok: false, help: false, message: `Unknown option "${arg}".` };
  }
  if (!answers)
    return {
      ok: false,
      help: false,
      message: 'Missing --answers FILE: the answers file to build the bundle for (YAML or JSON).',
    };
  if (!out) return { ok: false, help: false, message: 'Missing --out DIR|FILE.zip: where to write the bundle.' };
  return { ok: true, options: { answers, out, force } };
}

/**
 * The file every bundle directory written by generate holds. `--force` replaces only a directory that
 * has it, so a mistyped --out can never wipe someone's own folder.
 */
export const BUNDLE_MARKER = '.rke2-cni-wizard-bundle';
const MARKER_TEXT =
  'This directory was written by "rke2-cni-wizard generate". "generate --force" replaces only directories holding this file.\n';

type Existing = 'absent' | 'empty-dir' | 'our-bundle' | 'non-empty-dir' | 'file' | 'symlink' | 'zip';
function existing(path: string): Existing {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return 'symlink';
    if (!stat.isDirectory()) return isZipFile(path) ? 'zip' : 'file';
    const names = readdirSync(path);
    if (names.length === 0) return 'empty-dir';
    if (names.includes(BUNDLE_MARKER) && lstatSync(join(path, BUNDLE_MARKER)).isFile()) return 'our-bundle';
    return 'non-empty-dir';
  } catch {
    return 'absent';
  }
}

/** A zip (or an empty zip) by its first bytes; only such a file is replaced by a zip. */
function isZipFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    return n === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A sibling name for staging, so the final rename stays on one filesystem. */
function stagingPath(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Ctrl-C (SIGINT) and SIGTERM while generate runs: staging paths are removed and the target is left
 * as it was. Node runs a signal handler only between synchronous steps, so the swap of the target
 * (two renames in one synchronous step) is never cut in half: the target is the old bundle or the
 * new one. Only SIGKILL or a power cut can come between the renames.
 */
class Interruptions {
  signal: NodeJS.Signals | null = null;
  readonly staged = new Set<string>();
  /** Only records the signal: the write notices it at its next checkpoint and cleans up itself. */
  private readonly handler = (signal: NodeJS.Signals) => {
    this.signal ??= signal;
  };
  install(): void {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }
  uninstall(): void {
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }
  cleanUp(): void {
    for (const path of this.staged) rmSync(path, { recursive: true, force: true });
    this.staged.clear();
  }
}

function exitCodeOf(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

class InterruptedError extends Error {}

/** Milliseconds to wait between staged files: lets the tests interrupt a write half-way. Unset in use. */
function stagingDelay(): number {
  const ms = Number(process.env.RKE2_CNI_WIZARD_TEST_WRITE_DELAY_MS);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

/** Lets pending signals run; a signal stops the write here, with the target untouched. */
async function checkpoint(interruptions: Interruptions, delay: number): Promise<void> {
  await new Promise((resolve) => (delay ? setTimeout(resolve, delay) : setImmediate(resolve)));
  if (interruptions.signal) throw new InterruptedError(interruptions.signal);
}

/** Writes into a staging directory next to the target, then swaps it into place in one synchronous step. */
async function writeDirAtomically(
  target: string,
  files: readonly BundleFile[],
  interruptions: Interruptions,
): Promise<void> {
  const staging = stagingPath(target, 'tmp');
  const delay = stagingDelay();
  interruptions.staged.add(staging);
  try {
    mkdirSync(staging, { recursive: false });
    for (const f of [...files, { path: BUNDLE_MARKER, contents: MARKER_TEXT, executable: false }]) {
      await checkpoint(interruptions, delay);
      const path = join(staging, ...f.path.split('/'));
      if (!resolve(path).startsWith(resolve(staging) + sep))
        throw new Error(`refusing to write outside the bundle: ${f.path}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.contents, { mode: f.executable ? 0o755 : 0o644 });
      chmodSync(path, f.executable ? 0o755 : 0o644);
    }
    await checkpoint(interruptions, 0);
    // From here to the end of the swap nothing awaits, so no signal handler can run in between.
    const state = existing(target);
    if (state === 'absent') renameSync(staging, target);
    else if (state === 'empty-dir') {
      rmdirSync(target);
      renameSync(staging, target);
    } else if (state === 'our-bundle') {
      const backup = stagingPath(target, 'old');
      interruptions.staged.add(backup);
      renameSync(target, backup);
      try {
        renameSync(staging, target);
      } catch (error) {
        renameSync(backup, target);
        throw error;
      }
    } else throw new Error(`${target} changed while the bundle was written; it was left as it is`);
  } finally {
    // The staging folder (moved into place or not) and the old bundle are gone at the end.
    interruptions.cleanUp();
  }
}

function writeFileAtomically(target: string, bytes: Uint8Array, interruptions: Interruptions): void {
  const staging = stagingPath(target, 'tmp');
  interruptions.staged.add(staging);
  try {
    writeFileSync(staging, bytes, { mode: 0o644 });
    renameSync(staging, target);
  } finally {
    interruptions.cleanUp();
  }
}

/** `generate --answers FILE --out DIR|FILE.zip [--force]`. */
export async function generate(args: string[], io: CliIo): Promise<number> {
  const parsedArgs = parseArgs(args);
  if (!parsedArgs.ok) {
    if (parsedArgs.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    io.stderr(`${parsedArgs.message}\nUsage: ${PROG} ${generateUsage.split('\n')[0]}   (--help for details)`);
    return EXIT.badInput;
  }
  const { options } = parsedArgs;
  const asZip = /\.zip$/i.test(options.out);

  // Refuse an occupied output before doing any work.
  const state = existing(options.out);
  if (state === 'symlink') {
    io.stderr(`${options.out} is a symbolic link; give the real path of the output.`);
    return EXIT.badInput;
  }
  if (asZip && (state === 'non-empty-dir' || state === 'our-bundle' || state === 'empty-dir')) {
    io.stderr(`${options.out} is a directory; give a file name ending in .zip, or a directory without .zip.`);
    return EXIT.badInput;
  }
  if (!asZip && (state === 'file' || state === 'zip')) {
    io.stderr(`${options.out} is a file; give a directory (or a name ending in .zip to write a zip).`);
    return EXIT.badInput;
  }
  if (state === 'non-empty-dir') {
    io.stderr(
      `${options.out} is not empty and holds no bundle written by this tool (no ${BUNDLE_MARKER} file), so it is never replaced, even with --force. Give a new or empty directory.`,
    );
    return EXIT.badInput;
  }
  if (asZip && state === 'file') {
    io.stderr(`${options.out} exists and is not a zip file, so it is never replaced, even with --force.`);
    return EXIT.badInput;
  }
  if (!options.force && (state === 'our-bundle' || state === 'zip')) {
    io.stderr(`${options.out} already exists; add --force to replace it.`);
    return EXIT.badInput;
  }
  if (existing(dirname(resolve(options.out))) === 'absent') {
    io.stderr(`The folder ${dirname(options.out)} does not exist; create it first.`);
    return EXIT.badInput;
  }

  const file = await readAnswersSource(options.answers, io.stdin);
  if (!file.ok) {
    io.stderr(file.message);
    return EXIT.badInput;
  }
  // An answers file, or discover.sh output of one or more nodes (merged: oldest kernel, smallest MTU).
  const parsed = readAnswersOrDiscovery(file.text);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.field || '(file)'}: ${e.message}`);
    io.stderr(
      `${options.answers} has ${parsed.errors.length === 1 ? 'an invalid answer' : `${parsed.errors.length} invalid answers`}:\n${lines.join('\n')}\nNothing was written.`,
    );
    return EXIT.badInput;
  }
  if (parsed.dropped.length)
    io.stderr(`Warning: ignored unknown fields in ${options.answers}: ${parsed.dropped.join(', ')}`);
  if (parsed.discovery) reportDiscovery(io, parsed.discovery);

  const decision = evaluate(parsed.answers);
  const result = generateBundle(parsed.answers, decision);
  if (!result.ok) {
    const lines = result.blocking.map(
      (f) =>
        `  x ${explain(f)}${f.fields.length ? ` [answers: ${f.fields.join(', ')}]` : ''}\n      source: ${f.source.title} <${f.source.url}>`,
    );
    io.stderr(
      `No bundle: these answers cannot work as they stand. Change them and run again:\n${lines.join('\n')}\nNothing was written.`,
    );
    return EXIT.refused;
  }

  const issues = validateBundle(result.files);
  const errors = issues.filter((i) => i.severity === 'error');
  for (const w of issues.filter((i) => i.severity === 'warning'))
    io.stderr(`Warning: ${w.file}${w.keyPath ? ` ${w.keyPath}` : ''}: ${w.message}`);
  if (errors.length) {
    io.stderr(
      `The bundle doctor found ${errors.length} error(s) in the generated files, so nothing was written (please report this):\n${errors.map((e) => `  ${e.file}${e.keyPath ? ` ${e.keyPath}` : ''}: ${e.message}`).join('\n')}`,
    );
    return EXIT.refused;
  }
  for (const w of decision.warnings) io.stderr(`Warning: ${explain(w)}`);

  const interruptions = new Interruptions();
  interruptions.install();
  try {
    if (asZip) writeFileAtomically(options.out, zipBundle(result.files, result.name), interruptions);
    else await writeDirAtomically(options.out, result.files, interruptions);
  } catch (error) {
    if (error instanceof InterruptedError && interruptions.signal) {
      io.stderr(`Interrupted (${interruptions.signal}): ${options.out} was left as it was, and nothing was written.`);
      return exitCodeOf(interruptions.signal);
    }
    io.stderr(
      `Could not write ${options.out}: ${(error as { code?: string; message?: string }).code ?? (error as Error).message}. Nothing was left behind.`,
    );
    return EXIT.writeFailed;
  } finally {
    interruptions.uninstall();
  }
  const where = asZip ? `${options.out} (root folder ${result.name}/)` : `${options.out}/`;
  io.stdout(
    [
      `Wrote bundle ${result.name}: ${result.files.length} files to ${where}`,
      ...result.files.map((f) => `  ${f.path}${f.executable ? '  (executable)' : ''}`),
      'Start with README.md: it lists the steps in order.',
    ].join('\n'),
  );
  return EXIT.ok;
}
