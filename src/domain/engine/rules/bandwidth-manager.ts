import { CNI_DISPLAY_NAME } from '../../facts/cni-names';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';

const FIELDS = ['performance.bandwidthManager'];

const MESSAGES = {
  ciliumBandwidth:
    "Cilium's Bandwidth Manager enforces kubernetes.io/egress-bandwidth efficiently with eBPF (bandwidthManager.enabled); it needs kernels built with CONFIG_NET_SCH_FQ.",
  bandwidthPluginOnly:
    '{{cni}} only has the generic bandwidth CNI plugin (tc token bucket), which scales worse and has no BBR.',
  fqKernelConfig:
    "Cilium's Bandwidth Manager needs the fq qdisc (CONFIG_NET_SCH_FQ) in every node kernel; check with: grep NET_SCH_FQ /boot/config-$(uname -r).",
};

/** Cilium's Bandwidth Manager (EDT, optional BBR) vs the tc-based bandwidth plugin the other charts chain. */
export const bandwidthManager = defineRule({
  id: 'bandwidth-manager',
  description: "Pod egress bandwidth management favours Cilium's Bandwidth Manager.",
  source: SOURCES.ciliumBandwidth,
  messages: MESSAGES,

  check({ answers }) {
    if (!answers.performance.bandwidthManager) return {};
    return {
      reasons: [
        { cni: 'cilium', messageId: 'ciliumBandwidth', effect: 'favours' },
        ...(['canal', 'calico', 'flannel'] as const).map((cni) => ({
          cni,
          messageId: 'bandwidthPluginOnly' as const,
          effect: 'discourages' as const,
          data: { cni: CNI_DISPLAY_NAME[cni] },
          fields: FIELDS,
          source: SOURCES.bandwidthPlugin,
        })),
      ],
      findings: [
        {
          messageId: 'fqKernelConfig',
          severity: 'note',
          fields: FIELDS,
          source: SOURCES.ciliumSystemRequirements,
          when: ['cilium'],
        },
      ],
    };
  },
});
