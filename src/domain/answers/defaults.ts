import type { Answers } from './types';
import { NEWEST_KNOWN_RELEASE } from '../rke2/releases';

/**
 * RKE2's own defaults, so that an untouched wizard describes a stock cluster.
 * - cni canal, cluster-cidr 10.42.0.0/16, service-cidr 10.43.0.0/16: docs.rke2.io/reference/server_config
 * Example values are not answers: the IPv6 CIDRs, the secondary network's name, host interface, subnet,
 * address range and gateway, and the SR-IOV physical functions start empty. Those a bundle cannot do
 * without are required once used (dual-stack / IPv6, Multus or SR-IOV); the others are optional and
 * left out of the bundle while empty. The wizard shows EXAMPLE_VALUES as placeholders, so nothing the
 * user never typed ends up in the bundle or in a choice that cannot be changed later.
 * - kubernetesServiceEndpoint port 6443: rke2-calico values.yaml; Cilium KPR docs example k8sServicePort "6443"
 */
export function defaultAnswers(): Answers {
  return {
    cluster: {
      release: NEWEST_KNOWN_RELEASE,
      management: 'standalone',
      size: 'small',
      windowsNodes: false,
      cisProfile: false,
    },
    nodes: {
      osPreset: 'ubuntu-24.04',
      kernel: '6.8',
      interface: '',
      nodeCidr: '',
      underlayMtu: 1500,
      architecture: 'amd64',
    },
    security: { policy: 'kubernetes', encryption: 'none' },
    addressing: {
      ipFamily: 'ipv4',
      clusterCidrV4: '10.42.0.0/16',
      serviceCidrV4: '10.43.0.0/16',
      clusterCidrV6: '',
      serviceCidrV6: '',
    },
    extras: {
      mode: 'none',
      secondary: {
        name: '',
        namespace: 'default',
        type: 'macvlan',
        master: '',
        ipam: 'whereabouts',
        subnet: '',
        rangeStart: '',
        rangeEnd: '',
        gateway: '',
      },
      sriov: { resourceName: 'sriovnics', pfNames: '', numVfs: 8, deviceType: 'netdevice', vlan: 0 },
    },
    performance: {
      kubeProxyReplacement: false,
      apiServerHost: '',
      apiServerPort: 6443,
      observability: false,
      bandwidthManager: false,
      awsEni: false,
      bgp: { enabled: false, peerAddress: '', peerAsn: 64512, localAsn: 64513 },
    },
    choice: { forcedCni: 'auto' },
  };
}

/**
 * Examples shown as placeholders, never used as answers. IPv6 from the documentation prefix
 * 2001:db8::/32 (RFC 3849, https://www.rfc-editor.org/rfc/rfc3849), sized as RKE2's dual-stack example
 * (a /56 pod range, a /112 service range: docs.rke2.io/networking/basic_network_options#dual-stack-configuration).
 * The secondary subnet from private space (RFC 1918, https://www.rfc-editor.org/rfc/rfc1918), clear of
 * RKE2's default pod and service CIDRs; interface names as the Multus and SR-IOV operator examples write them.
 */
export const EXAMPLE_VALUES = {
  clusterCidrV4: '10.42.0.0/16',
  clusterCidrV6: '2001:db8:42::/56',
  serviceCidrV6: '2001:db8:43::/112',
  secondaryName: 'macvlan-net',
  secondaryMaster: 'eth1',
  secondarySubnet: '192.168.100.0/24',
  secondaryRangeStart: '192.168.100.10',
  secondaryRangeEnd: '192.168.100.200',
  secondaryGateway: '192.168.100.1',
  sriovPfNames: 'ens1f0,ens1f1',
} as const;

/**
 * What these answers defaulted to before they became placeholders. A link (`?a=`) holds only what differs
 * from the defaults, so a link made then with Multus or SR-IOV on left these out when the user kept them:
 * such a link still means them (they are answers, the user saw and kept them). Links made since always
 * carry these fields while Multus or SR-IOV is on (src/lib/url-state.ts).
 */
export const FORMER_DEFAULTS = {
  'extras.secondary.master': EXAMPLE_VALUES.secondaryMaster,
  'extras.secondary.subnet': EXAMPLE_VALUES.secondarySubnet,
  'extras.secondary.rangeStart': EXAMPLE_VALUES.secondaryRangeStart,
  'extras.secondary.rangeEnd': EXAMPLE_VALUES.secondaryRangeEnd,
  'extras.secondary.gateway': EXAMPLE_VALUES.secondaryGateway,
  'extras.sriov.pfNames': 'ens1f0',
} as const;
