import type { SupportLevel } from '../facts/cni-names';
import { KERNEL_THRESHOLDS } from '../facts/kernel-needs';
import { CHART_NAME } from '../facts/cni-names';
import {
  COMPARISON_ONLY_PROFILES,
  CNI_PROFILES,
  DEFAULT_PORT_OPTIONS,
  calicoMinorFromChart,
  ciliumKernelFor,
  offeredIn,
  profilePorts,
} from '../cni/profiles';
import type { PortRule } from '../net/ports';
import { GATES, hasGate, type GateId } from '../facts/gates';
import type { ResolvedRelease } from '../rke2/releases';
import { describeGate } from '../rke2/version';
import { SOURCES, type Source } from '../sources';
import {
  FEATURES,
  FEATURE_GROUPS,
  GROUP_LABELS,
  type FeatureGroupId,
  type FeatureId,
  type FeatureRow,
} from './features';

const WIREGUARD_KERNEL = KERNEL_THRESHOLDS.wireguardInKernel.kernel;
const KPR_KERNEL = KERNEL_THRESHOLDS.ciliumKubeProxyReplacement.kernel;
const CHECKSUM_KERNEL = KERNEL_THRESHOLDS.calicoChecksumOffload.kernel;

export interface Cell {
  level: SupportLevel;
  /** For 'info' rows: the fact itself ("VXLAN overlay", "≥ 5.10", "UDP 8472"). */
  value?: string;
  note: string;
  source: Source;
  /** Set when the cell depends on the release: "from v1.33.8". */
  since?: string;
  /** Machine-readable kernel minimum (minimumKernel row). */
  kernel?: { minimum: string; rhel8?: string };
}

export type ColumnKind = 'primary' | 'addon' | 'comparison-only';

export interface MatrixColumn {
  id: MatrixColumnKey;
  label: string;
  kind: ColumnKind;
  /** False for comparison-only CNIs and for CNIs this release does not bundle. */
  offered: boolean;
  notOffered?: { reason: string; source: Source };
  /** Chart version the release bundles; null when none. */
  chartVersion: string | null;
}

export interface MatrixGroup {
  id: FeatureGroupId;
  label: string;
  features: FeatureRow[];
}

export interface Matrix {
  release: ResolvedRelease;
  columns: MatrixColumn[];
  groups: MatrixGroup[];
  cells: Readonly<Record<FeatureId, Readonly<Record<MatrixColumnKey, Cell>>>>;
}

export const MATRIX_COLUMNS = [
  'canal',
  'calico',
  'cilium',
  'flannel',
  'multus',
  'sriov',
  'weave',
  'aws-vpc-cni',
] as const;
export type MatrixColumnKey = (typeof MATRIX_COLUMNS)[number];

const c = (level: SupportLevel, note: string, source: Source, extra: Partial<Cell> = {}): Cell => ({
  level,
  note,
  source,
  ...extra,
});

/** "from v1.33.8" on a gated line, else every line's minimum. */
function sinceText(release: ResolvedRelease, gate: GateId): string {
  const v = release.requested;
  const line = GATES[gate].minimums.find((m) => m.startsWith(`${v.major}.${v.minor}.`));
  return `from ${line ? `v${line}` : describeGate(GATES[gate])}`;
}

export function portsText(rules: readonly PortRule[]): string {
  if (rules.length === 0) return 'None beyond the primary CNI';
  return rules
    .map((r) => (r.protocol === 'ESP' ? 'ESP' : r.protocol === 'ICMP' ? `ICMP ${r.port}` : `${r.protocol} ${r.port}`))
    .join(', ');
}

type Column = Readonly<Record<FeatureId, Cell>>;

