/**
 * Named, deterministic situations shared by the engine tests, golden files and e2e journeys.
 * Names are a contract: other tests refer to them, so rename nothing.
 */
import { defaultAnswers } from '../domain/answers/defaults';
import type { Answers } from '../domain/answers/types';
import type { AnswerPath } from '../domain/answers/answers-schema';
import { isFieldRelevant } from '../domain/answers/parse-answers';
import type { PrimaryCni } from '../domain/facts/cni-names';

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const current = out[key];
    out[key] =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current !== null &&
      typeof current === 'object'
        ? merge(current, value as DeepPartial<typeof current>)
        : value;
  }
  return out as T;
}

/**
 * defaultAnswers() with some fields changed. The answers a user must type once a switch makes them
 * used (the IPv6 CIDRs, a Multus network's host interface and subnet, SR-IOV's physical functions)
 * start empty; a scenario that turns the switch on and leaves them out gets what a user following the
 * RKE2 docs (dual-stack) or the Multus and SR-IOV operator examples would type. The optional range and
 * gateway stay empty unless the scenario gives them.
 */
export function answersWith(patch: DeepPartial<Answers>): Answers {
  const a = merge(defaultAnswers(), patch);
  if (a.addressing.ipFamily !== 'ipv4') {
    if (a.addressing.clusterCidrV6 === '') a.addressing.clusterCidrV6 = '2001:cafe:42::/56';
    if (a.addressing.serviceCidrV6 === '') a.addressing.serviceCidrV6 = '2001:cafe:43::/112';
  }
  const s = a.extras.secondary;
  const used = (path: AnswerPath) => isFieldRelevant(path, a);
  if (used('extras.secondary.master') && s.master === '') s.master = 'eth1';
  if (used('extras.secondary.subnet') && s.subnet === '') s.subnet = '192.168.100.0/24';
  if (a.extras.mode === 'multus' && s.ipam === 'static' && s.rangeStart === '') s.rangeStart = '192.168.100.10';
  if (used('extras.sriov.pfNames') && a.extras.sriov.pfNames === '') a.extras.sriov.pfNames = 'ens1f0';
  return a;
}

export interface ScenarioExpectation {
  recommended?: PrimaryCni | null;
  /** The CNI the bundle will use (differs from recommended when forced). */
  chosen?: PrimaryCni | null;
  unavailable?: PrimaryCni[];
  /** Message ids that must appear among blocking findings; [] means there must be none. */
  blockingMessageIds?: string[];
  warningMessageIds?: string[];
  noteMessageIds?: string[];
  /** Reason message ids expected on a candidate. */
  reasons?: Partial<Record<PrimaryCni, string[]>>;
  multus?: boolean;
}

export interface Scenario {
  description: string;
  answers: Answers;
  expect: ScenarioExpectation;
  /** parseAnswers rejects these answers on purpose (the engine must still cope); skip them for bundles. */
  invalidInput?: true;
}

const OLD_CILIUM_MULTUS_RELEASE = 'v1.31.13+rke2r1';

