/**
 * The wrong outputs an RKE2 engineer's review found (issue 10 §1), each pinned by a test that failed before:
 * values that must follow the exact patch release, Windows combinations that break Windows pods, the
 * Canal WireGuard pod MTU, scripts that decided again instead of reading the decision, and hidden answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { runPreflightKernelChecks } from './preflight-kernel';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../domain/answers';
import type { Answers } from '../domain/answers/types';
import { evaluate } from '../domain/engine';
import { generateBundle, type BundleFile } from '../domain/generators';
import { validateBundle } from '../domain/validate';
import { answersWith } from './scenarios';

function files(answers: Answers): BundleFile[] {
  const r = generateBundle(answers);
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((b) => b.messageId).join(', ')}`);
  return r.files;
}
const file = (fs: BundleFile[], path: string) => fs.find((f) => f.path === path)?.contents;
const yamlOf = (text: string | undefined) => load(text ?? '') as Record<string, unknown>;

describe('profile: the value the exact patch release accepts', () => {
  const cases: Array<[string, string]> = [
    ['v1.25.14+rke2r1', 'cis-1.23'],
    ['v1.25.15+rke2r1', 'cis'],
    ['v1.26.9+rke2r1', 'cis-1.23'],
    ['v1.26.10+rke2r1', 'cis'],
    ['v1.27.6+rke2r1', 'cis-1.23'],
    ['v1.27.7+rke2r1', 'cis'],
    ['v1.28.1+rke2r1', 'cis-1.23'],
    ['v1.28.2+rke2r1', 'cis'],
    ['v1.33.6+rke2r1', 'cis'],
  ];
  it.each(cases)('%s: server, agent and Rancher all say profile: %s', (release, expected) => {
    const standalone = files(answersWith({ cluster: { release, cisProfile: true } }));
    expect(yamlOf(file(standalone, 'etc/rancher/rke2/config.yaml')).profile).toBe(expected);
    expect(yamlOf(file(standalone, 'agent/etc/rancher/rke2/config.yaml')).profile).toBe(expected);
    const rancher = files(answersWith({ cluster: { release, cisProfile: true, management: 'rancher' } }));
    const cluster = yamlOf(file(rancher, 'rancher/cluster.yaml'));
    expect(
      (cluster as { spec: { rkeConfig: { machineGlobalConfig: { profile: string } } } }).spec.rkeConfig
        .machineGlobalConfig.profile,
    ).toBe(expected);
  });

  it('the doctor refuses profile: cis before the release knows it, in every file that sets it', () => {
    const answersYaml = (release: string) => `cluster:\n  release: ${release}\n  cisProfile: true\n`;
    const bundle = (release: string) => [
      { path: 'answers.yaml', contents: answersYaml(release) },
      { path: 'etc/rancher/rke2/config.yaml', contents: 'cni: canal\nprofile: cis\n' },
      { path: 'agent/etc/rancher/rke2/config.yaml', contents: 'profile: cis\n' },
    ];
    const old = validateBundle(bundle('v1.26.9+rke2r1')).filter((i) => i.messageId === 'config.profileForRelease');
    expect(old.map((i) => i.file).sort()).toEqual([
      'agent/etc/rancher/rke2/config.yaml',
      'etc/rancher/rke2/config.yaml',
    ]);
    expect(old.every((i) => i.severity === 'error' && i.message.includes('cis-1.23'))).toBe(true);
    expect(validateBundle(bundle('v1.26.10+rke2r1')).map((i) => i.messageId)).not.toContain('config.profileForRelease');
  });

  it('every bundle the generator makes with a CIS profile passes the doctor, across the release table', () => {
    for (const release of ['v1.25.2+rke2r1', 'v1.26.9+rke2r1', 'v1.27.6+rke2r1', 'v1.28.1+rke2r1', 'v1.28.2+rke2r1']) {
      const issues = validateBundle(files(answersWith({ cluster: { release, cisProfile: true } })));
      expect(
        issues.filter((i) => i.messageId === 'config.profileForRelease'),
        release,
      ).toEqual([]);
    }
  });
});

describe('Windows workers', () => {
  it('with kube-proxy replacement is a blocking conflict naming both answers, and no bundle is made', () => {
    const a = answersWith({
      cluster: { windowsNodes: true },
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
    });
    const d = evaluate(a);
    const block = d.blocking.find((f) => f.messageId === 'windowsKubeProxyReplacement');
    expect(block?.fields).toEqual(['cluster.windowsNodes', 'performance.kubeProxyReplacement']);
    expect(d.chosen).toBeNull();
    expect(generateBundle(a, d).ok).toBe(false);
  });

  it('with Calico and a Linux interface name is blocked; the node CIDR gives cidrs, which Windows understands', () => {
    const named = answersWith({ cluster: { windowsNodes: true }, nodes: { interface: 'eth0' } });
    expect(evaluate(named).blocking.map((f) => f.messageId)).toContain('windowsCalicoInterface');
    const withCidr = answersWith({ cluster: { windowsNodes: true }, nodes: { nodeCidr: '192.168.1.0/24' } });
    const d = evaluate(withCidr);
    expect(d.chosen).toBe('calico');
    const hcc = yamlOf(file(files(withCidr), 'var/lib/rancher/rke2/server/manifests/rke2-calico-config.yaml')) as {
      spec: { valuesContent: string };
    };
    const values = load(hcc.spec.valuesContent) as {
      installation: { calicoNetwork: { nodeAddressAutodetectionV4: unknown } };
    };
    expect(values.installation.calicoNetwork.nodeAddressAutodetectionV4).toEqual({ cidrs: ['192.168.1.0/24'] });
  });

  it('the README says which Windows-relevant Calico values the bundle really sets', () => {
    const bare = file(files(answersWith({ cluster: { windowsNodes: true } })), 'README.md')!;
    expect(bare).not.toContain('they are, in this bundle');
    expect(bare).toContain('Never set `nodeAddressAutodetectionV4.interface`');
    const withCidr = file(
      files(answersWith({ cluster: { windowsNodes: true }, nodes: { nodeCidr: '192.168.1.0/24' } })),
      'README.md',
    )!;
    expect(withCidr).toContain('this bundle sets `installation.calicoNetwork.nodeAddressAutodetectionV4`');
  });

  it('a Linux cluster still gets the interface method', () => {
    const a = answersWith({ nodes: { interface: 'eth1' }, choice: { forcedCni: 'calico' } });
    expect(evaluate(a).blocking).toEqual([]);
    expect(file(files(a), 'var/lib/rancher/rke2/server/manifests/rke2-calico-config.yaml')).toContain(
      'interface: eth1',
    );
  });
});

describe('Canal with WireGuard: pod MTU below flannel-wg', () => {
  it.each([
    ['ipv4', 1500, 1420],
    ['dual', 1500, 1420],
    ['ipv4', 9000, 8920],
  ] as const)('%s on %i: calico.vethuMTU is %i (flannel WireGuard overhead 80)', (ipFamily, mtu, pod) => {
    const a = answersWith({
      security: { encryption: 'wireguard' },
      nodes: { underlayMtu: mtu },
      addressing: { ipFamily },
      choice: { forcedCni: 'canal' },
    });
    const plan = evaluate(a).plan!;
    expect(plan.mtu.podMtu).toBe(pod);
    expect(plan.mtu.arithmetic).toBe(`${mtu} − 80 (WireGuard, which replaces the VXLAN tunnel) = ${pod}`);
    expect(file(files(a), 'var/lib/rancher/rke2/server/manifests/rke2-canal-config.yaml')).toContain(
      `vethuMTU: ${pod}`,
    );
  });
});

describe('scripts read the decision: RHEL 8.10 typed as uname -r', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rke2-preflight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Cilium accepted for 4.18.0-553.el8_10 passes the preflight kernel check on that kernel', () => {
    const kernel = '4.18.0-553.el8_10.x86_64';
    const a = answersWith({ nodes: { osPreset: 'custom', kernel }, security: { policy: 'l7' } });
    const d = evaluate(a);
    expect(d.chosen).toBe('cilium');
    const preflight = file(files(a), 'scripts/preflight.sh')!;
    // Run only the kernel checks, with `uname -r` answering the node's kernel.
    const out = runPreflightKernelChecks(preflight, kernel, dir);
    expect(out).toContain('PASS  kernel >= 4.18');
    expect(out).toContain('FAILS=0');
  });
});

describe('hidden answers never block', () => {
  it('an invalid API server host with kube-proxy replacement off is dropped, not an error', () => {
    const raw = answersWith({ performance: { kubeProxyReplacement: false, apiServerHost: 'http://bad host' } });
    const parsed = parseAnswers(raw);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.dropped).toContain('performance.apiServerHost');
      expect(generateBundle(parsed.answers).ok).toBe(true);
    }
  });

  it('the same host with kube-proxy replacement on is an error at that field', () => {
    const parsed = parseAnswers(
      answersWith({ performance: { kubeProxyReplacement: true, apiServerHost: 'http://bad host' } }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toEqual(['performance.apiServerHost']);
  });
});
