import type { Answers } from './types';
import { NEWEST_KNOWN_RELEASE } from '../rke2/releases';

/**
 * RKE2's own defaults, so that an untouched wizard describes a stock cluster.
 * - cni canal, cluster-cidr 10.42.0.0/16, service-cidr 10.43.0.0/16: docs.rke2.io/reference/server_config
 * Example values are not answers: the IPv6 CIDRs and the secondary network's name start empty and
 * are required once used (dual-stack / IPv6, Multus or SR-IOV); the wizard shows EXAMPLE_VALUES as
 * placeholders, so nothing the user never typed ends up in a choice that cannot be changed later.
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
        master: 'eth1',
        ipam: 'whereabouts',
        subnet: '192.168.100.0/24',
        rangeStart: '192.168.100.10',
        rangeEnd: '192.168.100.200',
        gateway: '192.168.100.1',
      },
      sriov: { resourceName: 'sriovnics', pfNames: 'ens1f0', numVfs: 8, deviceType: 'netdevice', vlan: 0 },
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
 */
export const EXAMPLE_VALUES = {
  clusterCidrV4: '10.42.0.0/16',
  clusterCidrV6: '2001:db8:42::/56',
  serviceCidrV6: '2001:db8:43::/112',
  secondaryName: 'macvlan-net',
} as const;
