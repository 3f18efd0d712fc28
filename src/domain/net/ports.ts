import type { Encryption } from '../answers/types';
import type { PrimaryCni } from '../facts/cni-names';
import { SOURCES, type Source } from '../sources';

/**
 * Inbound ports, node to node unless said otherwise.
 * Source: docs.rke2.io/install/requirements (rke2-facts.md §8), plus ports RKE2's table omits
 * (Calico WireGuard from the Felix CRD defaults, Cilium Hubble/Geneve/IPsec from Cilium's system requirements).
 */
export type Protocol = 'TCP' | 'UDP' | 'ICMP' | 'ESP';

export interface PortRule {
  /** Number, range "30000-32767", or ICMP types "0,8"; null for ESP. */
  port: number | string | null;
  protocol: Protocol;
  from: 'all nodes' | 'servers';
  to: 'all nodes' | 'servers';
  purpose: string;
  source: Source;
}

const ALL = 'all nodes' as const;

/** Where agents register with a server (the `server:` URL of an agent's config.yaml). */
export const SUPERVISOR_PORT = 9345;

/**
 * VXLAN UDP ports: Linux's default (canal, Cilium) and the IANA one (rke2-flannel, Calico). Some VMware/NSX
 * underlays drop 8472 (flannel-io/flannel#2388); moving the tunnel to the IANA port is the mitigation
 * (cilium/cilium#21801: Cilium `tunnelPort`; rke2-canal `flannel.backendPort`, rancher/rke2-charts#328).
 */
export const VXLAN_PORT = { linux: 8472, iana: 4789 } as const;

export const COMMON_PORTS: readonly PortRule[] = [
  {
    port: 6443,
    protocol: 'TCP',
    from: ALL,
    to: 'servers',
    purpose: 'Kubernetes API',
    source: SOURCES.requirementsPorts,
  },
  {
    port: SUPERVISOR_PORT,
    protocol: 'TCP',
    from: ALL,
    to: 'servers',
    purpose: 'RKE2 supervisor API',
    source: SOURCES.requirementsPorts,
  },
  { port: 10250, protocol: 'TCP', from: ALL, to: ALL, purpose: 'kubelet metrics', source: SOURCES.requirementsPorts },
  {
    port: 2379,
    protocol: 'TCP',
    from: 'servers',
    to: 'servers',
    purpose: 'etcd client port',
    source: SOURCES.requirementsPorts,
  },
  {
    port: 2380,
    protocol: 'TCP',
    from: 'servers',
    to: 'servers',
    purpose: 'etcd peer port',
    source: SOURCES.requirementsPorts,
  },
  {
    port: 2381,
    protocol: 'TCP',
    from: 'servers',
    to: 'servers',
    purpose: 'etcd metrics port',
    source: SOURCES.requirementsPorts,
  },
  {
    port: '30000-32767',
    protocol: 'TCP',
    from: ALL,
    to: ALL,
    purpose: 'NodePort port range',
    source: SOURCES.requirementsPorts,
  },
];

export interface PortOptions {
  encryption: Encryption;
  ipv6: boolean;
  observability: boolean;
  bgp: boolean;
  windows: boolean;
}

const p = (
  port: PortRule['port'],
  protocol: Protocol,
  purpose: string,
  source: Source = SOURCES.requirementsPorts,
): PortRule => ({ port, protocol, from: ALL, to: ALL, purpose, source });

/** The CNI ports for the exact choice. */
export function cniPorts(cni: PrimaryCni, o: PortOptions): PortRule[] {
  const rules: PortRule[] = [];
  switch (cni) {
    case 'canal':
      // Canal's flannel uses the kernel default VXLAN port 8472 (backendPort: 0), or WireGuard instead.
      if (o.encryption === 'wireguard') {
        rules.push(p(51820, 'UDP', 'Canal WireGuard (IPv4)'));
        if (o.ipv6) rules.push(p(51821, 'UDP', 'Canal WireGuard (IPv6 / dual-stack)'));
      } else rules.push(p(VXLAN_PORT.linux, 'UDP', 'Canal VXLAN'));
      rules.push(p(9099, 'TCP', 'Canal health checks'));
      break;
    case 'calico':
      rules.push(p(VXLAN_PORT.iana, 'UDP', 'Calico VXLAN'));
      rules.push(p(5473, 'TCP', 'Calico Typha'));
      rules.push(p(9098, 'TCP', 'Calico Typha health checks'));
      rules.push(p(9099, 'TCP', 'Calico health checks'));
      if (o.bgp) rules.push(p(179, 'TCP', 'Calico BGP'));
      if (o.encryption === 'wireguard') {
        const felix: Source = {
          title: 'Calico FelixConfiguration CRD: wireguardListeningPort defaults',
          url: SOURCES.calicoWireguard.url,
        };
        rules.push(p(51820, 'UDP', 'Calico WireGuard (IPv4)', felix));
        if (o.ipv6) rules.push(p(51821, 'UDP', 'Calico WireGuard (IPv6)', felix));
      }
      break;
    case 'cilium':
      rules.push(p('0,8', 'ICMP', 'Cilium health checks (echo reply, echo request)'));
      rules.push(p(4240, 'TCP', 'Cilium health checks'));
      // UDP, not TCP: the Rancher FAQ's "TCP 8472" is wrong (rke2-facts.md §8).
      rules.push(p(VXLAN_PORT.linux, 'UDP', 'Cilium VXLAN'));
      if (o.encryption === 'wireguard') rules.push(p(51871, 'UDP', 'Cilium WireGuard'));
      if (o.encryption === 'ipsec')
        rules.push(p(null, 'ESP', 'Cilium IPsec (IP protocol 50)', SOURCES.ciliumSystemRequirements));
      if (o.observability) {
        rules.push(p(4244, 'TCP', 'Hubble server', SOURCES.ciliumSystemRequirements));
        rules.push(p(4245, 'TCP', 'Hubble Relay', SOURCES.ciliumSystemRequirements));
      }
      break;
    case 'flannel':
      // rke2-flannel sets backendPort 4789 / VNI 4096 to match Windows (rke2-flannel values.yaml), unlike canal's 8472.
      rules.push(p(VXLAN_PORT.iana, 'UDP', 'Flannel VXLAN', SOURCES.flannelValues));
      break;
    case 'none':
      break;
  }
  if (o.windows && (cni === 'calico' || cni === 'flannel')) {
    // Windows nodes use the same VXLAN 4789 already listed; BGP only with Calico BGP.
    if (cni === 'calico' && o.bgp && !rules.some((r) => r.port === 179)) rules.push(WINDOWS_BGP);
  }
  return rules;
}

/** RKE2's "Windows Specific Inbound Network Rules" table (docs install/requirements). */
const WINDOWS_VXLAN = p(4789, 'UDP', 'VXLAN of Calico and Flannel on Windows nodes');
const WINDOWS_BGP = p(179, 'TCP', 'Calico BGP on Windows nodes');

/**
 * What a Windows agent must accept: RKE2's ports that reach every node (kubelet, NodePorts) and the Windows
 * overlay: VXLAN UDP 4789, or TCP 179 when Calico routes over BGP (windows-bgp backend, no VXLAN; rancher/rke2
 * pkg/windows/calico.go). Server-only ports and Linux-only CNI daemons (Typha, health checks) are not here.
 */
export function windowsAgentPorts(o: Pick<PortOptions, 'bgp'>): PortRule[] {
  return [...COMMON_PORTS.filter((r) => r.to === ALL), o.bgp ? WINDOWS_BGP : WINDOWS_VXLAN];
}