function canal(release: ResolvedRelease): Column {
  const src = SOURCES.canalValues;
  const wg = hasGate(release, 'canalWireguard');
  const wgSince = sinceText(release, 'canalWireguard');
  const wgCell = wg
    ? c(
        'yes',
        `flannel.backend: wireguard (UDP 51820, 51821 for IPv6); kernel ${WIREGUARD_KERNEL} or the module.`,
        SOURCES.basicNetworkOptions,
        { since: wgSince },
      )
    : c(
        'no',
        `The WireGuard backend arrives with RKE2 ${describeGate(GATES.canalWireguard)}.`,
        SOURCES.basicNetworkOptions,
        { since: wgSince },
      );
  return {
    networkModel: c('yes', 'Flannel VXLAN between nodes, Calico Felix for policy; no BGP.', src, {
      value: 'VXLAN overlay (Flannel)',
    }),
    routeDistribution: c(
      'no',
      'Flannel writes routes from the Kubernetes API; no routing protocol.',
      SOURCES.rancherCniFaq,
    ),
    bgp: c('no', 'Canal runs Calico with networkingBackend: none.', src),
    ebpfDataplane: c('no', 'iptables (nftables experimental on recent releases).', src),
    kubeProxyReplacement: c('no', 'kube-proxy stays.', src),
    mesh: c('no', 'No multi-cluster networking.', SOURCES.rancherCniFaq),
    externalDatastore: c('yes', 'State in the Kubernetes API; no external etcd.', src, { value: 'Kubernetes API' }),
    networkPolicies: c('yes', 'Calico Felix enforces NetworkPolicy.', SOURCES.basicNetworkOptions),
    ingressEgressPolicies: c('yes', 'Ingress and egress rules (Calico policy engine).', SOURCES.rancherCniFaq),
    l7Policy: c('no', 'L3/L4 rules only.', SOURCES.rancherCniFaq),
    encryption: wgCell,
    wireguard: wgCell,
    ipsec: c('no', 'Only the vxlan and wireguard backends are documented for RKE2.', SOURCES.basicNetworkOptions),
    cisHardened: c('yes', 'RKE2’s CIS NetworkPolicy controller runs only with canal.', SOURCES.cisPolicyCode),
    windowsNodes: c('no', 'The Windows agent rejects canal.', SOURCES.windowsCniCode),
    dualStack: c('yes', 'Uses the IPv4 and IPv6 cluster CIDRs RKE2 injects.', SOURCES.basicNetworkOptionsDualStack),
    ipv6Only: c('yes', 'Renders EnableIPv4: false with only IPv6 CIDRs.', SOURCES.basicNetworkOptionsIpv6),
    multipleInterfaces: c('partial', 'With Multus in front: cni: [multus, canal].', SOURCES.multusSriov),
    bandwidthManagement: c(
      'partial',
      'The CNI chain includes the generic bandwidth plugin (tc token bucket): pod bandwidth annotations work; no EDT/BBR.',
      SOURCES.bandwidthPlugin,
    ),
    observability: c('no', 'No flow observability component.', src),
    minimumKernel: c(
      'yes',
      `No minimum stated; WireGuard needs ${WIREGUARD_KERNEL} or the module; iptables or xtables-nft required.`,
      SOURCES.basicNetworkOptions,
      { value: `None stated (${WIREGUARD_KERNEL} for WireGuard)` },
    ),
    requiredPorts: c('yes', 'WireGuard uses UDP 51820/51821 instead of 8472.', SOURCES.requirementsPorts, {
      value: portsText(profilePorts('canal', DEFAULT_PORT_OPTIONS)),
    }),
  };
}

