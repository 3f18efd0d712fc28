import { compareKernel, kernelAtLeast, parseKernel } from '../../kernel';
import { SOURCES, type Source } from '../../sources';
import { ciliumRequirementsSource } from '../engine-sources';
import type { Rule } from '../types';

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

/** Below the kernel of the Cilium version the release bundles, Cilium is unavailable. */
export const ciliumKernel: Rule = {
  id: 'cilium-kernel',
  description: 'Cilium needs the minimum kernel of the Cilium version the chosen release bundles.',
  source: ciliumRequirementsSource(18),
  messages: {
    ciliumKernelTooOld:
      '{{release}} bundles Cilium {{ciliumVersion}}, which needs Linux {{minKernel}} or newer (or {{rhelEquivalent}}); your oldest node runs {{kernel}}.',
    ciliumKernelOk: "Kernel {{kernel}} meets Cilium {{ciliumVersion}}'s minimum of {{minKernel}}.",
    ciliumRhelBackports:
      "RHEL 8.10's 4.18 kernel carries the eBPF backports Cilium {{ciliumVersion}} accepts in place of {{minKernel}}.",
  },
  check({ release, derived }) {
    const { kernel, cilium } = derived;
    if (!kernel || !cilium) return {};
    const req = ciliumKernelRequirement(cilium.minor);
    const data = {
      release: release.requested.text,
      ciliumVersion: `${cilium.major}.${cilium.minor}.${cilium.patch}`,
      minKernel: req.minKernel,
      rhelEquivalent: req.rhelEquivalent,
      kernel: kernel.text,
    };
    // Cite the system requirements page of the exact Cilium minor the release bundles.
    const source = ciliumRequirementsSource(cilium.minor);
    if (kernelAtLeast(kernel, req.minKernel)) {
      return { reasons: [{ cni: 'cilium', messageId: 'ciliumKernelOk', effect: 'info', data, source }] };
    }
    const rhel418 = parseKernel('4.18');
    if (derived.rhel8Backports && rhel418.ok && compareKernel(kernel, rhel418.kernel) >= 0) {
      return { reasons: [{ cni: 'cilium', messageId: 'ciliumRhelBackports', effect: 'info', data, source }] };
    }
    return {
      reasons: [
        {
          cni: 'cilium',
          messageId: 'ciliumKernelTooOld',
          effect: 'excludes',
          data,
          source,
          fields: ['nodes.kernel', 'nodes.osPreset', 'cluster.release'],
        },
      ],
    };
  },
};
