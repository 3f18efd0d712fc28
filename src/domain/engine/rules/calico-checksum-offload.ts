import { KERNEL_THRESHOLDS } from '../../facts/kernel-needs';
import { kernelMeets } from '../plan';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/**
 * rke2-calico ships featureDetectOverride "ChecksumOffloadBroken=true" because of a kernel bug before 5.7
 * (rancher/rke2#1541), which caps VXLAN TCP throughput around 2.5 Gbps. The docs allow re-enabling it on kernels above 5.7.
 */
export const calicoChecksumOffload = defineRule({
  id: 'calico-checksum-offload',
  description: 'Calico checksum offload: disabled by rke2-calico; can be re-enabled on newer kernels.',
  source: SOURCES.basicNetworkOptions,
  messages: {
    checksumOffloadReenabled:
      'Kernel {{kernel}} is above {{threshold}}, so the bundle re-enables hardware checksum offload for Calico (felixConfiguration.featureDetectOverride: "ChecksumOffloadBroken=false"), lifting the ~2.5 Gbps VXLAN cap.',
    checksumOffloadDisabled:
      'Kernel {{kernel}} is not above {{threshold}}: rke2-calico keeps hardware checksum offload disabled (ChecksumOffloadBroken=true), which caps VXLAN TCP throughput around 2.5 Gbps.',
  },
  check({ derived }) {
    if (!derived.kernel) return {};
    const above = kernelMeets(derived.kernel, KERNEL_THRESHOLDS.calicoChecksumOffload);
    return {
      findings: [
        {
          messageId: above ? 'checksumOffloadReenabled' : 'checksumOffloadDisabled',
          severity: 'note',
          data: {
            kernel: derived.kernel.text,
            reenable: above,
            threshold: KERNEL_THRESHOLDS.calicoChecksumOffload.kernel,
          },
          fields: ['nodes.kernel'],
          source: SOURCES.calicoChecksumIssue,
          when: ['calico'],
        },
      ],
    };
  },
});