function calico(release: ResolvedRelease): Column {
  const src = SOURCES.calicoValues;
  const ebpf = hasGate(release, 'calicoEbpf');
  const since = sinceText(release, 'calicoEbpf');
  const minor = calicoMinorFromChart(release.row.charts[CHART_NAME.calico]);
  const vxlanV6 = minor === null || minor >= 23;
  return {
    networkModel: c(
      'yes',
      'rke2-calico: VXLAN IP pools with BGP disabled; IP-in-IP or unencapsulated BGP on request.',
      src,
      { value: 'VXLAN overlay; BGP routed optional' },
    ),
    routeDistribution: c('yes', 'BGP between nodes and routers (disabled by default in RKE2).', SOURCES.calicoBgp),
    bgp: c('yes', 'installation.calicoNetwork.bgp: Enabled; also documented with Windows nodes.', SOURCES.windowsBgp),
    ebpfDataplane: ebpf
      ? c(
          'yes',
          'linuxDataplane: BPF, with kube-proxy disabled and a reachable kubernetesServiceEndpoint.',
          SOURCES.basicNetworkOptions,
          { since },
        )
      : c('no', 'Not supported by this RKE2 release.', SOURCES.basicNetworkOptions, { since }),
    kubeProxyReplacement: ebpf
      ? c('yes', 'The eBPF dataplane replaces kube-proxy (kubeProxyManagement: Enabled).', SOURCES.calicoEbpf, {
          since,
        })
      : c('no', 'Needs the eBPF dataplane, which this release does not support.', SOURCES.basicNetworkOptions, {
          since,
        }),
    mesh: c(
      'partial',
      'Listed by the Rancher FAQ; multi-cluster setup is outside the RKE2 chart.',
      SOURCES.rancherCniFaq,
    ),
    externalDatastore: c('yes', 'Kubernetes datastore (CRDs from rke2-calico-crd); no external etcd.', src, {
      value: 'Kubernetes API',
    }),
    networkPolicies: c(
      'yes',
      'NetworkPolicy plus Calico NetworkPolicy and GlobalNetworkPolicy.',
      SOURCES.basicNetworkOptions,
    ),
    ingressEgressPolicies: c(
      'yes',
      'Ingress and egress rules, host endpoints, global policies.',
      SOURCES.rancherCniFaq,
    ),
    l7Policy: c(
      'no',
      'rke2-calico ships Calico Open Source: L3/L4 rules; DNS-aware policy is a Calico Enterprise feature.',
      SOURCES.calicoEnterpriseDnsPolicy,
    ),
    encryption: c('yes', 'WireGuard (felixConfiguration.wireguardEnabled).', SOURCES.calicoWireguard),
    wireguard: c('yes', 'UDP 51820 (51821 IPv6); RKE2’s port table omits them.', SOURCES.calicoWireguard),
    ipsec: c('no', 'Calico Open Source encrypts with WireGuard, not IPsec.', SOURCES.calicoWireguard),
    cisHardened: c(
      'partial',
      'Works, but RKE2’s CIS NetworkPolicy controller does not run: bring baseline policies.',
      SOURCES.cisCalicoIssue,
    ),
    windowsNodes: c(
      'yes',
      'Windows workers with VXLAN 4789 / VNI 4096 (TCP resets reported, ADR 006).',
      SOURCES.adrFlannel,
    ),
    dualStack: vxlanV6
      ? c('yes', 'Two IP pools, both VXLAN: dual-stack no longer switches to BGP.', SOURCES.calicoDualStackPools)
      : c(
          'partial',
          'This chart leaves the IPv6 pool unencapsulated: IPv6 pod traffic must be routable (fixed in rke2-calico v3.23.001).',
          SOURCES.calicoDualStackPools,
        ),
    ipv6Only: c('yes', 'Only the IPv6 pool is created.', SOURCES.basicNetworkOptionsIpv6),
    multipleInterfaces: c('partial', 'With Multus in front: cni: [multus, calico].', SOURCES.multusSriov),
    bandwidthManagement: c(
      'partial',
      'The CNI chain includes the generic bandwidth plugin (tc token bucket): pod bandwidth annotations work; no EDT/BBR.',
      SOURCES.bandwidthPlugin,
    ),
    observability: c('partial', 'Goldmane and Whisker flow logs are in the chart, disabled by default.', src),
    minimumKernel: c(
      'yes',
      `No minimum stated by RKE2; up to ${CHECKSUM_KERNEL} checksum offload stays off (about 2.5 Gb/s VXLAN cap).`,
      SOURCES.calicoChecksumIssue,
      { value: `None stated (> ${CHECKSUM_KERNEL} for offload)` },
    ),
    requiredPorts: c('yes', 'Add TCP 179 for BGP and UDP 51820/51821 for WireGuard.', SOURCES.requirementsPorts, {
      value: portsText(profilePorts('calico', DEFAULT_PORT_OPTIONS)),
    }),
  };
}

