/**
 * The one declarative description of the answers format. parseAnswers walks this table, the JSON
 * Schema (schema/answers.schema.json) is generated from it, and the CLI's `--help` renders it, so the
 * three can never disagree.
 */
import { SOURCES, type Source } from '../sources';
import { API_ENDPOINT, API_ENDPOINT_HELP } from '../facts/api-endpoint';
import { defaultAnswers } from './defaults';
import {
  CLUSTER_SIZES,
  ENCRYPTIONS,
  EXTRA_INTERFACE_MODES,
  FORCED_CNI_CHOICES,
  IP_FAMILIES,
  MANAGEMENT_MODES,
  NODE_ARCHITECTURES,
  OS_PRESETS,
  POLICY_NEEDS,
  SECONDARY_IPAMS,
  SECONDARY_TYPES,
  SRIOV_DEVICE_TYPES,
  type Answers,
} from './types';

/** Every leaf path of Answers, e.g. "addressing.clusterCidrV4". */
type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends object ? LeafPaths<T[K], `${P}${K}.`> : `${P}${K}`;
}[keyof T & string];
export type AnswerPath = LeafPaths<Answers>;

type ValueAt<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? ValueAt<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;
export type AnswerValue<P extends AnswerPath> = ValueAt<Answers, P>;

/**
 * When a field is used. A field that is not used by the current answers is not checked against the
 * others; if its own value is invalid it is replaced by its default and listed in `dropped`.
 */
export type Relevance =
  | 'always'
  | 'ipv4' // ipFamily ipv4 or dual
  | 'ipv6' // ipFamily dual or ipv6
  | 'secondaryNetwork' // extras.mode multus or sriov: a NetworkAttachmentDefinition is made
  | 'multus' // extras.mode multus
  | 'sriov' // extras.mode sriov
  | 'ipamPool' // a secondary network with host-local or whereabouts IPAM (not SR-IOV vfio-pci: no address)
  | 'secondaryAddress' // ipamPool, or a Multus network with static IPAM (the example pod's address)
  | 'bgp' // performance.bgp.enabled
  | 'kubeProxyReplacement' // performance.kubeProxyReplacement
  | 'windowsNodes'; // cluster.windowsNodes

/** How a text field is checked beyond its length. */
export type TextFormat =
  | 'release'
  | 'kernel'
  | 'cidrV4'
  | 'cidrV6'
  | 'cidr'
  | 'ip'
  | 'host'
  | 'interfaceName'
  | 'interfaceList'
  | 'dnsLabel'
  | 'resourceName';

interface BaseSpec {
  /** Short label, as the wizard shows it. */
  label: string;
  /** One or two sentences: what it is and why it matters. */
  description: string;
  source: Source;
  when?: Relevance;
}
export interface BooleanSpec extends BaseSpec {
  kind: 'boolean';
}
export interface IntegerSpec extends BaseSpec {
  kind: 'integer';
  min: number;
  max: number;
}
export interface EnumSpec<V extends string = string> extends BaseSpec {
  kind: 'enum';
  values: readonly V[];
}
export interface TextSpec extends BaseSpec {
  kind: 'text';
  format: TextFormat;
  maxLength: number;
  /** "" is a valid value (autodetect / not set); 'whenUnused': "" is fine only while the field is not used. */
  allowEmpty?: boolean | 'whenUnused';
}
export type FieldSpec = BooleanSpec | IntegerSpec | EnumSpec | TextSpec;

type SpecFor<V> = [V] extends [boolean]
  ? BooleanSpec
  : [V] extends [number]
    ? IntegerSpec
    : string extends V
      ? TextSpec
      : [V] extends [string]
        ? EnumSpec<V>
        : never;

/** The compiler checks that every leaf of Answers is described, with a spec of the right kind. */
type FieldTable = { readonly [P in AnswerPath]: SpecFor<AnswerValue<P>> };

