import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  existsSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { Readable } from 'node:stream';
import { runCli } from '../main';
import { BUNDLE_MARKER } from './generate';
import type { CliIo } from '../io';
import { answersToYaml, defaultAnswers } from '../../domain/answers';
import { generateBundle } from '../../domain/generators';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-generate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** Everything in the temp dir except the answers files: proves nothing (not even a staging folder) was left behind. */
const leftovers = () => readdirSync(dir).filter((n) => !/\.(ya?ml|json)$/.test(n));

/** A pipe that never ends (like `yes | generate --answers -`); counts what was pulled from it. */
function endless(): Readable & { served: number } {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const stream = new Readable({
    read() {
      stream.served += chunk.length;
      this.push(chunk);
    },
  }) as Readable & { served: number };
  stream.served = 0;
  return stream;
}

function walk(root: string, prefix = ''): string[] {
  return readdirSync(root).flatMap((n) =>
    statSync(join(root, n)).isDirectory() ? walk(join(root, n), `${prefix}${n}/`) : [`${prefix}${n}`],
  );
}

describe('cli generate', () => {
  it('writes the bundle into a directory, identical to the domain bundle, scripts executable', async () => {
    const answers = defaultAnswers();
    const io = capture();
    const out = join(dir, 'bundle');
    expect(await runCli(['generate', '--answers', write('a.yaml', answersToYaml(answers)), '--out', out], io)).toBe(0);
    const expected = generateBundle(answers);
    if (!expected.ok) throw new Error('stock answers blocked');
    expect(walk(out).sort()).toEqual([...expected.files.map((f) => f.path), BUNDLE_MARKER].sort());
    for (const f of expected.files) {
      expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.contents);
      expect(statSync(join(out, f.path)).mode & 0o777).toBe(f.executable ? 0o755 : 0o644);
    }
    expect(io.out.join('\n')).toContain(expected.name);
    expect(leftovers()).toEqual(['bundle']);
  });

  it('writes a deterministic zip named after the CNI and release', async () => {
    const text = answersToYaml({ ...defaultAnswers(), choice: { forcedCni: 'cilium' } });
    const a = write('a.yaml', text);
    expect(await runCli(['generate', '--answers', a, '--out', join(dir, 'one.zip')], capture())).toBe(0);
    expect(await runCli(['generate', '--answers', a, '--out', join(dir, 'two.zip')], capture())).toBe(0);
    const one = readFileSync(join(dir, 'one.zip'));
    expect(one.equals(readFileSync(join(dir, 'two.zip')))).toBe(true);
    const names = Object.keys(unzipSync(one));
    expect(names.every((n) => n.startsWith('rke2-cni-cilium-v1.36.4-rke2r1/'))).toBe(true);
    expect(strFromU8(unzipSync(one)['rke2-cni-cilium-v1.36.4-rke2r1/answers.yaml']!)).toContain('forcedCni: cilium');
  });

  it('never replaces a directory that is not one of its bundles, even with --force', async () => {
    const out = join(dir, 'home');
    mkdirSync(join(out, 'docs'), { recursive: true });
    writeFileSync(join(out, 'docs', 'thesis.txt'), 'four years of work');
    writeFileSync(join(out, '.bashrc'), 'alias ll="ls -l"');
    const a = write('a.yaml', '{}');
    for (const args of [[], ['--force']]) {
      const io = capture();
      expect(await runCli(['generate', '--answers', a, '--out', out, ...args], io)).toBe(2);
      expect(io.err.join('\n')).toMatch(/holds no bundle written by this tool/);
      expect(readFileSync(join(out, 'docs', 'thesis.txt'), 'utf8')).toBe('four years of work');
      expect(readdirSync(out).sort()).toEqual(['.bashrc', 'docs']);
    }
    expect(leftovers()).toEqual(['home']);
  });

  it('replaces its own bundle directory only with --force', async () => {
    const out = join(dir, 'bundle');
    const a = write('a.yaml', '{}');
    expect(await runCli(['generate', '--answers', a, '--out', out], capture())).toBe(0);
    expect(existsSync(join(out, BUNDLE_MARKER))).toBe(true);
    writeFileSync(join(out, 'stale.txt'), 'from an older bundle');
    const io = capture();
    expect(await runCli(['generate', '--answers', a, '--out', out], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--force/);
    expect(await runCli(['generate', '--answers', a, '--out', out, '--force'], capture())).toBe(0);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'README.md'))).toBe(true);
    expect(leftovers()).toEqual(['bundle']);
  });

  it('refuses a symbolic link as the output, and leaves what it points at alone', async () => {
    const real = join(dir, 'real');
    mkdirSync(real);
    writeFileSync(join(real, 'mine.txt'), 'keep me');
    symlinkSync(real, join(dir, 'link'));
    const io = capture();
    expect(
      await runCli(['generate', '--answers', write('a.yaml', '{}'), '--out', join(dir, 'link'), '--force'], io),
    ).toBe(2);
    expect(io.err.join('\n')).toMatch(/symbolic link/);
    expect(readdirSync(real)).toEqual(['mine.txt']);
  });

  it('fills an existing empty directory, and replaces a zip only with --force', async () => {
    const out = join(dir, 'empty');
    mkdirSync(out);
    const a = write('a.yaml', '{}');
    expect(await runCli(['generate', '--answers', a, '--out', out], capture())).toBe(0);
    expect(existsSync(join(out, 'etc/rancher/rke2/config.yaml'))).toBe(true);
    const zip = join(dir, 'b.zip');
    writeFileSync(zip, 'old notes, not a zip');
    const io = capture();
    expect(await runCli(['generate', '--answers', a, '--out', zip, '--force'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/not a zip file/);
    expect(readFileSync(zip, 'utf8')).toBe('old notes, not a zip');
    rmSync(zip);
    expect(await runCli(['generate', '--answers', a, '--out', zip], capture())).toBe(0);
    const first = readFileSync(zip);
    expect(
      await runCli(['generate', '--answers', write('b.yaml', 'cluster: {size: large}'), '--out', zip], capture()),
    ).toBe(2);
    expect(readFileSync(zip).equals(first)).toBe(true);
    expect(await runCli(['generate', '--answers', a, '--out', zip, '--force'], capture())).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(zip))).length).toBeGreaterThan(4);
    expect(leftovers().sort()).toEqual(['b.zip', 'empty']);
  });

  it('reports a missing answers file on stderr with exit 2 and writes nothing', async () => {
    const io = capture();
    expect(await runCli(['generate', '--answers', join(dir, 'nope.yaml'), '--out', join(dir, 'b')], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/No such file/);
    expect(leftovers()).toEqual([]);
  });

  it('reports invalid YAML with its line, exit 2, nothing written', async () => {
    const io = capture();
    expect(
      await runCli(
        ['generate', '--answers', write('bad.yaml', 'cluster:\n  release: [v1.33\n'), '--out', join(dir, 'b.zip')],
        io,
      ),
    ).toBe(2);
    expect(io.err.join('\n')).toMatch(/line \d+/);
    expect(leftovers()).toEqual([]);
  });

  it('warns about unknown fields and still writes', async () => {
    const io = capture();
    expect(
      await runCli(
        ['generate', '--answers', write('a.yaml', 'cluster:\n  colour: blue\n'), '--out', join(dir, 'b')],
        io,
      ),
    ).toBe(0);
    expect(io.err.join('\n')).toMatch(/unknown fields.*cluster\.colour/);
  });

  it('rejects a bad CIDR with the field name, exit 2, no output left behind', async () => {
    const io = capture();
    expect(
      await runCli(
        [
          'generate',
          '--answers',
          write('a.yaml', 'addressing:\n  clusterCidrV4: 10.42.0.0/33\n'),
          '--out',
          join(dir, 'b'),
        ],
        io,
      ),
    ).toBe(2);
    expect(io.err.join('\n')).toContain('addressing.clusterCidrV4');
    expect(leftovers()).toEqual([]);
  });

  it('refuses blocked answers with exit 1, lists the blocking findings, writes nothing', async () => {
    const io = capture();
    const text =
      'cluster:\n  windowsNodes: true\naddressing:\n  ipFamily: dual\n  clusterCidrV6: fd00:42::/56\n  serviceCidrV6: fd00:43::/112\n';
    expect(await runCli(['generate', '--answers', write('a.yaml', text), '--out', join(dir, 'b.zip')], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/Nothing was written/);
    expect(io.err.join('\n')).toMatch(/cluster\.windowsNodes|addressing\.ipFamily/);
    expect(leftovers()).toEqual([]);
  });

  it('reads at most the cap plus one byte from /dev/zero, an endless pipe or stdin', async () => {
    for (const [source, stdin] of [
      ['/dev/zero', undefined],
      ['-', endless()],
    ] as const) {
      const io = { ...capture(), ...(stdin ? { stdin } : {}) };
      expect(await runCli(['generate', '--answers', source, '--out', join(dir, 'b')], io), source).toBe(2);
      expect(io.err.join('\n'), source).toMatch(/more than 256 KiB/);
      if (stdin) expect(stdin.served, 'bytes pulled from the pipe').toBeLessThan(2 * 1024 * 1024);
    }
    expect(leftovers()).toEqual([]);
  });

  it('reads answers from stdin with "-"', async () => {
    const io = { ...capture(), stdin: Readable.from([Buffer.from('cluster: {size: large}\n')]) };
    expect(await runCli(['generate', '--answers', '-', '--out', join(dir, 'b')], io)).toBe(0);
    expect(readFileSync(join(dir, 'b', 'answers.yaml'), 'utf8')).toContain('size: large');
  });

  it('explains usage errors with exit 2 and prints help with exit 0', async () => {
    const io = capture();
    expect(await runCli(['generate', '--answers', write('a.yaml', '{}')], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--out/);
    const help = capture();
    expect(await runCli(['generate', '--help'], help)).toBe(0);
    expect(help.out.join('\n')).toMatch(/Exit codes/);
  });
});