function cilium(release: ResolvedRelease): Column {
  const src = SOURCES.ciliumValues;
  const k = ciliumKernelFor(release);
  const multusOk = hasGate(release, 'ciliumMultusNoExclusive');
  return {
    networkModel: c(
      'yes',
      'eBPF on each node; VXLAN tunnel between nodes by default (Geneve or native routing optional).',
      src,
      { value: 'eBPF + VXLAN tunnel' },
    ),
    routeDistribution: c(
      'partial',
      'BGP control plane exists (bgpControlPlane.enabled: false in rke2-cilium); not covered by RKE2 docs.',
      SOURCES.ciliumBgpControlPlane,
    ),
    bgp: c('partial', 'Cilium BGP control plane, off by default in rke2-cilium.', SOURCES.ciliumBgpControlPlane),
    ebpfDataplane: c('yes', 'eBPF is its dataplane.', SOURCES.ciliumSystemRequirements),
    kubeProxyReplacement: c(
      'yes',
      `kubeProxyReplacement: true (never "strict") with disable-kube-proxy and k8sServiceHost/Port; not recommended below kernel ${KPR_KERNEL}.`,
      SOURCES.ciliumKubeProxyFree,
    ),
    mesh: c('partial', 'Cluster Mesh (clustermesh values), off by default.', src),
    externalDatastore: c(
      'yes',
      'CRDs in the Kubernetes API (ipam.mode: kubernetes); no external etcd.',
      SOURCES.ciliumValuesPatch,
      { value: 'Kubernetes API' },
    ),
    networkPolicies: c('yes', 'NetworkPolicy plus CiliumNetworkPolicy.', SOURCES.ciliumL7),
    ingressEgressPolicies: c(
      'yes',
      'Ingress and egress, entities (world, remote-node) and CIDR rules.',
      SOURCES.rancherCniFaq,
    ),
    l7Policy: c('yes', 'HTTP, Kafka and DNS (toFQDNs) rules in CiliumNetworkPolicy.', SOURCES.ciliumL7),
    encryption: c('yes', 'WireGuard or IPsec (encryption.type).', SOURCES.ciliumEncryption),
    wireguard: c('yes', `encryption.type: wireguard; UDP 51871; kernel ${WIREGUARD_KERNEL}.`, SOURCES.ciliumEncryption),
    ipsec: c('yes', 'encryption.type: ipsec; ESP (IP protocol 50) between nodes.', SOURCES.ciliumEncryption),
    cisHardened: c(
      'partial',
      'Works, but RKE2’s CIS NetworkPolicy controller does not run: bring baseline policies.',
      SOURCES.cisPolicyCode,
    ),
    windowsNodes: c('no', 'Cilium does not run on Windows; the Windows agent rejects it.', SOURCES.windowsCniCode),
    dualStack: c(
      'yes',
      'Detects the IPv4 and IPv6 CIDRs RKE2 injects; no ipv6.enabled needed.',
      SOURCES.basicNetworkOptionsDualStack,
    ),
    ipv6Only: c(
      'partial',
      'No IPv6 encapsulation between nodes per RKE2 docs: needs autoDirectNodeRoutes: true on a flat network.',
      SOURCES.basicNetworkOptionsIpv6,
    ),
    multipleInterfaces: multusOk
      ? c(
          'partial',
          'With Multus in front: cni: [multus, cilium]; cni.exclusive is already false.',
          SOURCES.multusSriov,
          { since: sinceText(release, 'ciliumMultusNoExclusive') },
        )
      : c(
          'partial',
          'With Multus in front, and this release needs cni.exclusive: false in rke2-cilium or Multus silently breaks.',
          SOURCES.multusCiliumIssue,
          { since: sinceText(release, 'ciliumMultusNoExclusive') },
        ),
    bandwidthManagement: c('yes', 'bandwidthManager.enabled (EDT, optional BBR).', SOURCES.ciliumBandwidth),
    observability: c(
      'yes',
      'Hubble, Relay and UI (hubble.enabled, off by default); TCP 4244/4245.',
      SOURCES.ciliumHubble,
    ),
    minimumKernel: c('yes', `${k.note} kube-proxy replacement: ${KPR_KERNEL} recommended.`, k.source, {
      value: k.rhel8 ? `${k.minimum} (RHEL 8: ${k.rhel8})` : k.minimum,
      kernel: k.rhel8 ? { minimum: k.minimum, rhel8: k.rhel8 } : { minimum: k.minimum },
      since: `Cilium ${k.cilium} in this release`,
    }),
    requiredPorts: c(
      'yes',
      'VXLAN is UDP 8472, not TCP as the Rancher FAQ says. WireGuard adds UDP 51871, Hubble TCP 4244/4245.',
      SOURCES.requirementsPorts,
      { value: portsText(profilePorts('cilium', DEFAULT_PORT_OPTIONS)) },
    ),
  };
}

