import { compareKernel, parseKernel } from '../../kernel';
import { SOURCES } from '../../sources';
import type { Rule } from '../types';

/**
 * rke2-calico ships featureDetectOverride "ChecksumOffloadBroken=true" because of a kernel bug before 5.7
 * (rancher/rke2#1541), which caps VXLAN TCP throughput around 2.5 Gbps. The docs allow re-enabling it on kernels above 5.7.
 */
export const calicoChecksumOffload: Rule = {
  id: 'calico-checksum-offload',
  description: 'Calico checksum offload: disabled by rke2-calico; can be re-enabled on kernels above 5.7.',
  source: SOURCES.basicNetworkOptions,
  messages: {
    checksumOffloadReenabled:
      'Kernel {{kernel}} is above 5.7, so the bundle re-enables hardware checksum offload for Calico (felixConfiguration.featureDetectOverride: "ChecksumOffloadBroken=false"), lifting the ~2.5 Gbps VXLAN cap.',
    checksumOffloadDisabled:
      'Kernel {{kernel}} is not above 5.7: rke2-calico keeps hardware checksum offload disabled (ChecksumOffloadBroken=true), which caps VXLAN TCP throughput around 2.5 Gbps.',
  },
  check({ derived }) {
    if (!derived.kernel) return {};
    const k57 = parseKernel('5.7');
    if (!k57.ok) return {};
    const above = compareKernel(derived.kernel, k57.kernel) > 0;
    return {
      findings: [
        {
          messageId: above ? 'checksumOffloadReenabled' : 'checksumOffloadDisabled',
          severity: 'note',
          data: { kernel: derived.kernel.text, reenable: above },
          fields: ['nodes.kernel'],
          source: SOURCES.calicoChecksumIssue,
          when: ['calico'],
        },
      ],
    };
  },
};
