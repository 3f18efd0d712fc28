import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { CliIo } from '../io';
import { formatKnownIssues } from '../known-issues';
import { PROG } from '../program';
import { readBundleInput, textFileCount } from './validate';
import { upgradeFiles, type UpgradeReport } from '../../domain/validate/upgrade';
import { describeRelease } from '../../domain/validate/check';

export const upgradeUsage = `upgrade PATH --from VERSION --to VERSION [--write DIR] [--json]
    What upgrading RKE2 does to your files: re-checks them against the target release and
    lists, per file and key, values the target charts reject or ignore and defaults that change,
    and every bundled CNI chart version change (minor jumps inside a patch upgrade flagged).
    PATH is a bundle directory, a .zip, a folder of manifests, or a single file.
    Refuses downgrades and skipped minor versions (RKE2 upgrades one minor at a time).
    --write DIR   write the files, rewritten where that is mechanical (strict -> true, tunnel ->
                  routingMode, the cilium: wrapper, removed keys), into DIR (new or empty); the
                  unified diff is printed either way
    --json        print the report as JSON instead`;

const HELP = `Usage: ${PROG} ${upgradeUsage}
    -h, --help   show this help

Exit codes:
  0  nothing the target release rejects or ignores is left (after the rewrite, with --write)
  1  something is left that cannot be rewritten mechanically (each is listed with the reason)
  2  bad usage, PATH cannot be read, or a refused upgrade (downgrade, skipped minor)
  3  DIR cannot be written`;

interface Args {
  path: string;
  from: string;
  to: string;
  write: string | null;
  json: boolean;
}

function parseArgs(args: string[]): { ok: true; args: Args } | { ok: false; help?: true; message?: string } {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  let json = false;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (arg === '--help' || arg === '-h') return { ok: false, help: true };
    if (arg === '--json') {
      json = true;
      continue;
    }
    const m = /^--(from|to|write)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? args[++k];
      if (value === undefined || value === '') return { ok: false, message: `--${m[1]} needs a value.` };
      values[m[1]!] = value;
      continue;
    }
    if (arg.startsWith('-')) return { ok: false, message: `unknown option ${arg}.` };
    positional.push(arg);
  }
  if (positional.length !== 1)
    return { ok: false, message: 'give exactly one PATH (a bundle directory, a .zip, or a file).' };
  if (!values.from || !values.to)
    return { ok: false, message: 'give both --from and --to, e.g. --from v1.28.6+rke2r1 --to v1.28.7+rke2r1.' };
  return {
    ok: true,
    args: { path: positional[0]!, from: values.from, to: values.to, write: values.write ?? null, json },
  };
}

