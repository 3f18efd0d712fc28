import type { Addon, ChartName, ComparisonOnly, PrimaryCni, SupportLevel } from '../facts/cni-names';
import { KERNEL_THRESHOLDS } from '../facts/kernel-needs';

const WIREGUARD = KERNEL_THRESHOLDS.wireguardInKernel.kernel;
const KPR = KERNEL_THRESHOLDS.ciliumKubeProxyReplacement.kernel;
const CHECKSUM = KERNEL_THRESHOLDS.calicoChecksumOffload.kernel;
import { CHART_NAME } from '../facts/cni-names';
import { COMMON_PORTS, cniPorts, type PortOptions, type PortRule } from '../net/ports';
import { RELEASES, type ResolvedRelease } from '../rke2/releases';
import { GATES, hasGate } from '../facts/gates';
import { describeGate } from '../rke2/version';
import { SOURCES, type Source } from '../sources';
import { CILIUM_KERNEL_REQUIREMENTS, ciliumKernelRequirement, ciliumRequirementsSource } from '../facts/kernel-needs';
import { parseChartVersion } from '../facts/chart-version';

/**
 * One profile per CNI RKE2 can install (plus `none`, Multus and SR-IOV), and the two comparison-only
 * CNIs of the seeds. Facts come from ../shared/research/rke2-facts.md; pitfalls from peers.md part (b).
 */
export type ProfileId = PrimaryCni | Addon;
export const PROFILE_IDS: readonly ProfileId[] = ['canal', 'calico', 'cilium', 'flannel', 'none', 'multus', 'sriov'];

/** How packets cross nodes; each has a diagram in the comparison view. */
export type NetworkModel = 'vxlan-overlay' | 'routed-bgp' | 'ebpf' | 'meta' | 'sriov-vf' | 'bring-your-own';

export interface SourcedFact {
  level: SupportLevel;
  note: string;
  source: Source;
}

export interface KernelNeed {
  /** Minimum kernel, "5.10" style; null when the CNI states none. */
  minimum: string | null;
  note: string;
  source: Source;
}

export interface Pitfall {
  title: string;
  /** What to do instead. */
  advice: string;
  sources: Source[];
}

export interface CniProfile {
  id: ProfileId;
  name: string;
  role: 'primary' | 'addon' | 'bring-your-own';
  chart: ChartName | null;
  summary: string;
  networkModel: NetworkModel;
  /** How it moves packets, one paragraph. */
  howItWorks: string;
  /** Extra kernel needs beyond RKE2's own; Cilium's minimum depends on the release (ciliumKernelFor). */
  kernel: KernelNeed[];
  windows: SourcedFact;
  dualStack: SourcedFact;
  ipv6Only: SourcedFact;
  pitfalls: Pitfall[];
  sources: Source[];
}

export interface ComparisonOnlyProfile {
  id: ComparisonOnly;
  name: string;
  summary: string;
  networkModel: NetworkModel;
  /** Why RKE2 does not offer it. */
  whyNotOffered: string;
  source: Source;
}

const CALICO_CHECKSUM: KernelNeed = {
  minimum: null,
  note: `Up to ${CHECKSUM} a kernel bug breaks VXLAN checksum offload; rke2-calico sets ChecksumOffloadBroken=true (about 2.5 Gb/s cap). Re-enable offload only on kernels above ${CHECKSUM}.`,
  source: SOURCES.calicoChecksumIssue,
};
const IPTABLES: KernelNeed = {
  minimum: null,
  note: 'Needs the iptables or xtables-nft package on the host; without it hostPort pods leak IPs.',
  source: SOURCES.knownIssues,
};

