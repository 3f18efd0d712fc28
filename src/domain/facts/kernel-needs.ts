import { SOURCES, type Source } from '../sources';

/** Cilium's versioned system requirements page, e.g. https://docs.cilium.io/en/v1.13/operations/system_requirements/ */
export function ciliumRequirementsSource(minor: number): Source {
  return {
    title: `Cilium 1.${minor} docs: System requirements`,
    url: `https://docs.cilium.io/en/v1.${minor}/operations/system_requirements/`,
  };
}

export interface CiliumKernelRequirement {
  /** Applies to Cilium minors from this one up (until the next entry). */
  fromMinor: number;
  minKernel: string;
  /** What RHEL equivalent Cilium accepts instead (4.18 with backports). */
  rhelEquivalent: string;
  /** Where the minimum changed. */
  source: Source;
}

/**
 * Minimum kernel by Cilium minor, from Cilium's versioned system requirements:
 * 4.9.17 up to 1.12; 4.19.57 from 1.13 (cilium#23124); 5.4 from 1.16 (cilium#36386); 5.10 from 1.18 (cilium#42081).
 * RHEL 8 kernels (4.18 with backports) are accepted throughout; from 1.18 only RHEL 8.10's.
 */
export const CILIUM_KERNEL_REQUIREMENTS: readonly CiliumKernelRequirement[] = [
  { fromMinor: 0, minKernel: '4.9.17', rhelEquivalent: 'RHEL 8 (4.18)', source: ciliumRequirementsSource(12) },
  { fromMinor: 13, minKernel: '4.19.57', rhelEquivalent: 'RHEL 8 (4.18)', source: SOURCES.ciliumKernel419 },
  { fromMinor: 16, minKernel: '5.4', rhelEquivalent: 'RHEL 8.6 (4.18)', source: SOURCES.ciliumKernel54 },
  { fromMinor: 18, minKernel: '5.10', rhelEquivalent: 'RHEL 8.10 (4.18)', source: SOURCES.ciliumKernel510 },
];

export function ciliumKernelRequirement(minor: number): CiliumKernelRequirement {
  return [...CILIUM_KERNEL_REQUIREMENTS].reverse().find((r) => minor >= r.fromMinor) ?? CILIUM_KERNEL_REQUIREMENTS[0]!;
}

export interface KernelThreshold {
  /** Kernel version the need is compared with. */
  kernel: string;
  /** 'atLeast': kernel >= threshold meets it; 'above': only a kernel strictly above it does. */
  compare: 'atLeast' | 'above';
  what: string;
  source: Source;
}

/** Kernel thresholds other than Cilium's floor. Rules, the plan, scripts and prose read them from here. */
export const KERNEL_THRESHOLDS = {
  wireguardInKernel: {
    kernel: '5.6',
    compare: 'atLeast',
    what: 'in-kernel WireGuard (older kernels need the wireguard module installed)',
    source: SOURCES.wireguardInstall,
  },
  ciliumKubeProxyReplacement: {
    kernel: '5.8',
    compare: 'atLeast',
    what: "Cilium's kube-proxy replacement (RKE2 does not recommend it on older kernels)",
    source: SOURCES.ciliumKubeProxyFree,
  },
  calicoEbpf: {
    kernel: '5.3',
    compare: 'atLeast',
    what: 'the Calico eBPF dataplane (RHEL 8 4.18 kernels also work)',
    source: SOURCES.calicoEbpf,
  },
  calicoChecksumOffload: {
    kernel: '5.7',
    compare: 'above',
    what: 'hardware checksum offload with Calico VXLAN (the kernel bug rke2-calico works around is fixed)',
    source: SOURCES.calicoChecksumIssue,
  },
  rhel8BackportKernel: {
    kernel: '4.18',
    compare: 'atLeast',
    what: 'RHEL 8 kernel with the eBPF backports Cilium accepts',
    source: SOURCES.ciliumSystemRequirements,
  },
} as const satisfies Record<string, KernelThreshold>;
export type KernelThresholdId = keyof typeof KERNEL_THRESHOLDS;
