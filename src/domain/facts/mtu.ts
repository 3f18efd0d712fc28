import type { PrimaryCni } from './cni-names';
import { SOURCES, type Source } from '../sources';

/** Tunnel encapsulations a plan can use. */
export type Encapsulation = 'vxlan' | 'geneve' | 'ipip' | 'none';
export type EncryptionKind = 'none' | 'wireguard' | 'ipsec';

export interface Overhead {
  v4: number;
  v6: number;
  source: Source;
}

export const MTU_SOURCES = {
  calico: {
    title: 'Calico docs: Configure MTU (overhead table)',
    url: 'https://docs.tigera.io/calico/latest/networking/configuring/mtu',
  },
  cilium: {
    title: 'Cilium docs: MTU and encryption overhead (pkg/mtu)',
    url: 'https://github.com/cilium/cilium/blob/main/pkg/mtu/mtu.go',
  },
  flannel: {
    title: 'flannel docs: Backends (VXLAN, WireGuard)',
    url: 'https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md',
  },
  chartsIssue: {
    title: 'rancher/rke2-charts#670: do not set an MTU above the underlay',
    url: 'https://github.com/rancher/rke2-charts/issues/670',
  },
} as const satisfies Record<string, Source>;

/** Bytes a tunnel adds per packet (IPv4 / IPv6 outer header). Geneve without options equals VXLAN. */
export const ENCAP_OVERHEAD: Readonly<Record<Encapsulation, Overhead>> = {
  vxlan: { v4: 50, v6: 70, source: MTU_SOURCES.calico },
  geneve: { v4: 50, v6: 70, source: MTU_SOURCES.cilium },
  ipip: { v4: 20, v6: 40, source: MTU_SOURCES.calico },
  none: { v4: 0, v6: 0, source: MTU_SOURCES.calico },
};

/**
 * Bytes encryption adds, by the CNI that applies it. Canal encrypts through flannel's WireGuard backend,
 * which sizes its device at the underlay minus 80 for every IP family (flannel pkg/backend/wireguard:
 * overhead = 80). Calico: 60 / 80 (Calico MTU table). Cilium: WireGuard 60 / 80 and IPsec about 73
 * (outer IP 20 + ESP header/IV 24 + pad/trailer/ICV ~29), stacked on its tunnel.
 */
export const ENCRYPTION_OVERHEAD: Readonly<Record<PrimaryCni, Partial<Record<EncryptionKind, Overhead>>>> = {
  canal: { wireguard: { v4: 80, v6: 80, source: SOURCES.flannelWireguardOverhead } },
  calico: { wireguard: { v4: 60, v6: 80, source: MTU_SOURCES.calico } },
  cilium: {
    wireguard: { v4: 60, v6: 80, source: MTU_SOURCES.cilium },
    ipsec: { v4: 73, v6: 73, source: MTU_SOURCES.cilium },
  },
  flannel: {},
  none: {},
};

/** What the chart's MTU key means: the pod interface MTU, or the underlay MTU the CNI subtracts from itself. */
export type MtuKeyMeaning = 'pod' | 'underlay';
export interface ChartMtuKey {
  key: string;
  meaning: MtuKeyMeaning;
  /** The chart's own fixed default, when it has one. */
  fixedDefault?: number;
}

/** Where each chart takes its MTU (chart values.yaml comments). */
export const CHART_MTU_KEY: Readonly<Record<PrimaryCni, ChartMtuKey | null>> = {
  canal: { key: 'calico.vethuMTU', meaning: 'pod', fixedDefault: 1450 },
  calico: { key: 'installation.calicoNetwork.mtu', meaning: 'pod' },
  cilium: { key: 'MTU', meaning: 'underlay' },
  flannel: { key: 'flannel.mtu', meaning: 'underlay' },
  none: null,
};

export const STANDARD_MTU = 1500;

/**
 * Bytes in front of a ping payload: outer IP header plus ICMP echo header (IPv4 20 + 8, RFC 791/792; IPv6 40 + 8,
 * RFC 8200/4443). `ping -M do -s <mtu - this>` sends a packet exactly `mtu` bytes long that must not fragment.
 */
export const PING_HEADER = {
  v4: 28,
  v6: 48,
  source: {
    title: 'RFC 8200: IPv6 header (40 bytes); RFC 791: IPv4 header (20 bytes)',
    url: 'https://www.rfc-editor.org/rfc/rfc8200',
  },
} as const;
