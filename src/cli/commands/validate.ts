import { closeSync, lstatSync, openSync, readSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { readZipBounded } from '../../lib/zip-reader';
import { INPUT_LIMITS } from '../../domain/validate/parse';
import type { CliIo } from '../io';
import { formatKnownIssues } from '../known-issues';
import { PROG } from '../program';
import type { BundleInputFile } from '../../domain/validate';
import { checkFiles, describeRelease } from '../../domain/validate/check';
import type { ValidationIssue } from '../../domain/validate/types';

export const validateUsage = `validate PATH [--release VERSION] [--json]
    Check a bundle, or files you wrote by hand, with the bundle doctor: the RKE2 cni rules,
    config.yaml keys, HelmChartConfigs against the charts' values and schemas, NADs, SR-IOV.
    PATH is a bundle directory, a .zip, a folder of manifests, a single manifest or config.yaml.
    The release sets the chart versions judged against; without --release, answers.yaml's
    cluster.release, else the newest known release (the first line says which).
    Prints "file: keyPath: message" lines. Exit 0 when clean (warnings allowed), 1 on errors,
    2 when PATH cannot be read.
    --release VERSION   judge the files against this RKE2 release, e.g. v1.33.6+rke2r1
    --json              print the release and the issues as JSON instead`;

/** Limits for what the CLI reads: the same as the /check page's (INPUT_LIMITS). */
export const READ_LIMITS = INPUT_LIMITS;

const TEXT_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export type ReadResult = { ok: true; files: BundleInputFile[] } | { ok: false; message: string };

/** Only the files the doctor reads get their text; others are listed (for file-name checks) with empty contents. */
function wanted(path: string): boolean {
  return TEXT_FILE.test(path);
}

/** The first `limit` bytes of a file (all of it when shorter). */
function readHead(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(limit);
    let length = 0;
    while (length < limit) {
      const n = readSync(fd, buffer, length, limit - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function readDirectory(root: string): ReadResult {
  const files: BundleInputFile[] = [];
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      return { ok: false, message: `Cannot read directory ${dir}: ${(error as Error).message}` };
    }
    for (const name of entries) {
      const full = join(dir, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) continue; // no loops, no escaping the folder
      if (st.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) stack.push(full);
        continue;
      }
      if (!st.isFile()) continue;
      if (files.length >= READ_LIMITS.maxFiles)
        return {
          ok: false,
          message: `${root} holds more than ${READ_LIMITS.maxFiles} files; point validate at the bundle folder itself.`,
        };
      const path = relative(root, full).split(sep).join('/');
      let contents = '';
      if (wanted(path)) {
        // At most one byte past the doctor's per-file cap: enough for it to say the file is too large.
        const bytes = readHead(full, READ_LIMITS.maxFileBytes + 1);
        total += bytes.length;
        if (total > READ_LIMITS.maxTotalBytes)
          return {
            ok: false,
            message: `${root} holds more than ${READ_LIMITS.maxTotalBytes} bytes of YAML/JSON; point validate at the bundle folder itself.`,
          };
        contents = new TextDecoder('utf-8').decode(bytes);
      }
      files.push({ path, contents });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, files };
}

/** Reads a zip with the bounded reader: work is capped by the archive's size and the declared sizes. */
export function readZip(data: Uint8Array, label: string): ReadResult {
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b)
    return { ok: false, message: `${label} is not a zip file.` };
  const read = readZipBounded(
    data,
    {
      maxEntries: READ_LIMITS.maxFiles,
      maxEntryBytes: READ_LIMITS.maxFileBytes,
      maxTotalBytes: READ_LIMITS.maxTotalBytes,
    },
    (entry) => (!entry.directory && wanted(entry.name) ? 'read' : 'skip'),
  );
  if (!read.ok) return { ok: false, message: `${label} is not a readable bundle zip: ${read.message}.` };
  const decoder = new TextDecoder('utf-8');
  const files: BundleInputFile[] = read.files.map((f) => ({ path: f.name, contents: decoder.decode(f.bytes) }));
  // Other entries are listed with empty contents, for the doctor's file-name checks.
  for (const e of read.entries) if (!e.directory && !wanted(e.name)) files.push({ path: e.name, contents: '' });
  // A bundle zip has one root folder (the bundle name): show paths inside it.
  const roots = new Set(files.map((f) => f.path.split('/')[0]));
  const [root] = [...roots];
  if (roots.size === 1 && root && files.every((f) => f.path.startsWith(`${root}/`))) {
    for (const f of files) f.path = f.path.slice(root.length + 1);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, files };
}

/** Reads PATH as the doctor's input: a directory, a zip, or one YAML/JSON file. Never throws. */
export function readBundleInput(path: string): ReadResult {
  let st;
  try {
    st = statSync(path);
  } catch {
    return { ok: false, message: `No such file or directory: ${path}` };
  }
  try {
    if (st.isDirectory()) return readDirectory(path);
    if (!st.isFile()) return { ok: false, message: `${path} is neither a directory nor a file.` };
    if (st.size > READ_LIMITS.maxTotalBytes)
      return { ok: false, message: `${path} is larger than ${READ_LIMITS.maxTotalBytes} bytes; refusing to read it.` };
    const data = readFileSync(path);
    if (/\.zip$/i.test(path) || (data[0] === 0x50 && data[1] === 0x4b)) return readZip(new Uint8Array(data), path);
    if (TEXT_FILE.test(path)) return { ok: true, files: [{ path: basename(path), contents: data.toString('utf8') }] };
    return { ok: false, message: `${path} is not a directory, a .zip, or a YAML/JSON file.` };
  } catch (error) {
    return { ok: false, message: `Cannot read ${path}: ${(error as Error).message}` };
  }
}

/** "file: keyPath: severity: message [messageId]" lines, grouped by file, errors first within a file. */
export function formatIssues(issues: readonly ValidationIssue[]): string[] {
  const byFile = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    const list = byFile.get(i.file);
    if (list) list.push(i);
    else byFile.set(i.file, [i]);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const list = byFile
      .get(file)!
      .slice()
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    for (const i of list) {
      const where = [file || '(bundle)', i.keyPath].filter(Boolean).join(': ');
      lines.push(
        `${where}: ${i.severity}: ${i.message} [${i.messageId}]${i.source ? `\n    see ${i.source.url}` : ''}`,
      );
    }
  }
  return lines;
}