function flannel(release: ResolvedRelease): Column {
  const offered = offeredIn('flannel', release);
  if (!offered.offered) {
    const notOffered = c('no', `Not offered by this release: ${offered.reason}`, offered.source, {
      since: `from ${offered.since}`,
    });
    return Object.fromEntries(FEATURES.map((f) => [f.id, notOffered])) as Record<FeatureId, Cell>;
  }
  const src = SOURCES.flannelValues;
  return {
    networkModel: c('yes', 'VXLAN only (RKE2 supports no other backend).', src, {
      value: 'VXLAN overlay (UDP 4789, VNI 4096)',
    }),
    routeDistribution: c('no', 'Routes from the Kubernetes API; no routing protocol.', SOURCES.rancherCniFaq),
    bgp: c('no', 'No BGP.', SOURCES.flannelBackends),
    ebpfDataplane: c('no', 'iptables.', src),
    kubeProxyReplacement: c('no', 'kube-proxy stays.', src),
    mesh: c('no', 'No multi-cluster networking.', SOURCES.rancherCniFaq),
    externalDatastore: c('yes', 'kube-subnet-mgr: state in the Kubernetes API.', src, { value: 'Kubernetes API' }),
    networkPolicies: c(
      'no',
      'Policies are accepted but not enforced (benchmark: ingress no, egress no).',
      SOURCES.flannelNoPolicy,
    ),
    ingressEgressPolicies: c('no', 'No policy engine.', SOURCES.rancherCniFaq),
    l7Policy: c('no', 'No policy engine.', SOURCES.flannelNoPolicy),
    encryption: c('no', 'Only the vxlan backend is supported by RKE2.', SOURCES.basicNetworkOptions),
    wireguard: c(
      'no',
      'Only the vxlan backend is supported; switching would keep port 4789.',
      SOURCES.basicNetworkOptions,
    ),
    ipsec: c('no', 'Only the vxlan backend is supported.', SOURCES.basicNetworkOptions),
    cisHardened: c('no', 'No network policy: not recommended for hardened installations.', SOURCES.basicNetworkOptions),
    windowsNodes: c(
      'yes',
      'Windows workers with VXLAN 4789 / VNI 4096; added to avoid Calico-on-Windows TCP resets.',
      SOURCES.adrFlannel,
    ),
    dualStack: c(
      'yes',
      'Uses the IPv4 and IPv6 cluster CIDRs RKE2 injects (not with Windows nodes).',
      SOURCES.basicNetworkOptionsDualStack,
    ),
    ipv6Only: c('yes', 'Renders EnableIPv4: false with only IPv6 CIDRs.', SOURCES.basicNetworkOptionsIpv6),
    multipleInterfaces: c('partial', 'With Multus in front: cni: [multus, flannel].', SOURCES.multusSriov),
    bandwidthManagement: c(
      'partial',
      'The CNI chain includes the generic bandwidth plugin (tc token bucket): pod bandwidth annotations work; no EDT/BBR.',
      SOURCES.bandwidthPlugin,
    ),
    observability: c('no', 'No flow observability component.', src),
    minimumKernel: c('yes', 'No minimum stated beyond VXLAN support.', SOURCES.flannelBackends, {
      value: 'None stated',
    }),
    requiredPorts: c(
      'yes',
      'UDP 4789, not Canal’s 8472 (RKE2 changed it to match Windows).',
      SOURCES.flannelValuesPatch,
      { value: portsText(profilePorts('flannel', DEFAULT_PORT_OPTIONS)) },
    ),
  };
}

