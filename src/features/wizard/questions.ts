import { SOURCES, type Source } from '../../domain/sources';
import {
  CLUSTER_SIZES,
  ENCRYPTIONS,
  EXTRA_INTERFACE_MODES,
  FORCED_CNI_CHOICES,
  IP_FAMILIES,
  MANAGEMENT_MODES,
  OS_PRESETS,
  POLICY_NEEDS,
  SECONDARY_IPAMS,
  SECONDARY_TYPES,
  SRIOV_DEVICE_TYPES,
} from '../../domain/answers/types';
import { OS_PRESET_INFO } from '../../domain/kernel';
import type { AnswerPath } from './steps';

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

export interface Question {
  label: string;
  /** One line: why this answer matters for the CNI choice. */
  why: string;
  source: Source;
  options?: readonly Option[];
  /** Placeholder or example shown in the input. */
  placeholder?: string;
}

function options<V extends string>(values: readonly V[], labels: Record<V, string>): Option<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** Every question the wizard asks: label, why it matters, and where that comes from. */
export const QUESTIONS: Partial<Record<AnswerPath, Question>> = {
  'cluster.release': {
    label: 'RKE2 release',
    why: 'Each release bundles specific CNI chart versions; some features and CNIs exist only from a given release.',
    source: SOURCES.releaseTags,
    placeholder: 'v1.33.6+rke2r1',
  },
  'cluster.management': {
    label: 'How the cluster is created',
    why: 'Rancher defaults to Calico while RKE2 alone defaults to Canal, and Rancher writes the settings for you.',
    source: SOURCES.rancherDefaultIssue,
    options: options(MANAGEMENT_MODES, {
      standalone: 'RKE2 on its own (config.yaml)',
      rancher: 'Provisioned by Rancher',
    }),
  },
  'cluster.size': {
    label: 'Cluster size',
    why: 'Single-node clusters cannot schedule a second operator replica; large clusters favour eBPF dataplanes.',
    source: SOURCES.ciliumOperatorSingleNode,
    options: options(CLUSTER_SIZES, {
      single: 'Single node',
      small: 'Small (up to ~50 nodes)',
      large: 'Large (more than ~50 nodes)',
    }),
  },
  'cluster.windowsNodes': {
    label: 'Windows worker nodes',
    why: 'Only Calico and Flannel run on Windows nodes, and Windows does not support dual-stack.',
    source: SOURCES.basicNetworkOptions,
  },
  'cluster.cisProfile': {
    label: 'CIS hardening profile',
    why: 'With the CIS profile RKE2 adds default NetworkPolicies, and its policy controller works only with Canal.',
    source: SOURCES.hardening,
  },
  'nodes.osPreset': {
    label: 'Operating system of the oldest node',
    why: 'The OS decides the kernel, and eBPF-based CNIs need a recent kernel.',
    source: SOURCES.requirements,
    options: OS_PRESETS.map((id) => ({ value: id, label: OS_PRESET_INFO[id].label })),
  },
  'nodes.kernel': {
    label: 'Kernel version of the oldest node',
    why: 'Cilium and the Calico eBPF dataplane need a minimum kernel; paste the output of uname -r.',
    source: SOURCES.ciliumSystemRequirements,
    placeholder: '5.14.0-427.el9.x86_64',
  },
  'nodes.interface': {
    label: 'Node network interface (optional)',
    why: 'With several NICs the CNI may pick the wrong one; leave empty to let it autodetect.',
    source: SOURCES.basicNetworkOptions,
    placeholder: 'eth0',
  },
  'nodes.nodeCidr': {
    label: 'Node network CIDR (Windows clusters, optional)',
    why: 'Calico on Windows cannot use a Linux interface name; it finds the node address in this subnet on every node instead.',
    source: SOURCES.windowsCalicoInterfaceCode,
    placeholder: '192.168.1.0/24',
  },
  'nodes.underlayMtu': {
    label: 'Underlay MTU',
    why: 'The overlay MTU must be smaller than the underlay, or large packets are silently dropped.',
    source: SOURCES.mtuIssue,
  },
  'security.policy': {
    label: 'Network policy needs',
    why: 'Flannel enforces no NetworkPolicy; only Cilium enforces layer-7 (HTTP, DNS) policies.',
    source: SOURCES.ciliumL7,
    options: options(POLICY_NEEDS, {
      none: 'None',
      kubernetes: 'Kubernetes NetworkPolicy',
      l7: 'Layer 7 (HTTP, DNS-aware)',
    }),
  },
  'security.encryption': {
    label: 'Pod traffic encryption',
    why: 'Encrypting traffic between nodes needs WireGuard (Calico, Cilium, Canal) or IPsec (Cilium).',
    source: SOURCES.ciliumEncryption,
    options: options(ENCRYPTIONS, { none: 'None', wireguard: 'WireGuard', ipsec: 'IPsec' }),
  },
  'addressing.ipFamily': {
    label: 'IP family',
    why: 'Dual-stack and IPv6 must be chosen before the first server starts and cannot be added later.',
    source: SOURCES.basicNetworkOptionsDualStack,
    options: options(IP_FAMILIES, { ipv4: 'IPv4 only', dual: 'Dual-stack (IPv4 and IPv6)', ipv6: 'IPv6 only' }),
  },
  'addressing.clusterCidrV4': {
    label: 'Pod CIDR (IPv4)',
    why: 'Pods get addresses from this range; it must not overlap the service range or your LAN.',
    source: SOURCES.serverConfig,
    placeholder: '10.42.0.0/16',
  },
  'addressing.serviceCidrV4': {
    label: 'Service CIDR (IPv4)',
    why: 'Services get virtual IPs from this range; it must not overlap the pod range.',
    source: SOURCES.serverConfig,
    placeholder: '10.43.0.0/16',
  },
  'addressing.clusterCidrV6': {
    label: 'Pod CIDR (IPv6)',
    why: 'Each node gets a /64 from this range, so it must be larger than /64.',
    source: SOURCES.dualStackIssue,
    placeholder: '2001:cafe:42::/56',
  },
  'addressing.serviceCidrV6': {
    label: 'Service CIDR (IPv6)',
    why: 'Kubernetes accepts an IPv6 service range of at most /108 addresses in size (mask /108 to /128).',
    source: SOURCES.basicNetworkOptionsDualStack,
    placeholder: '2001:cafe:43::/112',
  },
  'extras.mode': {
    label: 'Extra pod interfaces',
    why: 'Multus attaches extra networks to pods; SR-IOV gives them hardware virtual functions. Both add Multus first in the cni list.',
    source: SOURCES.multusSriov,
    options: options(EXTRA_INTERFACE_MODES, {
      none: 'None',
      multus: 'Multus secondary network',
      sriov: 'SR-IOV (with Multus)',
    }),
  },
  'extras.secondary.name': {
    label: 'Secondary network name',
    why: 'Pods request the network by this NetworkAttachmentDefinition name (a DNS-1123 label).',
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.namespace': {
    label: 'Secondary network namespace',
    why: 'Pods can use a NetworkAttachmentDefinition from their own namespace or by namespace/name.',
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.type': {
    label: 'Secondary network type',
    why: 'macvlan and ipvlan share a host NIC; bridge uses a Linux bridge; host-device moves a NIC into the pod.',
    source: SOURCES.multusHowTo,
    options: options(SECONDARY_TYPES, {
      macvlan: 'macvlan',
      ipvlan: 'ipvlan',
      bridge: 'bridge',
      'host-device': 'host-device',
    }),
  },
  'extras.secondary.master': {
    label: 'Host interface for the secondary network',
    why: 'The host NIC the extra network attaches to; it must exist on every node with that name.',
    source: SOURCES.multusHowTo,
    placeholder: 'eth1',
  },
  'extras.secondary.ipam': {
    label: 'Address management (IPAM)',
    why: 'host-local hands out duplicate IPs across nodes; whereabouts is cluster-wide.',
    source: SOURCES.multusSriov,
    options: options(SECONDARY_IPAMS, {
      'host-local': 'host-local (per node)',
      whereabouts: 'whereabouts (cluster-wide)',
      dhcp: 'DHCP',
      static: 'static',
    }),
  },
  'extras.secondary.subnet': {
    label: 'Secondary subnet',
    why: 'The range pods get addresses from on the extra network.',
    source: SOURCES.multusHowTo,
    placeholder: '192.168.100.0/24',
  },
  'extras.secondary.rangeStart': {
    label: 'First address to hand out',
    why: 'Keep addresses used by routers and hosts outside the range.',
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.rangeEnd': {
    label: 'Last address to hand out',
    why: 'Must be inside the subnet and after the first address.',
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.gateway': {
    label: 'Gateway (optional)',
    why: 'Route for the extra network; leave empty for none.',
    source: SOURCES.multusHowTo,
  },
  'extras.sriov.resourceName': {
    label: 'SR-IOV resource name',
    why: 'The NetworkAttachmentDefinition must name this resource, or pods get no virtual function.',
    source: SOURCES.sriovResourceNameIssue,
  },
  'extras.sriov.pfNames': {
    label: 'Physical functions (comma separated)',
    why: 'The SR-IOV capable NICs whose virtual functions pods receive.',
    source: SOURCES.sriovOperator,
    placeholder: 'ens1f0, ens1f1',
  },
  'extras.sriov.numVfs': {
    label: 'Virtual functions per NIC',
    why: 'How many pods per NIC can get a virtual function.',
    source: SOURCES.sriovOperator,
  },
  'extras.sriov.deviceType': {
    label: 'VF driver',
    why: 'netdevice gives pods a kernel interface; vfio-pci is for DPDK applications.',
    source: SOURCES.sriovOperator,
    options: options(SRIOV_DEVICE_TYPES, { netdevice: 'netdevice (kernel)', 'vfio-pci': 'vfio-pci (DPDK)' }),
  },
  'extras.sriov.vlan': {
    label: 'VLAN (0 for none)',
    why: 'Tags the virtual functions on a VLAN of the physical network.',
    source: SOURCES.sriovOperator,
  },
  'performance.kubeProxyReplacement': {
    label: 'Replace kube-proxy with eBPF',
    why: 'Faster services with Cilium or the Calico eBPF dataplane, but it needs a reachable API server endpoint.',
    source: SOURCES.ciliumKubeProxyFree,
  },
  'performance.apiServerHost': {
    label: 'API server address for the eBPF dataplane',
    why: 'Without kube-proxy the CNI cannot reach the API through the service IP; give a node IP or load balancer, not localhost.',
    source: SOURCES.calicoEbpfEndpointIssue,
    placeholder: '192.168.1.10',
  },
  'performance.apiServerPort': {
    label: 'API server port',
    why: 'The port of that address, usually 6443.',
    source: SOURCES.ciliumKubeProxyFree,
  },
  'performance.observability': {
    label: 'Flow observability (Hubble)',
    why: 'Hubble shows every flow and dropped packet, and is part of Cilium.',
    source: SOURCES.ciliumHubble,
  },
  'performance.bandwidthManager': {
    label: 'Bandwidth manager (pod egress limits)',
    why: 'Enforces the kubernetes.io/egress-bandwidth annotation efficiently with eBPF (Cilium).',
    source: SOURCES.ciliumBandwidth,
  },
  'performance.awsEni': {
    label: 'Pods on AWS VPC addresses (ENI)',
    why: 'Pods get VPC-routable addresses on AWS; only Cilium offers this mode in RKE2.',
    source: SOURCES.ciliumEni,
  },
  'performance.bgp.enabled': {
    label: 'Peer with BGP routers',
    why: 'Advertises pod routes to your routers instead of using an overlay.',
    source: SOURCES.calicoBgp,
  },
  'performance.bgp.peerAddress': {
    label: 'BGP peer address',
    why: 'The router the nodes peer with.',
    source: SOURCES.calicoBgp,
    placeholder: '192.168.1.1',
  },
  'performance.bgp.peerAsn': {
    label: 'Peer AS number',
    why: 'The AS number of your router.',
    source: SOURCES.calicoBgp,
  },
  'performance.bgp.localAsn': {
    label: 'Cluster AS number',
    why: 'The AS number the nodes announce.',
    source: SOURCES.calicoBgp,
  },
  'choice.forcedCni': {
    label: 'CNI to use',
    why: 'Keep the recommendation, or override it; the CNI cannot be changed once the cluster runs.',
    source: SOURCES.cniSwitchIssue,
    options: options(FORCED_CNI_CHOICES, {
      auto: 'The recommendation',
      canal: 'Canal',
      calico: 'Calico',
      cilium: 'Cilium',
      flannel: 'Flannel',
      none: 'None (bring your own CNI)',
    }),
  },
};

export function questionFor(path: AnswerPath): Question {
  const q = QUESTIONS[path];
  if (!q) throw new Error(`No question defined for ${path}`);
  return q;
}
