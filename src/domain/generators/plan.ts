import type { Answers } from '../answers/types';
import type { Decision } from '../engine/types';
import type { PrimaryCni } from '../cni/vocabulary';
import type { ResolvedRelease } from '../rke2/releases';
import { hasGate } from '../rke2/gates';
import { parseKernel, type KernelVersion } from '../kernel';
import { planMtu, type Encapsulation, type MtuPlan } from '../net/mtu';

/**
 * Everything the generators derive from (answers, decision), computed once so every file agrees:
 * config.yaml says disable-kube-proxy exactly when the HCC replaces kube-proxy, the firewall opens the
 * tunnel the HCC configures, and so on.
 */
export interface BundlePlan {
  answers: Answers;
  decision: Decision;
  cni: PrimaryCni;
  multus: boolean;
  release: ResolvedRelease;
  rancher: boolean;
  ipv4: boolean;
  ipv6: boolean;
  /** Cilium kube-proxy replacement (kubeProxyReplacement: true). */
  ciliumKpr: boolean;
  /** Calico eBPF dataplane (replaces kube-proxy; from the calicoEbpf gate). */
  calicoEbpf: boolean;
  /** disable-kube-proxy: true in config.yaml. */
  replacesKubeProxy: boolean;
  /** Encryption the chosen CNI actually applies ('none' when it cannot). */
  encryption: Answers['security']['encryption'];
  /** Calico BGP peering. */
  bgp: boolean;
  /** Cilium native routing (IPv6-only or AWS ENI) instead of a VXLAN tunnel. */
  ciliumNativeRouting: boolean;
  encapsulation: Encapsulation;
  mtu: MtuPlan;
  kernel: KernelVersion | null;
  /** Secondary-network add-on: 'multus' (NAD) or 'sriov' (operator objects). */
  extras: Answers['extras']['mode'];
  singleNode: boolean;
}

/** Which encryptions each CNI can apply through its chart (rke2-facts.md §3). */
const ENCRYPTIONS_BY_CNI: Readonly<Record<PrimaryCni, readonly string[]>> = {
  canal: ['wireguard'],
  calico: ['wireguard'],
  cilium: ['wireguard', 'ipsec'],
  flannel: [],
  none: [],
};

export function buildPlan(answers: Answers, decision: Decision, cni: PrimaryCni): BundlePlan {
  const release = decision.release;
  const ipv4 = answers.addressing.ipFamily !== 'ipv6';
  const ipv6 = answers.addressing.ipFamily !== 'ipv4';
  const kpr = answers.performance.kubeProxyReplacement;
  const ciliumKpr = cni === 'cilium' && kpr;
  const calicoEbpf = cni === 'calico' && kpr && hasGate(release, 'calicoEbpf');
  const wanted = answers.security.encryption;
  let encryption = ENCRYPTIONS_BY_CNI[cni].includes(wanted) ? wanted : 'none';
  if (cni === 'canal' && encryption === 'wireguard' && !hasGate(release, 'canalWireguard')) encryption = 'none';
  const bgp = cni === 'calico' && answers.performance.bgp.enabled;
  const awsEni = cni === 'cilium' && answers.performance.awsEni;
  const ciliumNativeRouting = cni === 'cilium' && (answers.addressing.ipFamily === 'ipv6' || awsEni);
  let encapsulation: Encapsulation = 'vxlan';
  if (cni === 'none' || bgp || ciliumNativeRouting) encapsulation = 'none';
  const parsedKernel = parseKernel(answers.nodes.kernel);
  return {
    answers,
    decision,
    cni,
    multus: decision.multus,
    release,
    rancher: answers.cluster.management === 'rancher',
    ipv4,
    ipv6,
    ciliumKpr,
    calicoEbpf,
    replacesKubeProxy: ciliumKpr || calicoEbpf,
    encryption,
    bgp,
    ciliumNativeRouting,
    encapsulation,
    mtu: planMtu({
      cni,
      underlayMtu: answers.nodes.underlayMtu,
      encryption,
      ipFamily: answers.addressing.ipFamily,
      encapsulation,
    }),
    kernel: parsedKernel.ok ? parsedKernel.kernel : null,
    extras: answers.extras.mode,
    singleNode: answers.cluster.size === 'single',
  };
}

/** "v4.3.008" / "1.19.601" / "v3.29.201" → [4,3,8]; null for older schemes such as "v3.1906". */
export function chartTriple(version: string | null): [number, number, number] | null {
  if (!version) return null;
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True when the chart version is at least min ("3.29.201"); unknown schemes count as older. */
export function chartAtLeast(version: string | null, min: string): boolean {
  const a = chartTriple(version);
  const b = chartTriple(min);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

/** Comma-joined IPv4-first CIDR list, as the RKE2 dual-stack docs write it. */
export function cidrList(plan: BundlePlan, kind: 'cluster' | 'service'): string {
  const a = plan.answers.addressing;
  const v4 = kind === 'cluster' ? a.clusterCidrV4 : a.serviceCidrV4;
  const v6 = kind === 'cluster' ? a.clusterCidrV6 : a.serviceCidrV6;
  return [plan.ipv4 ? v4 : null, plan.ipv6 ? v6 : null]
    .filter((x): x is string => !!x)
    .map((s) => s.trim())
    .join(',');
}
