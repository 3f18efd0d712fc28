/**
 * upgrade: a catalogue of (files, from, to) pairs covering every change of issue 13 §2, with the
 * expected findings and rewrites; the unified diff applied back gives the rewritten file; and a sweep
 * of our own generated bundles over every class of release pair.
 */
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import fc from 'fast-check';
import { upgradeFiles, type UpgradeFindingKind, type UpgradeReport } from './upgrade';
import { unifiedDiff } from './unified-diff';
import type { BundleInputFile } from './index';
import { generateBundle } from '../generators';
import { defaultAnswers } from '../answers/defaults';
import type { Answers } from '../answers/types';
import { RELEASES } from '../rke2/releases';

const CONFIG = 'etc/rancher/rke2/config.yaml';
const M = 'var/lib/rancher/rke2/server/manifests';

const hcc = (name: string, values: string) => `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: ${name}
  namespace: kube-system
spec:
  valuesContent: |-
${values
  .trim()
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;

const asFiles = (files: Record<string, string>): BundleInputFile[] =>
  Object.entries(files).map(([path, contents]) => ({ path, contents }));

/** The chart values of the rewritten HCC at `path`. */
function rewrittenValues(report: UpgradeReport, path: string): Record<string, unknown> {
  const r = report.rewrites.find((x) => x.path === path);
  expect(r, `no rewrite of ${path}`).toBeDefined();
  const doc = load(r!.after) as { spec: { valuesContent: string } };
  return load(doc.spec.valuesContent) as Record<string, unknown>;
}

interface Pair {
  what: string;
  source: string;
  from: string;
  to: string;
  files: Record<string, string>;
  findings: { kind: UpgradeFindingKind; id: string; keyPath?: string; rewritten?: boolean }[];
  /** Values of the rewritten rke2-*-config.yaml HCC (subset match). */
  rewritten?: { file: string; values: Record<string, unknown>; absent?: string[] };
  /** keyPaths (suffixes) that must be listed as not rewritable. */
  unrewritten?: string[];
  hiddenMinor?: string[];
}

const CILIUM = `${M}/rke2-cilium-config.yaml`;
const CALICO = `${M}/rke2-calico-config.yaml`;

const PAIRS: Pair[] = [
  {
    what: 'kubeProxyReplacement strict → true across Cilium 1.14 → 1.15 in a patch upgrade',
    source: 'https://github.com/rancher/rke2/issues/4862',
    from: 'v1.28.6+rke2r1',
    to: 'v1.28.7+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [CILIUM]: hcc('rke2-cilium', 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.10\nk8sServicePort: 6443'),
    },
    findings: [
      { kind: 'rejects', id: 'cilium.kprInvalid', keyPath: 'spec.valuesContent.kubeProxyReplacement', rewritten: true },
    ],
    rewritten: { file: CILIUM, values: { kubeProxyReplacement: true, k8sServiceHost: '10.0.0.10' } },
    hiddenMinor: ['rke2-cilium'],
  },
  {
    what: 'tunnel: disabled → routingMode: native with the CIDR from config.yaml and autoDirectNodeRoutes',
    source: 'https://github.com/rancher/rke2/issues/4910',
    from: 'v1.27.10+rke2r1',
    to: 'v1.27.11+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ncluster-cidr: 10.44.0.0/16\n',
      [CILIUM]: hcc('rke2-cilium', 'tunnel: disabled'),
    },
    findings: [{ kind: 'rejects', id: 'cilium.legacyTunnel', keyPath: 'spec.valuesContent.tunnel', rewritten: true }],
    rewritten: {
      file: CILIUM,
      values: { routingMode: 'native', ipv4NativeRoutingCIDR: '10.44.0.0/16', autoDirectNodeRoutes: true },
      absent: ['tunnel'],
    },
  },
  {
    what: 'tunnel: geneve → routingMode: tunnel, tunnelProtocol: geneve',
    source: 'https://github.com/cilium/cilium/pull/29053',
    from: 'v1.29.0+rke2r1',
    to: 'v1.29.2+rke2r1',
    files: { [CILIUM]: hcc('rke2-cilium', 'tunnel: geneve') },
    findings: [{ kind: 'rejects', id: 'cilium.legacyTunnel', rewritten: true }],
    rewritten: { file: CILIUM, values: { routingMode: 'tunnel', tunnelProtocol: 'geneve' }, absent: ['tunnel'] },
  },
  {
    what: 'the cilium: wrapper removed when the chart moves to flat values',
    source: 'https://github.com/rancher/rke2/issues/2738',
    from: 'v1.22.7+rke2r2',
    to: 'v1.22.8+rke2r1',
    files: { [CILIUM]: hcc('rke2-cilium', 'cilium:\n  prometheus:\n    enabled: true\n    port: 6943') },
    findings: [{ kind: 'ignores', id: 'cilium.wrapperKey', keyPath: 'spec.valuesContent.cilium', rewritten: true }],
    rewritten: { file: CILIUM, values: { prometheus: { enabled: true, port: 6943 } }, absent: ['cilium'] },
  },
  {
    what: 'the cilium: wrapper and strict together: unwrapped, then strict → true',
    source: 'https://github.com/rancher/rke2/issues/2738',
    from: 'v1.27.10+rke2r1',
    to: 'v1.27.11+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [CILIUM]: hcc(
        'rke2-cilium',
        'cilium:\n  kubeProxyReplacement: strict\n  k8sServiceHost: 127.0.0.1\n  k8sServicePort: 6443',
      ),
    },
    findings: [],
    rewritten: { file: CILIUM, values: { kubeProxyReplacement: true, k8sServicePort: 6443 }, absent: ['cilium'] },
  },
  {
    what: 'wireguard.userspaceFallback dropped with Cilium 1.17',
    source: 'https://docs.cilium.io/en/v1.17/operations/upgrade/#upgrade-notes',
    from: 'v1.31.5+rke2r1',
    to: 'v1.31.6+rke2r1',
    files: {
      [CILIUM]: hcc(
        'rke2-cilium',
        'encryption:\n  enabled: true\n  type: wireguard\n  wireguard:\n    userspaceFallback: true',
      ),
    },
    findings: [{ kind: 'ignores', id: 'cilium.userspaceFallbackRemoved', rewritten: true }],
    rewritten: { file: CILIUM, values: { encryption: { enabled: true, type: 'wireguard' } } },
    hiddenMinor: ['rke2-cilium'],
  },
  {
    what: 'Felix iptables keys dropped from rke2-calico',
    source: 'https://github.com/rancher/rke2-charts/pull/277',
    from: 'v1.23.10+rke2r1',
    to: 'v1.23.12+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\n',
      [CALICO]: hcc('rke2-calico', 'felixConfiguration:\n  iptablesBackend: Auto\n  logSeverityScreen: Info'),
    },
    findings: [{ kind: 'other', id: 'calico.felixKeyDropped', rewritten: true }],
    rewritten: { file: CALICO, values: { felixConfiguration: { logSeverityScreen: 'Info' } } },
  },
  {
    what: 'cni.exclusive default flips to false underneath a Cilium cluster',
    source: 'https://github.com/rancher/rke2/issues/9040',
    from: 'v1.33.5+rke2r1',
    to: 'v1.33.6+rke2r1',
    files: { [CONFIG]: 'cni: cilium\n' },
    findings: [{ kind: 'default-changed', id: 'upgrade.exclusiveDefault', keyPath: 'cni' }],
  },
  {
    what: 'cni.exclusive: false becomes redundant',
    source: 'https://github.com/rancher/rke2/issues/9074',
    from: 'v1.31.13+rke2r1',
    to: 'v1.31.14+rke2r1',
    files: { [CONFIG]: 'cni: [multus, cilium]\n', [CILIUM]: hcc('rke2-cilium', 'cni:\n  exclusive: false') },
    findings: [
      { kind: 'default-changed', id: 'upgrade.exclusiveRedundant', keyPath: 'spec.valuesContent.cni.exclusive' },
    ],
  },
  {
    what: 'chainingMode defaults to portmap with Cilium 1.12.3',
    source: 'https://github.com/rancher/rke2/pull/3511',
    from: 'v1.24.6+rke2r1',
    to: 'v1.24.8+rke2r1',
    files: { [CONFIG]: 'cni: cilium\n', [CILIUM]: hcc('rke2-cilium', 'cni:\n  chainingMode: portmap') },
    findings: [{ kind: 'default-changed', id: 'upgrade.portmapRedundant' }],
  },
  {
    what: 'firstFound: false no longer needed once the chart sets firstFound itself',
    source: 'https://github.com/rancher/rke2-charts/pull/382',
    from: 'v1.27.7+rke2r1',
    to: 'v1.27.8+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\n',
      [CALICO]: hcc(
        'rke2-calico',
        'installation:\n  calicoNetwork:\n    nodeAddressAutodetectionV4:\n      firstFound: false\n      interface: eth1',
      ),
    },
    findings: [{ kind: 'default-changed', id: 'upgrade.firstFoundRedundant' }],
  },
  // Default changes read from the two chart versions' generated values.yaml defaults (chart-defaults.ts).
  {
    what: 'rke2-flannel backendPort default moves from 0 (flannel picks 8472) to 4789 under a plain flannel cluster',
    source: 'https://github.com/flannel-io/flannel/issues/1916',
    from: 'v1.27.12+rke2r1',
    to: 'v1.27.13+rke2r1',
    files: { [CONFIG]: 'cni: flannel\n' },
    findings: [{ kind: 'default-changed', id: 'upgrade.flannelPortDefault', keyPath: 'cni' }],
  },
  {
    what: 'manifests.configMap: true becomes the rke2-multus v4.2.106 default',
    source: 'https://github.com/rancher/rke2/issues/8577',
    from: 'v1.32.6+rke2r1',
    to: 'v1.32.7+rke2r1',
    files: {
      [CONFIG]: 'cni: [multus, canal]\n',
      [`${M}/rke2-multus-config.yaml`]: hcc('rke2-multus', 'manifests:\n  configMap: true'),
    },
    findings: [
      { kind: 'default-changed', id: 'upgrade.defaultRedundant', keyPath: 'spec.valuesContent.manifests.configMap' },
    ],
  },
  {
    what: 'ENI + KPR across the hidden Cilium 1.17 → 1.18 jump is flagged',
    source: 'https://github.com/rancher/rke2/issues/8989',
    from: 'v1.33.3+rke2r1',
    to: 'v1.33.4+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [CILIUM]: hcc(
        'rke2-cilium',
        'eni:\n  enabled: true\nkubeProxyReplacement: true\nk8sServiceHost: 127.0.0.1\nk8sServicePort: 6443',
      ),
    },
    findings: [],
    hiddenMinor: ['rke2-cilium'],
  },
  {
    what: 'kubeProxyReplacement: partial cannot be rewritten mechanically and is named',
    source: 'https://github.com/rancher/rke2-docs/issues/131',
    from: 'v1.28.6+rke2r1',
    to: 'v1.28.7+rke2r1',
    files: { [CILIUM]: hcc('rke2-cilium', 'kubeProxyReplacement: partial') },
    findings: [{ kind: 'rejects', id: 'cilium.kprInvalid', rewritten: false }],
    unrewritten: ['spec.valuesContent.kubeProxyReplacement'],
  },
];

describe('upgrade: a catalogue of upgrade pairs', () => {
  it('covers at least 10 pairs', () => expect(PAIRS.length).toBeGreaterThanOrEqual(10));

  it.each(PAIRS.map((p) => [`${p.what} (${p.from} → ${p.to})`, p] as const))('%s', (_name, p) => {
    const result = upgradeFiles(asFiles(p.files), { from: p.from, to: p.to });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.report;
    for (const want of p.findings) {
      const hit = report.findings.find(
        (f) => f.kind === want.kind && f.messageId === want.id && (!want.keyPath || f.keyPath === want.keyPath),
      );
      expect(
        hit,
        `${want.kind} ${want.id} in ${JSON.stringify(report.findings.map((f) => [f.kind, f.messageId, f.keyPath]))}`,
      ).toBeDefined();
      if (want.rewritten !== undefined) expect(hit!.rewritten).toBe(want.rewritten);
      expect(hit!.source?.url).toMatch(/^https:\/\//);
    }
    if (p.rewritten) {
      const values = rewrittenValues(report, p.rewritten.file);
      expect(values).toMatchObject(p.rewritten.values);
      for (const key of p.rewritten.absent ?? []) expect(values).not.toHaveProperty(key);
      // The rewritten files pass the target release's doctor where the originals did not.
      expect(report.after.filter((i) => i.severity === 'error' && i.file === p.rewritten!.file)).toEqual([]);
      expect(report.diff).toContain(`+++ b/${p.rewritten.file}`);
    }
    for (const key of p.unrewritten ?? []) {
      const u = report.unrewritten.find((x) => x.keyPath === key);
      expect(u, `${key} in ${JSON.stringify(report.unrewritten)}`).toBeDefined();
      expect(u!.reason.length).toBeGreaterThan(20);
      expect(u!.source?.url).toMatch(/^https:\/\//);
    }
    for (const chart of p.hiddenMinor ?? [])
      expect(report.charts.find((c) => c.chart === chart)).toMatchObject({ minorJump: true, hiddenInPatch: true });
  });

  it('takes default changes from the two exact chart versions, and only for keys the files leave to the chart', () => {
    const run = (files: Record<string, string>, from: string, to: string) => {
      const r = upgradeFiles(asFiles(files), { from, to });
      return r.ok ? r.report.findings.filter((f) => f.kind === 'default-changed') : [];
    };
    // rke2-cilium 1.18.103 → 1.18.300: the message names both versions and both defaults from values.yaml.
    const exclusive = run({ [CONFIG]: 'cni: cilium\n' }, 'v1.33.5+rke2r1', 'v1.33.6+rke2r1');
    expect(exclusive.map((f) => f.messageId)).toEqual(['upgrade.exclusiveDefault']);
    expect(exclusive[0]!.message).toContain('from true to false');
    expect(exclusive[0]!.message).toContain('1.18.103');
    // Pinning the key keeps the wire as it was: nothing changes underneath.
    const pinned = run(
      {
        [CONFIG]: 'cni: flannel\n',
        [`${M}/rke2-flannel-config.yaml`]: hcc('rke2-flannel', 'flannel:\n  backendPort: 8472'),
      },
      'v1.27.12+rke2r1',
      'v1.27.13+rke2r1',
    );
    expect(pinned.map((f) => f.messageId)).not.toContain('upgrade.flannelPortDefault');
    // Same chart version on both sides (v1.27.13 → v1.27.14 keep rke2-flannel v0.25.102): no flannel default change.
    expect(run({ [CONFIG]: 'cni: flannel\n' }, 'v1.27.13+rke2r1', 'v1.27.14+rke2r1')).toEqual([]);
  });

  it('lists every bundled chart change between the releases', () => {
    const result = upgradeFiles(asFiles({ [CONFIG]: 'cni: canal\n' }), {
      from: 'v1.32.13+rke2r2',
      to: 'v1.33.6+rke2r1',
    });
    expect(result.ok && result.report.step).toBe('minor');
    const charts = result.ok ? result.report.charts : [];
    expect(charts.map((c) => c.chart)).toContain('rke2-cilium');
    // A minor upgrade is expected to move charts: no "hidden" flag.
    expect(charts.every((c) => !c.hiddenInPatch)).toBe(true);
  });

  it.each([
    ['v1.30.1+rke2r1', 'v1.28.7+rke2r1', 'downgrade'],
    ['v1.26.1+rke2r1', 'v1.28.7+rke2r1', 'skipped-minor'],
    ['v1.28.7+rke2r1', 'v1.28.7+rke2r1', 'same-release'],
    ['v1.28.7+rke2r1', 'latest', 'bad-release'],
  ])('refuses %s → %s (%s)', (from, to, refusal) => {
    const result = upgradeFiles(asFiles({ [CONFIG]: 'cni: canal\n' }), { from, to });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal).toBe(refusal);
      expect(result.message.length).toBeGreaterThan(20);
    }
  });

  it('never crashes on garbage input', () => {
    const garbage = [
      { path: 'x.yaml', contents: ': : :\n\t- [' },
      {
        path: 'y.yaml',
        contents: 'kind: HelmChartConfig\nmetadata:\n  name: rke2-cilium\nspec:\n  valuesContent: 42\n',
      },
      {
        path: 'z.yaml',
        contents:
          'kind: HelmChartConfig\nmetadata: {name: rke2-cilium}\nspec: {valuesContent: "cilium: 3\\ntunnel: [1]"}\n',
      },
      { path: 42 as unknown as string, contents: null as unknown as string },
    ];
    const result = upgradeFiles(garbage, { from: 'v1.27.10+rke2r1', to: 'v1.27.11+rke2r1' });
    expect(result.ok).toBe(true);
  });
});

/** Applies a unified diff made by unifiedDiff to the old text (a minimal `patch`, for the round trip). */
function applyDiff(before: string, diff: string): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  const lines = diff.replace(/\n$/, '').split('\n').slice(2);
  for (let k = 0; k < lines.length; k++) {
    const m = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(lines[k]!);
    if (!m) throw new Error(`bad hunk header ${lines[k]}`);
    const start = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < start) out.push(old[at++]!);
    while (k + 1 < lines.length && !lines[k + 1]!.startsWith('@@')) {
      const line = lines[++k]!;
      if (line.startsWith(' ')) {
        expect(old[at]).toBe(line.slice(1));
        out.push(old[at++]!);
      } else if (line.startsWith('-')) {
        expect(old[at]).toBe(line.slice(1));
        at++;
      } else out.push(line.slice(1));
    }
  }
  while (at < old.length) out.push(old[at++]!);
  return out.length ? `${out.join('\n')}\n` : '';
}

describe('unified diff', () => {
  it('is empty for equal texts and applies back to the new text', () => {
    expect(unifiedDiff('a.yaml', 'x\n', 'x\n')).toBe('');
    const line = fc.constantFrom('a', 'b', 'c', 'd', 'spec:', '  x: 1');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (a, b) => {
        const before = a.length ? `${a.join('\n')}\n` : '';
        const after = b.length ? `${b.join('\n')}\n` : '';
        const diff = unifiedDiff('f.yaml', before, after);
        if (before === after) return diff === '';
        expect(diff.startsWith('--- a/f.yaml\n+++ b/f.yaml\n@@ ')).toBe(true);
        expect(applyDiff(before, diff)).toBe(after);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

/** Answers for a bundle of one CNI at one release (the variants our generator makes for it). */
function answersFor(release: string, cni: 'canal' | 'calico' | 'cilium' | 'flannel', kpr = false): Answers {
  const a = defaultAnswers();
  a.cluster.release = release;
  a.choice.forcedCni = cni;
  if (kpr) {
    a.performance.kubeProxyReplacement = true;
    a.performance.apiServerHost = '10.0.0.10';
  }
  return a;
}

describe('upgrade over our own bundles', () => {
  // Release pair classes: a patch upgrade inside each minor line (first → last), a minor upgrade to the
  // next line (last → first, and first → last), and a skipped minor (refused). Every line is covered.
  const lines = [...new Set(RELEASES.map((r) => r.version.minor))];
  const byLine = new Map(
    lines.map((m) => [m, RELEASES.filter((r) => r.version.minor === m).map((r) => r.version.text)]),
  );
  const pairs: [string, string, 'patch' | 'minor' | 'skipped'][] = [];
  lines.forEach((m, i) => {
    const here = byLine.get(m)!;
    if (here.length > 1) pairs.push([here[0]!, here[here.length - 1]!, 'patch']);
    const next = byLine.get(lines[i + 1]!);
    if (next) pairs.push([here[here.length - 1]!, next[0]!, 'minor'], [here[0]!, next[next.length - 1]!, 'minor']);
    const skip = byLine.get(lines[i + 2]!);
    if (skip && i % 3 === 0) pairs.push([here[0]!, skip[0]!, 'skipped']);
  });
  const variants = [
    ['canal', false],
    ['calico', false],
    ['cilium', true],
    ['flannel', false],
  ] as const;
  const bundles = new Map<string, BundleInputFile[] | null>();
  const bundle = (release: string, cni: (typeof variants)[number][0], kpr: boolean) => {
    const key = `${release}|${cni}|${kpr}`;
    if (!bundles.has(key)) {
      const r = generateBundle(answersFor(release, cni, kpr));
      bundles.set(key, r.ok ? r.files.map((f) => ({ path: f.path, contents: f.contents })) : null);
    }
    return bundles.get(key)!;
  };

  it('covers every minor line and every pair class', () => {
    expect(new Set(pairs.map((p) => p[2]))).toEqual(new Set(['patch', 'minor', 'skipped']));
    expect(new Set(pairs.flatMap((p) => [p[0], p[1]]).map((v) => v.split('.')[1])).size).toBe(lines.length);
  });

  it('never crashes, refuses skipped minors, and names everything it cannot rewrite', () => {
    let checked = 0;
    let rewritten = 0;
    pairs.forEach(([from, to, kind]) => {
      for (const [cni, kpr] of variants) {
        const files = bundle(from, cni, kpr);
        if (!files) continue; // the generator refuses this CNI on this release (e.g. flannel before its gate)
        const result = upgradeFiles(files, { from, to });
        checked++;
        if (kind === 'skipped') {
          expect(result.ok).toBe(false);
          continue;
        }
        expect(result.ok, `${cni} ${from} → ${to}`).toBe(true);
        if (!result.ok) continue;
        const report = result.report;
        // Our own bundle is valid for the release it was made for.
        expect(
          report.before.filter((x) => x.severity === 'error'),
          `${cni} at ${from}`,
        ).toEqual([]);
        // Whatever is wrong after the rewrite, and was not before, is named with a reason.
        for (const issue of report.after.filter((x) => x.severity === 'error'))
          expect(
            report.unrewritten.some((u) => u.file === issue.file && u.keyPath === issue.keyPath),
            `${cni} ${from} → ${to}: ${issue.file}:${issue.keyPath} ${issue.messageId}`,
          ).toBe(true);
        for (const r of report.rewrites) expect(applyDiff(r.before, r.diff)).toBe(r.after);
        rewritten += report.rewrites.length;
      }
    });
    expect(checked).toBeGreaterThan(80);
    // The sweep crosses chart eras: our older bundles (strict, tunnel) get rewritten.
    expect(rewritten).toBeGreaterThan(0);
  });
});