const HOST_FIREWALL: Pitfall = {
  title: 'firewalld and NetworkManager interfere with CNI interfaces and rules',
  advice: 'Disable firewalld, tell NetworkManager to ignore the CNI interfaces, and disable nm-cloud-setup.',
  sources: [SOURCES.firewalldReloadIssue, SOURCES.networkManagerIssue, SOURCES.knownIssues],
};
const SWITCH_LATER: Pitfall = {
  title: 'The CNI cannot be changed on a running cluster',
  advice:
    'Choose the CNI, backend, CIDRs and IP family before the first server starts; changing them means rebuilding.',
  sources: [SOURCES.cniSwitchIssue, SOURCES.basicNetworkOptions],
};
const HCC_NAMING: Pitfall = {
  title: 'Chart values silently ignored (wrong object, nesting or file name)',
  advice:
    'Use a HelmChartConfig named exactly like the chart in kube-system, without the old wrapper key, in a file not named like a packaged component.',
  sources: [SOURCES.hccNotAppliedIssue, SOURCES.ciliumNestingIssue, SOURCES.hccNamingIssue],
};
const DUAL_STACK_LATER: Pitfall = {
  title: 'Dual-stack cannot be added later',
  advice:
    'Set both cluster and service CIDRs on every server before the first start; the IPv6 cluster CIDR must hold a /64 per node.',
  sources: [SOURCES.dualStackLaterIssue, SOURCES.dualStackIssue],
};
const MTU: Pitfall = {
  title: 'An MTU above the underlay drops or fragments packets',
  advice:
    'Leave the MTU to autodetection, or subtract the encapsulation (VXLAN 50 bytes, WireGuard 60/80) from the underlay MTU.',
  sources: [SOURCES.mtuIssue, SOURCES.vxlanNsxIssue],
};

