import type { Encryption, IpFamily } from '../answers/types';
import type { PrimaryCni } from '../cni/vocabulary';
import type { Source } from '../sources';

/**
 * Pod MTU from the underlay MTU: subtract the tunnel header and the encryption header.
 * Figures (bytes, IPv4 / IPv6 outer header):
 * - VXLAN 50 / 70, IP-in-IP 20 / 40, WireGuard 60 / 80: Calico "Configure MTU" table.
 * - Geneve 50 / 70 (without options, like VXLAN), tunnel + encryption stacked: Cilium pkg/mtu.
 * - IPsec 73: a conservative ESP figure (outer IP 20 + ESP header/IV 24 + pad/trailer/ICV ~29), Cilium IPsec docs.
 */
export type Encapsulation = 'vxlan' | 'geneve' | 'ipip' | 'none';

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

const ENCAP_OVERHEAD: Readonly<Record<Encapsulation, { v4: number; v6: number }>> = {
  vxlan: { v4: 50, v6: 70 },
  geneve: { v4: 50, v6: 70 },
  ipip: { v4: 20, v6: 40 },
  none: { v4: 0, v6: 0 },
};

const ENCRYPTION_OVERHEAD: Readonly<Record<Encryption, { v4: number; v6: number }>> = {
  none: { v4: 0, v6: 0 },
  wireguard: { v4: 60, v6: 80 },
  ipsec: { v4: 73, v6: 73 },
};

/** What the chart's MTU key means: the pod interface MTU, or the underlay MTU the CNI subtracts from itself. */
export type MtuKeyMeaning = 'pod' | 'underlay';

export interface MtuPlan {
  underlay: number;
  /** Outer header family used for the overheads; dual-stack counts IPv6 (the larger) to be safe. */
  outerFamily: 'IPv4' | 'IPv6';
  encapsulation: Encapsulation;
  encapsulationOverhead: number;
  encryption: Encryption;
  encryptionOverhead: number;
  /** Whether the encryption replaces the tunnel (Calico/Canal WireGuard) or wraps it (Cilium). */
  stacking: 'replaces-tunnel' | 'adds-to-tunnel' | 'none';
  podMtu: number;
  /** Chart value key ("installation.calicoNetwork.mtu"), or null when no chart takes an MTU (none). */
  chartKey: string | null;
  keyMeaning: MtuKeyMeaning | null;
  /** The value written to chartKey, or null when left to autodetection. */
  chartValue: number | null;
  sources: Source[];
}

export interface MtuInput {
  cni: PrimaryCni;
  underlayMtu: number;
  encryption: Encryption;
  ipFamily: IpFamily;
  encapsulation: Encapsulation;
}

interface ChartMtuKey {
  key: string;
  meaning: MtuKeyMeaning;
  /** The chart's own fixed default, when it has one. */ fixedDefault?: number;
}

/** Where each chart takes its MTU (chart values.yaml comments). */
const CHART_MTU_KEY: Readonly<Record<PrimaryCni, ChartMtuKey | null>> = {
  canal: { key: 'calico.vethuMTU', meaning: 'pod', fixedDefault: 1450 },
  calico: { key: 'installation.calicoNetwork.mtu', meaning: 'pod' },
  cilium: { key: 'MTU', meaning: 'underlay' },
  flannel: { key: 'flannel.mtu', meaning: 'underlay' },
  none: null,
};

export const STANDARD_MTU = 1500;

export function planMtu(input: MtuInput): MtuPlan {
  const fam = input.ipFamily === 'ipv4' ? 'v4' : 'v6';
  const encap = ENCAP_OVERHEAD[input.encapsulation][fam];
  const crypt = ENCRYPTION_OVERHEAD[input.encryption][fam];
  // Calico and flannel (canal) send encrypted pod traffic through the WireGuard device instead of the
  // VXLAN device; Cilium encrypts the tunnelled packet, so both headers count.
  const stacking: MtuPlan['stacking'] =
    input.encryption === 'none' ? 'none' : input.cni === 'cilium' ? 'adds-to-tunnel' : 'replaces-tunnel';
  const overhead = stacking === 'replaces-tunnel' ? Math.max(encap, crypt) : encap + crypt;
  const podMtu = input.underlayMtu - overhead;
  const chart = CHART_MTU_KEY[input.cni];
  let chartValue: number | null = null;
  if (chart) {
    const nonStandard = input.underlayMtu !== STANDARD_MTU;
    if (chart.meaning === 'underlay') {
      // The CNI subtracts its own overhead from what it detects; only a non-standard underlay needs saying.
      if (nonStandard) chartValue = input.underlayMtu;
    } else if (
      nonStandard ||
      input.encryption !== 'none' ||
      (chart.fixedDefault !== undefined && chart.fixedDefault !== podMtu)
    ) {
      chartValue = podMtu;
    }
  }
  const sources: Source[] = [input.cni === 'cilium' ? MTU_SOURCES.cilium : MTU_SOURCES.calico];
  if (input.cni === 'canal' || input.cni === 'flannel') sources.push(MTU_SOURCES.flannel);
  sources.push(MTU_SOURCES.chartsIssue);
  return {
    underlay: input.underlayMtu,
    outerFamily: fam === 'v4' ? 'IPv4' : 'IPv6',
    encapsulation: input.encapsulation,
    encapsulationOverhead: encap,
    encryption: input.encryption,
    encryptionOverhead: crypt,
    stacking,
    podMtu,
    chartKey: chart?.key ?? null,
    keyMeaning: chart?.meaning ?? null,
    chartValue,
    sources,
  };
}
