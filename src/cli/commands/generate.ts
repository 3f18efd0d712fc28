import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_ANSWERS_TEXT_BYTES, describeAnswersFormat, parseAnswersText } from '../../domain/answers';
import { evaluate, explain } from '../../domain/engine';
import { generateBundle, type BundleFile } from '../../domain/generators';
import { validateBundle } from '../../domain/validate';
import { zipBundle } from '../../lib/zip';
import type { CliIo } from '../io';
import { PROG } from '../program';

export const generateUsage = `generate --answers FILE --out DIR|FILE.zip [--force]
    Build the bundle (config.yaml, HelmChartConfigs, NADs, firewall, scripts, README) for an answers file.`;

const EXIT = { ok: 0, refused: 1, badInput: 2, writeFailed: 3 } as const;

const HELP = `Usage: ${PROG} generate --answers FILE --out DIR|FILE.zip [--force]

Builds every file the cluster needs for the answers in FILE, checks them with the bundle doctor
(the same checks as "validate"), and writes them atomically: into DIR (paths mirror where each
file goes on the nodes), or as one zip whose root folder is named after the CNI and release.
Nothing is written when the answers are blocked or the bundle fails a check.

Options:
  --answers FILE   YAML or JSON answers file (at most ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB). Required.
  --out PATH       A directory, or a file name ending in .zip. Required.
  --force          Replace an existing non-empty directory or an existing zip.
  -h, --help       Show this help.

Exit codes:
  0  the bundle was written
  1  refused: a blocking finding stands, or the bundle doctor found an error (stderr says which)
  2  bad usage, an unreadable or invalid answers file, or an output that exists without --force
  3  the bundle could not be written (nothing is left behind)

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

function readAnswersFile(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, message: `${path} is a directory; give the answers file inside it.` };
    if (stat.size > MAX_ANSWERS_TEXT_BYTES)
      return {
        ok: false,
        message: `${path} is ${Math.ceil(stat.size / 1024)} KiB; an answers file is at most ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB.`,
      };
    return { ok: true, text: new TextDecoder('utf-8').decode(readFileSync(path)) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT')
      return { ok: false, message: `No such file: ${path}. Write your answers to a YAML or JSON file (see --help).` };
    if (code === 'EACCES') return { ok: false, message: `Cannot read ${path}: permission denied.` };
    return { ok: false, message: `Cannot read ${path}: ${code ?? String(error)}.` };
  }
}

type Existing = 'absent' | 'empty-dir' | 'non-empty-dir' | 'file';
function existing(path: string): Existing {
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) return 'file';
    return readdirSync(path).length === 0 ? 'empty-dir' : 'non-empty-dir';
  } catch {
    return 'absent';
  }
}

/** A sibling name for staging, so the final rename stays on one filesystem. */
function stagingPath(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${process.pid}-${Date.now().toString(36)}`);
}

/** Writes into a staging directory next to the target, then renames it into place. */
function writeDirAtomically(target: string, files: readonly BundleFile[], replace: boolean): void {
  const staging = stagingPath(target, 'tmp');
  let backup: string | null = null;
  try {
    mkdirSync(staging, { recursive: false });
    for (const f of files) {
      const path = join(staging, ...f.path.split('/'));
      if (!resolve(path).startsWith(resolve(staging)))
        throw new Error(`refusing to write outside the bundle: ${f.path}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.contents, { mode: f.executable ? 0o755 : 0o644 });
      chmodSync(path, f.executable ? 0o755 : 0o644);
    }
    const state = existing(target);
    if (state === 'empty-dir') rmSync(target, { recursive: true });
    else if (state !== 'absent' && replace) {
      backup = stagingPath(target, 'old');
      renameSync(target, backup);
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (backup) renameSync(backup, target);
    throw error;
  }
  if (backup) rmSync(backup, { recursive: true, force: true });
}

function writeFileAtomically(target: string, bytes: Uint8Array): void {
  const staging = stagingPath(target, 'tmp');
  try {
    writeFileSync(staging, bytes, { mode: 0o644 });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
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
  if (asZip && state === 'non-empty-dir') {
    io.stderr(`${options.out} is a directory; give a file name ending in .zip, or a directory without .zip.`);
    return EXIT.badInput;
  }
  if (!asZip && state === 'file') {
    io.stderr(`${options.out} is a file; give a directory (or a name ending in .zip to write a zip).`);
    return EXIT.badInput;
  }
  if (!options.force && (state === 'non-empty-dir' || (asZip && state === 'file'))) {
    io.stderr(
      `${options.out} already exists${state === 'non-empty-dir' ? ' and is not empty' : ''}; add --force to replace it.`,
    );
    return EXIT.badInput;
  }
  if (existing(dirname(resolve(options.out))) === 'absent') {
    io.stderr(`The folder ${dirname(options.out)} does not exist; create it first.`);
    return EXIT.badInput;
  }

  const file = readAnswersFile(options.answers);
  if (!file.ok) {
    io.stderr(file.message);
    return EXIT.badInput;
  }
  const parsed = parseAnswersText(file.text);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.field || '(file)'}: ${e.message}`);
    io.stderr(
      `${options.answers} has ${parsed.errors.length === 1 ? 'an invalid answer' : `${parsed.errors.length} invalid answers`}:\n${lines.join('\n')}\nNothing was written.`,
    );
    return EXIT.badInput;
  }
  if (parsed.dropped.length)
    io.stderr(`Warning: ignored unknown fields in ${options.answers}: ${parsed.dropped.join(', ')}`);

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

  try {
    if (asZip) writeFileAtomically(options.out, zipBundle(result.files, result.name));
    else writeDirAtomically(options.out, result.files, options.force);
  } catch (error) {
    io.stderr(
      `Could not write ${options.out}: ${(error as { code?: string; message?: string }).code ?? (error as Error).message}. Nothing was left behind.`,
    );
    return EXIT.writeFailed;
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
