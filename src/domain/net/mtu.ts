import type { Encryption, IpFamily } from '../answers/types';
import type { PrimaryCni } from '../facts/cni-names';
import type { Source } from '../sources';

import {
  CHART_MTU_KEY,
  ENCAP_OVERHEAD,
  ENCRYPTION_OVERHEAD,
  MTU_SOURCES,
  STANDARD_MTU,
  type Encapsulation,
  type MtuKeyMeaning,
} from '../facts/mtu';

export { MTU_SOURCES, STANDARD_MTU, type Encapsulation, type MtuKeyMeaning };

/** Pod MTU from the underlay MTU: subtract the tunnel header and the encryption header (facts/mtu.ts). */
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
  /** The subtraction that gives podMtu, spelled out with what each number is. */
  arithmetic: string;
  sources: Source[];
}

export interface MtuInput {
  cni: PrimaryCni;
  underlayMtu: number;
  encryption: Encryption;
  ipFamily: IpFamily;
  encapsulation: Encapsulation;
}

export function planMtu(input: MtuInput): MtuPlan {
  const fam = input.ipFamily === 'ipv4' ? 'v4' : 'v6';
  const encap = ENCAP_OVERHEAD[input.encapsulation][fam];
  const cryptFact = input.encryption === 'none' ? undefined : ENCRYPTION_OVERHEAD[input.cni][input.encryption];
  const crypt = cryptFact?.[fam] ?? 0;
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
  if (cryptFact && !sources.includes(cryptFact.source)) sources.push(cryptFact.source);
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
    arithmetic: mtuArithmetic(input, { encap, crypt, stacking, podMtu }),
    sources,
  };
}

const ENCAP_LABEL: Readonly<Record<Encapsulation, string>> = {
  vxlan: 'VXLAN',
  geneve: 'Geneve',
  ipip: 'IP-in-IP',
  none: 'no tunnel',
};

/** "1500 − 80 (WireGuard replaces the VXLAN tunnel) = 1420": how the pod MTU was reached, for READMEs and the UI. */
function mtuArithmetic(
  input: MtuInput,
  r: { encap: number; crypt: number; stacking: MtuPlan['stacking']; podMtu: number },
): string {
  const enc = input.encryption === 'wireguard' ? 'WireGuard' : 'IPsec';
  const tunnel = ENCAP_LABEL[input.encapsulation];
  if (r.stacking === 'none') {
    return r.encap === 0
      ? `${input.underlayMtu} (no tunnel) = ${r.podMtu}`
      : `${input.underlayMtu} − ${r.encap} (${tunnel}) = ${r.podMtu}`;
  }
  if (r.stacking === 'adds-to-tunnel') {
    const parts = [`${input.underlayMtu}`];
    if (r.encap > 0) parts.push(`${r.encap} (${tunnel})`);
    parts.push(`${r.crypt} (${enc})`);
    return `${parts.join(' − ')} = ${r.podMtu}`;
  }
  // The encrypted path replaces the tunnel: the larger of the two overheads applies.
  const used = Math.max(r.encap, r.crypt);
  const why = r.crypt >= r.encap ? `${enc}, which replaces the ${tunnel} tunnel` : `${tunnel}, larger than ${enc}`;
  return `${input.underlayMtu} − ${used} (${why}) = ${r.podMtu}`;
}
