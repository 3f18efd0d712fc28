/**
 * One entry per class of mistake that parseAnswers must catch, with the message id it must give.
 * Shared by the unit tests (src/domain/answers/parse-answers.test.ts) and the UI's e2e bad-input
 * journey, which types `value` into the field `field` after applying `setup`.
 */
import { ANSWER_FIELDS, type AnswerPath } from '../domain/answers/answers-schema';
import type { AnswerMessageId } from '../domain/answers/parse-answers';

export interface BadInput {
  /** The field that gets the error (a dot path of Answers). */
  field: AnswerPath;
  /** What the user types. Always text: numeric fields get numeric text, as from a text box or a URL. */
  value: string;
  messageId: AnswerMessageId;
  /** Other answers that make the field used (e.g. ipFamily dual for IPv6 fields). */
  setup?: Partial<Record<AnswerPath, string | boolean>>;
  /** How the wizard asks it: 'text' fields can be typed into; 'enum' and 'boolean' only via URL or import. */
  kind: 'text' | 'integer' | 'enum' | 'boolean';
  /** What the mistake is, for test names. */
  why: string;
}

type Entry = Omit<BadInput, 'kind'>;

const DUAL = {
  'addressing.ipFamily': 'dual',
  'addressing.clusterCidrV6': '2001:db8:42::/56',
  'addressing.serviceCidrV6': '2001:db8:43::/112',
} as const;
/** Turning Multus or SR-IOV on makes the host interface, subnet and physical functions required: typed here. */
const MULTUS = {
  'extras.mode': 'multus',
  'extras.secondary.master': 'eth1',
  'extras.secondary.subnet': '192.168.100.0/24',
} as const;
const SRIOV = {
  'extras.mode': 'sriov',
  'extras.sriov.pfNames': 'ens1f0',
  'extras.secondary.subnet': '192.168.100.0/24',
} as const;
const BGP = { 'performance.bgp.enabled': true } as const;
const KPR = { 'performance.kubeProxyReplacement': true } as const;