/** Files the doctor reads (YAML/JSON), of those listed. */
export function textFileCount(files: readonly BundleInputFile[]): number {
  return files.filter((f) => wanted(f.path)).length;
}

export async function validate(args: string[], io: CliIo): Promise<number> {
  let json = false;
  let release: string | null = null;
  const positional: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (arg === '--release' || arg.startsWith('--release=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++k];
      if (value === undefined || value === '') {
        io.stderr(`validate: --release needs a version, e.g. --release v1.33.6+rke2r1.`);
        return 2;
      }
      release = value;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      io.stdout(
        `Usage: ${PROG} ${validateUsage}\n    -h, --help   show this help\n\nExit codes:\n  0  no errors (warnings allowed)\n  1  the bundle doctor found at least one error\n  2  bad usage, or PATH cannot be read`,
      );
      return 0;
    }
    if (arg === '--json') json = true;
    else if (arg.startsWith('-')) {
      io.stderr(`validate: unknown option ${arg}.\nUsage: ${PROG} ${validateUsage}`);
      return 2;
    } else positional.push(arg);
  }
  if (positional.length !== 1) {
    io.stderr(
      `validate: give exactly one PATH (a bundle directory, a .zip, or a config.yaml).\nUsage: ${PROG} ${validateUsage}`,
    );
    return 2;
  }
  const input = readBundleInput(positional[0]!);
  if (!input.ok) {
    io.stderr(`validate: ${input.message}`);
    return 2;
  }
  const checked = input.files.filter((f) => wanted(f.path)).length;
  if (checked === 0) {
    // Nothing was checked, so "no problems found" would be a lie.
    io.stderr(`validate: ${positional[0]} holds no YAML or JSON file, so there is nothing to check.`);
    return 2;
  }
  const result = checkFiles(input.files, { release });
  if (!result.ok) {
    io.stderr(`validate: --release: ${result.message}`);
    return 2;
  }
  const { issues, knownIssues } = result.report;
  const { resolved: _resolved, ...releaseInfo } = result.report.release;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (json) {
    io.stdout(
      JSON.stringify(
        { path: positional[0], release: releaseInfo, filesChecked: checked, errors, warnings, issues, knownIssues },
        null,
        2,
      ),
    );
  } else {
    io.stdout(describeRelease(result.report.release));
    for (const line of formatIssues(issues)) io.stdout(line);
    for (const line of formatKnownIssues(knownIssues ?? [], result.report.release.text)) io.stdout(line);
    io.stdout(
      errors || warnings
        ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${checked} YAML/JSON file${checked === 1 ? '' : 's'}.`
        : `No problems found in ${checked} YAML/JSON file${checked === 1 ? '' : 's'}.`,
    );
  }
  return errors ? 1 : 0;
}
