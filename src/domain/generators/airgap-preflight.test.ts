import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBundle } from './index';
import { airgapPreflightFor } from './airgap';
import { buildPlan } from './plan';
import { evaluate } from '../engine/evaluate';
import { answersWith } from '../../test/scenarios';
import type { Answers } from '../answers/types';

/**
 * The preflight air-gap check, run by bash against a fake PATH (uname, curl) and a temporary images
 * directory: PASS with the tarballs in place or a registry that answers, FAIL otherwise. Then bash -n and
 * shellcheck over the generated section.
 */

function section(answers: Answers): string[] {
  const decision = evaluate(answers);
  if (!decision.chosen) throw new Error('no CNI chosen');
  return airgapPreflightFor(buildPlan(answers, decision, decision.chosen));
}

/** The section as a script of its own, with preflight.sh's pass/warn/fail (taken from the generated file). */
function standalone(answers: Answers): string {
  const r = generateBundle(answers);
  if (!r.ok) throw new Error('blocked');
  const preflight = r.files.find((f) => f.path === 'scripts/preflight.sh')!.contents.split('\n');
  const helpers = preflight.filter((l) => /^(pass|warn|fail)\(\) \{/.test(l));
  expect(helpers).toHaveLength(3);
  return [
    '#!/usr/bin/env bash',
    'set -u',
    'FAILS=0',
    ...helpers,
    ...section(answers),
    // A section may not call every helper: one call each (never run) keeps shellcheck's "unreachable" note off them.
    'if [ "${TOUCH_HELPERS:-}" = 1 ]; then pass x; warn x y; fail x y; fi',
    'exit "$((FAILS > 0))"',
    '',
  ].join('\n');
}

const cilium = answersWith({ choice: { forcedCni: 'cilium' }, extras: { mode: 'multus' } });
const canal = answersWith({ choice: { forcedCni: 'canal' } });

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airgap-preflight-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  tarballs?: string[];
  /** Tarballs present but empty (a failed download). */
  empty?: string[];
  machine?: string;
  /** HTTP code the fake curl prints; null: curl cannot connect; undefined: no curl on PATH. */
  curlCode?: string | null;
  registriesYaml?: string;
}

let n = 0;
function run(answers: Answers, opts: Run) {
  const root = join(dir, `run${n++}`);
  const bin = join(root, 'bin');
  const images = join(root, 'images');
  const conf = join(root, 'conf');
  for (const d of [bin, images, conf]) mkdirSync(d, { recursive: true });
  // Only what a stock node has and the check uses: grep, head; bash builtins do the rest.
  for (const tool of ['grep', 'head']) {
    const real = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p))!;
    symlinkSync(real, join(bin, tool));
  }
  const fake = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  fake('uname', `[ "$1" = -m ] && echo ${opts.machine ?? 'x86_64'} || echo Linux`);
  if (opts.curlCode !== undefined)
    fake(
      'curl',
      `echo "$@" >> "${join(root, 'curl.log')}"\n` +
        (opts.curlCode === null ? 'echo 000; exit 7' : `echo ${opts.curlCode}`),
    );
  for (const t of opts.tarballs ?? []) writeFileSync(join(images, t), 'x');
  for (const t of opts.empty ?? []) writeFileSync(join(images, t), '');
  if (opts.registriesYaml) writeFileSync(join(conf, 'registries.yaml'), opts.registriesYaml);
  const path = join(root, 'check.sh');
  writeFileSync(path, standalone(answers));
  const r = spawnSync('/bin/bash', [path], {
    env: { PATH: bin, RKE2_IMAGES_DIR: images, RKE2_CONFIG_DIR: conf },
    encoding: 'utf8',
  });
  const curlLog = existsSync(join(root, 'curl.log'))
    ? spawnSync('cat', [join(root, 'curl.log')], { encoding: 'utf8' }).stdout
    : '';
  return { status: r.status, out: r.stdout + r.stderr, curlLog };
}

