import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './main';
import type { CliIo } from './io';

/**
 * Ctrl-C (SIGINT) and SIGTERM in the middle of `generate` (issue 11): the real CLI in a child
 * process, interrupted while its staging folder exists. RKE2_CNI_WIZARD_TEST_WRITE_DELAY_MS only
 * slows the staged write so that the signal lands inside it. Each test takes about 5 s on an idle
 * machine (mostly tsx starting); the 60 s timeouts are for a loaded one.
 */

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const quiet: CliIo = { stdout: () => {}, stderr: () => {} };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-signals-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs generate, sends `signal` as soon as a staging folder shows up, and returns the exit code. */
async function interruptGenerate(
  args: string[],
  signal: NodeJS.Signals,
): Promise<{ code: number | null; saw: boolean }> {
  const child = spawn(TSX, [join(ROOT, 'src/cli/bin.ts'), 'generate', ...args], {
    cwd: dir,
    env: { ...process.env, RKE2_CNI_WIZARD_TEST_WRITE_DELAY_MS: '150' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let running = true;
  void exited.then(() => (running = false));
  let saw = false;
  while (running) {
    if (readdirSync(dir).some((n) => /\.tmp-/.test(n))) {
      saw = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { code: await exited, saw };
}

describe('generate interrupted', () => {
  it('SIGINT while replacing a bundle: the old bundle stays whole, no staging folder is left', async () => {
    writeFileSync(join(dir, 'old.yaml'), 'cluster: {size: small}\n');
    writeFileSync(join(dir, 'new.yaml'), 'cluster: {size: large}\n');
    expect(await runCli(['generate', '--answers', join(dir, 'old.yaml'), '--out', join(dir, 'bundle')], quiet)).toBe(0);
    const before = readFileSync(join(dir, 'bundle', 'answers.yaml'), 'utf8');
    const files = readdirSync(join(dir, 'bundle')).sort();
    const { code, saw } = await interruptGenerate(['--answers', 'new.yaml', '--out', 'bundle', '--force'], 'SIGINT');
    expect(saw, 'the signal was sent while the staging folder existed').toBe(true);
    expect(code).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(['bundle', 'new.yaml', 'old.yaml']);
    expect(readdirSync(join(dir, 'bundle')).sort()).toEqual(files);
    expect(readFileSync(join(dir, 'bundle', 'answers.yaml'), 'utf8')).toBe(before);
  }, 60_000);

  it('SIGTERM while writing a new bundle: no output, no staging folder', async () => {
    writeFileSync(join(dir, 'a.yaml'), '{}\n');
    const { code, saw } = await interruptGenerate(['--answers', 'a.yaml', '--out', 'fresh'], 'SIGTERM');
    expect(saw).toBe(true);
    expect(code).toBe(143);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  }, 60_000);
});
