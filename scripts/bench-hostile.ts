/**
 * The red-team shapes of issue 11 for `npm run bench`: hostile zips and YAML up to the documented
 * caps, through the real CLI (a child process each: wall time and peak RSS) and through the app's
 * "Import answers" in Chromium (main-thread long tasks while the file is read).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import type { Browser } from '@playwright/test';
import { MAX_FILE_BYTES, MAX_NODES } from '../src/domain/validate/parse';
import { answersToYaml } from '../src/domain/answers/answers-text';
import { generateBundle } from '../src/domain/generators';
import { zipBundle } from '../src/lib/zip';
import { SCENARIOS } from '../src/test/scenarios';
import { entry, overlappingZip, rawZip, sharedStreamZip } from '../src/test/zips/raw-zip';

export const HOSTILE_BUDGETS = { cliMs: 5_000, cliPeakRssMiB: 300, browserMainThreadMs: 2_000 };

/** Largest YAML under both the per-file cap and the node cap: a flow list of one-letter items. */
function wideYaml(): string {
  const items = Math.min(MAX_NODES - 10, Math.floor((MAX_FILE_BYTES - 4) / 2));
  return `[${'a,'.repeat(items - 1)}a]\n`;
}

/** Nesting to js-yaml's depth limit, repeated up to the per-file cap. */
function deepYaml(): string {
  const one = `${'['.repeat(90)}a${']'.repeat(90)}\n`;
  return `- ${one}`.repeat(Math.floor((MAX_FILE_BYTES - 10) / (one.length + 2)));
}

/** Block mappings: the most objects js-yaml builds per byte under the caps. */
function mappingsYaml(): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < MAX_FILE_BYTES - 64; i++) {
    const line = `- {k${i}: v}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

function manyFilesZip(name: string, text: string, count: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const bytes = strToU8(text);
  for (let i = 0; i < count; i++) files[`bundle/kubectl-apply/${name}-${i}.yaml`] = bytes;
  return zipSync(files, { level: 9 });
}

export interface CliCase {
  name: string;
  args: string[];
  bytes: number;
}

/** Writes the hostile inputs into a temporary folder; returns the CLI cases and a cleanup. */
export function writeHostileInputs(): { dir: string; cases: CliCase[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  const cases: CliCase[] = [];
  const add = (name: string, file: string, data: Uint8Array | string, command = 'validate') => {
    const path = join(dir, file);
    writeFileSync(path, data);
    cases.push({
      name,
      args: command === 'validate' ? ['validate', path] : ['recommend', '--answers', path],
      bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
    });
  };
  add('1,000 entries sharing one 8 MiB stream', 'shared.zip', sharedStreamZip(1000, 8 * 1024 * 1024));
  add('1,000 same-name entries sharing one stream', 'shared-same.zip', sharedStreamZip(1000, 8 * 1024 * 1024, true));
  add('overlapping entries', 'overlap.zip', overlappingZip());
  add(
    '8 MiB stream declaring 1,000 bytes',
    'lying.zip',
    rawZip([{ ...entry('bundle/a.yaml', new Uint8Array(8 * 1024 * 1024).fill(0x20)), size: 1000 }]),
  );
  add('wide YAML (flow list at the node cap) x 10 files', 'wide.zip', manyFilesZip('wide', wideYaml(), 10));
  add('wide YAML x 40 files (over the read cap)', 'wide40.zip', manyFilesZip('wide', wideYaml(), 40));
  add('deep YAML (depth 90 lists) x 8 files', 'deep.zip', manyFilesZip('deep', deepYaml(), 8));
  add('block mappings at the per-file cap x 8 files', 'maps.zip', manyFilesZip('maps', mappingsYaml(), 8));
  add(
    'config.yaml with 20,000 unknown keys',
    'config.yaml',
    Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n'),
  );
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  const wide = wideYaml();
  for (let i = 0; i < 10; i++) writeFileSync(join(folder, `w${i}.yaml`), wide);
  cases.push({ name: 'folder of 10 wide YAML files', args: ['validate', folder], bytes: wide.length * 10 });
  cases.push({ name: 'recommend --answers /dev/zero', args: ['recommend', '--answers', '/dev/zero'], bytes: 0 });
  add('answers of 256 KiB (20,000 unknown keys)', 'answers.yaml', wideAnswers(), 'recommend');
  return { dir, cases, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function wideAnswers(): string {
  const lines = ['cluster:'];
  let size = 10;
  for (let i = 0; size < 250 * 1024; i++) {
    const line = `  k${i}: v`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

export function benchCli(cases: CliCase[]) {
  return cases.map((c) => {
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/bench-cli-run.ts', ...c.args], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    let parsed: { code: number; ms: number; peakRssMiB: number; message: string };
    try {
      parsed = JSON.parse(run.stdout) as typeof parsed;
    } catch {
      parsed = { code: -1, ms: NaN, peakRssMiB: NaN, message: `did not finish: ${run.stderr.slice(0, 200)}` };
    }
    return { name: c.name, inputBytes: c.bytes, ...parsed };
  });
}

/** Main-thread long tasks while "Import answers" reads each file, in the production build. */
export async function benchBrowserImport(browser: Browser, origin: string, observers: string) {
  const telco = SCENARIOS.sriovTelco.answers;
  const bundle = generateBundle(telco);
  if (!bundle.ok) throw new Error('sriovTelco is blocked');
  const files: { name: string; bytes: Uint8Array }[] = [
    { name: 'shared-stream.zip', bytes: sharedStreamZip(1000, 8 * 1024 * 1024) },
    { name: 'overlapping.zip', bytes: overlappingZip() },
    {
      name: 'lying.zip',
      bytes: rawZip([{ ...entry('b/answers.yaml', new Uint8Array(8 << 20).fill(0x20)), size: 1000 }]),
    },
    { name: 'answers-256k.yaml', bytes: strToU8(wideAnswers()) },
    { name: 'bundle.zip', bytes: zipBundle(bundle.files, bundle.name) },
    { name: 'answers.yaml', bytes: strToU8(answersToYaml(telco)) },
  ];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(observers);
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  const results: {
    name: string;
    inputBytes: number;
    outcome: string;
    elapsedMs: number;
    mainThreadLongTaskMs: number;
  }[] = [];
  for (const f of files) {
    await page.evaluate(() => {
      (window as unknown as { __bench: { longTaskMs: number } }).__bench.longTaskMs = 0;
    });
    const started = performance.now();
    await page.getByLabel('Import an answers.yaml or a bundle zip').setInputFiles({
      name: f.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(f.bytes),
    });
    const failed = page.getByRole('alert').filter({ hasText: 'Import failed' });
    const done = failed.or(page.getByTestId('dropped-answers')).or(page.getByText('Answers imported.')).first();
    await done.waitFor({ timeout: 60_000 });
    const elapsedMs = performance.now() - started;
    // Long tasks are reported after they end: give the observer a moment.
    await page.waitForTimeout(300);
    const longTask = await page.evaluate(
      () => (window as unknown as { __bench: { longTaskMs: number } }).__bench.longTaskMs,
    );
    const outcome = (await failed.isVisible()) ? 'import failed' : 'imported';
    results.push({
      name: f.name,
      inputBytes: f.bytes.length,
      outcome,
      elapsedMs: Math.round(elapsedMs),
      mainThreadLongTaskMs: Math.round(longTask),
    });
    for (const b of await page.getByRole('button', { name: 'Dismiss' }).all()) await b.click();
  }
  await context.close();
  return results;
}