export const ANSWER_FIELDS: FieldTable = {
  'cluster.release': {
    kind: 'text',
    format: 'release',
    maxLength: 40,
    label: 'RKE2 release',
    description: 'Exact RKE2 release, e.g. v1.33.6+rke2r1. It fixes the chart versions, and so which features exist.',
    source: SOURCES.releaseTags,
  },
  'cluster.management': {
    kind: 'enum',
    values: MANAGEMENT_MODES,
    label: 'How the cluster is created',
    description: 'standalone RKE2, or provisioned by Rancher (where the default CNI is calico, not canal).',
    source: SOURCES.rancherDefaultCalico,
  },
  'cluster.size': {
    kind: 'enum',
    values: CLUSTER_SIZES,
    label: 'Cluster size',
    description: 'single node, small, or large (more than 255 nodes needs a bigger cluster CIDR than the default).',
    source: SOURCES.requirements,
  },
  'cluster.windowsNodes': {
    kind: 'boolean',
    label: 'Windows worker nodes',
    description: 'Windows workers narrow the choice to calico, or flannel from its release gate.',
    source: SOURCES.windowsCniCode,
  },
  'cluster.cisProfile': {
    kind: 'boolean',
    label: 'CIS hardening profile',
    description: 'profile: cis on the servers. RKE2 runs its CIS NetworkPolicy controller only with canal.',
    source: SOURCES.hardening,
  },
  'nodes.osPreset': {
    kind: 'enum',
    values: OS_PRESETS,
    label: 'Operating system of the oldest node',
    description: 'Picks the kernel of that OS when nodes.kernel is left empty; "custom" means type the kernel.',
    source: SOURCES.requirements,
  },
  'nodes.kernel': {
    kind: 'text',
    format: 'kernel',
    maxLength: 64,
    allowEmpty: true,
    label: 'Kernel version of the oldest node',
    description:
      'Kernel of the oldest node: "5.14" or the output of uname -r. Empty takes the OS preset\'s kernel (required when osPreset is custom). Quote it in YAML: 5.10 unquoted is the number 5.1.',
    source: SOURCES.ciliumSystemRequirements,
  },
  'nodes.interface': {
    kind: 'text',
    format: 'interfaceName',
    maxLength: 64,
    allowEmpty: true,
    label: 'Node network interface (optional)',
    description: 'Interface that carries pod traffic between nodes, e.g. eth0; empty lets the CNI autodetect it.',
    source: SOURCES.linuxInterfaceNames,
  },
  'nodes.nodeCidr': {
    kind: 'text',
    format: 'cidrV4',
    maxLength: 64,
    allowEmpty: true,
    when: 'windowsNodes',
    label: 'Node network CIDR (Windows clusters, optional)',
    description:
      'IPv4 subnet the node addresses are in, e.g. 192.168.1.0/24. With Windows workers Calico finds each node address in it (nodeAddressAutodetectionV4.cidrs), which works on Linux and Windows alike; an interface name does not match Windows adapter names. Empty: Calico takes the first address found.',
    source: SOURCES.windowsCalicoInterfaceCode,
  },
  'nodes.underlayMtu': {
    kind: 'integer',
    min: 1280,
    max: 9216,
    label: 'Underlay MTU',
    description: 'MTU of the node network (1280 to 9216). Overlay and encryption headers are subtracted from it.',
    source: SOURCES.mtuIssue,
  },
  'nodes.architecture': {
    kind: 'enum',
    values: NODE_ARCHITECTURES,
    label: 'Node CPU architecture',
    description:
      'amd64 or arm64: RKE2 publishes its air-gap image tarballs per architecture (rke2-images-core.linux-<arch>.tar.zst), arm64 from v1.27.3+rke2r1. Windows workers load their own amd64 tarball.',
    source: SOURCES.rke2Arm64Pr,
  },
  'security.policy': {
    kind: 'enum',
    values: POLICY_NEEDS,
    label: 'Network policy needs',
    description: 'none, Kubernetes NetworkPolicy, or l7 (HTTP / DNS-aware policy).',
    source: SOURCES.ciliumL7,
  },
  'security.encryption': {
    kind: 'enum',
    values: ENCRYPTIONS,
    label: 'Pod traffic encryption',
    description: 'Encrypt traffic between nodes: none, wireguard or ipsec.',
    source: SOURCES.ciliumEncryption,
  },
  'addressing.ipFamily': {
    kind: 'enum',
    values: IP_FAMILIES,
    label: 'IP family',
    description: 'ipv4, dual (dual-stack) or ipv6 (IPv6-only). Cannot be changed after the cluster starts.',
    source: SOURCES.basicNetworkOptionsDualStack,
  },
  'addressing.clusterCidrV4': {
    kind: 'text',
    format: 'cidrV4',
    maxLength: 64,
    when: 'ipv4',
    label: 'Pod CIDR (IPv4)',
    description:
      'cluster-cidr for IPv4 (ipv4 and dual). Each node gets a /24 from it, so it must be /24 or larger (/23 or larger with more than one node), and no larger than /8.',
    source: SOURCES.kubeNodeCidrSet,
  },
  'addressing.serviceCidrV4': {
    kind: 'text',
    format: 'cidrV4',
    maxLength: 64,
    when: 'ipv4',
    label: 'Service CIDR (IPv4)',
    description:
      'service-cidr for IPv4 (ipv4 and dual): /12 to /28, not overlapping the cluster CIDR. RKE2 puts cluster DNS at its 10th address.',
    source: SOURCES.kubeServiceCidrLimit,
  },
  'addressing.clusterCidrV6': {
    kind: 'text',
    format: 'cidrV6',
    maxLength: 64,
    allowEmpty: 'whenUnused',
    when: 'ipv6',
    label: 'Pod CIDR (IPv6)',
    description:
      'cluster-cidr for IPv6 (dual and ipv6). Each node gets a /64 from it, so it must be /64 or larger (/63 or larger with more than one node), and no larger than /48.',
    source: SOURCES.dualStackIssue,
  },
  'addressing.serviceCidrV6': {
    kind: 'text',
    format: 'cidrV6',
    maxLength: 64,
    allowEmpty: 'whenUnused',
    when: 'ipv6',
    label: 'Service CIDR (IPv6)',
    description: 'service-cidr for IPv6 (dual and ipv6): /108 to /124, not overlapping the cluster CIDR.',
    source: SOURCES.dualStackIssue,
  },
  'extras.mode': {
    kind: 'enum',
    values: EXTRA_INTERFACE_MODES,
    label: 'Extra pod interfaces',
    description: 'none, multus (secondary networks through Multus) or sriov (SR-IOV virtual functions, with Multus).',
    source: SOURCES.multusSriov,
  },
  'extras.secondary.name': {
    kind: 'text',
    format: 'dnsLabel',
    maxLength: 63,
    allowEmpty: true,
    when: 'secondaryNetwork',
    label: 'Secondary network name',
    description:
      'Name of the NetworkAttachmentDefinition (lowercase letters, digits and "-", up to 63); empty names it after its type (macvlan-net, sriov-net).',
    source: SOURCES.k8sDns1123Label,
  },
  'extras.secondary.namespace': {
    kind: 'text',
    format: 'dnsLabel',
    maxLength: 63,
    when: 'secondaryNetwork',
    label: 'Secondary network namespace',
    description: 'Namespace of the NetworkAttachmentDefinition; pods use it from this namespace.',
    source: SOURCES.k8sDns1123Label,
  },
  'extras.secondary.type': {
    kind: 'enum',
    values: SECONDARY_TYPES,
    when: 'multus',
    label: 'Secondary network type',
    description: 'CNI plugin of the secondary network: macvlan, ipvlan, bridge or host-device.',
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.master': {
    kind: 'text',
    format: 'interfaceName',
    maxLength: 64,
    allowEmpty: 'whenUnused',
    when: 'multus',
    label: 'Host interface for the secondary network',
    description:
      'Host interface the secondary network uses (macvlan/ipvlan master, bridge name, or the device for host-device).',
    source: SOURCES.linuxInterfaceNames,
  },
  'extras.secondary.ipam': {
    kind: 'enum',
    values: SECONDARY_IPAMS,
    when: 'secondaryNetwork',
    label: 'Address management (IPAM)',
    description:
      'How pods get addresses: host-local (per node; a poor fit for multi-node), whereabouts (cluster-wide), dhcp, or static (per pod annotation).',
    source: SOURCES.multusSriov,
  },
  'extras.secondary.subnet': {
    kind: 'text',
    format: 'cidr',
    maxLength: 64,
    allowEmpty: 'whenUnused',
    when: 'secondaryAddress',
    label: 'Secondary subnet',
    description:
      "Subnet of the secondary network (host-local and whereabouts hand out its addresses; with static IPAM, the prefix of the example pod's address). Must not overlap the cluster or service CIDRs.",
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.rangeStart': {
    kind: 'text',
    format: 'ip',
    maxLength: 64,
    allowEmpty: true,
    when: 'secondaryAddress',
    label: 'First address to hand out',
    description:
      "First address handed out, inside the subnet; empty uses the start of the subnet. With static IPAM, the example pod's address (required).",
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.rangeEnd': {
    kind: 'text',
    format: 'ip',
    maxLength: 64,
    allowEmpty: true,
    when: 'ipamPool',
    label: 'Last address to hand out',
    description:
      'Last address handed out, inside the subnet and not before the first; empty uses the end of the subnet.',
    source: SOURCES.multusHowTo,
  },
  'extras.secondary.gateway': {
    kind: 'text',
    format: 'ip',
    maxLength: 64,
    allowEmpty: true,
    when: 'ipamPool',
    label: 'Gateway (optional)',
    description: 'Gateway of the secondary network, inside the subnet; empty for none.',
    source: SOURCES.multusHowTo,
  },
  'extras.sriov.resourceName': {
    kind: 'text',
    format: 'resourceName',
    maxLength: 63,
    when: 'sriov',
    label: 'SR-IOV resource name',
    description: 'Device plugin resource name for the virtual functions (letters, digits and "_"); pods request it.',
    source: SOURCES.sriovResourceNameRule,
  },
  'extras.sriov.pfNames': {
    kind: 'text',
    format: 'interfaceList',
    maxLength: 255,
    allowEmpty: 'whenUnused',
    when: 'sriov',
    label: 'Physical functions (comma separated)',
    description: 'SR-IOV capable NICs (physical functions), comma separated, e.g. "ens1f0,ens1f1".',
    source: SOURCES.sriovOperator,
  },
  'extras.sriov.numVfs': {
    kind: 'integer',
    min: 1,
    max: 256,
    when: 'sriov',
    label: 'Virtual functions per NIC',
    description:
      'Number of virtual functions to create on each physical function (1 to 256; the NIC sets the real limit).',
    source: SOURCES.sriovOperator,
  },
  'extras.sriov.deviceType': {
    kind: 'enum',
    values: SRIOV_DEVICE_TYPES,
    when: 'sriov',
    label: 'VF driver',
    description: 'netdevice (kernel driver, a normal interface in the pod) or vfio-pci (DPDK user space).',
    source: SOURCES.sriovOperator,
  },
  'extras.sriov.vlan': {
    kind: 'integer',
    min: 0,
    max: 4094,
    when: 'sriov',
    label: 'VLAN (0 for none)',
    description: 'VLAN ID set on the virtual functions, 0 for untagged (1 to 4094 tag).',
    source: SOURCES.sriovOperator,
  },
  'performance.kubeProxyReplacement': {
    kind: 'boolean',
    label: 'Replace kube-proxy with eBPF',
    description: "Let the CNI's eBPF dataplane replace kube-proxy. It then needs the API server address below.",
    source: SOURCES.ciliumKubeProxyFree,
  },
  'performance.apiServerHost': {
    kind: 'text',
    format: 'host',
    maxLength: 253,
    allowEmpty: true,
    when: 'kubeProxyReplacement',
    label: 'API server address for the eBPF dataplane',
    description: `IP or DNS name of the Kubernetes API for kube-proxy replacement. ${API_ENDPOINT_HELP}`,
    source: API_ENDPOINT.cilium.source,
  },
  'performance.apiServerPort': {
    kind: 'integer',
    min: 1,
    max: 65535,
    when: 'kubeProxyReplacement',
    label: 'API server port',
    description: 'Port of the Kubernetes API at that host (6443 on RKE2 servers).',
    source: SOURCES.ciliumKubeProxyFree,
  },
  'performance.observability': {
    kind: 'boolean',
    label: 'Flow observability (Hubble)',
    description: 'Turn on Hubble flow visibility (Cilium only).',
    source: SOURCES.ciliumHubble,
  },
  'performance.bandwidthManager': {
    kind: 'boolean',
    label: 'Bandwidth manager (pod egress limits)',
    description: 'Enforce pod egress bandwidth annotations with eBPF (Cilium).',
    source: SOURCES.ciliumBandwidth,
  },
  'performance.awsEni': {
    kind: 'boolean',
    label: 'Pods on AWS VPC addresses (ENI)',
    description: 'Give pods VPC addresses from AWS ENIs (Cilium ENI mode).',
    source: SOURCES.ciliumEni,
  },
  'performance.bgp.enabled': {
    kind: 'boolean',
    label: 'Peer with BGP routers',
    description: 'Announce pod routes to a BGP router.',
    source: SOURCES.calicoBgp,
  },
  'performance.bgp.peerAddress': {
    kind: 'text',
    format: 'ip',
    maxLength: 64,
    allowEmpty: 'whenUnused',
    when: 'bgp',
    label: 'BGP peer address',
    description: 'IP address of the BGP router to peer with.',
    source: SOURCES.calicoBgp,
  },
  'performance.bgp.peerAsn': {
    kind: 'integer',
    min: 1,
    max: 4294967295,
    when: 'bgp',
    label: 'Peer AS number',
    description: 'AS number of the router (1 to 4294967295).',
    source: SOURCES.calicoBgp,
  },
  'performance.bgp.localAsn': {
    kind: 'integer',
    min: 1,
    max: 4294967295,
    when: 'bgp',
    label: 'Cluster AS number',
    description: 'AS number of the cluster nodes (1 to 4294967295).',
    source: SOURCES.calicoBgp,
  },
  'choice.forcedCni': {
    kind: 'enum',
    values: FORCED_CNI_CHOICES,
    label: 'CNI to use',
    description: 'auto follows the recommendation; naming a CNI overrides it (the consequences are still shown).',
    source: SOURCES.basicNetworkOptions,
  },
};