export const CNI_PROFILES: Readonly<Record<ProfileId, CniProfile>> = {
  canal: {
    id: 'canal',
    name: 'Canal',
    role: 'primary',
    chart: CHART_NAME.canal,
    summary: 'Flannel for the pod network plus Calico (Felix) for network policy. The RKE2 default.',
    networkModel: 'vxlan-overlay',
    howItWorks:
      'Flannel gives each node a pod subnet and wraps pod traffic between nodes in VXLAN on UDP 8472 (the kernel default port), or in WireGuard. Calico Felix enforces Kubernetes NetworkPolicy with iptables on each node; no BGP runs.',
    kernel: [
      {
        minimum: WIREGUARD,
        note: `Only for the WireGuard backend: in-kernel from ${WIREGUARD}; older kernels need the module installed.`,
        source: SOURCES.basicNetworkOptions,
      },
      IPTABLES,
    ],
    windows: {
      level: 'no',
      note: 'The Windows agent rejects canal ("unsupported CNI canal").',
      source: SOURCES.windowsCniCode,
    },
    dualStack: {
      level: 'yes',
      note: 'Detects the dual-stack CIDRs RKE2 injects (global.clusterCIDRv4/v6).',
      source: SOURCES.basicNetworkOptionsDualStack,
    },
    ipv6Only: {
      level: 'yes',
      note: 'With only IPv6 CIDRs the chart renders EnableIPv4: false.',
      source: SOURCES.basicNetworkOptionsIpv6,
    },
    pitfalls: [
      {
        title: 'IP exhaustion without iptables',
        advice: 'Install iptables or xtables-nft: hostPort pods leak an IP on each retry otherwise.',
        sources: [SOURCES.knownIssues],
      },
      {
        title: 'VXLAN on UDP 8472 dropped by some hypervisors',
        advice: 'On VMware NSX check that UDP 8472 passes, or lower the MTU.',
        sources: [SOURCES.vxlanNsxIssue, SOURCES.canalMtuIssue],
      },
      HOST_FIREWALL,
      DUAL_STACK_LATER,
      HCC_NAMING,
      SWITCH_LATER,
    ],
    sources: [SOURCES.basicNetworkOptions, SOURCES.canalValues, SOURCES.requirementsPorts],
  },
  calico: {
    id: 'calico',
    name: 'Calico',
    role: 'primary',
    chart: CHART_NAME.calico,
    summary:
      'Calico installed by the Tigera operator: networking, NetworkPolicy, BGP, eBPF dataplane and Windows nodes. Rancher’s default for RKE2.',
    networkModel: 'routed-bgp',
    howItWorks:
      'By default in RKE2 the IP pools use VXLAN (UDP 4789) with BGP disabled. With bgp: Enabled and no encapsulation, nodes announce their pod blocks over BGP (TCP 179) and packets are routed unencapsulated. From its release gate Calico can replace kube-proxy with its eBPF dataplane.',
    kernel: [CALICO_CHECKSUM, IPTABLES],
    windows: {
      level: 'yes',
      note: 'Supported on Windows Server 2019/2022 nodes (VXLAN 4789, VNI 4096); Windows pods may see TCP resets from VFP.',
      source: SOURCES.adrFlannel,
    },
    dualStack: {
      level: 'yes',
      note: 'Two IP pools, both VXLAN: dual-stack no longer switches to BGP (since rke2-calico v3.23.001).',
      source: SOURCES.calicoDualStackPools,
    },
    ipv6Only: { level: 'yes', note: 'Only the IPv6 pool is created.', source: SOURCES.basicNetworkOptionsIpv6 },
    pitfalls: [
      {
        title: 'Checksum offload disabled caps VXLAN throughput',
        advice: `On kernels above ${CHECKSUM} set felixConfiguration.featureDetectOverride: "ChecksumOffloadBroken=false".`,
        sources: [SOURCES.calicoChecksumIssue, SOURCES.basicNetworkOptions],
      },
      {
        title: 'eBPF dataplane with localhost as API endpoint',
        advice: 'Give kubernetesServiceEndpoint a reachable server IP or load balancer, and disable kube-proxy.',
        sources: [SOURCES.calicoEbpfEndpointIssue, SOURCES.calicoEbpfKubeProxyIssue],
      },
      {
        title: 'Project Network Isolation breaks ingress',
        advice: 'Allow ingress-controller traffic explicitly when Rancher PNI is on.',
        sources: [SOURCES.pniCalicoIssue],
      },
      {
        title: 'Windows VXLAN and TCP resets',
        advice: 'Consider Flannel for Windows-heavy clusters if you need no policy (RKE2 ADR 006).',
        sources: [SOURCES.adrFlannel, SOURCES.calicoWindowsVxlanIssue],
      },
      {
        title: 'A fixed MTU above the host MTU',
        advice: 'Do not set installation.calicoNetwork.mtu above the underlay.',
        sources: [SOURCES.mtuIssue],
      },
      HOST_FIREWALL,
      SWITCH_LATER,
    ],
    sources: [SOURCES.basicNetworkOptions, SOURCES.calicoValues, SOURCES.requirementsPorts],
  },
  cilium: {
    id: 'cilium',
    name: 'Cilium',
    role: 'primary',
    chart: CHART_NAME.cilium,
    summary:
      'eBPF-based networking, L3–L7 policy, kube-proxy replacement, Hubble observability and transparent encryption.',
    networkModel: 'ebpf',
    howItWorks:
      'eBPF programs in the kernel route and filter pod traffic on each node. Between nodes rke2-cilium tunnels in VXLAN on UDP 8472 (Geneve UDP 6081 optional), or routes natively. With kubeProxyReplacement it also load-balances Services in eBPF instead of kube-proxy.',
    kernel: [
      {
        minimum: KPR,
        note: `kube-proxy replacement is not recommended below ${KPR} (RKE2 docs); socket load-balancing needs at least 5.2 upstream.`,
        source: SOURCES.ciliumKubeProxyFree,
      },
      {
        minimum: WIREGUARD,
        note: `WireGuard encryption needs ${WIREGUARD} (or the module).`,
        source: SOURCES.ciliumSystemRequirements,
      },
      { minimum: null, note: 'Bandwidth Manager needs CONFIG_NET_SCH_FQ.', source: SOURCES.ciliumBandwidth },
    ],
    windows: {
      level: 'no',
      note: 'Cilium does not run on Windows; the Windows agent rejects it.',
      source: SOURCES.windowsCniCode,
    },
    dualStack: {
      level: 'yes',
      note: 'Detects the dual-stack CIDRs RKE2 injects; ipv6.enabled need not be set.',
      source: SOURCES.basicNetworkOptionsDualStack,
    },
    ipv6Only: {
      level: 'partial',
      note: 'RKE2 docs: no IPv6 encapsulation between nodes; set autoDirectNodeRoutes: true on a flat L2 network.',
      source: SOURCES.basicNetworkOptionsIpv6,
    },
    pitfalls: [
      {
        title: 'Multus silently broken by cni.exclusive',
        advice: `Before ${describeGate(GATES.ciliumMultusNoExclusive)} set cni.exclusive: false when Multus is in front.`,
        sources: [SOURCES.multusCiliumIssue, SOURCES.multusCiliumNoInterface, SOURCES.multusCiliumSock],
      },
      {
        title: 'kubeProxyReplacement: strict fails to render',
        advice: 'Use true or false, set disable-kube-proxy: true, and give k8sServiceHost/Port.',
        sources: [
          SOURCES.kprStrictIssue,
          SOURCES.kprStrictDocs,
          SOURCES.kprNoStartIssue,
          SOURCES.ciliumIngressKubeProxy,
        ],
      },
      {
        title: 'Operator replica Pending on a single node',
        advice: 'Set operator.replicas: 1 on single-node clusters.',
        sources: [SOURCES.ciliumOperatorSingleNode],
      },
      {
        title: 'Bundled Cilium behind new kernels',
        advice: 'Check the bundled Cilium against your kernel, both oldest and newest.',
        sources: [SOURCES.ciliumKernel72Issue, SOURCES.rhel10ModulesIssue],
      },
      {
        title: 'WireGuard port and failures',
        advice: 'Open UDP 51871 and watch the MTU when enabling WireGuard.',
        sources: [SOURCES.ciliumWireguardIssue, SOURCES.ciliumWireguardPortDocs],
      },
      {
        title: 'VXLAN is UDP 8472, not TCP',
        advice: 'Open UDP 8472; the Rancher FAQ says TCP and an early RKE2 draft typed 8742.',
        sources: [SOURCES.requirementsPorts, SOURCES.ciliumPortTypoPr],
      },
      {
        title: 'Project Network Isolation blocks ingress to other nodes',
        advice: 'Add a CiliumNetworkPolicy allowing the remote-node entity.',
        sources: [SOURCES.pniCiliumIssue],
      },
      HCC_NAMING,
      SWITCH_LATER,
    ],
    sources: [SOURCES.basicNetworkOptions, SOURCES.ciliumValues, SOURCES.ciliumSystemRequirements],
  },
  flannel: {
    id: 'flannel',
    name: 'Flannel',
    role: 'primary',
    chart: CHART_NAME.flannel,
    summary:
      'Plain Flannel VXLAN networking with no network policy. Offered from the February 2024 releases; also on Windows.',
    networkModel: 'vxlan-overlay',
    howItWorks:
      'Each node gets a pod subnet; traffic between nodes is wrapped in VXLAN on UDP 4789 with VNI 4096 (RKE2 changed these from Flannel’s 8472/1 to match Windows), unlike Canal’s 8472. Only the vxlan backend is supported.',
    kernel: [{ minimum: null, note: 'No extra kernel need beyond VXLAN support.', source: SOURCES.flannelBackends }],
    windows: {
      level: 'yes',
      note: 'Supported on Windows nodes from the Flannel release gate (VXLAN 4789, VNI 4096).',
      source: SOURCES.adrFlannel,
    },
    dualStack: {
      level: 'yes',
      note: 'Detects the dual-stack CIDRs RKE2 injects.',
      source: SOURCES.basicNetworkOptionsDualStack,
    },
    ipv6Only: {
      level: 'yes',
      note: 'With only IPv6 CIDRs the chart renders EnableIPv4: false.',
      source: SOURCES.basicNetworkOptionsIpv6,
    },
    pitfalls: [
      {
        title: 'NetworkPolicies are accepted but not enforced',
        advice: 'Choose Canal, Calico or Cilium if you need policy or the CIS profile.',
        sources: [SOURCES.flannelNoPolicy, SOURCES.basicNetworkOptions],
      },
      {
        title: 'UDP 4789, not 8472',
        advice: 'Open UDP 4789 for rke2-flannel; the requirements prose still says 8472.',
        sources: [SOURCES.requirementsPorts, SOURCES.flannelValues],
      },
      {
        title: 'Switching the backend to wireguard keeps port 4789',
        advice: 'Stay on vxlan, the only backend RKE2 supports.',
        sources: [SOURCES.flannelValues],
      },
      MTU,
      SWITCH_LATER,
    ],
    sources: [SOURCES.basicNetworkOptions, SOURCES.flannelValues, SOURCES.adrFlannel],
  },
  none: {
    id: 'none',
    name: 'None (bring your own)',
    role: 'bring-your-own',
    chart: null,
    summary: 'RKE2 installs no CNI chart; you deploy your own. Nodes stay NotReady until you do.',
    networkModel: 'bring-your-own',
    howItWorks: 'cni: none disables every packaged CNI chart. Whatever you install decides how packets move.',
    kernel: [{ minimum: null, note: 'Depends on the CNI you bring.', source: SOURCES.basicNetworkOptions }],
    windows: {
      level: 'partial',
      note: 'The Windows agent accepts none, but you must provide a Windows-capable CNI yourself.',
      source: SOURCES.windowsCniCode,
    },
    dualStack: { level: 'not-applicable', note: 'Depends on the CNI you bring.', source: SOURCES.basicNetworkOptions },
    ipv6Only: { level: 'not-applicable', note: 'Depends on the CNI you bring.', source: SOURCES.basicNetworkOptions },
    pitfalls: [
      {
        title: 'Nodes stay NotReady',
        advice:
          'Install your CNI right after the first server starts; in Rancher, Additional Manifests may apply too late.',
        sources: [SOURCES.basicNetworkOptions, SOURCES.byoCniAdditionalManifest],
      },
      {
        title: 'disable: rke2-canal is not the way to remove the CNI',
        advice: 'Use cni: none.',
        sources: [SOURCES.cniValidateCode],
      },
      {
        title: 'Windows with cni: none',
        advice: 'Windows agents need a CNI they support.',
        sources: [SOURCES.windowsCniNoneIssue],
      },
    ],
    sources: [SOURCES.basicNetworkOptions, SOURCES.cniValidateCode],
  },
  multus: {
    id: 'multus',
    name: 'Multus',
    role: 'addon',
    chart: CHART_NAME.multus,
    summary:
      'A meta plugin that gives pods extra interfaces from NetworkAttachmentDefinitions. Always first in cni, before a primary CNI.',
    networkModel: 'meta',
    howItWorks:
      'Multus calls the primary CNI for eth0, then one CNI plugin per requested NetworkAttachmentDefinition (macvlan, ipvlan, bridge, host-device, SR-IOV) for net1, net2, … Traffic on those interfaces bypasses the primary CNI.',
    kernel: [
      { minimum: null, note: 'Depends on the secondary plugins (macvlan, ipvlan, …).', source: SOURCES.multusSriov },
    ],
    windows: {
      level: 'no',
      note: 'Linux only: the Windows agent sets up Calico or Flannel alone, so Windows pods get no extra interfaces.',
      source: SOURCES.windowsCniCode,
    },
    dualStack: {
      level: 'yes',
      note: 'The primary CNI handles the cluster family; secondary networks use their own IPAM.',
      source: SOURCES.multusSriov,
    },
    ipv6Only: {
      level: 'yes',
      note: 'Same as dual-stack: secondary networks use their own IPAM.',
      source: SOURCES.multusSriov,
    },
    pitfalls: [
      {
        title: 'multus must be first and never alone',
        advice: 'Write cni: [multus, <primary>]; two values at most.',
        sources: [SOURCES.cniValidateCode, SOURCES.multusSriov],
      },
      {
        title: 'Cilium renames the Multus config (exclusive mode)',
        advice: 'Set cni.exclusive: false in rke2-cilium on releases before the fix.',
        sources: [SOURCES.multusCiliumIssue],
      },
      {
        title: 'host-local IPAM on several nodes',
        advice: 'Use whereabouts or the DHCP daemon: host-local hands out the same IPs on every node.',
        sources: [SOURCES.multusSriov],
      },
      {
        title: 'Thick plugin schedules workloads too early',
        advice: 'The thick plugin is experimental; test pod start after reboots.',
        sources: [SOURCES.multusThickEarly],
      },
    ],
    sources: [SOURCES.multusSriov, SOURCES.multusValues, SOURCES.multusHowTo],
  },
  sriov: {
    id: 'sriov',
    name: 'SR-IOV',
    role: 'addon',
    chart: null,
    summary:
      'Hardware virtual functions of an SR-IOV NIC as secondary pod interfaces, through the sriov-network-operator and Multus.',
    networkModel: 'sriov-vf',
    howItWorks:
      'The NIC splits into virtual functions (VFs). The device plugin advertises them as node resources; a pod that requests one gets a VF moved into its namespace via Multus, so its traffic bypasses the kernel network stack of the host.',
    kernel: [
      {
        minimum: null,
        note: 'IOMMU enabled, SR-IOV-capable NIC and its drivers (i40e, vfio-pci, …).',
        source: SOURCES.sriovPrereqIssue,
      },
    ],
    windows: { level: 'no', note: 'Linux only.', source: SOURCES.sriovOperator },
    dualStack: {
      level: 'yes',
      note: 'The VF gets addresses from the SriovNetwork IPAM, independent of the cluster family.',
      source: SOURCES.sriovOperator,
    },
    ipv6Only: {
      level: 'yes',
      note: 'The VF gets addresses from the SriovNetwork IPAM.',
      source: SOURCES.sriovOperator,
    },
    pitfalls: [
      {
        title: 'NAD without the resourceName annotation',
        advice:
          'The NetworkAttachmentDefinition needs k8s.v1.cni.cncf.io/resourceName matching the device plugin resource.',
        sources: [SOURCES.sriovResourceNameIssue],
      },
      {
        title: 'SR-IOV is never the primary CNI',
        advice: 'Use cni: [multus, <primary>] and attach SR-IOV as a secondary network.',
        sources: [SOURCES.multusSriov],
      },
      {
        title: 'SELinux blocks the plugin install',
        advice: 'Check /opt/cni/bin is writeable by the installer on SELinux-enforcing hosts.',
        sources: [SOURCES.sriovSelinuxIssue],
      },
      {
        title: 'Hardware prerequisites',
        advice: 'Check sriov_totalvfs, IOMMU and drivers before planning VFs.',
        sources: [SOURCES.sriovPrereqIssue],
      },
    ],
    sources: [SOURCES.multusSriov, SOURCES.sriovOperator],
  },
};

