import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from '../../test/scenarios';
import { generateBundle, type BundleFile } from './index';
import { parseAnswersText } from '../answers';
import { evaluate } from '../engine/evaluate';
import { buildPlan } from './plan';
import { cniList } from './rke2-config';
import { firewallRules } from './firewall';
import { CHART_NAME } from '../facts/cni-names';

/**
 * Golden files. Configuration (config.yaml, HelmChartConfigs, kubectl-apply/, answers.yaml, Rancher's Cluster)
 * is kept for every named scenario that yields a bundle, so a change to any emitted value shows up as a diff.
 * Scripts, firewall files and the README are kept for a few representative scenarios only, and every other
 * bundle is held to invariants below, so a one-line change to a script is a one-file diff.
 * Update with `npx vitest run src/domain/generators/golden.test.ts -u`.
 */
const GOLDEN = fileURLToPath(new URL('./__golden__', import.meta.url));

/** Scenarios whose every file is a golden file. */
const REPRESENTATIVE: readonly (keyof typeof SCENARIOS)[] = [
  'stockCluster',
  'ciliumKubeProxyFree',
  'windowsWorkers',
  'sriovTelco',
  'ipv6Only',
];

/** Files kept as golden files only for the representative scenarios. */
const isScriptOrProse = (path: string) =>
  path.startsWith('scripts/') || path.startsWith('firewall/') || path === 'README.md';

function walk(root: string, prefix = ''): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((n) =>
    statSync(join(root, n)).isDirectory() ? walk(join(root, n), `${prefix}${n}/`) : [`${prefix}${n}`],
  );
}

const produced = Object.entries(SCENARIOS).flatMap(([name, s]) => {
  const r = generateBundle(s.answers);
  return r.ok ? [{ name, answers: s.answers, files: r.files, bundle: r.name }] : [];
});
const golden = (name: string, files: readonly BundleFile[]) =>
  (REPRESENTATIVE as readonly string[]).includes(name) ? files : files.filter((f) => !isScriptOrProse(f.path));

describe('golden bundles of the named scenarios', () => {
  it('covers most scenarios, and every representative one', () => {
    expect(produced.length).toBeGreaterThan(Object.keys(SCENARIOS).length / 2);
    expect(REPRESENTATIVE.filter((n) => !produced.some((p) => p.name === n))).toEqual([]);
  });

  for (const { name, files } of produced) {
    it(name, async () => {
      for (const f of golden(name, files)) await expect(f.contents).toMatchFileSnapshot(join(GOLDEN, name, f.path));
    });
  }

  it('rebuilds every bundle byte for byte from its own answers.yaml', () => {
    for (const { name, files } of produced) {
      const parsed = parseAnswersText(files.find((f) => f.path === 'answers.yaml')!.contents);
      expect(parsed.ok, name).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.dropped).toEqual([]);
      const again = generateBundle(parsed.answers);
      expect(again.ok && again.files, name).toEqual(files);
    }
  });

  it('holds no stale golden files or folders', () => {
    const expected = new Set(
      produced.flatMap(({ name, files }) => golden(name, files).map((f) => `${name}/${f.path}`)),
    );
    const onDisk = walk(GOLDEN);
    expect(onDisk.filter((p) => !expected.has(p))).toEqual([]);
  });
});

describe('scripts and README of every scenario (invariants)', () => {
  const contents = (files: readonly BundleFile[], path: string) => files.find((f) => f.path === path)?.contents ?? '';

  it('every script passes bash -n', { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-sh-'));
    try {
      const paths: string[] = [];
      for (const { name, files } of produced)
        for (const f of files.filter((x) => x.path.endsWith('.sh'))) {
          const path = join(dir, `${name}__${f.path.replace(/\//g, '_')}`);
          writeFileSync(path, f.contents);
          paths.push(path);
        }
      expect(paths.length).toBeGreaterThanOrEqual(produced.length * 3);
      // One bash runs `bash -n` on each file and prints the ones that fail.
      const r = spawnSync(
        'bash',
        ['-c', 'for f in "$@"; do bash -n "$f" 2>&1 || echo "FAILED $f"; done', 'bash', ...paths],
        {
          encoding: 'utf8',
        },
      );
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('preflight.sh has exactly one kernel check per plan.kernelChecks, with its kernel', () => {
    for (const { name, answers, files } of produced) {
      const decision = evaluate(answers);
      const plan = buildPlan(answers, decision, decision.chosen!);
      const lines = contents(files, 'scripts/preflight.sh')
        .split('\n')
        .filter((l) => l.startsWith('if version_ge "$KERNEL_BASE"'));
      expect(lines.length, name).toBe(plan.kernelChecks.length);
      plan.kernelChecks.forEach((c, i) => {
        expect(lines[i], name).toContain(`version_ge "$KERNEL_BASE" ${c.kernel}`);
        expect(lines[i], name).toContain(c.severity === 'FAIL' ? '; else fail ' : '; else warn ');
      });
    }
  });

  it('preflight.sh checks ::1 localhost exactly on IPv6-only clusters', () => {
    for (const { name, answers, files } of produced) {
      const checks = contents(files, 'scripts/preflight.sh').includes('if has_ipv6_localhost /etc/hosts');
      expect(checks, name).toBe(answers.addressing.ipFamily === 'ipv6');
    }
  });

  it('verify.sh waits for the HelmChart of every chart in cni', () => {
    for (const { name, answers, files } of produced) {
      const decision = evaluate(answers);
      const plan = buildPlan(answers, decision, decision.chosen!);
      const verify = contents(files, 'scripts/verify.sh');
      const charts = cniList(plan).flatMap((c) => (c === 'none' ? [] : [CHART_NAME[c as keyof typeof CHART_NAME]]));
      expect(charts.length, name).toBe(cniList(plan).filter((c) => c !== 'none').length);
      for (const chart of charts) expect(verify, name).toContain(`get helmchart ${chart}`);
    }
  });

  it('the firewall files open every port of the plan', () => {
    for (const { name, answers, files } of produced) {
      const decision = evaluate(answers);
      const plan = buildPlan(answers, decision, decision.chosen!);
      const firewalld = contents(files, 'firewall/firewalld.sh');
      const nft = contents(files, 'firewall/nftables.conf');
      for (const r of firewallRules(plan).filter((x) => x.protocol === 'TCP' || x.protocol === 'UDP')) {
        const port = String(r.port);
        expect(firewalld, `${name} ${port}`).toContain(`--add-port=${port}/${r.protocol.toLowerCase()}`);
        expect(nft, `${name} ${port}`).toMatch(
          new RegExp(`${r.protocol.toLowerCase()} dport [^\\n]*\\b${port.replace('-', '\\-')}\\b`),
        );
      }
    }
  });

  it('README names the chosen CNI, the release and every emitted file', () => {
    for (const { name, answers, files } of produced) {
      const decision = evaluate(answers);
      const readme = contents(files, 'README.md');
      expect(readme.split('\n')[0], name).toBe(
        `# RKE2 CNI bundle: ${decision.chosen!}${decision.multus ? ' with Multus' : ''} on ${answers.cluster.release}`,
      );
      for (const f of files.filter((x) => x.path !== 'README.md'))
        expect(readme, `${name} ${f.path}`).toContain(`| \`${f.path}\` |`);
    }
  });
});
