import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answersToYaml } from '../../domain/answers';
import { evaluate, type ExplainedDecision } from '../../domain/engine';
import { SCENARIOS, type ScenarioName } from '../../test/scenarios';
import type { CliIo } from '../io';
import { runCli } from '../main';
import { discoverOutput } from '../../test/discover-fixture';

/** A real CliIo that keeps what the command writes. */
function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => {
      out.push(t);
    },
    stderr: (t) => {
      err.push(t);
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'recommend-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
function file(contents: string | Buffer, ext = 'yaml'): string {
  const path = join(dir, `answers-${++counter}.${ext}`);
  writeFileSync(path, contents);
  return path;
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await runCli(['recommend', ...argv], io);
  return { code, stdout: io.out.join('\n'), stderr: io.err.join('\n') };
}

const NO_STACK = /\n\s+at .+:\d+:\d+/;

describe('cli recommend', () => {
  it('--help documents the options, exit codes, the answers format and the schema', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    for (const text of [
      '--answers FILE',
      '--json',
      'Exit codes',
      'schema/answers.schema.json',
      'cluster:',
      'kubeProxyReplacement',
      'forcedCni',
    ]) {
      expect(stdout).toContain(text);
    }
  });

  it('prints the ranking with statuses, reasons and source links for a YAML file', async () => {
    const { code, stdout, stderr } = await run('--answers', file(answersToYaml(SCENARIOS.stockCluster.answers)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Recommended: canal/);
    expect(stdout).toMatch(/1\. canal\s+recommended/);
    expect(stdout).toMatch(/flannel\s+unavailable/);
    expect(stdout).toContain('<https://docs.rke2.io/networking/basic_network_options>');
    expect(stdout).toContain('Notes:');
  });

  it.each<ScenarioName>([
    'windowsWorkers',
    'l7Policy',
    'ciliumKubeProxyFree',
    'sriovTelco',
    'cisWithCalico',
    'bgpPeering',
  ])('--json gives the engine decision for scenario %s, with text on every reason', async (name) => {
    const { code, stdout } = await run('--answers', file(answersToYaml(SCENARIOS[name].answers)), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { ok: boolean; answers: unknown; decision: ExplainedDecision };
    const expected = evaluate(SCENARIOS[name].answers);
    expect(out.ok).toBe(true);
    expect(out.answers).toEqual(SCENARIOS[name].answers);
    expect(out.decision.recommended).toBe(expected.recommended);
    expect(out.decision.chosen).toBe(expected.chosen);
    expect(out.decision.candidates.map((c) => [c.cni, c.status])).toEqual(
      expected.candidates.map((c) => [c.cni, c.status]),
    );
    for (const r of out.decision.candidates.flatMap((c) => c.reasons)) {
      expect(r.text.length).toBeGreaterThan(0);
      expect(r.source.url).toMatch(/^https:\/\//);
    }
  });

  it('reads JSON answers too', async () => {
    const { code, stdout } = await run(
      '--json',
      `--answers=${file(JSON.stringify({ security: { encryption: 'ipsec' } }), 'json')}`,
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { decision: ExplainedDecision }).decision.recommended).toBe('cilium');
  });

  it('exits 1 and names the fields when a blocking finding stands', async () => {
    const { code, stdout } = await run('--answers', file(answersToYaml(SCENARIOS.windowsDualStackConflict.answers)));
    expect(code).toBe(1);
    expect(stdout).toContain('Blocking errors');
    expect(stdout).toContain('[answers: cluster.windowsNodes, addressing.ipFamily]');
    // The smallest fixes, with the answers-file keys to edit.
    expect(stdout).toContain(
      'Smallest changes that make it work (each checked against the same rules):\n  > Set "IP family" to IPv4 only [addressing.ipFamily: "ipv4"]: Use Calico.\n  > Turn off "Windows worker nodes" [cluster.windowsNodes: false]: Use Canal.',
    );
    const json = await run('--answers', file(answersToYaml(SCENARIOS.windowsDualStackConflict.answers)), '--json');
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { ok: boolean; decision: ExplainedDecision };
    expect(out.ok).toBe(false);
    expect(out.decision.blocking.map((f) => f.messageId)).toEqual(['windowsDualStack']);
  });

  it('exits 2 with field errors on stderr for invalid answers, never a stack trace', async () => {
    const { code, stdout, stderr } = await run(
      '--answers',
      file('addressing:\n  clusterCidrV4: 10.42.0.0/33\nnodes:\n  underlayMtu: 99999\n'),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('addressing.clusterCidrV4');
    expect(stderr).toContain('nodes.underlayMtu');
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('reports YAML syntax errors with their line', async () => {
    const { code, stderr } = await run('--answers', file('cluster:\n  release: [unclosed\n'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/line \d+/);
  });

  it('warns about unknown fields on stderr but still answers', async () => {
    const { code, stderr } = await run('--answers', file('colour: blue\n'));
    expect(code).toBe(0);
    expect(stderr).toContain('colour');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.yaml'), /No such file/],
    ['a directory', () => dir, /is a directory/],
    ['an oversized file', () => file(`# ${'x'.repeat(300 * 1024)}\n`), /at most 256 KiB/],
    ['a binary file', () => file(Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02])), /not a UTF-8 text file/],
    ['an empty file', () => file(''), /empty/],
  ])('exits 2 with a clear message for %s', async (_label, path, message) => {
    const { code, stderr } = await run('--answers', path());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it.each([
    [[], /Missing --answers/],
    [['--answers'], /needs a file name/],
    [['--answers', 'a.yaml', '--frobnicate'], /Unknown option "--frobnicate"/],
  ])('exits 2 on bad usage %j', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('is listed in the top-level usage', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out.join('\n')).toContain('recommend --answers FILE [--json]');
  });
});

describe('cli recommend with discover.sh output', () => {
  it('takes several nodes merged: oldest kernel, smallest MTU, and reports an interface mismatch', async () => {
    const text =
      discoverOutput({ hostname: 'a', kernel: '6.8.0-45-generic', iface: 'ens192', mtu: 1500, family: 'dual' }) +
      discoverOutput({ hostname: 'b', kernel: '5.15.0-105-generic', iface: 'eth0', mtu: 1450, family: 'ipv4' });
    const { code, stdout, stderr } = await run('--answers', file(text), '--json');
    expect(code).toBe(0);
    const answers = (
      JSON.parse(stdout) as { answers: { nodes: Record<string, unknown>; addressing: { ipFamily: string } } }
    ).answers;
    expect(answers.nodes).toMatchObject({ kernel: '5.15.0-105-generic', interface: '', underlayMtu: 1450 });
    expect(answers.addressing.ipFamily).toBe('ipv4');
    expect(stderr).toContain('Node discovery: From 2 nodes');
    expect(stderr).toContain('https://github.com/rancher/rke2/issues/1889');
  });

  it('refuses a mix of discover output and another document, on stderr with exit 2', async () => {
    const text = `${discoverOutput({ hostname: 'a', kernel: '6.8.0', iface: 'eth0', mtu: 1500, family: 'ipv4' })}---\ncluster: {}\n`;
    const { code, stderr } = await run('--answers', file(text));
    expect(code).toBe(2);
    expect(stderr).toContain('Document 2 is not discover.sh output');
  });
});