export const COMPARISON_ONLY_PROFILES: Readonly<Record<ComparisonOnly, ComparisonOnlyProfile>> = {
  weave: {
    id: 'weave',
    name: 'Weave Net',
    networkModel: 'vxlan-overlay',
    summary: 'A mesh overlay with its own gossip control plane (TCP 6783, UDP 6783/6784).',
    whyNotOffered: 'Offered by Rancher for RKE1 only; the project is archived. RKE2 rejects cni: weave.',
    source: SOURCES.weaveArchived,
  },
  'aws-vpc-cni': {
    id: 'aws-vpc-cni',
    name: 'Amazon VPC CNI',
    networkModel: 'routed-bgp',
    summary: 'Gives pods VPC IP addresses from EC2 elastic network interfaces.',
    whyNotOffered: 'Made for Amazon EKS; RKE2 does not ship it. On AWS, Cilium’s ENI IPAM mode is the RKE2 route.',
    source: SOURCES.awsVpcCni,
  },
};

/** Ports for a profile; add-ons open nothing beyond their primary. */
export function profilePorts(id: ProfileId, options: PortOptions): PortRule[] {
  if (id === 'multus' || id === 'sriov') return [];
  return cniPorts(id, options);
}

export const DEFAULT_PORT_OPTIONS: PortOptions = {
  encryption: 'none',
  ipv6: false,
  observability: false,
  bgp: false,
  windows: false,
};
export { COMMON_PORTS };