function multus(release: ResolvedRelease): Column {
  const src = SOURCES.multusSriov;
  const na = (note: string, source: Source = src) => c('not-applicable', note, source);
  const inherits = na('Add-on: the primary CNI decides.');
  const dhcp = hasGate(release, 'multusDhcpDaemon');
  return {
    networkModel: na(
      'Meta plugin: eth0 from the primary; net1… from macvlan, ipvlan, bridge, host-device or SR-IOV.',
      SOURCES.multusHowTo,
    ),
    routeDistribution: inherits,
    bgp: inherits,
    ebpfDataplane: inherits,
    kubeProxyReplacement: inherits,
    mesh: inherits,
    externalDatastore: c('yes', 'NetworkAttachmentDefinition CRDs in the Kubernetes API.', SOURCES.nadCrd, {
      value: 'Kubernetes API',
    }),
    networkPolicies: na('Policy is enforced by the primary on eth0; secondary interfaces are not covered.'),
    ingressEgressPolicies: na('Enforced by the primary on eth0 only.'),
    l7Policy: inherits,
    encryption: na('Secondary interfaces are not encrypted by the primary.'),
    wireguard: inherits,
    ipsec: inherits,
    cisHardened: inherits,
    windowsNodes: c(
      'no',
      'Linux only: the Windows agent sets up Calico or Flannel alone, so Windows pods get no extra interfaces.',
      SOURCES.windowsCniCode,
    ),
    dualStack: c('yes', 'Secondary networks use their own IPAM.', src),
    ipv6Only: c('yes', 'Secondary networks use their own IPAM.', src),
    multipleInterfaces: dhcp
      ? c(
          'yes',
          'NetworkAttachmentDefinitions; IPAM host-local, whereabouts or the DHCP daemon. Always first in cni.',
          src,
          { since: sinceText(release, 'multusDhcpDaemon') },
        )
      : c(
          'yes',
          'NetworkAttachmentDefinitions; IPAM host-local or whereabouts (the DHCP daemon arrives later). Always first in cni.',
          src,
          { since: sinceText(release, 'multusDhcpDaemon') },
        ),
    bandwidthManagement: inherits,
    observability: inherits,
    minimumKernel: c('not-applicable', 'Depends on the secondary plugins.', src, { value: 'Per plugin' }),
    requiredPorts: c('not-applicable', 'Opens no port of its own.', src, { value: 'None beyond the primary CNI' }),
  };
}

function sriov(release: ResolvedRelease): Column {
  const src = SOURCES.multusSriov;
  const inherits = c('not-applicable', 'Secondary interfaces only: the primary CNI decides.', src);
  const full = hasGate(release, 'sriovSupported');
  const since = sinceText(release, 'sriovSupported');
  return {
    networkModel: c(
      'not-applicable',
      'Hardware virtual functions moved into the pod; bypasses the host network stack.',
      SOURCES.sriovOperator,
      { value: 'SR-IOV VFs (secondary)' },
    ),
    routeDistribution: inherits,
    bgp: inherits,
    ebpfDataplane: inherits,
    kubeProxyReplacement: inherits,
    mesh: inherits,
    externalDatastore: c('yes', 'sriovnetwork.openshift.io CRDs in the Kubernetes API.', SOURCES.sriovOperator, {
      value: 'Kubernetes API',
    }),
    networkPolicies: c('not-applicable', 'VF traffic bypasses the primary CNI’s policy.', src),
    ingressEgressPolicies: inherits,
    l7Policy: inherits,
    encryption: c('not-applicable', 'VF traffic is not encrypted by the primary CNI.', src),
    wireguard: inherits,
    ipsec: inherits,
    cisHardened: inherits,
    windowsNodes: c('no', 'Linux only.', SOURCES.sriovOperator),
    dualStack: c('yes', 'VFs get addresses from the SriovNetwork IPAM.', SOURCES.sriovOperator),
    ipv6Only: c('yes', 'VFs get addresses from the SriovNetwork IPAM.', SOURCES.sriovOperator),
    multipleInterfaces: full
      ? c('yes', 'VFs as secondary interfaces through Multus and the sriov-network-operator.', src, { since })
      : c('partial', 'Experimental in this release.', src, { since }),
    bandwidthManagement: inherits,
    observability: inherits,
    minimumKernel: c('yes', 'IOMMU on, an SR-IOV-capable NIC and its drivers.', SOURCES.sriovPrereqIssue, {
      value: 'IOMMU + SR-IOV NIC',
    }),
    requiredPorts: c('not-applicable', 'Opens no port of its own.', src, { value: 'None beyond the primary CNI' }),
  };
}