const ENTRIES: Entry[] = [
  // Release and kernel
  { field: 'cluster.release', value: 'v1.19', messageId: 'releaseInvalid', why: 'a minor line with no known release' },
  { field: 'cluster.release', value: 'v2.0.0+rke2r1', messageId: 'releaseInvalid', why: 'release that is not v1' },
  { field: 'nodes.kernel', value: 'five', messageId: 'kernelInvalid', why: 'kernel that is not a version' },
  {
    field: 'nodes.kernel',
    value: '',
    messageId: 'kernelRequired',
    setup: { 'nodes.osPreset': 'custom' },
    why: 'custom OS without a kernel',
  },
  // CIDRs
  { field: 'addressing.clusterCidrV4', value: '10.42.0.0', messageId: 'cidrSyntax', why: 'CIDR without a prefix' },
  { field: 'addressing.clusterCidrV4', value: '10.42.0.0/33', messageId: 'cidrPrefix', why: 'IPv4 prefix above 32' },
  {
    field: 'addressing.clusterCidrV6',
    value: '2001:cafe:42::/129',
    messageId: 'cidrPrefix',
    setup: DUAL,
    why: 'IPv6 prefix above 128',
  },
  { field: 'addressing.clusterCidrV4', value: '10.42.0.1/16', messageId: 'cidrHostBits', why: 'host bits set' },
  {
    field: 'addressing.clusterCidrV4',
    value: '2001:cafe:42::/56',
    messageId: 'cidrFamily',
    why: 'IPv6 CIDR in an IPv4 field',
  },
  {
    field: 'addressing.clusterCidrV6',
    value: '10.42.0.0/16',
    messageId: 'cidrFamily',
    setup: DUAL,
    why: 'IPv4 CIDR in an IPv6 field',
  },
  {
    field: 'addressing.serviceCidrV4',
    value: '10.42.128.0/17',
    messageId: 'cidrOverlap',
    why: 'service range inside the pod range',
  },
  {
    field: 'addressing.serviceCidrV6',
    value: '2001:cafe:43::/64',
    messageId: 'serviceCidrTooLarge',
    setup: DUAL,
    why: 'IPv6 service CIDR larger than /108',
  },
  {
    field: 'addressing.serviceCidrV4',
    value: '10.43.0.0/29',
    messageId: 'serviceCidrTooSmall',
    why: 'service CIDR with no room for cluster DNS',
  },
  {
    field: 'addressing.clusterCidrV6',
    value: '2001:cafe:42::/64',
    messageId: 'clusterCidrTooSmall',
    setup: DUAL,
    why: 'IPv6 cluster CIDR of one /64 node subnet',
  },
  {
    field: 'addressing.clusterCidrV4',
    value: '10.42.0.0/25',
    messageId: 'clusterCidrTooSmall',
    why: 'IPv4 cluster CIDR smaller than a /24 node subnet',
  },
  {
    field: 'addressing.clusterCidrV6',
    value: '2001:cafe::/32',
    messageId: 'clusterCidrTooLarge',
    setup: DUAL,
    why: 'IPv6 cluster CIDR more than 16 bits above /64',
  },
  // Interfaces
  // A leading or trailing space is trimmed as a typo; whitespace inside a name is an error.
  {
    field: 'nodes.interface',
    value: 'eth\t0',
    messageId: 'interfaceNameInvalid',
    why: 'interface name with whitespace',
  },
  {
    field: 'nodes.interface',
    value: 'my very long interface',
    messageId: 'interfaceNameInvalid',
    why: 'interface name with spaces and over 15 characters',
  },
  { field: 'nodes.interface', value: 'eth0:1', messageId: 'interfaceNameInvalid', why: 'interface alias with ":"' },
  { field: 'nodes.interface', value: 'eth/0', messageId: 'interfaceNameInvalid', why: 'interface name with "/"' },
  {
    field: 'extras.secondary.master',
    value: '"eth1"',
    messageId: 'interfaceNameInvalid',
    setup: MULTUS,
    why: 'interface name with quotes',
  },
  {
    field: 'extras.secondary.master',
    value: '',
    messageId: 'required',
    setup: MULTUS,
    why: 'macvlan without a host interface',
  },
  {
    field: 'extras.sriov.pfNames',
    value: 'ens1f0,ens1f0',
    messageId: 'interfaceDuplicate',
    setup: SRIOV,
    why: 'the same physical function twice',
  },
  // Numbers
  { field: 'nodes.underlayMtu', value: '1000', messageId: 'outOfRange', why: 'MTU below 1280' },
  { field: 'nodes.underlayMtu', value: '9001.5', messageId: 'expectedInteger', why: 'MTU that is not a whole number' },
  { field: 'performance.apiServerPort', value: '70000', messageId: 'outOfRange', setup: KPR, why: 'port above 65535' },
  {
    field: 'performance.bgp.peerAsn',
    value: '4294967296',
    messageId: 'outOfRange',
    setup: BGP,
    why: 'AS number above 4294967295',
  },
  { field: 'extras.sriov.numVfs', value: '0', messageId: 'outOfRange', setup: SRIOV, why: 'zero virtual functions' },
  { field: 'extras.sriov.vlan', value: '4095', messageId: 'outOfRange', setup: SRIOV, why: 'reserved VLAN 4095' },
  // Hosts and addresses
  {
    field: 'performance.apiServerHost',
    value: 'https://10.0.0.1',
    messageId: 'hostInvalid',
    setup: KPR,
    why: 'API host given as a URL',
  },
  {
    field: 'performance.apiServerHost',
    value: 'bad_host!',
    messageId: 'hostInvalid',
    setup: KPR,
    why: 'API host that is neither IP nor DNS name',
  },
  {
    field: 'performance.bgp.peerAddress',
    value: '10.0.0.256',
    messageId: 'ipInvalid',
    setup: BGP,
    why: 'BGP peer that is not an IP',
  },
  {
    field: 'performance.bgp.peerAddress',
    value: '',
    messageId: 'required',
    setup: BGP,
    why: 'BGP enabled without a peer',
  },
  // Secondary network
  {
    field: 'extras.secondary.name',
    value: 'Macvlan_Net',
    messageId: 'dnsLabelInvalid',
    setup: MULTUS,
    why: 'NAD name with uppercase and "_"',
  },
  {
    field: 'extras.secondary.namespace',
    value: '-default',
    messageId: 'dnsLabelInvalid',
    setup: MULTUS,
    why: 'namespace starting with "-"',
  },
  {
    field: 'extras.secondary.subnet',
    value: '10.42.8.0/24',
    messageId: 'subnetOverlapsCluster',
    setup: MULTUS,
    why: 'secondary subnet inside the pod range',
  },
  {
    field: 'extras.secondary.rangeStart',
    value: '192.168.200.10',
    messageId: 'addressOutsideSubnet',
    setup: MULTUS,
    why: 'range start outside the subnet',
  },
  {
    field: 'extras.secondary.rangeEnd',
    value: '192.168.100.5',
    messageId: 'rangeReversed',
    setup: { ...MULTUS, 'extras.secondary.rangeStart': '192.168.100.10' },
    why: 'range end before range start',
  },
  {
    field: 'extras.secondary.gateway',
    value: '2001:db8::1',
    messageId: 'ipFamilyMismatch',
    setup: MULTUS,
    why: 'IPv6 gateway on an IPv4 subnet',
  },
  {
    field: 'extras.secondary.gateway',
    value: '192.168.100.255',
    messageId: 'addressNotUsable',
    setup: MULTUS,
    why: 'gateway on the broadcast address',
  },
  // SR-IOV
  {
    field: 'extras.sriov.resourceName',
    value: 'intel.com/sriov',
    messageId: 'resourceNameInvalid',
    setup: SRIOV,
    why: 'resource name with a prefix',
  },
  // Enums and booleans (URL state or imported files)
  { field: 'addressing.ipFamily', value: 'ipv5', messageId: 'notInList', why: 'unknown IP family' },
  {
    field: 'cluster.windowsNodes',
    value: 'maybe',
    messageId: 'expectedBoolean',
    why: 'boolean that is not true or false',
  },
];

export const BAD_INPUT_CATALOGUE: readonly BadInput[] = ENTRIES.map((e) => ({
  ...e,
  kind: ANSWER_FIELDS[e.field].kind === 'text' ? 'text' : ANSWER_FIELDS[e.field].kind,
}));

/** The nested answers object for one entry: its setup plus the bad value. */
export function badInputAnswers(entry: BadInput): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  };
  for (const [path, value] of Object.entries(entry.setup ?? {})) set(path, value);
  set(entry.field, entry.value);
  return root;
}
