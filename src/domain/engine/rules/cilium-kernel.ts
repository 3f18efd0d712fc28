import { kernelAtLeast } from '../../kernel';
import { ciliumKernelRequirement, ciliumRequirementsSource } from '../../facts/kernel-needs';
import { rhelBackportsApply } from '../plan';
import { defineRule } from '../types';

/** Below the kernel of the Cilium version the release bundles, Cilium is unavailable. */
export const ciliumKernel = defineRule({
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
    if (rhelBackportsApply(derived)) {
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
});
