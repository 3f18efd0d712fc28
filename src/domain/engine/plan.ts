import { CHART_NAME, type ChartName, type PrimaryCni } from '../facts/cni-names';
import { canEncrypt } from '../facts/encryption';
import { hasGate } from '../facts/gates';
import {
  ciliumKernelRequirement,
  ciliumRequirementsSource,
  KERNEL_THRESHOLDS,
  type KernelThresholdId,
} from '../facts/kernel-needs';
import { cisProfileFor } from '../facts/profile';
import { compareKernel, parseKernel, type KernelVersion } from '../kernel';
import { planMtu, type Encapsulation } from '../net/mtu';
import { chartVersion } from '../rke2/releases';
import type { DecisionPlan, DerivedFacts, KernelCheck, RuleContext } from './types';

export type { DecisionPlan, KernelCheck, PlanChoice } from './types';

const UPGRADE = 'upgrade the kernel (or pick another CNI or feature in the wizard)';

function threshold(id: KernelThresholdId, severity: KernelCheck['severity'], fix: string, setBy: string): KernelCheck {
  const t = KERNEL_THRESHOLDS[id];
  return { kernel: t.kernel, compare: t.compare, severity, what: t.what, fix, source: t.source, setBy };
}

/** True when the kernel meets the check (the same comparison preflight.sh makes). */
export function kernelMeets(kernel: KernelVersion, check: Pick<KernelCheck, 'kernel' | 'compare'>): boolean {
  const min = parseKernel(check.kernel);
  if (!min.ok) return false;
  const c = compareKernel(kernel, min.kernel);
  return check.compare === 'above' ? c > 0 : c >= 0;
}

/** True when the RHEL 8 backports make a 4.18 kernel acceptable to Cilium. */
export function rhelBackportsApply(derived: Pick<DerivedFacts, 'kernel' | 'rhel8Backports'>): boolean {
  return (
    derived.rhel8Backports &&
    derived.kernel !== null &&
    kernelMeets(derived.kernel, KERNEL_THRESHOLDS.rhel8BackportKernel)
  );
}

function kernelChecks(p: Omit<DecisionPlan, 'kernelChecks' | 'setBy'>): KernelCheck[] {
  const checks: KernelCheck[] = [];
  if (p.cni === 'cilium' && p.cilium) {
    const req = ciliumKernelRequirement(p.cilium.minor);
    const label = `Cilium ${p.cilium.major}.${p.cilium.minor}`;
    const viaBackports = rhelBackportsApply(p);
    checks.push({
      kernel: viaBackports ? KERNEL_THRESHOLDS.rhel8BackportKernel.kernel : req.minKernel,
      compare: 'atLeast',
      severity: 'FAIL',
      what: viaBackports ? `${label} on ${req.rhelEquivalent} with eBPF backports` : `${label} (system requirements)`,
      fix: UPGRADE,
      source: ciliumRequirementsSource(p.cilium.minor),
      setBy: 'cilium-kernel',
    });
  }
  if (p.ciliumKpr) checks.push(threshold('ciliumKubeProxyReplacement', 'WARN', UPGRADE, 'kube-proxy-replacement'));
  if (p.encryption === 'wireguard') {
    checks.push(
      threshold(
        'wireguardInKernel',
        'WARN',
        'install the wireguard kernel module (or upgrade the kernel)',
        'encryption',
      ),
    );
  }
  if (p.calicoEbpf) checks.push(threshold('calicoEbpf', 'WARN', UPGRADE, 'calico-ebpf'));
  return checks;
}

/** Resolves every choice the outputs need for `cni`, from the answers and the facts the engine derived once. */
export function resolvePlan(ctx: RuleContext, cni: PrimaryCni, multus: boolean): DecisionPlan {
  const { answers, release, derived } = ctx;
  const ipv4 = answers.addressing.ipFamily !== 'ipv6';
  const ipv6 = answers.addressing.ipFamily !== 'ipv4';
  const kpr = answers.performance.kubeProxyReplacement;
  const ciliumKpr = cni === 'cilium' && kpr;
  const calicoEbpf = cni === 'calico' && kpr && hasGate(release, 'calicoEbpf');
  const wanted = answers.security.encryption;
  let encryption: DecisionPlan['encryption'] = canEncrypt(cni, wanted) ? wanted : 'none';
  if (cni === 'canal' && encryption === 'wireguard' && !hasGate(release, 'canalWireguard')) encryption = 'none';
  const bgp = cni === 'calico' && answers.performance.bgp.enabled;
  const awsEni = cni === 'cilium' && answers.performance.awsEni;
  const ciliumNativeRouting = cni === 'cilium' && (answers.addressing.ipFamily === 'ipv6' || awsEni);
  let encapsulation: Encapsulation = 'vxlan';
  if (cni === 'none' || bgp || ciliumNativeRouting) encapsulation = 'none';
  const charts = Object.fromEntries(
    Object.values(CHART_NAME).map((chart) => [chart, chartVersion(release, chart)]),
  ) as Record<ChartName, string | null>;
  const base = {
    cni,
    release,
    charts,
    kernel: derived.kernel,
    rhel8Backports: derived.rhel8Backports,
    cilium: derived.cilium,
    multus,
    extras: answers.extras.mode,
    rancher: answers.cluster.management === 'rancher',
    singleNode: answers.cluster.size === 'single',
    ipv4,
    ipv6,
    windowsNodes: answers.cluster.windowsNodes,
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
    checksumOffload:
      cni === 'calico' &&
      derived.kernel !== null &&
      kernelMeets(derived.kernel, KERNEL_THRESHOLDS.calicoChecksumOffload),
    ciliumExclusiveFalse: cni === 'cilium' && multus && !hasGate(release, 'ciliumMultusNoExclusive'),
    profile: answers.cluster.cisProfile ? cisProfileFor(release.requested) : null,
  };
  return {
    ...base,
    kernelChecks: kernelChecks(base),
    setBy: {
      encryption: 'encryption',
      replacesKubeProxy: calicoEbpf ? 'calico-ebpf' : 'kube-proxy-replacement',
      checksumOffload: 'calico-checksum-offload',
      ciliumExclusiveFalse: 'multus-secondary',
      profile: 'cis-profile',
      mtu: 'plan',
      encapsulation: bgp ? 'bgp' : 'plan',
    },
  };
}