function text(report: UpgradeReport): string[] {
  const lines: string[] = [`From: ${describeRelease(report.from)}`, `To:   ${describeRelease(report.to)}`, ''];
  lines.push(`Bundled CNI charts (${report.step} upgrade):`);
  if (!report.charts.length) lines.push('  no CNI chart version changes.');
  for (const c of report.charts) {
    const flag = c.hiddenInPatch
      ? '  <- minor version jump inside a patch upgrade: read its upgrade notes'
      : c.minorJump
        ? '  (minor version jump)'
        : '';
    lines.push(`  ${c.chart}: ${c.from ?? 'not bundled'} -> ${c.to ?? 'not bundled'}${flag}`);
  }
  lines.push('');
  if (!report.findings.length) lines.push('No key in these files changes meaning with this upgrade.');
  else lines.push('What the target release does to your files:');
  const labels = { rejects: 'rejects', ignores: 'ignores', 'default-changed': 'default changed', other: 'new finding' };
  for (const f of report.findings) {
    lines.push(
      `  ${[f.file || '(bundle)', f.keyPath].filter(Boolean).join(': ')}: ${labels[f.kind]}${f.rewritten ? ' (fixed by the rewrite)' : ''}: ${f.message} [${f.messageId}]${f.source ? `\n      see ${f.source.url}` : ''}`,
    );
  }
  const already = report.before.filter((i) => i.severity === 'error');
  if (already.length) {
    lines.push('', `Already wrong on ${report.from.text}, before the upgrade:`);
    for (const i of already)
      lines.push(`  ${[i.file || '(bundle)', i.keyPath].filter(Boolean).join(': ')}: ${i.message} [${i.messageId}]`);
  }
  if (report.rewrites.length) {
    lines.push('', 'Rewritten mechanically:');
    for (const r of report.rewrites)
      for (const c of r.changes) lines.push(`  ${r.path}: ${c.fullKeyPath}: ${c.what}\n      see ${c.source.url}`);
  }
  if (report.unrewritten.length) {
    lines.push('', 'Not rewritten (needs your decision):');
    for (const u of report.unrewritten)
      lines.push(
        `  ${[u.file || '(bundle)', u.keyPath].filter(Boolean).join(': ')}: ${u.reason}${u.source ? `\n      see ${u.source.url}` : ''}`,
      );
  }
  if (report.knownIssues) lines.push('', ...formatKnownIssues(report.knownIssues, report.to.text));
  if (report.diff) lines.push('', 'Unified diff of the rewritten files:', report.diff.trimEnd());
  return lines;
}

/** Writes every text file read, rewritten where the report says, into DIR (which must be new or empty). */
function writeOut(dir: string, files: { path: string; contents: string }[]): string | null {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return `${dir} exists and is not a directory.`;
    if (readdirSync(dir).length) return `${dir} is not empty; give a new or empty directory.`;
  }
  try {
    mkdirSync(dir, { recursive: true });
    const root = resolve(dir);
    for (const f of files) {
      const target = resolve(join(root, ...f.path.split('/')));
      if (!target.startsWith(root + sep)) return `refusing to write outside ${dir}: ${f.path}`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.contents, { mode: 0o644 });
    }
    return null;
  } catch (error) {
    return `cannot write ${dir}: ${(error as Error).message}`;
  }
}

/** `upgrade PATH --from V --to V [--write DIR] [--json]`. */
export async function upgrade(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(HELP);
      return 0;
    }
    io.stderr(`upgrade: ${parsed.message}\nUsage: ${PROG} ${upgradeUsage}`);
    return 2;
  }
  const { path, from, to, write, json } = parsed.args;
  const input = readBundleInput(path);
  if (!input.ok) {
    io.stderr(`upgrade: ${input.message}`);
    return 2;
  }
  if (textFileCount(input.files) === 0) {
    io.stderr(`upgrade: ${path} holds no YAML or JSON file, so there is nothing to check.`);
    return 2;
  }
  const result = upgradeFiles(input.files, { from, to });
  if (!result.ok) {
    io.stderr(`upgrade: ${result.message}${result.source ? `\n    see ${result.source.url}` : ''}`);
    return 2;
  }
  const report = result.report;
  if (write) {
    const byPath = new Map(report.rewrites.map((r) => [r.path, r.after]));
    const files = input.files
      .filter((f) => /\.(ya?ml|json)$/i.test(f.path))
      .map((f) => ({ path: f.path, contents: byPath.get(f.path) ?? f.contents }));
    const failed = writeOut(write, files);
    if (failed) {
      io.stderr(`upgrade: ${failed}`);
      return 3;
    }
  }
  if (json) {
    const { resolved: _a, ...fromInfo } = report.from;
    const { resolved: _b, ...toInfo } = report.to;
    io.stdout(JSON.stringify({ path, ...report, from: fromInfo, to: toInfo, written: write }, null, 2));
  } else {
    for (const line of text(report)) io.stdout(line);
    if (write) io.stdout(`\nWrote ${report.rewrites.length} rewritten file(s) (and the others unchanged) to ${write}.`);
  }
  return report.unrewritten.length ? 1 : 0;
}
