import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { dump } from 'js-yaml';
import { runCli } from '../main';
import type { CliIo } from '../io';
import { READ_LIMITS } from './validate';
import { entry, overlappingZip, rawZip, sharedStreamZip } from '../../test/zips/raw-zip';
import { defaultAnswers } from '../../domain/answers/defaults';
import { generateBundle } from '../../domain/generators';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cli-validate-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function run(...args: string[]) {
  const io = capture();
  const code = await runCli(['validate', ...args], io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

const HCC_DIR = 'var/lib/rancher/rke2/server/manifests';

describe('cli validate', () => {
  it('exits 0 on a generated bundle directory', async () => {
    const bundle = generateBundle(defaultAnswers());
    if (!bundle.ok) throw new Error('default answers must give a bundle');
    const dir = tempDir();
    writeTree(dir, Object.fromEntries(bundle.files.map((f) => [f.path, f.contents])));
    const r = await run(dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No problems found in \d+ YAML\/JSON files?\./);
  });

  it('exits 1 with "file: keyPath: message" lines for a hand-written folder of manifests', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'config.yaml': dump({ cni: 'canal' }),
      'rke2-cilium-config.yaml': dump({
        apiVersion: 'helm.cattle.io/v1',
        kind: 'HelmChartConfig',
        metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
        spec: { valuesContent: dump({ kubeProxyReplacement: 'strict' }) },
      }),
    });
    const r = await run(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('rke2-cilium-config.yaml: metadata.name: error: ');
    expect(r.out).toContain('[hcc.chartDisabled]');
    expect(r.out).toContain('rke2-cilium-config.yaml: spec.valuesContent.kubeProxyReplacement: error: ');
    expect(r.out).toMatch(/2 errors, 0 warnings/);
  });

  it('accepts a lone config.yaml file', async () => {
    const dir = tempDir();
    writeTree(dir, { 'config.yaml': 'cni: "multus, canal"\n' });
    const r = await run(join(dir, 'config.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('config.yaml: cni: error: RKE2 exits with "Invalid value  canal for --cni flag');
  });

  it('exits 0 with warnings only', async () => {
    const dir = tempDir();
    writeTree(dir, { 'config.yaml': 'cni: cilium\ndisable-kube-proxy: true\n' });
    const r = await run(dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning');
  });

  it('prints JSON with --json', async () => {
    const dir = tempDir();
    writeTree(dir, { 'config.yaml': 'cni: multus\n' });
    const r = await run(dir, '--json');
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as {
      errors: number;
      issues: { messageId: string; file: string; keyPath: string }[];
    };
    expect(parsed.errors).toBe(1);
    expect(parsed.issues[0]).toMatchObject({ messageId: 'cni.multusAlone', file: 'config.yaml', keyPath: 'cni' });
  });

  it('reads a bundle zip and shows paths inside its root folder', async () => {
    const dir = tempDir();
    const zip = zipSync({
      'rke2-cni-canal-v1.33.6-rke2r1/etc/rancher/rke2/config.yaml': strToU8('cni: [canal, multus]\n'),
      'rke2-cni-canal-v1.33.6-rke2r1/README.md': strToU8('# readme'),
    });
    writeFileSync(join(dir, 'bundle.zip'), zip);
    const r = await run(join(dir, 'bundle.zip'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('etc/rancher/rke2/config.yaml: cni: error:');
    expect(r.out).toContain('[cni.multusNotFirst]');
  });

  it('refuses a zip with an entry outside the bundle (path traversal)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'evil.zip'), zipSync({ '../../etc/passwd.yaml': strToU8('a: 1\n') }));
    const r = await run(join(dir, 'evil.zip'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('outside the bundle');
  });

  it('refuses a zip that unpacks beyond the size cap (zip bomb)', async () => {
    const dir = tempDir();
    const big = new Uint8Array(READ_LIMITS.maxFileBytes + 1); // zeros compress to almost nothing
    writeFileSync(join(dir, 'bomb.zip'), zipSync({ 'a.yaml': big }, { level: 9 }));
    const r = await run(join(dir, 'bomb.zip'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/declares \d+ bytes; at most \d+ are read/);
  });

  it('refuses the red-team zips: shared streams, overlapping entries, lying sizes, bad CRC', async () => {
    const dir = tempDir();
    const cases: [string, Uint8Array, RegExp][] = [
      ['shared.zip', sharedStreamZip(1000, 1024 * 1024), /disagrees with the central directory/],
      ['shared-same-name.zip', sharedStreamZip(1000, 1024 * 1024, true), /twice/],
      ['overlap.zip', overlappingZip(), /overlaps/],
      [
        'lying.zip',
        rawZip([{ ...entry('a.yaml', new Uint8Array(1 << 20).fill(0x20)), size: 100 }]),
        /more than the 100 bytes/,
      ],
      ['crc.zip', rawZip([{ ...entry('a.yaml', strToU8('a: 1\n')), crc: 1 }]), /CRC-32/],
      ['encrypted.zip', rawZip([{ ...entry('a.yaml', strToU8('a: 1\n')), flags: 1 }]), /encrypted/],
    ];
    for (const [name, bytes, expected] of cases) {
      writeFileSync(join(dir, name), bytes);
      const r = await run(join(dir, name));
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(expected);
      expect(r.out, name).not.toMatch(/No problems found/);
    }
  }, 20_000);

  it('exits 2 when a zip or a folder holds no YAML or JSON at all', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'docs.zip'), zipSync({ 'notes.txt': strToU8('hello') }));
    const zip = await run(join(dir, 'docs.zip'));
    expect(zip.code).toBe(2);
    expect(zip.err).toMatch(/no YAML or JSON/);
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'notes.txt'), 'hello');
    const folder = await run(join(dir, 'folder'));
    expect(folder.code).toBe(2);
    expect(folder.out).not.toMatch(/No problems found/);
  });

  it('a file over the per-file cap is reported as too large, read no further than the cap', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'huge.yaml'), `a: "${'x'.repeat(READ_LIMITS.maxFileBytes * 3)}"\n`);
    writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    const r = await run(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/huge\.yaml: error: The file is \d+ bytes; the doctor reads at most/);
  });

  it('exits 2 on a missing path, a file that is not a zip, a bad option, or no path', async () => {
    const dir = tempDir();
    writeTree(dir, { 'notes.txt': 'hello', 'fake.zip': 'not a zip at all' });
    for (const args of [
      [join(dir, 'missing')],
      [join(dir, 'notes.txt')],
      [join(dir, 'fake.zip')],
      [dir, '--strict'],
      [],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.length, args.join(' ')).toBeGreaterThan(10);
      expect(r.out).toBe('');
    }
  });

  it('reports invalid YAML with its line, and an unusable manifest extension', async () => {
    const dir = tempDir();
    writeTree(dir, {
      [`${HCC_DIR}/broken.yaml`]: 'a: [1\n',
      [`${HCC_DIR}/rke2-canal-config.yml.bak`]: 'x',
      [`${HCC_DIR}/rke2-ingress-nginx.yaml.skip`]: '',
    });
    const r = await run(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/broken\.yaml: error: This is not valid YAML: .*line 2/);
    expect(r.out).toContain('rke2-canal-config.yml.bak: warning: ');
    expect(r.out).not.toContain('.skip');
  });

  it('prints usage with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('validate PATH [--release VERSION] [--json]');
  });
});
