import type { Source } from '../../domain/sources';
import {
  CLUSTER_SIZES,
  ENCRYPTIONS,
  EXTRA_INTERFACE_MODES,
  FORCED_CNI_CHOICES,
  IP_FAMILIES,
  MANAGEMENT_MODES,
  OS_PRESETS,
  POLICY_NEEDS,
  NODE_ARCHITECTURES,
  SECONDARY_IPAMS,
  SECONDARY_TYPES,
  SRIOV_DEVICE_TYPES,
} from '../../domain/answers/types';
import { OS_PRESET_INFO } from '../../domain/kernel';
import { API_ENDPOINT_HELP } from '../../domain/facts/api-endpoint';
import { EXAMPLE_VALUES } from '../../domain/answers/defaults';
import { ANSWER_FIELDS } from '../../domain/answers/answers-schema';
import type { AnswerPath } from './steps';

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** What the wizard adds to a field of the answers table: UI wording only (why, placeholder, the options' words). */
export interface QuestionWording {
  /** One line: why this answer matters for the CNI choice. */
  why: string;
  options?: readonly Option[];
  /** Placeholder or example shown in the input. */
  placeholder?: string;
}

/** A question as the wizard shows it: label and source from the answers field table, wording from here. */
export interface Question extends QuestionWording {
  label: string;
  source: Source;
}

function options<V extends string>(values: readonly V[], labels: Record<V, string>): Option<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The wizard's wording for every question; the label, relevance and source live in ANSWER_FIELDS. */
export const QUESTIONS: Partial<Record<AnswerPath, QuestionWording>> = {
  'cluster.release': {
    why: 'Each release bundles specific CNI chart versions; some features and CNIs exist only from a given release.',
    placeholder: 'v1.33.6+rke2r1',
  },
  'cluster.management': {
    why: 'Rancher defaults to Calico while RKE2 alone defaults to Canal, and Rancher writes the settings for you.',
    options: options(MANAGEMENT_MODES, {
      standalone: 'RKE2 on its own (config.yaml)',
      rancher: 'Provisioned by Rancher',
    }),
  },
  'cluster.size': {
    why: 'Single-node clusters cannot schedule a second operator replica; large clusters favour eBPF dataplanes.',
    options: options(CLUSTER_SIZES, {
      single: 'Single node',
      small: 'Small (up to ~50 nodes)',
      large: 'Large (more than ~50 nodes)',
    }),
  },
  'cluster.windowsNodes': {
    why: 'Only Calico and Flannel run on Windows nodes, and Windows does not support dual-stack.',
  },
  'cluster.cisProfile': {
    why: 'With the CIS profile RKE2 adds default NetworkPolicies, and its policy controller works only with Canal.',
  },
  'nodes.osPreset': {
    why: 'The OS decides the kernel, and eBPF-based CNIs need a recent kernel.',
    options: OS_PRESETS.map((id) => ({ value: id, label: OS_PRESET_INFO[id].label })),
  },
  'nodes.kernel': {
    why: 'Cilium and the Calico eBPF dataplane need a minimum kernel; paste the output of uname -r.',
    placeholder: '5.14.0-427.el9.x86_64',
  },
  'nodes.interface': {
    why: 'With several NICs the CNI may pick the wrong one; leave empty to let it autodetect.',
    placeholder: 'eth0',
  },
  'nodes.nodeCidr': {
    why: 'Calico on Windows cannot use a Linux interface name; it finds the node address in this subnet on every node instead.',
    placeholder: '192.168.1.0/24',
  },
  'nodes.underlayMtu': {
    why: 'The overlay MTU must be smaller than the underlay, or large packets are silently dropped.',
  },
  'nodes.architecture': {
    why: 'Air-gapped nodes load image tarballs built for their architecture; the bundle lists the right files.',
    options: options(NODE_ARCHITECTURES, { amd64: 'amd64 (x86-64)', arm64: 'arm64 (aarch64)' }),
  },
  'security.policy': {
    why: 'Flannel enforces no NetworkPolicy; only Cilium enforces layer-7 (HTTP, DNS) policies.',
    options: options(POLICY_NEEDS, {
      none: 'None',
      kubernetes: 'Kubernetes NetworkPolicy',
      l7: 'Layer 7 (HTTP, DNS-aware)',
    }),
  },
  'security.encryption': {
    why: 'Encrypting traffic between nodes needs WireGuard (Calico, Cilium, Canal) or IPsec (Cilium).',
    options: options(ENCRYPTIONS, { none: 'None', wireguard: 'WireGuard', ipsec: 'IPsec' }),
  },
  'addressing.ipFamily': {
    why: 'Dual-stack and IPv6 must be chosen before the first server starts and cannot be added later.',
    options: options(IP_FAMILIES, { ipv4: 'IPv4 only', dual: 'Dual-stack (IPv4 and IPv6)', ipv6: 'IPv6 only' }),
  },
  'addressing.clusterCidrV4': {
    why: 'Pods get addresses from this range; it must not overlap the service range or your LAN.',

    placeholder: '10.42.0.0/16',
  },
  'addressing.serviceCidrV4': {
    why: 'Services get virtual IPs from this range; it must not overlap the pod range.',
    placeholder: '10.43.0.0/16',
  },
  'addressing.clusterCidrV6': {
    why: 'Each node gets a /64 from this range, so it must be larger than /64.',
    placeholder: EXAMPLE_VALUES.clusterCidrV6,
  },
  'addressing.serviceCidrV6': {
    why: 'Kubernetes accepts an IPv6 service range of at most /108 addresses in size (mask /108 to /128).',
    placeholder: EXAMPLE_VALUES.serviceCidrV6,
  },
  'extras.mode': {
    why: 'Multus attaches extra networks to pods; SR-IOV gives them hardware virtual functions. Both add Multus first in the cni list.',
    options: options(EXTRA_INTERFACE_MODES, {
      none: 'None',
      multus: 'Multus secondary network',
      sriov: 'SR-IOV (with Multus)',
    }),
  },
  'extras.secondary.name': {
    why: 'Pods request the network by this NetworkAttachmentDefinition name (a DNS-1123 label).',
    placeholder: EXAMPLE_VALUES.secondaryName,
  },
  'extras.secondary.namespace': {
    why: 'Pods can use a NetworkAttachmentDefinition from their own namespace or by namespace/name.',
  },
  'extras.secondary.type': {
    why: 'macvlan and ipvlan share a host NIC; bridge uses a Linux bridge; host-device moves a NIC into the pod.',
    options: options(SECONDARY_TYPES, {
      macvlan: 'macvlan',
      ipvlan: 'ipvlan',
      bridge: 'bridge',
      'host-device': 'host-device',
    }),
  },
  'extras.secondary.master': {
    why: 'The host NIC the extra network attaches to; it must exist on every node with that name.',
    placeholder: EXAMPLE_VALUES.secondaryMaster,
  },
  'extras.secondary.ipam': {
    why: 'host-local hands out duplicate IPs across nodes; whereabouts is cluster-wide.',
    options: options(SECONDARY_IPAMS, {
      'host-local': 'host-local (per node)',
      whereabouts: 'whereabouts (cluster-wide)',
      dhcp: 'DHCP',
      static: 'static',
    }),
  },
  'extras.secondary.subnet': {
    why: 'The range pods get addresses from on the extra network.',
    placeholder: EXAMPLE_VALUES.secondarySubnet,
  },
  'extras.secondary.rangeStart': {
    why: 'Keep addresses used by routers and hosts outside the range.',
    placeholder: EXAMPLE_VALUES.secondaryRangeStart,
  },
  'extras.secondary.rangeEnd': {
    why: 'Must be inside the subnet and after the first address.',
    placeholder: EXAMPLE_VALUES.secondaryRangeEnd,
  },
  'extras.secondary.gateway': {
    why: 'Route for the extra network; leave empty for none.',
    placeholder: EXAMPLE_VALUES.secondaryGateway,
  },
  'extras.sriov.resourceName': {
    why: 'The NetworkAttachmentDefinition must name this resource, or pods get no virtual function.',
  },
  'extras.sriov.pfNames': {
    why: 'The SR-IOV capable NICs whose virtual functions pods receive.',
    placeholder: EXAMPLE_VALUES.sriovPfNames,
  },
  'extras.sriov.numVfs': {
    why: 'How many pods per NIC can get a virtual function.',
  },
  'extras.sriov.deviceType': {
    why: 'netdevice gives pods a kernel interface; vfio-pci is for DPDK applications.',
    options: options(SRIOV_DEVICE_TYPES, { netdevice: 'netdevice (kernel)', 'vfio-pci': 'vfio-pci (DPDK)' }),
  },
  'extras.sriov.vlan': {
    why: 'Tags the virtual functions on a VLAN of the physical network.',
  },
  'performance.kubeProxyReplacement': {
    why: 'Faster services with Cilium or the Calico eBPF dataplane, but it needs a reachable API server endpoint.',
  },
  'performance.apiServerHost': {
    why: `Without kube-proxy the CNI cannot reach the API through the service IP. ${API_ENDPOINT_HELP}`,
    placeholder: '192.168.1.10',
  },
  'performance.apiServerPort': {
    why: 'The port of that address, usually 6443.',
  },
  'performance.observability': {
    why: 'Hubble shows every flow and dropped packet, and is part of Cilium.',
  },
  'performance.bandwidthManager': {
    why: 'Enforces the kubernetes.io/egress-bandwidth annotation efficiently with eBPF (Cilium).',
  },
  'performance.awsEni': {
    why: 'Pods get VPC-routable addresses on AWS; only Cilium offers this mode in RKE2.',
  },
  'performance.bgp.enabled': {
    why: 'Advertises pod routes to your routers instead of using an overlay.',
  },
  'performance.bgp.peerAddress': {
    why: 'The router the nodes peer with.',
    placeholder: '192.168.1.1',
  },
  'performance.bgp.peerAsn': {
    why: 'The AS number of your router.',
  },
  'performance.bgp.localAsn': {
    why: 'The AS number the nodes announce.',
  },
  'choice.forcedCni': {
    why: 'Keep the recommendation, or override it; the CNI cannot be changed once the cluster runs.',
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
  const wording = QUESTIONS[path];
  const field = (ANSWER_FIELDS as Readonly<Record<string, { label: string; source: Source } | undefined>>)[path];
  if (!wording || !field) throw new Error(`No question defined for ${path}`);
  return { ...wording, label: field.label, source: field.source };
}