export const SCENARIOS = {
  stockCluster: {
    description: "A stock standalone cluster with RKE2 defaults: Canal wins as RKE2's default.",
    answers: defaultAnswers(),
    expect: {
      recommended: 'canal',
      chosen: 'canal',
      unavailable: ['flannel'],
      blockingMessageIds: [],
      warningMessageIds: [],
      noteMessageIds: ['cniIrreversible', 'cidrsIrreversible', 'ipFamilyIrreversible'],
      reasons: { canal: ['rke2Default'] },
    },
  },
  windowsWorkers: {
    description: 'Windows worker nodes with NetworkPolicy: only Calico (Flannel enforces no policy).',
    answers: answersWith({ cluster: { windowsNodes: true } }),
    expect: {
      recommended: 'calico',
      unavailable: ['canal', 'cilium', 'flannel'],
      blockingMessageIds: [],
      noteMessageIds: ['windowsTradeOff'],
      reasons: { canal: ['windowsUnsupported'], cilium: ['windowsUnsupported'], calico: ['windowsSupported'] },
    },
  },
  windowsFlannelNoPolicy: {
    description: 'Windows workers without a policy need: Calico and Flannel both fit.',
    answers: answersWith({ cluster: { windowsNodes: true }, security: { policy: 'none' } }),
    expect: { recommended: 'calico', unavailable: ['canal', 'cilium'], reasons: { flannel: ['windowsSupported'] } },
  },
  windowsDualStackConflict: {
    description: 'Windows workers with dual-stack addressing: a blocking conflict.',
    answers: answersWith({ cluster: { windowsNodes: true }, addressing: { ipFamily: 'dual' } }),
    expect: { recommended: null, blockingMessageIds: ['windowsDualStack'] },
  },
  windowsMultus: {
    description: 'Windows workers plus Multus secondary networks: Multus runs on Linux nodes only.',
    answers: answersWith({ cluster: { windowsNodes: true }, extras: { mode: 'multus' } }),
    expect: { recommended: 'calico', warningMessageIds: ['windowsMultus'], multus: true },
  },
  l7Policy: {
    description: 'L7 / DNS-aware policy: Cilium is the only CNI that enforces it.',
    answers: answersWith({ security: { policy: 'l7' } }),
    expect: {
      recommended: 'cilium',
      unavailable: ['canal', 'calico', 'flannel'],
      reasons: { cilium: ['l7Policy'], calico: ['noL7Policy'] },
    },
  },
  ciliumOldKernel: {
    description: 'L7 policy on a 4.19 kernel with a release bundling Cilium 1.19: Cilium needs 5.10, so nothing fits.',
    answers: answersWith({ security: { policy: 'l7' }, nodes: { osPreset: 'custom', kernel: '4.19.90' } }),
    expect: {
      recommended: null,
      unavailable: ['canal', 'calico', 'cilium', 'flannel'],
      blockingMessageIds: ['noCniFits'],
      reasons: { cilium: ['ciliumKernelTooOld'] },
    },
  },
  ciliumOldKernelOldRelease: {
    description: 'The same 4.19.90 kernel on v1.26.3, which bundles Cilium 1.13 (minimum 4.19.57): Cilium fits.',
    answers: answersWith({
      cluster: { release: 'v1.26.3+rke2r1' },
      security: { policy: 'l7' },
      nodes: { osPreset: 'custom', kernel: '4.19.90' },
    }),
    expect: { recommended: 'cilium', reasons: { cilium: ['ciliumKernelOk', 'l7Policy'] } },
  },
  rhel810Cilium: {
    description: 'RHEL 8.10 (kernel 4.18 with backports) with L7 policy: Cilium 1.19 accepts it.',
    answers: answersWith({ security: { policy: 'l7' }, nodes: { osPreset: 'rhel-8.10', kernel: '4.18' } }),
    expect: { recommended: 'cilium', reasons: { cilium: ['ciliumRhelBackports'] } },
  },
  ciliumKubeProxyFree: {
    description: 'Kube-proxy replacement with Cilium on a modern kernel, API host left empty (localhost:6443).',
    answers: answersWith({ performance: { kubeProxyReplacement: true } }),
    expect: {
      recommended: 'cilium',
      unavailable: ['canal', 'flannel'],
      blockingMessageIds: [],
      warningMessageIds: ['ciliumKprDefaultEndpoint'],
      reasons: { cilium: ['ciliumKpr'], canal: ['noKubeProxyReplacement'] },
    },
  },
  ciliumKprOldKernel: {
    description: 'Kube-proxy replacement with Cilium on RHEL 8.10: allowed, but RKE2 advises 5.8 or newer.',
    answers: answersWith({
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
      nodes: { osPreset: 'rhel-8.10', kernel: '4.18' },
    }),
    expect: { recommended: 'cilium', warningMessageIds: ['ciliumKprOldKernel'] },
  },
  calicoEbpfOldRelease: {
    description: 'Forced Calico with kube-proxy replacement on v1.33.6, before the Calico eBPF gate.',
    answers: answersWith({
      cluster: { release: 'v1.33.6+rke2r1' },
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
      choice: { forcedCni: 'calico' },
    }),
    expect: {
      recommended: null,
      chosen: 'calico',
      unavailable: ['canal', 'calico', 'flannel'],
      blockingMessageIds: ['forcedUnavailable'],
      reasons: { calico: ['calicoEbpfBeforeGate'] },
    },
  },
  calicoEbpfNewRelease: {
    description: 'Forced Calico with kube-proxy replacement on v1.33.8 (eBPF gate passed) and a reachable API VIP.',
    answers: answersWith({
      cluster: { release: 'v1.33.8+rke2r1' },
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
      choice: { forcedCni: 'calico' },
    }),
    expect: {
      recommended: 'cilium',
      chosen: 'calico',
      blockingMessageIds: [],
      noteMessageIds: ['forcedOverride', 'checksumOffloadReenabled'],
      reasons: { calico: ['calicoEbpf'] },
    },
  },
  calicoEbpfLocalhost: {
    description: 'Forced Calico eBPF with the API host left at localhost: blocked (rke2-docs#567).',
    answers: answersWith({
      performance: { kubeProxyReplacement: true, apiServerHost: 'localhost' },
      choice: { forcedCni: 'calico' },
    }),
    expect: { recommended: null, chosen: 'calico', blockingMessageIds: ['calicoEbpfEndpoint'] },
  },
  bgpKubeProxyFree: {
    description: 'BGP peering plus kube-proxy replacement: Calico eBPF wins, and needs a reachable API endpoint.',
    answers: answersWith({
      performance: { kubeProxyReplacement: true, bgp: { enabled: true, peerAddress: '10.0.0.1' } },
    }),
    expect: {
      recommended: null,
      unavailable: ['canal', 'flannel'],
      blockingMessageIds: ['calicoEbpfEndpoint'],
      reasons: { calico: ['calicoBgp', 'calicoEbpf'] },
    },
  },
  bgpKubeProxyFreeWithVip: {
    description: 'The same with the API VIP given: Calico with eBPF and BGP is recommended.',
    answers: answersWith({
      performance: {
        kubeProxyReplacement: true,
        apiServerHost: '10.0.0.100',
        bgp: { enabled: true, peerAddress: '10.0.0.1' },
      },
    }),
    expect: { recommended: 'calico', blockingMessageIds: [] },
  },
  calicoChecksumOldKernel: {
    description: 'BGP peering (Calico) on a 5.4 kernel: checksum offload stays disabled.',
    answers: answersWith({
      performance: { bgp: { enabled: true, peerAddress: '10.0.0.1' } },
      nodes: { osPreset: 'custom', kernel: '5.4.0-150-generic' },
    }),
    expect: {
      recommended: 'calico',
      noteMessageIds: ['checksumOffloadDisabled'],
      unavailable: ['canal', 'flannel', 'cilium'],
    },
  },
  sriovTelco: {
    description:
      'Telco worker: SR-IOV VFs via Multus, dual-stack, WireGuard encryption, CIS profile, on the newest release.',
    answers: answersWith({
      cluster: { cisProfile: true, size: 'large' },
      security: { encryption: 'wireguard' },
      addressing: { ipFamily: 'dual' },
      extras: {
        mode: 'sriov',
        sriov: { resourceName: 'intelnics', pfNames: 'ens1f0,ens1f1', numVfs: 16, deviceType: 'vfio-pci', vlan: 100 },
      },
      nodes: { underlayMtu: 9000, interface: 'bond0' },
    }),
    expect: {
      recommended: 'canal',
      unavailable: ['flannel'],
      blockingMessageIds: [],
      noteMessageIds: ['multusFirst', 'sriovSecondaryOnly'],
      multus: true,
      reasons: { canal: ['cisCanal', 'wireguardSupported'] },
    },
  },
  multusCiliumOldRelease: {
    description: 'Multus with Cilium (Hubble wanted) on v1.31.13, before rke2-cilium defaulted cni.exclusive to false.',
    answers: answersWith({
      cluster: { release: OLD_CILIUM_MULTUS_RELEASE },
      extras: { mode: 'multus' },
      performance: { observability: true },
    }),
    expect: { recommended: 'cilium', multus: true, reasons: { cilium: ['ciliumExclusiveFalse', 'hubble'] } },
  },
  cisWithCalico: {
    description: "CIS profile with Calico forced: RKE2's CIS NetworkPolicy controller will not run.",
    answers: answersWith({ cluster: { cisProfile: true }, choice: { forcedCni: 'calico' } }),
    expect: {
      recommended: 'canal',
      chosen: 'calico',
      warningMessageIds: ['cisPolicyControllerCanalOnly'],
      noteMessageIds: ['forcedOverride'],
    },
  },
  rancherManaged: {
    description: 'A Rancher-managed cluster: Rancher defaults to Calico; the ranking still goes by fit.',
    answers: answersWith({ cluster: { management: 'rancher' } }),
    expect: { recommended: 'canal', noteMessageIds: ['rancherDefaultCalico'], reasons: { calico: ['rancherDefault'] } },
  },
  releaseNewerThanTable: {
    description: 'A release newer than the table is treated as the newest known one, visibly.',
    answers: answersWith({ cluster: { release: 'v1.37.0+rke2r1' } }),
    expect: { recommended: 'canal', noteMessageIds: ['releaseNewerThanTable'] },
  },
  releaseNearestOlder: {
    description: 'A release missing from the table uses the nearest older one on its line.',
    answers: answersWith({ cluster: { release: 'v1.33.99+rke2r1' } }),
    expect: { recommended: 'canal', noteMessageIds: ['releaseNearestOlder'] },
  },
  noCniFits: {
    description: 'Windows workers plus L7 policy: no CNI can do both.',
    answers: answersWith({ cluster: { windowsNodes: true }, security: { policy: 'l7' } }),
    expect: {
      recommended: null,
      unavailable: ['canal', 'calico', 'cilium', 'flannel'],
      blockingMessageIds: ['noCniFits'],
    },
  },
  forcedUnavailable: {
    description: 'Forcing Flannel while asking for NetworkPolicy: blocked, naming why.',
    answers: answersWith({ choice: { forcedCni: 'flannel' } }),
    expect: { recommended: null, chosen: 'flannel', blockingMessageIds: ['forcedUnavailable'] },
  },
  forcedDiscouraged: {
    description: 'Forcing Canal while asking for Hubble: allowed, with the consequence as a warning.',
    answers: answersWith({ performance: { observability: true }, choice: { forcedCni: 'canal' } }),
    expect: {
      recommended: 'cilium',
      chosen: 'canal',
      warningMessageIds: ['forcedDiscouraged'],
      noteMessageIds: ['forcedOverride'],
    },
  },
  bringYourOwnCni: {
    description: 'cni: none forced: honoured, with the NotReady consequence as a warning.',
    answers: answersWith({ choice: { forcedCni: 'none' } }),
    expect: { recommended: 'canal', chosen: 'none', blockingMessageIds: [], warningMessageIds: ['forcedDiscouraged'] },
  },
  bringYourOwnNothingFits: {
    description:
      'Windows workers plus L7 policy with cni: none forced: allowed, noting that your own CNI must cover it.',
    answers: answersWith({
      cluster: { windowsNodes: true },
      security: { policy: 'l7' },
      choice: { forcedCni: 'none' },
    }),
    expect: { recommended: null, chosen: 'none', blockingMessageIds: [], noteMessageIds: ['noCniFitsBringYourOwn'] },
  },
  singleNodeCilium: {
    description: 'A single-node cluster with Hubble: Cilium with one operator replica.',
    answers: answersWith({ cluster: { size: 'single' }, performance: { observability: true } }),
    expect: { recommended: 'cilium', reasons: { cilium: ['ciliumOperatorSingleReplica', 'hubble'] } },
  },
  ipv6Only: {
    description: 'IPv6-only addressing with L7 policy: Cilium with native routing, ::1 localhost needed.',
    answers: answersWith({ addressing: { ipFamily: 'ipv6' }, security: { policy: 'l7' } }),
    expect: {
      recommended: 'cilium',
      noteMessageIds: ['ipv6LocalhostHosts', 'ipFamilyIrreversible'],
      reasons: { cilium: ['ciliumIpv6NativeRouting'] },
    },
  },
  flannelBeforeGate: {
    description: 'v1.26.13 without a policy need: Flannel is not available before v1.26.14.',
    answers: answersWith({ cluster: { release: 'v1.26.13+rke2r1' }, security: { policy: 'none' } }),
    expect: { recommended: 'canal', unavailable: ['flannel'], reasons: { flannel: ['flannelBeforeGate'] } },
  },
  flannelAfterGate: {
    description: 'v1.26.14 without a policy need: Flannel is available.',
    answers: answersWith({ cluster: { release: 'v1.26.14+rke2r1' }, security: { policy: 'none' } }),
    expect: { recommended: 'canal', unavailable: [], reasons: { flannel: ['bundled'] } },
  },
  bgpPeering: {
    description: 'BGP peering with the top-of-rack routers: Calico natively.',
    answers: answersWith({
      performance: { bgp: { enabled: true, peerAddress: '10.0.0.1', peerAsn: 65000, localAsn: 65001 } },
    }),
    expect: {
      recommended: 'calico',
      unavailable: ['canal', 'flannel'],
      reasons: { calico: ['calicoBgp'], cilium: ['ciliumBgp'] },
    },
  },
  awsEni: {
    description: 'Pods addressed from AWS ENIs: Cilium only.',
    answers: answersWith({ performance: { awsEni: true } }),
    expect: { recommended: 'cilium', unavailable: ['canal', 'calico', 'flannel'], reasons: { cilium: ['ciliumEni'] } },
  },
  bandwidthManager: {
    description: "Pod egress bandwidth limits: Cilium's Bandwidth Manager.",
    answers: answersWith({ performance: { bandwidthManager: true } }),
    expect: {
      recommended: 'cilium',
      noteMessageIds: ['fqKernelConfig'],
      reasons: { cilium: ['ciliumBandwidth'], canal: ['bandwidthPluginOnly'] },
    },
  },
  hubble: {
    description: 'Network observability wanted: Cilium with Hubble; the others are discouraged, not excluded.',
    answers: answersWith({ performance: { observability: true } }),
    expect: { recommended: 'cilium', unavailable: ['flannel'], reasons: { cilium: ['hubble'], canal: ['noHubble'] } },
  },
  ipsec: {
    description: 'IPsec encryption: Cilium only.',
    answers: answersWith({ security: { encryption: 'ipsec' } }),
    expect: {
      recommended: 'cilium',
      unavailable: ['canal', 'calico', 'flannel'],
      reasons: { cilium: ['ipsecCilium'], calico: ['noIpsec'] },
    },
  },
  wireguardOldKernel: {
    description: 'WireGuard on a 5.4 kernel: Canal encrypts, but the module must be installed.',
    answers: answersWith({ security: { encryption: 'wireguard' }, nodes: { osPreset: 'custom', kernel: '5.4' } }),
    expect: { recommended: 'canal', unavailable: ['flannel', 'cilium'], warningMessageIds: ['wireguardModuleNeeded'] },
  },
  invalidRelease: {
    description: 'A malformed release blocks, naming the field, while the rest is judged on the newest release.',
    answers: answersWith({ cluster: { release: 'v2.0.0' } }),
    expect: { recommended: null, blockingMessageIds: ['releaseInvalid'] },
    invalidInput: true,
  },
} as const satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];
