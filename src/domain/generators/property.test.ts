import { mkdtempSync, rmSync } from 'node:fs';
import { runPreflightKernelChecks } from '../../test/preflight-kernel';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateBundle } from './index';
import { validateBundle } from '../validate';
import { evaluate } from '../engine';
import { load } from 'js-yaml';
import type { BundleFile } from './types';
import { defaultAnswers } from '../answers/defaults';
import { RELEASES } from '../rke2/releases';
import * as T from '../answers/types';
import type { Answers } from '../answers/types';

/** Discrete answers across every release in the table; text fields stay valid (parseAnswers guards those). */
const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    release: fc.constantFrom(...RELEASES.map((r) => r.version.text)),
    management: fc.constantFrom(...T.MANAGEMENT_MODES),
    size: fc.constantFrom(...T.CLUSTER_SIZES),
    windows: fc.boolean(),
    cis: fc.boolean(),
    os: fc.constantFrom(...T.OS_PRESETS),
    kernel: fc.constantFrom('4.18', '5.4', '5.10', '5.15', '6.8'),
    iface: fc.constantFrom('', 'eth1'),
    mtu: fc.constantFrom(1500, 9000, 1450),
    policy: fc.constantFrom(...T.POLICY_NEEDS),
    enc: fc.constantFrom(...T.ENCRYPTIONS),
    fam: fc.constantFrom(...T.IP_FAMILIES),
    mode: fc.constantFrom(...T.EXTRA_INTERFACE_MODES),
    stype: fc.constantFrom(...T.SECONDARY_TYPES),
    ipam: fc.constantFrom(...T.SECONDARY_IPAMS),
    dev: fc.constantFrom(...T.SRIOV_DEVICE_TYPES),
    kpr: fc.boolean(),
    host: fc.constantFrom('', '10.0.0.10'),
    obs: fc.boolean(),
    bw: fc.boolean(),
    eni: fc.boolean(),
    bgp: fc.boolean(),
    forced: fc.constantFrom(...T.FORCED_CNI_CHOICES),
  })
  .map((v) => {
    const a = defaultAnswers();
    Object.assign(a.cluster, {
      release: v.release,
      management: v.management,
      size: v.size,
      windowsNodes: v.windows,
      cisProfile: v.cis,
    });
    Object.assign(a.nodes, { osPreset: v.os, kernel: v.kernel, interface: v.iface, underlayMtu: v.mtu });
    Object.assign(a.security, { policy: v.policy, encryption: v.enc });
    a.addressing.ipFamily = v.fam;
    a.extras.mode = v.mode;
    Object.assign(a.extras.secondary, { type: v.stype, ipam: v.ipam });
    a.extras.sriov.deviceType = v.dev;
    Object.assign(a.performance, {
      kubeProxyReplacement: v.kpr,
      apiServerHost: v.host,
      observability: v.obs,
      bandwidthManager: v.bw,
      awsEni: v.eni,
    });
    a.performance.bgp = { ...a.performance.bgp, enabled: v.bgp, peerAddress: v.bgp ? '10.0.0.1' : '' };
    a.choice.forcedCni = v.forced;
    return a;
  });

describe('generateBundle properties', () => {
  it(
    'never throws; yields files or blocking findings; every bundle passes the bundle doctor with zero errors',
    { timeout: 120_000 },
    () => {
      let produced = 0;
      fc.assert(
        fc.property(answersArb, (a) => {
          const r = generateBundle(a);
          if (!r.ok) {
            expect(r.blocking.length).toBeGreaterThan(0);
            return;
          }
          produced++;
          expect(r.files.length).toBeGreaterThan(4);
          expect(new Set(r.files.map((f) => f.path)).size).toBe(r.files.length);
          const errors = validateBundle(r.files).filter((i) => i.severity === 'error');
          expect(errors, `${r.name}: ${errors.map((e) => `${e.file} ${e.keyPath} ${e.messageId}`).join('; ')}`).toEqual(
            [],
          );
        }),
        { numRuns: 800, seed: 20261125 },
      );
      expect(produced).toBeGreaterThan(100);
    },
  );

  it(
    'does what the decision tells the user it does (checksum offload, cni.exclusive, operator replicas)',
    { timeout: 120_000 },
    () => {
      const valuesOf = (files: BundleFile[], chart: string): Record<string, unknown> | undefined => {
        const hcc = files.find((f) => f.path === `var/lib/rancher/rke2/server/manifests/${chart}-config.yaml`);
        if (hcc)
          return load((load(hcc.contents) as { spec: { valuesContent: string } }).spec.valuesContent) as Record<
            string,
            unknown
          >;
        const rancher = files.find((f) => f.path === 'rancher/cluster.yaml');
        if (!rancher) return undefined;
        return (
          load(rancher.contents) as { spec: { rkeConfig: { chartValues?: Record<string, Record<string, unknown>> } } }
        ).spec.rkeConfig.chartValues?.[chart];
      };
      const get = (v: unknown, path: string[]) =>
        path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), v);
      let checked = 0;
      fc.assert(
        fc.property(answersArb, (a) => {
          const d = evaluate(a);
          const r = generateBundle(a, d);
          if (!r.ok) return;
          const findings = [...d.warnings, ...d.notes].map((f) => f.messageId);
          const reasons = (d.candidates.find((c) => c.cni === d.chosen)?.reasons ?? []).map((x) => x.messageId);
          if (d.chosen === 'calico') {
            checked++;
            const override = get(valuesOf(r.files, 'rke2-calico'), ['felixConfiguration', 'featureDetectOverride']);
            expect(override === 'ChecksumOffloadBroken=false').toBe(findings.includes('checksumOffloadReenabled'));
          }
          if (d.chosen === 'cilium') {
            checked++;
            const v = valuesOf(r.files, 'rke2-cilium');
            const inner = (v && 'cilium' in v ? v.cilium : v) as Record<string, unknown> | undefined;
            expect(get(inner, ['cni', 'exclusive']) === false).toBe(
              d.multus && reasons.includes('ciliumExclusiveFalse'),
            );
            expect(get(inner, ['operator', 'replicas']) === 1).toBe(reasons.includes('ciliumOperatorSingleReplica'));
          }
        }),
        { numRuns: 600, seed: 7 },
      );
      expect(checked).toBeGreaterThan(50);
    },
  );
});