export const ANSWER_PATHS = Object.keys(ANSWER_FIELDS) as AnswerPath[];

const splitCache = new Map<string, readonly string[]>();
function splitPath(path: string): readonly string[] {
  let keys = splitCache.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitCache.size < 256) splitCache.set(path, keys);
  }
  return keys;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads a dot path from any value; undefined when a step is missing. Own properties only. */
export function readPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of splitPath(path)) {
    if (node === null || typeof node !== 'object' || !hasOwn.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Writes a dot path into a plain object tree that already has every section. */
export function writePath(root: Answers, path: AnswerPath, value: unknown): void {
  const keys = splitPath(path);
  let node = root as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length - 1; i++) node = node[keys[i]!] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** The sections (non-leaf paths), outermost first: "cluster", ..., "extras.secondary", ... */
export const ANSWER_SECTIONS: readonly string[] = (() => {
  const set = new Set<string>();
  for (const path of ANSWER_PATHS) {
    const keys = path.split('.');
    for (let i = 1; i < keys.length; i++) set.add(keys.slice(0, i).join('.'));
  }
  return [...set];
})();

/** Human text of when a field is used. */
export const RELEVANCE_TEXT: Readonly<Record<Relevance, string>> = {
  always: 'always',
  ipv4: 'when addressing.ipFamily is ipv4 or dual',
  ipv6: 'when addressing.ipFamily is dual or ipv6',
  secondaryNetwork: 'when extras.mode is multus or sriov',
  multus: 'when extras.mode is multus',
  sriov: 'when extras.mode is sriov',
  ipamPool:
    'when extras.mode is multus, or sriov with extras.sriov.deviceType netdevice, and extras.secondary.ipam is host-local or whereabouts',
  secondaryAddress:
    'when extras.mode is multus, or sriov with extras.sriov.deviceType netdevice, and extras.secondary.ipam is host-local or whereabouts; or extras.mode is multus and extras.secondary.ipam is static',
  bgp: 'when performance.bgp.enabled is true',
  kubeProxyReplacement: 'when performance.kubeProxyReplacement is true',
  windowsNodes: 'when cluster.windowsNodes is true',
};

/** The same conditions in the wizard's words (question labels and options, no field paths), for messages. */
export const RELEVANCE_WORDS: Readonly<Record<Relevance, string>> = {
  always: '',
  ipv4: 'with IPv4 or dual-stack addressing',
  ipv6: 'with dual-stack or IPv6-only addressing',
  secondaryNetwork: 'with Multus or SR-IOV extra pod interfaces',
  multus: 'with a Multus secondary network',
  sriov: 'with SR-IOV extra pod interfaces',
  ipamPool: 'with host-local or whereabouts address management',
  secondaryAddress: 'with host-local, whereabouts or static address management',
  bgp: 'when peering with BGP routers',
  kubeProxyReplacement: 'when eBPF replaces kube-proxy',
  windowsNodes: 'with Windows worker nodes',
};

/** Loose shapes for editors. parseAnswers checks more (CIDR maths, ranges, overlaps). */
const FORMAT_PATTERN: Readonly<Record<TextFormat, string | undefined>> = {
  release: '^v1\\.\\d{1,3}\\.\\d{1,3}\\+rke2r[1-9]\\d{0,2}$',
  kernel: '^\\d{1,2}\\.\\d{1,3}(\\.\\d{1,4})?([-+._~][0-9A-Za-z._~+-]*)?$',
  cidrV4: '^[0-9.]+/\\d{1,2}$',
  cidrV6: '^[0-9A-Fa-f:.]+/\\d{1,3}$',
  cidr: '^[0-9A-Fa-f:.]+/\\d{1,3}$',
  ip: '^[0-9A-Fa-f:.]+$',
  host: '^[A-Za-z0-9.:-]+$',
  interfaceName: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$',
  interfaceList: '^\\s*[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}(\\s*,\\s*[A-Za-z0-9_][A-Za-z0-9_.-]{0,14})*\\s*$',
  dnsLabel: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
  resourceName: '^[A-Za-z0-9_]+$',
};

type JsonSchema = Record<string, unknown>;

function leafSchema(spec: FieldSpec, fallback: unknown): JsonSchema {
  const when = spec.when && spec.when !== 'always' ? ` Used ${RELEVANCE_TEXT[spec.when]}.` : '';
  const base = {
    title: spec.label,
    description: `${spec.description}${when} Source: ${spec.source.url}`,
    default: fallback,
  };
  switch (spec.kind) {
    case 'boolean':
      return { type: 'boolean', ...base };
    case 'integer':
      return { type: 'integer', minimum: spec.min, maximum: spec.max, ...base };
    case 'enum':
      return { type: 'string', enum: [...spec.values], ...base };
    case 'text': {
      const pattern = FORMAT_PATTERN[spec.format];
      const shaped = pattern === undefined ? {} : { pattern: spec.allowEmpty ? `^$|${pattern}` : pattern };
      return {
        type: 'string',
        maxLength: spec.maxLength,
        ...(spec.allowEmpty ? {} : { minLength: 1 }),
        ...shaped,
        ...base,
      };
    }
  }
}

/**
 * JSON Schema (draft 2020-12) of an answers file. Every field is optional (a missing one takes
 * RKE2's default); unknown keys are flagged by editors, and ignored with a warning by the CLI.
 */
export function answersJsonSchema(): JsonSchema {
  const defaults = defaultAnswers();
  const root: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'rke2-cni-wizard answers',
    description:
      "What the rke2-cni-wizard asks, as a YAML or JSON file. Every field is optional: a missing one takes RKE2's default. Generated from src/domain/answers/answers-schema.ts by npm run schema:export.",
    type: 'object',
    additionalProperties: false,
    properties: { $schema: { type: 'string', description: 'Optional link to this schema, for editors.' } },
  };
  const objectAt = (path: string): JsonSchema => {
    let node = root;
    for (const key of path === '' ? [] : path.split('.')) {
      const props = node.properties as Record<string, JsonSchema>;
      props[key] ??= { type: 'object', additionalProperties: false, properties: {} };
      node = props[key];
    }
    return node;
  };
  for (const path of ANSWER_PATHS) {
    const keys = path.split('.');
    const parent = objectAt(keys.slice(0, -1).join('.'));
    (parent.properties as Record<string, JsonSchema>)[keys[keys.length - 1]!] = leafSchema(
      ANSWER_FIELDS[path],
      readPath(defaults, path),
    );
  }
  return root;
}

const FORMAT_TEXT: Readonly<Record<TextFormat, string>> = {
  release: 'RKE2 release',
  kernel: 'kernel version (quoted)',
  cidrV4: 'IPv4 CIDR',
  cidrV6: 'IPv6 CIDR',
  cidr: 'CIDR',
  ip: 'IP address',
  host: 'IP address or DNS name',
  interfaceName: 'interface name',
  interfaceList: 'interface names, comma separated',
  dnsLabel: 'DNS label',
  resourceName: 'resource name',
};

function describeType(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'true | false';
    case 'integer':
      return `integer ${spec.min}..${spec.max}`;
    case 'enum':
      return spec.values.join(' | ');
    case 'text':
      return `${FORMAT_TEXT[spec.format]}${spec.allowEmpty === true ? ' or ""' : ''}`;
  }
}

