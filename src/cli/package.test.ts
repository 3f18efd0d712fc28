/**
 * The CLI as users get it (issue 15): built into one file, packed with `npm pack`, installed from the
 * tarball into an empty folder with the registry switched off, and run by a Node that sees nothing of
 * this repository (no node_modules, no tsx, no dev dependencies, a bare environment).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersToYaml } from '../domain/answers';
import { evaluate } from '../domain/engine';
import { NEWEST_KNOWN_RELEASE } from '../domain/rke2/releases';
import { SCENARIOS } from '../test/scenarios';
import { runCli } from './main';

const APP = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
let dir: string;
let tarball: string;
let bin: string;
/** Only Node's own directory on PATH, a throw-away HOME and npm cache, no npm_* variables from this run. */
let env: NodeJS.ProcessEnv;

function run(args: string[], cwd = dir) {
  const r = spawnSync(bin, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-package-'));
  env = {
    PATH: dirname(process.execPath),
    HOME: join(dir, 'home'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  // Build and pack with this repository's tools, like a release would.
  tarball = execFileSync('npm', ['run', '-s', 'pack:cli', '--', '--dest', join(dir, 'pack')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
  // npm and npx come with Node; --offline: the package must need nothing from a registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, env, stdio: 'ignore' });
  bin = join(app, 'node_modules', '.bin', APP.name);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('is one JavaScript file with no dependencies', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual(['package/README.md', 'package/package.json', 'package/rke2-cni-wizard.mjs']);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.bin).toEqual({ [APP.name]: 'rke2-cni-wizard.mjs' });
    expect(manifest.dependencies).toBeUndefined();
  });

  it('is all ASCII, and prints what the source prints, other characters included', async () => {
    // vite.cli.config.ts escapes them (a two-byte source string starts more slowly).
    const code = execFileSync('tar', ['-xzOf', tarball, 'package/rke2-cni-wizard.mjs'], {
      encoding: 'latin1',
      maxBuffer: 64 * 2 ** 20,
    });
    expect(code.match(/[\u0080-\uffff]/g) ?? []).toEqual([]);
    const answers = join(dir, 'ascii.yaml');
    writeFileSync(answers, answersToYaml(SCENARIOS.windowsDualStackConflict.answers));
    let printed = '';
    for (const args of [
      ['recommend', '--answers', answers],
      ['recommend', '--answers', answers, '--json'],
    ]) {
      let expected = '';
      await runCli(args, { stdout: (t) => (expected += t.endsWith('\n') ? t : `${t}\n`), stderr: () => {} });
      const packed = run(args).stdout;
      expect(packed).toBe(expected);
      printed += packed;
    }
    expect(printed, 'the outputs hold characters beyond ASCII to compare').toMatch(/[\u0080-\uffff]/);
  });

  it('runs with npx straight from the tarball, offline', () => {
    const r = spawnSync('npx', ['--offline', '--yes', '--package', tarball, APP.name, '--version'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${APP.name} ${APP.version}`);
  });

  it('--version prints the app version and the newest RKE2 release it knows', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${APP.name} ${APP.version}\nnewest RKE2 release known: ${NEWEST_KNOWN_RELEASE}\n`);
  });

  it('has --help on every command, naming the program as installed', () => {
    for (const command of ['recommend', 'generate', 'validate']) {
      const r = run([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(`Usage: ${APP.name} ${command} `);
      expect(r.stdout, command).toMatch(/Exit codes:/);
    }
    const top = run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain(`Usage: ${APP.name} <command>`);
    expect(run([]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('recommends, generates and validates, with the documented exit codes and plain text on a pipe', () => {
    const ok = join(dir, 'ok.yaml');
    writeFileSync(ok, answersToYaml(SCENARIOS.ciliumKubeProxyFree.answers));
    const json = run(['recommend', '--answers', ok, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).decision.recommended).toBe(
      evaluate(SCENARIOS.ciliumKubeProxyFree.answers).recommended,
    );

    const text = run(['recommend', '--answers', ok]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Recommended: cilium');
    // stdout is a pipe here: no colour or other control sequence, only printable text and newlines.
    const controls = [...text.stdout].filter((c) => c !== '\n' && (c < ' ' || c === '\u007f'));
    expect(controls).toEqual([]);

    const blocked = join(dir, 'blocked.yaml');
    writeFileSync(blocked, answersToYaml(SCENARIOS.windowsDualStackConflict.answers));
    expect(run(['recommend', '--answers', blocked]).code).toBe(1);
    expect(run(['recommend', '--answers', join(dir, 'missing.yaml')]).code).toBe(2);

    const zip = join(dir, 'bundle.zip');
    const generated = run(['generate', '--answers', ok, '--out', zip]);
    expect(generated.code, generated.stderr).toBe(0);
    const validated = run(['validate', zip]);
    expect(validated.code, validated.stdout).toBe(0);
    expect(validated.stdout).toMatch(/^No problems found in \d+ YAML\/JSON files\.$/m);
    expect(run(['generate', '--answers', blocked, '--out', join(dir, 'no.zip')]).code).toBe(1);
  });
});
