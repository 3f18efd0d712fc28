import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { runCli } from '../main';
import type { CliIo } from '../io';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cli-upgrade-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const HCC = `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-cilium
  namespace: kube-system
spec:
  valuesContent: |-
    tunnel: disabled
    kubeProxyReplacement: strict
    k8sServiceHost: 10.0.0.10
    k8sServicePort: 6443
`;
const FILES = {
  'etc/rancher/rke2/config.yaml': 'cni: cilium\ndisable-kube-proxy: true\ncluster-cidr: 10.44.0.0/16\n',
  'var/lib/rancher/rke2/server/manifests/rke2-cilium-config.yaml': HCC,
};

describe('cli validate --release', () => {
  it('judges against the release given and says so on the first line', async () => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const old = await run('validate', dir, '--release', 'v1.25.13+rke2r1');
    expect(old.out.split('\n')[0]).toMatch(/^Release v1\.25\.13\+rke2r1 \(as asked\).*rke2-cilium 1\.14\.000/);
    expect(old.code).toBe(0);
    const current = await run('validate', dir, '--release=v1.29.2+rke2r1');
    expect(current.code).toBe(1);
    expect(current.out).toContain('[cilium.legacyTunnel]');
  });

  it('states the release it assumed when none is given', async () => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const r = await run('validate', join(dir, 'var/lib/rancher/rke2/server/manifests/rke2-cilium-config.yaml'));
    expect(r.out.split('\n')[0]).toMatch(/\(assumed: no release was given/);
  });

  it('puts the release into --json, and refuses a malformed release with exit 2', async () => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const r = await run('validate', dir, '--release', 'v1.29.2', '--json');
    const parsed = JSON.parse(r.out) as { release: { text: string; basis: string } };
    expect(parsed.release).toMatchObject({ text: 'v1.29.2+rke2r1', basis: 'given' });
    const bad = await run('validate', dir, '--release', 'latest');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--release');
    expect((await run('validate', dir, '--release')).code).toBe(2);
  });
});

describe('cli upgrade', () => {
  it('prints chart changes, findings and a diff; --write puts rewritten files into DIR', async () => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const out = join(tempDir(), 'upgraded');
    const r = await run('upgrade', dir, '--from', 'v1.28.6+rke2r1', '--to', 'v1.28.7+rke2r1', '--write', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rke2-cilium: 1\.14\.400 -> 1\.15\.100 {2}<- minor version jump inside a patch upgrade/);
    expect(r.out).toContain('spec.valuesContent.tunnel: rejects (fixed by the rewrite)');
    expect(r.out).toContain('+++ b/var/lib/rancher/rke2/server/manifests/rke2-cilium-config.yaml');
    const written = readFileSync(join(out, 'var/lib/rancher/rke2/server/manifests/rke2-cilium-config.yaml'), 'utf8');
    expect(written).toContain('routingMode: native');
    expect(written).toContain('ipv4NativeRoutingCIDR: 10.44.0.0/16');
    expect(written).toContain('kubeProxyReplacement: true');
    expect(readFileSync(join(out, 'etc/rancher/rke2/config.yaml'), 'utf8')).toBe(FILES['etc/rancher/rke2/config.yaml']);
    // The written files pass validate against the target.
    expect((await run('validate', out, '--release', 'v1.28.7+rke2r1')).code).toBe(0);
  });

  it('reads a zip and exits 1 naming what it cannot rewrite', async () => {
    const dir = tempDir();
    const zip = join(dir, 'bundle.zip');
    writeFileSync(zip, zipSync({ 'b/rke2-cilium-config.yaml': strToU8(HCC.replace('strict', 'partial')) }));
    const r = await run('upgrade', zip, '--from', 'v1.28.6+rke2r1', '--to', 'v1.28.7+rke2r1');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Not rewritten (needs your decision):');
    expect(r.out).toMatch(/kubeProxyReplacement: "partial" has no one-to-one replacement/);
  });

  it.each([
    [['--from', 'v1.30.1+rke2r1', '--to', 'v1.28.7+rke2r1'], /downgrade/],
    [['--from', 'v1.26.1+rke2r1', '--to', 'v1.28.7+rke2r1'], /skips 1 minor version/],
    [['--from', 'v1.28.6+rke2r1'], /give both --from and --to/],
    [['--from', 'v1.28.6+rke2r1', '--to', 'v1.28.7+rke2r1', '--frob'], /unknown option --frob/],
  ])('exits 2 for %j', async (args, message) => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const r = await run('upgrade', dir, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses a non-empty --write DIR with exit 3 and leaves it alone', async () => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const r = await run('upgrade', dir, '--from', 'v1.28.6+rke2r1', '--to', 'v1.28.7+rke2r1', '--write', out);
    expect(r.code).toBe(3);
    expect(r.err).toContain('is not empty');
    expect(existsSync(join(out, 'etc'))).toBe(false);
  });

  it('has --help with the exit codes, and the top-level usage lists it', async () => {
    const r = await run('upgrade', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--write DIR');
    expect(r.out).toContain('Exit codes:');
    expect((await run('--help')).out).toContain('upgrade PATH --from VERSION --to VERSION');
  });

  it('prints --json that parses, with no resolved internals', async () => {
    const dir = tempDir();
    writeTree(dir, FILES);
    const r = await run('upgrade', dir, '--from', 'v1.28.6+rke2r1', '--to', 'v1.28.7+rke2r1', '--json');
    const parsed = JSON.parse(r.out) as { from: Record<string, unknown>; findings: unknown[]; diff: string };
    expect(parsed.from.text).toBe('v1.28.6+rke2r1');
    expect(parsed.from).not.toHaveProperty('resolved');
    expect(parsed.findings.length).toBeGreaterThan(0);
    expect(parsed.diff).toContain('@@');
  });
});