describe('preflight.sh air-gap check (fake PATH)', () => {
  it('PASS: core, cilium and multus tarballs in the images directory; no registry is asked', () => {
    const r = run(cilium, {
      tarballs: [
        'rke2-images-core.linux-amd64.tar.zst',
        'rke2-images-cilium.linux-amd64.tar.gz',
        'rke2-images-multus.linux-amd64.tar.zst',
      ],
      curlCode: null,
    });
    expect(r.out).toContain('PASS  rke2-images-core.linux-amd64 in');
    expect(r.out).toContain('PASS  rke2-images-cilium.linux-amd64 in');
    expect(r.out).toContain('PASS  rke2-images-multus.linux-amd64 in');
    expect(r.out).not.toContain('FAIL');
    expect(r.curlLog).toBe('');
    expect(r.status).toBe(0);
  });

  it('FAIL: the cilium tarball is missing and no registry answers', () => {
    const r = run(cilium, {
      tarballs: ['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-multus.linux-amd64.tar.zst'],
      curlCode: null,
    });
    expect(r.out).toMatch(/FAIL {2}missing in .*: rke2-images-cilium\.linux-amd64, and no registry answers/);
    expect(r.out).toContain('fix: download airgap/tarballs.txt');
    expect(r.status).toBe(1);
  });

  it('FAIL: only the Canal-only rke2-images tarball with Cilium (rancher/rke2#8823)', () => {
    const r = run(cilium, { tarballs: ['rke2-images.linux-amd64.tar.zst'], curlCode: null });
    expect(r.out).toContain('PASS  rke2-images-core.linux-amd64 in');
    expect(r.out).toMatch(/FAIL {2}missing in .*rke2-images-multus\.linux-amd64 rke2-images-cilium\.linux-amd64/);
    expect(r.status).toBe(1);
  });

  it('PASS: rke2-images.linux-amd64 stands for core and Canal', () => {
    const r = run(canal, { tarballs: ['rke2-images.linux-amd64.tar.zst'], curlCode: null });
    expect(r.out).not.toContain('FAIL');
    expect(r.status).toBe(0);
  });

  it('FAIL: an empty tarball does not count, and no curl on the node means no registry', () => {
    const r = run(canal, { empty: ['rke2-images.linux-amd64.tar.zst'] });
    expect(r.out).toContain('FAIL  missing in');
    expect(r.out).toContain('no registry answers at https://registry-1.docker.io');
    expect(r.status).toBe(1);
  });

  it('PASS: no tarballs but the mirror of registries.yaml answers (401 asks for credentials)', () => {
    const r = run(canal, {
      curlCode: '401',
      registriesYaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://mirror.internal:5000"\n',
    });
    expect(r.curlLog).toContain('https://mirror.internal:5000/v2/');
    expect(r.out).toContain(
      'PASS  no tarball for: rke2-images-core.linux-amd64 rke2-images-canal.linux-amd64; the registry https://mirror.internal:5000 answers',
    );
    expect(r.status).toBe(0);
  });

  it('FAIL: the registry answers 404 (not a registry API)', () => {
    const r = run(canal, { curlCode: '404' });
    expect(r.curlLog).toContain('https://registry-1.docker.io/v2/');
    expect(r.out).toContain('FAIL  missing in');
    expect(r.status).toBe(1);
  });

  it('FAIL: an arm64 node with a bundle for amd64', () => {
    const r = run(canal, { tarballs: ['rke2-images.linux-amd64.tar.zst'], machine: 'aarch64' });
    expect(r.out).toContain('FAIL  node architecture is arm64, the bundle lists amd64 tarballs');
    expect(r.status).toBe(1);
  });

  it('WARN: tarballs in place but the release ships no Hubble images (v1.24.8, rancher/rke2#3556)', () => {
    const hubble = answersWith({
      cluster: { release: 'v1.24.8+rke2r1' },
      choice: { forcedCni: 'cilium' },
      performance: { observability: true },
    });
    const r = run(hubble, {
      tarballs: ['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-cilium.linux-amd64.tar.zst'],
    });
    expect(r.out).toContain('WARN  3 image(s) the charts pull are in no tarball: quay.io/cilium/hubble-relay:v1.12.3');
    expect(r.status).toBe(0);
  });
});

describe('the generated air-gap section is valid shell', () => {
  const SCENARIOS: [string, Answers][] = [
    ['canal', canal],
    ['cilium + multus', cilium],
    [
      'calico arm64 + windows',
      answersWith({
        choice: { forcedCni: 'calico' },
        cluster: { windowsNodes: true },
        nodes: { architecture: 'arm64' },
      }),
    ],
    ['flannel', answersWith({ choice: { forcedCni: 'flannel' }, security: { policy: 'none' } })],
    ['none', answersWith({ choice: { forcedCni: 'none' } })],
  ];
  const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;

  it.each(SCENARIOS)('%s: bash -n', (_name, answers) => {
    const r = spawnSync('bash', ['-n'], { input: standalone(answers), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('finds shellcheck when CI is set (Debian package shellcheck, .ci/run)', () => {
    if (process.env.CI) expect(shellcheck, 'shellcheck is not installed').toBe(true);
  });

  it.skipIf(!shellcheck && !process.env.CI).each(SCENARIOS)('%s: shellcheck', (_name, answers) => {
    const r = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: standalone(answers), encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
