import { SOURCES } from '../../sources';
import { defineRule } from '../types';

const FIELDS = ['performance.observability'];

const MESSAGES = {
  hubble:
    'Cilium brings Hubble: per-flow visibility, drop reasons and a UI (hubble.enabled, relay and ui in the bundle).',
  noHubble: '{{cni}} has no built-in flow observability like Hubble; you would rely on logs and external tools.',
};

/** Flow observability: Hubble ships with rke2-cilium (disabled by default); the others have no equivalent in RKE2. */
export const observability = defineRule({
  id: 'observability',
  description: 'Network flow observability (Hubble) favours Cilium.',
  source: SOURCES.ciliumHubble,
  messages: MESSAGES,

  check({ answers }) {
    if (!answers.performance.observability) return {};
    return {
      reasons: [
        { cni: 'cilium', messageId: 'hubble', effect: 'favours', weight: 30 },
        ...(['canal', 'calico', 'flannel'] as const).map((cni) => ({
          cni,
          messageId: 'noHubble' as const,
          effect: 'discourages' as const,
          data: { cni: cni[0]!.toUpperCase() + cni.slice(1) },
          fields: FIELDS,
        })),
      ],
    };
  },
});