describe('the outputs hold to the plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rke2-plan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Runs preflight.sh's kernel checks with `uname -r` answering `kernel`; returns the PASS/WARN/FAIL lines. */
  function kernelCheckLines(preflight: string, kernel: string): string[] {
    return runPreflightKernelChecks(preflight, kernel, dir)
      .split('\n')
      .filter((l) => /^(PASS|WARN|FAIL) /.test(l));
  }

  it(
    'preflight.sh checks exactly the kernel floors the decision used, and passes the kernel it accepted',
    { timeout: 30_000 },
    () => {
      let ran = 0;
      fc.assert(
        fc.property(answersArb, (a) => {
          const d = evaluate(a);
          const r = generateBundle(a, d);
          if (!r.ok || !d.plan?.kernel) return;
          ran++;
          const preflight = r.files.find((f) => f.path === 'scripts/preflight.sh')!.contents;
          // What a node with that kernel prints: uname -r carries a distribution suffix.
          const uname = a.nodes.kernel.includes('-') ? a.nodes.kernel : `${d.plan.kernel.text}.0-100-generic`;
          const lines = kernelCheckLines(preflight, uname);
          expect(lines.length).toBe(d.plan.kernelChecks.length);
          expect(
            lines.filter((l) => l.startsWith('FAIL')),
            `${r.name} on ${uname}`,
          ).toEqual([]);
          for (const check of d.plan.kernelChecks) expect(lines.some((l) => l.includes(check.what))).toBe(true);
        }),
        { numRuns: 60, seed: 42 },
      );
      expect(ran).toBeGreaterThan(15);
    },
  );

  it('the chart MTU value is the plan’s, and the README shows its arithmetic', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const d = evaluate(a);
        const r = generateBundle(a, d);
        if (!r.ok || !d.plan) return;
        const all = r.files.map((f) => f.contents).join('\n');
        if (d.plan.mtu.chartValue !== null && d.plan.mtu.chartKey) {
          const key = d.plan.mtu.chartKey.split('.').pop()!;
          expect(all).toMatch(new RegExp(`${key}: ${d.plan.mtu.chartValue}\\b`));
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

/** Representative answer sets, generated for every release in the table and checked against that release. */
const ACROSS_RELEASES: Record<string, (a: Answers) => void> = {
  stockCanal: () => {},
  canalWireguardCis: (a) => {
    a.security.encryption = 'wireguard';
    a.cluster.cisProfile = true;
  },
  ciliumKprHubbleMultus: (a) => {
    a.choice.forcedCni = 'cilium';
    a.performance.kubeProxyReplacement = true;
    a.performance.apiServerHost = '10.0.0.10';
    a.performance.observability = true;
    a.extras.mode = 'multus';
  },
  calicoBgpDualStack: (a) => {
    a.choice.forcedCni = 'calico';
    a.addressing = { ...a.addressing, ipFamily: 'dual', clusterCidrV6: 'fd00:42::/56', serviceCidrV6: 'fd00:43::/112' };
    a.performance.bgp = { ...a.performance.bgp, enabled: true, peerAddress: '10.0.0.1' };
  },
  rancherCalicoWindows: (a) => {
    a.cluster.management = 'rancher';
    a.cluster.windowsNodes = true;
    a.nodes.nodeCidr = '192.168.1.0/24';
  },
  flannelSriov: (a) => {
    a.choice.forcedCni = 'flannel';
    a.security.policy = 'none';
    a.extras.mode = 'sriov';
  },
};

describe('one answers file across every release in the table', () => {
  for (const [name, patch] of Object.entries(ACROSS_RELEASES)) {
    it(
      `${name}: every release that can build it gets a bundle its own chart versions accept`,
      { timeout: 30_000 },
      () => {
        let built = 0;
        const failures: string[] = [];
        for (const release of RELEASES) {
          const a = defaultAnswers();
          patch(a);
          a.cluster.release = release.version.text;
          const r = generateBundle(a);
          if (!r.ok) continue;
          built++;
          const errors = validateBundle(r.files).filter((i) => i.severity === 'error');
          if (errors.length)
            failures.push(
              `${release.version.text}: ${errors.map((e) => `${e.file} ${e.keyPath} ${e.messageId}`).join('; ')}`,
            );
        }
        expect(failures).toEqual([]);
        expect(built).toBeGreaterThan(20);
      },
    );
  }
});