function weave(): Column {
  const faq = SOURCES.rancherCniFaq;
  const notAssessed = c(
    'not-applicable',
    'Not assessed: not offered by RKE2 (RKE1 only, archived).',
    SOURCES.weaveArchived,
  );
  return {
    networkModel: c('yes', 'Encapsulated mesh overlay.', faq, { value: 'Encapsulated overlay' }),
    routeDistribution: c('yes', 'Rancher FAQ: yes.', faq),
    bgp: notAssessed,
    ebpfDataplane: notAssessed,
    kubeProxyReplacement: notAssessed,
    mesh: c('yes', 'Rancher FAQ: yes.', faq),
    externalDatastore: c('yes', 'Rancher FAQ: no external datastore.', faq, { value: 'None' }),
    networkPolicies: c('yes', 'Rancher FAQ: yes.', faq),
    ingressEgressPolicies: c('yes', 'Rancher FAQ: yes.', faq),
    l7Policy: notAssessed,
    encryption: c('yes', 'Rancher FAQ: yes.', faq),
    wireguard: notAssessed,
    ipsec: notAssessed,
    cisHardened: notAssessed,
    windowsNodes: notAssessed,
    dualStack: notAssessed,
    ipv6Only: notAssessed,
    multipleInterfaces: notAssessed,
    bandwidthManagement: notAssessed,
    observability: notAssessed,
    minimumKernel: notAssessed,
    requiredPorts: c('yes', 'From the Rancher FAQ (RKE1).', faq, { value: 'TCP 6783, UDP 6783-6784' }),
  };
}

function awsVpcCni(): Column {
  const src = SOURCES.awsVpcCni;
  const notAssessed = c('not-applicable', 'Not assessed: not offered by RKE2 (made for EKS).', src);
  const cells = Object.fromEntries(FEATURES.map((f) => [f.id, notAssessed])) as Record<FeatureId, Cell>;
  cells.networkModel = c('yes', 'Pods get VPC addresses from EC2 network interfaces; no overlay.', src, {
    value: 'VPC-native routing',
  });
  cells.routeDistribution = c('not-applicable', 'The VPC routes pod addresses.', src);
  cells.externalDatastore = c('yes', 'EC2 API for addresses.', src, { value: 'EC2 API' });
  return cells;
}

const BUILDERS: Readonly<Record<MatrixColumnKey, (release: ResolvedRelease) => Column>> = {
  canal,
  calico,
  cilium,
  flannel,
  multus,
  sriov,
  weave,
  'aws-vpc-cni': awsVpcCni,
};

function column(id: MatrixColumnKey, release: ResolvedRelease): MatrixColumn {
  if (id === 'weave' || id === 'aws-vpc-cni') {
    const p = COMPARISON_ONLY_PROFILES[id];
    return {
      id,
      label: p.name,
      kind: 'comparison-only',
      offered: false,
      notOffered: { reason: p.whyNotOffered, source: p.source },
      chartVersion: null,
    };
  }
  const p = CNI_PROFILES[id];
  const chartVersion = p.chart ? release.row.charts[p.chart] : null;
  const offered = offeredIn(id, release);
  return {
    id,
    label: p.name,
    kind: p.role === 'addon' ? 'addon' : 'primary',
    offered: offered.offered,
    ...(offered.offered ? {} : { notOffered: { reason: offered.reason, source: offered.source } }),
    chartVersion,
  };
}

/** The whole matrix for one release. Pure; cheap enough to call on every render. */
export function matrixFor(release: ResolvedRelease): Matrix {
  const byColumn = Object.fromEntries(MATRIX_COLUMNS.map((id) => [id, BUILDERS[id](release)])) as Record<
    MatrixColumnKey,
    Column
  >;
  const cells = Object.fromEntries(
    FEATURES.map((f) => [f.id, Object.fromEntries(MATRIX_COLUMNS.map((col) => [col, byColumn[col][f.id]]))]),
  ) as unknown as Matrix['cells'];
  return {
    release,
    columns: MATRIX_COLUMNS.map((id) => column(id, release)),
    groups: FEATURE_GROUPS.map((g) => ({
      id: g,
      label: GROUP_LABELS[g],
      features: FEATURES.filter((f) => f.group === g),
    })),
    cells,
  };
}

export const LEVEL_LABELS: Readonly<Record<SupportLevel, string>> = {
  yes: 'Yes',
  partial: 'Partial',
  no: 'No',
  'not-applicable': 'Not applicable',
};

/** One line per cell, shared by the table, CSV and Markdown so they always agree. */
export function cellText(cell: Cell): string {
  const head = cell.value ?? LEVEL_LABELS[cell.level];
  return `${head} — ${cell.note}${cell.since ? ` (${cell.since})` : ''}`;
}