/** The answers format as plain text, for the CLI's --help. */
export function describeAnswersFormat(): string {
  const defaults = defaultAnswers();
  const lines = [
    'Answers file (YAML or JSON, at most 256 KiB, one document).',
    "Every field is optional: a missing field takes RKE2's default (shown below). Unknown fields are ignored with a warning.",
    'Fields used only in some situations are checked only then. The JSON Schema is schema/answers.schema.json.',
    '',
  ];
  let section = '';
  for (const path of ANSWER_PATHS) {
    const spec = ANSWER_FIELDS[path];
    const keys = path.split('.');
    const parents = keys.slice(0, -1);
    const sectionPath = parents.join('.');
    if (sectionPath !== section) {
      // Print each section header that is new, indented by depth.
      const previous = section.split('.');
      let changed = false;
      parents.forEach((key, depth) => {
        changed ||= previous[depth] !== key;
        if (changed) lines.push(`${'  '.repeat(depth)}${key}:`);
      });
      section = sectionPath;
    }
    const indent = '  '.repeat(parents.length);
    const when = spec.when && spec.when !== 'always' ? ` Used ${RELEVANCE_TEXT[spec.when]}.` : '';
    lines.push(
      `${indent}${keys[keys.length - 1]}: ${describeType(spec)}  (default ${JSON.stringify(readPath(defaults, path))})`,
    );
    lines.push(`${indent}    ${spec.description}${when}`);
  }
  return lines.join('\n');
}

/** The exact text of schema/answers.schema.json (stable key order, two-space indent, final newline). */
export function answersSchemaFileText(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}
