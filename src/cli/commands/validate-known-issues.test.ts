import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../main';
import { defaultAnswers } from '../../domain/answers/defaults';
import { answersToYaml } from '../../domain/answers';
import { generateBundle } from '../../domain/generators';
import type { Answers } from '../../domain/answers/types';

/** `validate` lists the known issues of the release an answers.yaml names (issue 13 §3). */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function bundleDir(edit: (a: Answers) => void): string {
  const a = defaultAnswers();
  edit(a);
  const bundle = generateBundle(a);
  if (!bundle.ok) throw new Error('answers must give a bundle');
  const dir = mkdtempSync(join(tmpdir(), 'cli-known-'));
  dirs.push(dir);
  for (const f of bundle.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  return dir;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['validate', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ipv6Cilium = (release: string) => (a: Answers) => {
  a.cluster.release = release;
  a.addressing.ipFamily = 'ipv6';
  a.addressing.clusterCidrV6 = '2001:db8:42::/56';
  a.addressing.serviceCidrV6 = '2001:db8:43::/112';
  a.choice.forcedCni = 'cilium';
};

describe('cli validate: known issues', () => {
  it('prints the entries of the answers file release, with fixed-in and link; exit code unchanged', async () => {
    const r = await run(bundleDir(ipv6Cilium('v1.33.6+rke2r1')));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Known issues of RKE2 v1.33.6+rke2r1 for this configuration:');
    expect(r.out).toContain('[cilium-ipv6-only-tunnel]');
    expect(r.out).toContain('fixed in v1.33.7+rke2r3');
    expect(r.out).toContain('see https://github.com/rancher/rke2/issues/8033');
  });

  it('says none applies on a fixed release, and gives the entries in --json', async () => {
    expect((await run(bundleDir(ipv6Cilium('v1.33.7+rke2r3')))).out).toContain(
      'No known issue of RKE2 v1.33.7+rke2r3 applies to this configuration',
    );
    const j = JSON.parse((await run(bundleDir(ipv6Cilium('v1.31.14+rke2r1')), '--json')).out);
    const e = j.knownIssues.find((x: { id: string }) => x.id === 'cilium-ipv6-only-tunnel');
    expect(e.fixedIn).toBeUndefined();
    expect(e.fixed).toContain('v1.32.11+rke2r3');
  });

  it('without an answers file, reads the configuration from config.yaml and the chart values', async () => {
    const dir = bundleDir(ipv6Cilium('v1.33.6+rke2r1'));
    rmSync(join(dir, 'answers.yaml'));
    expect((await run(dir, '--release', 'v1.33.6+rke2r1')).out).toContain('[cilium-ipv6-only-tunnel]');
    expect((await run(dir, '--release', 'v1.33.7+rke2r3')).out).not.toContain('[cilium-ipv6-only-tunnel]');
    writeFileSync(join(dir, 'answers.yaml'), answersToYaml(defaultAnswers()).replace(/release: .*/, 'release: v9'));
    expect((await run(dir, '--release', 'v1.33.6+rke2r1')).code).not.toBe(2);
  });
});