/** Chart version of a profile in every known release, oldest first (null: not bundled). */
export function chartVersionsByRelease(id: ProfileId): { release: string; version: string | null }[] {
  const chart = CNI_PROFILES[id].chart;
  return RELEASES.map((r) => ({ release: r.version.text, version: chart ? r.charts[chart] : null }));
}

/** "1.19.601" (rke2-cilium chart) → Cilium 1.19; null for text that is not a chart version. */
export function ciliumMinorFromChart(chartVersion: string | null): { major: number; minor: number } | null {
  const v = parseChartVersion(chartVersion);
  return v ? { major: v.major, minor: v.minor } : null;
}

export interface CiliumKernel {
  /** Cilium release the chart bundles, e.g. "1.19". */
  cilium: string;
  minimum: string;
  /** RHEL 8 kernels accepted thanks to backports, when Cilium says so. */
  rhel8?: string;
  note: string;
  source: Source;
}

/**
 * Minimum kernel of the Cilium version a release bundles, from the engine's table of Cilium's
 * versioned system requirements (one truth for the matrix and the cilium-kernel rule):
 * 4.9.17 up to 1.12; 4.19.57 from 1.13; 5.4 from 1.16; 5.10 from 1.18 (RHEL 8 kernels with backports aside).
 * The RKE2 docs still say 4.9.17 (rke2-facts.md §7, §12 item 4).
 */
