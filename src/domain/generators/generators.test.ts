import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { load, loadAll } from 'js-yaml';
import { generateBundle, bundleName } from './index';
import { defaultAnswers } from '../answers/defaults';
import { evaluate } from '../engine';
import type { Answers } from '../answers/types';
import type { BundleFile } from './types';
import {
  FORCED_CNI_CHOICES,
  IP_FAMILIES,
  ENCRYPTIONS,
  EXTRA_INTERFACE_MODES,
  MANAGEMENT_MODES,
  SECONDARY_IPAMS,
  SECONDARY_TYPES,
} from '../answers/types';

const keysFile = (name: string) =>
  new Set(
    readFileSync(new URL(`../../../data/upstream/rke2/${name}`, import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
const SERVER_KEYS = keysFile('server_config-keys.txt');
const AGENT_KEYS = keysFile('linux_agent_config-keys.txt');
const OLD_RELEASE = 'v1.31.13+rke2r1';
const NEW_RELEASE = 'v1.36.4+rke2r1';

function answers(patch: (a: Answers) => void): Answers {
  const a = defaultAnswers();
  patch(a);
  return a;
}

function bundle(patch: (a: Answers) => void): BundleFile[] {
  const r = generateBundle(answers(patch));
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => `${f.ruleId}/${f.messageId}`).join(', ')}`);
  return r.files;
}

const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path);
const yamlOf = (f: BundleFile | undefined) => (loadAll(f?.contents ?? '') as Record<string, unknown>[])[0]!;
const hccValues = (files: BundleFile[], chart: string) => {
  const f = file(files, `var/lib/rancher/rke2/server/manifests/${chart}-config.yaml`);
  if (!f) return undefined;
  return load((yamlOf(f).spec as { valuesContent: string }).valuesContent) as Record<string, unknown>;
};

/** A spread of discrete answers (every forced CNI × family × encryption × KPR × extras × management × old/new release). */
function* answerSpace(): Generator<Answers> {
  for (const forcedCni of FORCED_CNI_CHOICES)
    for (const ipFamily of IP_FAMILIES)
      for (const encryption of ENCRYPTIONS)
        for (const kpr of [false, true])
          for (const mode of EXTRA_INTERFACE_MODES)
            for (const management of MANAGEMENT_MODES)
              for (const release of [OLD_RELEASE, NEW_RELEASE]) {
                yield answers((a) => {
                  a.choice.forcedCni = forcedCni;
                  a.addressing.ipFamily = ipFamily;
                  if (ipFamily !== 'ipv4') {
                    a.addressing.clusterCidrV6 = '2001:cafe:42::/56';
                    a.addressing.serviceCidrV6 = '2001:cafe:43::/112';
                  }
                  a.security.encryption = encryption;
                  a.performance.kubeProxyReplacement = kpr;
                  a.performance.apiServerHost = kpr ? '192.0.2.10' : '';
                  a.extras.mode = mode;
                  a.cluster.management = management;
                  a.cluster.release = release;
                  a.nodes.interface = encryption === 'ipsec' ? 'eth1' : '';
                  a.cluster.cisProfile = encryption === 'wireguard';
                  a.cluster.size = kpr ? 'single' : 'small';
                });
              }
}

const SPACE = [...answerSpace()].map((a) => ({ a, r: generateBundle(a) }));
const PRODUCED = SPACE.flatMap(({ a, r }) => (r.ok ? [{ a, files: r.files, name: r.name }] : []));

describe('generateBundle over a spread of answers', { timeout: 60_000 }, () => {
  it('produces bundles for most of the space and refuses the rest', () => {
    expect(PRODUCED.length).toBeGreaterThan(SPACE.length / 4);
    for (const { r } of SPACE) if (!r.ok) expect(r.blocking.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same answers give byte-identical files', () => {
    for (const { a, files } of PRODUCED.slice(0, 200)) {
      const again = generateBundle(structuredClone(a));
      expect(again.ok && again.files).toEqual(files);
    }
  });

  it('writes only RKE2 server flags into config.yaml, and only agent flags into the agent config', () => {
    for (const { files } of PRODUCED) {
      const server = file(files, 'etc/rancher/rke2/config.yaml');
      if (server) for (const key of Object.keys(yamlOf(server))) expect(SERVER_KEYS).toContain(key);
      const agent = file(files, 'agent/etc/rancher/rke2/config.yaml');
      if (agent)
        for (const key of Object.keys(yamlOf(agent))) {
          expect(AGENT_KEYS).toContain(key);
          expect(key).not.toBe('cni');
        }
    }
  });

  it('writes cni as a list with multus first and exactly one primary', () => {
    for (const { files } of PRODUCED) {
      const server = file(files, 'etc/rancher/rke2/config.yaml');
      if (!server) continue;
      const cni = yamlOf(server).cni as string[];
      expect(Array.isArray(cni)).toBe(true);
      expect(cni.length === 1 || (cni.length === 2 && cni[0] === 'multus')).toBe(true);
      expect(['canal', 'calico', 'cilium', 'flannel', 'none']).toContain(cni[cni.length - 1]);
    }
  });

  it('parses every YAML file, names HCCs rke2-<chart>-config.yaml and sets only spec.valuesContent, with no global.', () => {
    for (const { files } of PRODUCED) {
      for (const f of files.filter((x) => x.path.endsWith('.yaml'))) {
        expect(() => loadAll(f.contents)).not.toThrow();
      }
      for (const f of files.filter((x) => x.path.startsWith('var/lib/rancher/rke2/server/manifests/'))) {
        const doc = yamlOf(f);
        const meta = doc.metadata as { name: string; namespace: string };
        expect(doc.apiVersion).toBe('helm.cattle.io/v1');
        expect(doc.kind).toBe('HelmChartConfig');
        expect(meta.namespace).toBe('kube-system');
        expect(f.path).toBe(`var/lib/rancher/rke2/server/manifests/${meta.name}-config.yaml`);
        expect(Object.keys(doc.spec as object)).toEqual(['valuesContent']);
        const values = load((doc.spec as { valuesContent: string }).valuesContent) as Record<string, unknown>;
        expect(Object.keys(values).length).toBeGreaterThan(0);
        expect(values).not.toHaveProperty('global');
      }
    }
  });

  it('sets disable-kube-proxy exactly when the HCC replaces kube-proxy, and never kubeProxyReplacement "strict"', () => {
    for (const { files } of PRODUCED) {
      const server = file(files, 'etc/rancher/rke2/config.yaml');
      if (!server) continue;
      const dkp = yamlOf(server)['disable-kube-proxy'] === true;
      const cilium = hccValues(files, 'rke2-cilium');
      const calico = hccValues(files, 'rke2-calico');
      const ciliumKpr = cilium?.kubeProxyReplacement;
      if (ciliumKpr !== undefined) expect(ciliumKpr).toBe(true);
      const ebpf =
        (calico?.installation as { calicoNetwork?: { linuxDataplane?: string } } | undefined)?.calicoNetwork
          ?.linuxDataplane === 'BPF';
      expect(dkp).toBe(ciliumKpr === true || ebpf);
    }
  });

  it('marks exactly the shell scripts executable', () => {
    for (const { files } of PRODUCED.slice(0, 50)) {
      for (const f of files) expect(f.executable === true).toBe(f.path.endsWith('.sh'));
    }
  });

  it('writes Rancher clusters as a Cluster fragment instead of config.yaml and HCC files', () => {
    const rancher = PRODUCED.filter(({ a }) => a.cluster.management === 'rancher');
    expect(rancher.length).toBeGreaterThan(0);
    for (const { files } of rancher) {
      expect(file(files, 'etc/rancher/rke2/config.yaml')).toBeUndefined();
      expect(files.some((f) => f.path.startsWith('var/lib/'))).toBe(false);
      const cluster = yamlOf(file(files, 'rancher/cluster.yaml'));
      expect(cluster.apiVersion).toBe('provisioning.cattle.io/v1');
      const mgc = (cluster.spec as { rkeConfig: { machineGlobalConfig: Record<string, unknown> } }).rkeConfig
        .machineGlobalConfig;
      expect(typeof mgc.cni).toBe('string');
      expect(mgc.cni as string).not.toContain(' ');
      for (const key of Object.keys(mgc)) expect(SERVER_KEYS).toContain(key);
    }
  });

  it('gives every shell script valid bash syntax', () => {
    const seen = new Set<string>();
    for (const { files } of PRODUCED) {
      for (const f of files.filter((x) => x.path.endsWith('.sh'))) {
        if (seen.has(f.contents)) continue;
        seen.add(f.contents);
        if (seen.size > 60) break;
        execFileSync('bash', ['-n'], { input: f.contents });
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe('per-chart values', () => {
  it('names the bundle after the CNI and release', () => {
    expect(bundleName('cilium', 'v1.33.6+rke2r1')).toBe('rke2-cni-cilium-v1.33.6-rke2r1');
    const r = generateBundle(
      answers((a) => {
        a.choice.forcedCni = 'cilium';
        a.cluster.release = 'v1.33.6+rke2r1';
      }),
    );
    expect(r.ok && r.name).toBe('rke2-cni-cilium-v1.33.6-rke2r1');
  });

  it('refuses blocked answers with no files', () => {
    const a = answers((x) => {
      x.cluster.windowsNodes = true;
      x.addressing.ipFamily = 'dual';
    });
    const r = generateBundle(a);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.blocking.map((f) => f.messageId)).toContain('windowsDualStack');
    expect(r).not.toHaveProperty('files');
  });

  it('refuses Calico eBPF without an API endpoint even when handed a decision that allowed it', () => {
    const withHost = answers((x) => {
      x.choice.forcedCni = 'calico';
      x.performance.kubeProxyReplacement = true;
      x.performance.apiServerHost = '10.0.0.10';
    });
    const decision = evaluate(withHost);
    expect(decision.blocking).toEqual([]);
    const r = generateBundle({ ...withHost, performance: { ...withHost.performance, apiServerHost: '' } }, decision);
    expect(r.ok ? [] : r.blocking.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['calico-ebpf/calicoEbpfEndpoint']);
  });

  it('stock answers: canal, no HCC, CIDRs as given', () => {
    const files = bundle(() => {});
    expect(yamlOf(file(files, 'etc/rancher/rke2/config.yaml'))).toEqual({
      cni: ['canal'],
      'cluster-cidr': '10.42.0.0/16',
      'service-cidr': '10.43.0.0/16',
    });
    expect(files.some((f) => f.path.startsWith('var/lib/'))).toBe(false);
    expect(file(files, 'README.md')?.contents).toContain(
      'rke2-canal: the chart defaults fit, so no HelmChartConfig is emitted',
    );
  });

  it('dual-stack: comma-joined CIDRs with IPv4 first', () => {
    const config = yamlOf(
      file(
        bundle((a) => {
          a.addressing = { ...a.addressing, ipFamily: 'dual', clusterCidrV6: '2001:cafe:42::/56' };
          a.addressing.serviceCidrV6 = '2001:cafe:43::/112';
        }),
        'etc/rancher/rke2/config.yaml',
      ),
    );
    expect(config['cluster-cidr']).toBe('10.42.0.0/16,2001:cafe:42::/56');
    expect(config['service-cidr']).toBe('10.43.0.0/16,2001:cafe:43::/112');
    expect(config).not.toHaveProperty('kube-controller-manager-arg');
  });

  it('a /64 IPv6 cluster CIDR gets a longer per-node mask', () => {
    const config = yamlOf(
      file(
        bundle((a) => {
          a.addressing.ipFamily = 'dual';
          a.addressing.clusterCidrV6 = '2001:cafe:42::/64';
        }),
        'etc/rancher/rke2/config.yaml',
      ),
    );
    expect(config['kube-controller-manager-arg']).toEqual(['node-cidr-mask-size-ipv6=72']);
  });

  it('CIS: profile cis on new releases, cis-1.23 on v1.24, and an agent config', () => {
    const files = bundle((a) => {
      a.cluster.cisProfile = true;
    });
    expect(yamlOf(file(files, 'etc/rancher/rke2/config.yaml')).profile).toBe('cis');
    expect(yamlOf(file(files, 'agent/etc/rancher/rke2/config.yaml'))).toEqual({ profile: 'cis' });
    const old = bundle((a) => {
      a.cluster.cisProfile = true;
      a.cluster.release = 'v1.24.17+rke2r1';
    });
    expect(yamlOf(file(old, 'etc/rancher/rke2/config.yaml')).profile).toBe('cis-1.23');
  });

  it('CIS without Canal: baseline policies (webhook port; Cilium host networking in the three namespaces); none with Canal', () => {
    expect(
      file(
        bundle((a) => {
          a.cluster.cisProfile = true;
        }),
        'kubectl-apply/cis-baseline-policies.yaml',
      ),
    ).toBeUndefined();
    // RKE2 adds the ingress webhook policy itself from the ingressWebhookPolicy gate: only older releases need ours.
    const calico = loadAll(
      file(
        bundle((a) => {
          a.cluster.cisProfile = true;
          a.cluster.release = 'v1.28.6+rke2r1';
          a.choice.forcedCni = 'calico';
        }),
        'kubectl-apply/cis-baseline-policies.yaml',
      )!.contents,
    ) as { kind: string }[];
    expect(calico.map((o) => o.kind)).toEqual(['NetworkPolicy']);
    expect(
      file(
        bundle((a) => {
          a.cluster.cisProfile = true;
          a.choice.forcedCni = 'calico';
        }),
        'kubectl-apply/cis-baseline-policies.yaml',
      ),
    ).toBeUndefined();
    const cilium = loadAll(
      file(
        bundle((a) => {
          a.cluster.cisProfile = true;
          a.choice.forcedCni = 'cilium';
        }),
        'kubectl-apply/cis-baseline-policies.yaml',
      )!.contents,
    ) as { kind: string; metadata: { namespace: string } }[];
    expect(cilium.filter((o) => o.kind === 'CiliumNetworkPolicy').map((o) => o.metadata.namespace)).toEqual([
      'kube-system',
      'kube-public',
      'default',
    ]);
  });

  it('canal: iface, wireguard backend, its MTU and its WireGuard ports', () => {
    const files = bundle((a) => {
      a.nodes.interface = 'eth1';
      a.security.encryption = 'wireguard';
      a.addressing.ipFamily = 'dual';
    });
    expect(hccValues(files, 'rke2-canal')).toEqual({
      flannel: { iface: 'eth1', backend: 'wireguard' },
      calico: { vethuMTU: 1420 },
    });
    const fw = file(files, 'firewall/firewalld.sh')!.contents;
    expect(fw).toContain('--add-port=51820/udp');
    expect(fw).toContain('--add-port=51821/udp');
    expect(fw).not.toContain('8472');
  });

  it('flannel: the interface goes through the whole args list; VXLAN UDP 4789', () => {
    const files = bundle((a) => {
      a.choice.forcedCni = 'flannel';
      a.security.policy = 'none';
      a.nodes.interface = 'ens3';
      a.nodes.underlayMtu = 9000;
    });
    expect(hccValues(files, 'rke2-flannel')).toEqual({
      flannel: { args: ['--ip-masq', '--kube-subnet-mgr', '--iface=ens3'], mtu: 9000 },
    });
    expect(file(files, 'firewall/nftables.conf')!.contents).toContain('udp dport 4789 accept');
  });

  it('cilium: KPR with host and port, hubble trio, ipsec, single-node operator, no exclusive on new releases', () => {
    const files = bundle((a) => {
      a.choice.forcedCni = 'cilium';
      a.performance.kubeProxyReplacement = true;
      a.performance.apiServerHost = '10.0.0.10';
      a.performance.observability = true;
      a.security.encryption = 'ipsec';
      a.cluster.size = 'single';
      a.extras.mode = 'multus';
    });
    const v = hccValues(files, 'rke2-cilium')!;
    expect(v.kubeProxyReplacement).toBe(true);
    expect(v.k8sServiceHost).toBe('10.0.0.10');
    expect(v.k8sServicePort).toBe(6443);
    expect(v.hubble).toEqual({ enabled: true, relay: { enabled: true }, ui: { enabled: true } });
    expect(v.encryption).toEqual({ enabled: true });
    expect(v.operator).toEqual({ replicas: 1 });
    expect(v).not.toHaveProperty('cni');
    const readme = file(files, 'README.md')!.contents;
    expect(readme).toContain('secret generic cilium-ipsec-keys');
    expect(files.some((f) => /rfc4106\(gcm\(aes\)\) [0-9a-f]{20,}/.test(f.contents))).toBe(false);
    expect(file(files, 'firewall/firewalld.sh')!.contents).toContain('--add-protocol=esp');
  });

  it('cilium on old charts: values chosen by version (cilium: wrapper before 1.11, strict before 1.14, boolean bandwidthManager before 1.12)', () => {
    const kpr = (release: string) =>
      hccValues(
        bundle((a) => {
          a.cluster.release = release;
          a.choice.forcedCni = 'cilium';
          a.performance.kubeProxyReplacement = true;
          a.performance.bandwidthManager = true;
          a.nodes.osPreset = 'custom';
          a.nodes.kernel = '5.15';
        }),
        'rke2-cilium',
      );
    expect(kpr('v1.21.5+rke2r1')).toEqual({
      cilium: {
        kubeProxyReplacement: 'strict',
        k8sServiceHost: 'localhost',
        k8sServicePort: 6443,
        bandwidthManager: true,
      },
    });
    expect(kpr('v1.23.5+rke2r1')).toEqual({
      kubeProxyReplacement: 'strict',
      k8sServiceHost: 'localhost',
      k8sServicePort: 6443,
      bandwidthManager: true,
    });
    expect(kpr('v1.26.5+rke2r1')).toMatchObject({
      kubeProxyReplacement: 'strict',
      bandwidthManager: { enabled: true },
    });
    expect(kpr('v1.27.10+rke2r1')).toMatchObject({ kubeProxyReplacement: true });
    const ipv6 = hccValues(
      bundle((a) => {
        a.cluster.release = 'v1.26.5+rke2r1';
        a.choice.forcedCni = 'cilium';
        a.addressing.ipFamily = 'ipv6';
        a.nodes.osPreset = 'custom';
        a.nodes.kernel = '5.15';
      }),
      'rke2-cilium',
    );
    expect(ipv6).toMatchObject({ tunnel: 'disabled', autoDirectNodeRoutes: true });
    expect(ipv6).not.toHaveProperty('routingMode');
  });

  it('cilium + multus before the gate sets cni.exclusive: false', () => {
    const files = bundle((a) => {
      a.choice.forcedCni = 'cilium';
      a.extras.mode = 'multus';
      a.cluster.release = OLD_RELEASE;
    });
    expect(hccValues(files, 'rke2-cilium')).toMatchObject({ cni: { exclusive: false } });
    expect(yamlOf(file(files, 'etc/rancher/rke2/config.yaml')).cni).toEqual(['multus', 'cilium']);
  });

  it('cilium IPv6-only uses native routing with direct node routes', () => {
    const v = hccValues(
      bundle((a) => {
        a.choice.forcedCni = 'cilium';
        a.addressing = { ...a.addressing, ipFamily: 'ipv6', clusterCidrV6: '2001:cafe:42::/56' };
        a.addressing.serviceCidrV6 = '2001:cafe:43::/112';
      }),
      'rke2-cilium',
    )!;
    expect(v).toMatchObject({
      routingMode: 'native',
      autoDirectNodeRoutes: true,
      ipv6NativeRoutingCIDR: '2001:cafe:42::/56',
    });
  });

  it('calico eBPF: BPF dataplane, kube-proxy management, endpoint host, and disable-kube-proxy', () => {
    const files = bundle((a) => {
      a.choice.forcedCni = 'calico';
      a.performance.kubeProxyReplacement = true;
      a.performance.apiServerHost = '10.0.0.10';
    });
    const v = hccValues(files, 'rke2-calico')!;
    expect(v).toMatchObject({
      installation: { calicoNetwork: { linuxDataplane: 'BPF', kubeProxyManagement: 'Enabled' } },
      kubernetesServiceEndpoint: { host: '10.0.0.10' },
      felixConfiguration: { featureDetectOverride: 'ChecksumOffloadBroken=false' },
    });
    expect(yamlOf(file(files, 'etc/rancher/rke2/config.yaml'))['disable-kube-proxy']).toBe(true);
  });

  it('calico: checksum override only past kernel 5.7; MTU an integer; WireGuard and BGP', () => {
    const old = hccValues(
      bundle((a) => {
        a.choice.forcedCni = 'calico';
        a.nodes.osPreset = 'custom';
        a.nodes.kernel = '5.4';
        a.security.encryption = 'wireguard';
      }),
      'rke2-calico',
    )!;
    expect(old).not.toHaveProperty('felixConfiguration.featureDetectOverride');
    expect(old).toMatchObject({
      felixConfiguration: { wireguardEnabled: true },
      installation: { calicoNetwork: { mtu: 1440 } },
    });
    const files = bundle((a) => {
      a.choice.forcedCni = 'calico';
      a.performance.bgp = { enabled: true, peerAddress: '192.0.2.1', peerAsn: 64512, localAsn: 64513 };
    });
    expect(hccValues(files, 'rke2-calico')).toMatchObject({
      installation: { backend: 'None', calicoNetwork: { bgp: 'Enabled' } },
    });
    const bgp = file(files, 'kubectl-apply/calico-bgp.yaml')!.contents;
    expect(bgp).toContain('kind: BGPPeer');
    expect(bgp).toContain('peerIP: 192.0.2.1');
    expect(file(files, 'firewall/firewalld.sh')!.contents).toContain('--add-port=179/tcp');
  });

  it('multus: the NAD config is pretty-printed JSON in a YAML block scalar that parses back', () => {
    for (const type of SECONDARY_TYPES)
      for (const ipam of SECONDARY_IPAMS) {
        const files = bundle((a) => {
          a.extras.mode = 'multus';
          a.extras.secondary.type = type;
          a.extras.secondary.ipam = ipam;
        });
        const text = file(files, 'kubectl-apply/secondary-network.yaml')!.contents;
        // A literal block, one JSON line per YAML line, not one escaped double-quoted string.
        expect(text, `${type}/${ipam}`).toMatch(/\n {2}config: \|-?\n {4}\{\n {6}"cniVersion": /);
        expect(text).not.toContain('\\"');
        const config = (yamlOf(file(files, 'kubectl-apply/secondary-network.yaml')).spec as { config: string }).config;
        const parsed = JSON.parse(config) as Record<string, unknown>;
        expect(parsed.type).toBe(type);
        expect(config).toBe(JSON.stringify(parsed, null, 2));
      }
  });

  it('multus: whereabouts and DHCP flags; static IPAM uses the JSON annotation', () => {
    const typed = (a: Answers) => {
      a.extras.mode = 'multus';
      a.extras.secondary.master = 'ens2f0';
      a.extras.secondary.subnet = '10.10.0.0/24';
    };
    const wb = bundle((a) => {
      typed(a);
      a.extras.secondary.ipam = 'whereabouts';
    });
    expect(hccValues(wb, 'rke2-multus')).toEqual({ 'rke2-whereabouts': { enabled: true } });
    const nad = yamlOf(file(wb, 'kubectl-apply/secondary-network.yaml'));
    const config = JSON.parse((nad.spec as { config: string }).config) as Record<string, unknown>;
    // Exactly what was typed: no range or gateway the user left empty, never an empty key.
    expect(config).toMatchObject({ type: 'macvlan', master: 'ens2f0' });
    expect(config.ipam).toEqual({ type: 'whereabouts', range: '10.10.0.0/24' });
    expect(file(wb, 'README.md')!.contents).toContain(
      'No address range or gateway given: whereabouts hands out the whole subnet `10.10.0.0/24` and gives pods no gateway on this network',
    );
    expect(
      hccValues(
        bundle((a) => {
          typed(a);
          a.extras.secondary.ipam = 'dhcp';
        }),
        'rke2-multus',
      ),
    ).toEqual({ manifests: { dhcpDaemonSet: true } });
    const st = bundle((a) => {
      typed(a);
      a.extras.secondary.ipam = 'static';
      a.extras.secondary.rangeStart = '10.10.0.20';
    });
    expect(hccValues(st, 'rke2-multus')).toBeUndefined();
    const pod = yamlOf(file(st, 'kubectl-apply/example-pod.yaml'));
    const ann = (pod.metadata as { annotations: Record<string, string> }).annotations['k8s.v1.cni.cncf.io/networks']!;
    expect(JSON.parse(ann)).toEqual([{ name: 'macvlan-net', namespace: 'default', ips: ['10.10.0.20/24'] }]);
    const hl = bundle((a) => {
      typed(a);
      a.extras.secondary.ipam = 'host-local';
    });
    expect(file(hl, 'README.md')!.contents).toContain('host-local IPAM is per node');
    expect(file(hl, 'README.md')!.contents).toContain(
      "host-local hands out the whole subnet `10.10.0.0/24` and uses the subnet's first address as the pods' gateway",
    );
    const hlConfig = JSON.parse(
      (yamlOf(file(hl, 'kubectl-apply/secondary-network.yaml')).spec as { config: string }).config,
    ) as Record<string, unknown>;
    expect(hlConfig.ipam).toEqual({ type: 'host-local', ranges: [[{ subnet: '10.10.0.0/24' }]] });
    // Typed, the range and gateway are there, in each plugin's own keys.
    const ranged = (ipam: 'host-local' | 'whereabouts') =>
      JSON.parse(
        (
          yamlOf(
            file(
              bundle((a) => {
                typed(a);
                a.extras.secondary.ipam = ipam;
                a.extras.secondary.rangeStart = '10.10.0.10';
                a.extras.secondary.rangeEnd = '10.10.0.99';
                a.extras.secondary.gateway = '10.10.0.1';
              }),
              'kubectl-apply/secondary-network.yaml',
            ),
          ).spec as { config: string }
        ).config,
      ).ipam as Record<string, unknown>;
    expect(ranged('whereabouts')).toEqual({
      type: 'whereabouts',
      range: '10.10.0.0/24',
      range_start: '10.10.0.10',
      range_end: '10.10.0.99',
      gateway: '10.10.0.1',
    });
    expect(ranged('host-local')).toEqual({
      type: 'host-local',
      ranges: [[{ subnet: '10.10.0.0/24', rangeStart: '10.10.0.10', rangeEnd: '10.10.0.99', gateway: '10.10.0.1' }]],
    });
  });

  it('whereabouts with the split CRD chart (rke2-multus >= 4.3.009) also enables it on rke2-multus-crd', () => {
    const a = answers((x) => {
      x.extras.mode = 'multus';
      x.extras.secondary.ipam = 'whereabouts';
    });
    const d = evaluate(a);
    const release = {
      ...d.release,
      row: { ...d.release.row, charts: { ...d.release.row.charts, 'rke2-multus': 'v4.3.017' } },
    };
    const plan = { ...d.plan!, release, charts: { ...d.plan!.charts, 'rke2-multus': 'v4.3.017' } };
    const r = generateBundle(a, { ...d, release, plan });
    const files = r.ok ? r.files : [];
    expect(hccValues(files, 'rke2-multus')).toEqual({ 'rke2-whereabouts': { enabled: true } });
    expect(hccValues(files, 'rke2-multus-crd')).toEqual({ 'rke2-whereabouts': { enabled: true } });
    expect(
      hccValues(
        bundle((x) => {
          x.extras.mode = 'multus';
          x.extras.secondary.ipam = 'whereabouts';
        }),
        'rke2-multus-crd',
      ),
    ).toBeUndefined();
  });

  it('SR-IOV: one resourceName across policy, network and pod; pfNames as a list', () => {
    const files = bundle((a) => {
      a.extras.mode = 'sriov';
      a.extras.sriov.pfNames = 'ens1f0, ens1f1';
    });
    const objects = loadAll(file(files, 'kubectl-apply/sriov.yaml')!.contents) as {
      kind: string;
      spec: Record<string, unknown>;
    }[];
    const policy = objects.find((o) => o.kind === 'SriovNetworkNodePolicy')!;
    const network = objects.find((o) => o.kind === 'SriovNetwork')!;
    expect(policy.spec.resourceName).toBe('sriovnics');
    expect(network.spec.resourceName).toBe('sriovnics');
    expect(policy.spec.nicSelector).toEqual({ pfNames: ['ens1f0', 'ens1f1'] });
    expect(() => JSON.parse(network.spec.ipam as string)).not.toThrow();
    const pod = yamlOf(file(files, 'kubectl-apply/example-pod.yaml'));
    expect(JSON.stringify(pod)).toContain('openshift.io/sriovnics');
    expect(file(files, 'README.md')!.contents).toContain('feature.node.kubernetes.io/network-sriov.capable=true');
    expect(file(files, 'scripts/preflight.sh')!.contents).toContain('iommu_groups');
  });

  it('explains the decision reasons and findings in the README', () => {
    const a = answers((x) => {
      x.choice.forcedCni = 'cilium';
    });
    const d = evaluate(a);
    const r = generateBundle(a, d);
    const readme = r.ok ? file(r.files, 'README.md')!.contents : '';
    expect(readme).toContain('## Choices you cannot change later');
    for (const f of d.notes.filter((n) => n.irreversible)) expect(readme).toContain(f.source.url);
  });
});

describe('values against the upstream chart defaults of the newest release', { timeout: 60_000 }, () => {
  const UPSTREAM: Record<string, string> = {
    'rke2-canal': 'rke2-canal/v3.32.1-build2026081900/values.yaml',
    'rke2-calico': 'rke2-calico/v3.32.100/values.yaml',
    'rke2-cilium': 'rke2-cilium/1.19.601/values.yaml',
    'rke2-flannel': 'rke2-flannel/v0.28.906/values.yaml',
    'rke2-multus': 'rke2-multus/v4.3.008/values.yaml',
  };
  const defaults = Object.fromEntries(
    Object.entries(UPSTREAM).map(([chart, path]) => [
      chart,
      load(readFileSync(new URL(`../../../data/upstream/rke2-charts/${path}`, import.meta.url), 'utf8')) as Record<
        string,
        unknown
      >,
    ]),
  );
  const leaves = (value: unknown, path: string[] = []): { path: string[]; value: unknown }[] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]))
      : [{ path, value }];
  const at = (root: unknown, path: string[]) =>
    path.reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );

  it('emits no value equal to the chart default (v1.36.4 bundles exactly these charts)', () => {
    let checked = 0;
    for (const { a, files } of PRODUCED.filter((p) => p.a.cluster.release === NEW_RELEASE)) {
      void a;
      for (const chart of Object.keys(UPSTREAM)) {
        const values = hccValues(files, chart);
        if (!values) continue;
        for (const leaf of leaves(values)) {
          checked++;
          expect(at(defaults[chart], leaf.path), `${chart} ${leaf.path.join('.')}`).not.toEqual(leaf.value);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('emits only key paths the chart knows, or documented upstream keys the chart leaves commented out', () => {
    // Keys absent from values.yaml but read by the chart templates / CRD (rke2-facts.md §3).
    const DOCUMENTED = new Set([
      'rke2-flannel flannel.mtu',
      'rke2-canal flannel.mtu',
      'rke2-calico installation.calicoNetwork.mtu',
      'rke2-calico installation.calicoNetwork.linuxDataplane',
      'rke2-calico installation.calicoNetwork.kubeProxyManagement',
      'rke2-calico installation.calicoNetwork.nodeAddressAutodetectionV4',
      'rke2-calico installation.calicoNetwork.nodeAddressAutodetectionV6',
      'rke2-calico installation.calicoNetwork.ipPools',
      'rke2-calico felixConfiguration.wireguardEnabledV6',
      'rke2-cilium devices',
    ]);
    for (const { files } of PRODUCED.filter((p) => p.a.cluster.release === NEW_RELEASE)) {
      for (const chart of Object.keys(UPSTREAM)) {
        const values = hccValues(files, chart);
        if (!values) continue;
        for (const leaf of leaves(values)) {
          const known =
            leaf.path.some((_, i) => DOCUMENTED.has(`${chart} ${leaf.path.slice(0, i + 1).join('.')}`)) ||
            at(defaults[chart], leaf.path) !== undefined;
          expect(known, `${chart} ${leaf.path.join('.')}`).toBe(true);
        }
      }
    }
  });
});
