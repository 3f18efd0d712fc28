/**
 * The rows of the feature matrix. The first seven come from the Rancher CNI FAQ comparison table
 * (network model … ingress/egress policies); the rest are what RKE2 users ask about (issue 2).
 */
export const FEATURE_GROUPS = ['networking', 'security', 'platform', 'operations'] as const;
export type FeatureGroupId = (typeof FEATURE_GROUPS)[number];

export const FEATURE_IDS = [
  'networkModel',
  'routeDistribution',
  'bgp',
  'ebpfDataplane',
  'kubeProxyReplacement',
  'mesh',
  'externalDatastore',
  'networkPolicies',
  'ingressEgressPolicies',
  'l7Policy',
  'encryption',
  'wireguard',
  'ipsec',
  'cisHardened',
  'windowsNodes',
  'dualStack',
  'ipv6Only',
  'multipleInterfaces',
  'bandwidthManagement',
  'observability',
  'minimumKernel',
  'requiredPorts',
] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export interface FeatureRow {
  id: FeatureId;
  group: FeatureGroupId;
  label: string;
  description: string;
  /**
   * 'support': the level answers "can it do this?".
   * 'info': the cell's value is the fact (a model, a kernel, ports); it cannot be "needed".
   */
  kind: 'support' | 'info';
}

export const GROUP_LABELS: Readonly<Record<FeatureGroupId, string>> = {
  networking: 'Networking model',
  security: 'Policy and encryption',
  platform: 'Platform and addressing',
  operations: 'Operations and requirements',
};

export const FEATURES: readonly FeatureRow[] = [
  {
    id: 'networkModel',
    group: 'networking',
    kind: 'info',
    label: 'Network model',
    description: 'How pod traffic crosses nodes: encapsulated (VXLAN) or routed.',
  },
  {
    id: 'routeDistribution',
    group: 'networking',
    kind: 'support',
    label: 'Route distribution',
    description: 'Exchanges pod routes with a protocol (typically BGP); needed for unencapsulated networks.',
  },
  {
    id: 'bgp',
    group: 'networking',
    kind: 'support',
    label: 'BGP peering',
    description: 'Peers with the nodes or with top-of-rack routers to announce pod networks.',
  },
  {
    id: 'ebpfDataplane',
    group: 'networking',
    kind: 'support',
    label: 'eBPF dataplane',
    description: 'Forwards and filters in eBPF programs instead of iptables.',
  },
  {
    id: 'kubeProxyReplacement',
    group: 'networking',
    kind: 'support',
    label: 'kube-proxy replacement',
    description: 'Load-balances Services itself so kube-proxy can be disabled.',
  },
  {
    id: 'mesh',
    group: 'networking',
    kind: 'support',
    label: 'Multi-cluster mesh',
    description: 'Service-to-service networking between distinct clusters.',
  },
  {
    id: 'externalDatastore',
    group: 'networking',
    kind: 'info',
    label: 'Datastore',
    description: 'Where the CNI keeps its state; none of the RKE2 CNIs needs an external one.',
  },
  {
    id: 'networkPolicies',
    group: 'security',
    kind: 'support',
    label: 'Kubernetes NetworkPolicy',
    description: 'Enforces networking.k8s.io/v1 NetworkPolicy.',
  },
  {
    id: 'ingressEgressPolicies',
    group: 'security',
    kind: 'support',
    label: 'Ingress/egress policies',
    description: 'Controls traffic to and from non-Kubernetes endpoints too (host and global policies).',
  },
  {
    id: 'l7Policy',
    group: 'security',
    kind: 'support',
    label: 'L7 / DNS-aware policy',
    description: 'Rules on HTTP paths, Kafka topics or DNS names (FQDN).',
  },
  {
    id: 'encryption',
    group: 'security',
    kind: 'support',
    label: 'Encryption in transit',
    description: 'Encrypts pod traffic between nodes.',
  },
  {
    id: 'wireguard',
    group: 'security',
    kind: 'support',
    label: 'WireGuard',
    description: 'Encryption with WireGuard.',
  },
  { id: 'ipsec', group: 'security', kind: 'support', label: 'IPsec', description: 'Encryption with IPsec (ESP).' },
  {
    id: 'cisHardened',
    group: 'security',
    kind: 'support',
    label: 'CIS-hardened fit',
    description: 'Works with RKE2’s CIS profile and its NetworkPolicy controller.',
  },
  {
    id: 'windowsNodes',
    group: 'platform',
    kind: 'support',
    label: 'Windows nodes',
    description: 'Windows Server worker nodes can join.',
  },
  {
    id: 'dualStack',
    group: 'platform',
    kind: 'support',
    label: 'Dual-stack',
    description: 'IPv4 and IPv6 pod and service addresses.',
  },
  {
    id: 'ipv6Only',
    group: 'platform',
    kind: 'support',
    label: 'IPv6-only',
    description: 'A single-stack IPv6 cluster.',
  },
  {
    id: 'multipleInterfaces',
    group: 'platform',
    kind: 'support',
    label: 'Multiple pod interfaces',
    description: 'Extra pod interfaces (net1, …) beside eth0.',
  },
  {
    id: 'bandwidthManagement',
    group: 'platform',
    kind: 'support',
    label: 'Bandwidth management',
    description: 'Limits pod bandwidth (kubernetes.io/egress-bandwidth).',
  },
  {
    id: 'observability',
    group: 'operations',
    kind: 'support',
    label: 'Flow observability',
    description: 'Shows network flows and policy verdicts (Hubble for Cilium).',
  },
  {
    id: 'minimumKernel',
    group: 'operations',
    kind: 'info',
    label: 'Minimum kernel',
    description: 'Oldest Linux kernel the bundled CNI version supports.',
  },
  {
    id: 'requiredPorts',
    group: 'operations',
    kind: 'info',
    label: 'Required ports',
    description: 'CNI ports to open between nodes (defaults; encryption, BGP and Hubble add more).',
  },
];

export function featureRow(id: FeatureId): FeatureRow {
  return FEATURES.find((f) => f.id === id)!;
}