export function ciliumKernelFor(release: ResolvedRelease): CiliumKernel {
  const v = ciliumMinorFromChart(release.row.charts[CHART_NAME.cilium]) ?? { major: 1, minor: 19 };
  const cilium = `${v.major}.${v.minor}`;
  const req = ciliumKernelRequirement(v.minor);
  const docsFloor = CILIUM_KERNEL_REQUIREMENTS[0]!.minKernel;
  const stale = req.minKernel === docsFloor ? '' : ` The RKE2 docs’ ${docsFloor} is stale.`;
  return {
    cilium,
    minimum: req.minKernel,
    ...(req.fromMinor === 0 ? {} : { rhel8: KERNEL_THRESHOLDS.rhel8BackportKernel.kernel }),
    note: `Cilium ${cilium} needs Linux ${req.minKernel} or newer (or ${req.rhelEquivalent}).${stale}`,
    source: ciliumRequirementsSource(v.minor),
  };
}

/** rke2-calico "v3.23.103" / "v3.1906" → Calico minor (23 / 19). */
export function calicoMinorFromChart(chartVersion: string | null): number | null {
  const m = /^v?3\.(\d+)/.exec(chartVersion ?? '');
  if (!m) return null;
  const n = Number(m[1]);
  // Early charts glued minor and patch together: v3.1906 is Calico 3.19.
  return n >= 100 ? Number(m[1]!.slice(0, 2)) : n;
}

/** Whether the release offers the profile at all, with the reason when not. */
export function offeredIn(
  id: ProfileId,
  release: ResolvedRelease,
): { offered: true } | { offered: false; reason: string; source: Source; since: string } {
  if (id === 'flannel' && !hasGate(release, 'flannel')) {
    return {
      offered: false,
      reason: `rke2-flannel is bundled only from ${describeGate(GATES.flannel)}.`,
      source: GATES.flannel.source,
      since: describeGate(GATES.flannel),
    };
  }
  return { offered: true };
}
