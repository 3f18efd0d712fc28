import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { ReasonOf } from '../types';

const FIELDS = ['security.policy'];

const MESSAGES = {
  noNetworkPolicy: 'Flannel does not enforce NetworkPolicy: every policy you write would be silently ignored.',
  enforcesPolicy: '{{cni}} enforces Kubernetes NetworkPolicy.',
  noL7Policy:
    '{{cni}} cannot enforce L7 (HTTP) or DNS-aware policy: the open-source Calico that RKE2 ships has neither built in (DNS policy is a Calico Enterprise feature; L7 needs an Envoy or service-mesh setup outside RKE2).',
  l7Policy: 'Cilium enforces L7 (HTTP, gRPC, Kafka) and DNS-aware (toFQDNs) policy through CiliumNetworkPolicy.',
};

/** Flannel enforces no NetworkPolicy; only Cilium enforces L7 / DNS-aware policy with what RKE2 ships. */
export const networkPolicy = defineRule({
  id: 'network-policy',
  description: 'Kubernetes NetworkPolicy rules out Flannel; L7 / DNS-aware policy leads to Cilium.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check({ answers }) {
    const need = answers.security.policy;
    if (need === 'none') return {};
    const reasons: ReasonOf<typeof MESSAGES>[] = [
      {
        cni: 'flannel',
        messageId: 'noNetworkPolicy',
        effect: 'excludes',
        fields: FIELDS,
        source: SOURCES.flannelNoPolicy,
      },
    ];
    if (need === 'kubernetes') {
      reasons.push(
        { cni: 'canal', messageId: 'enforcesPolicy', effect: 'info', data: { cni: 'Canal' } },
        { cni: 'calico', messageId: 'enforcesPolicy', effect: 'info', data: { cni: 'Calico' } },
        { cni: 'cilium', messageId: 'enforcesPolicy', effect: 'info', data: { cni: 'Cilium' } },
      );
    } else {
      reasons.push(
        {
          cni: 'canal',
          messageId: 'noL7Policy',
          effect: 'excludes',
          data: { cni: 'Canal' },
          fields: FIELDS,
          source: SOURCES.calicoEnterpriseDnsPolicy,
        },
        {
          cni: 'calico',
          messageId: 'noL7Policy',
          effect: 'excludes',
          data: { cni: 'Calico' },
          fields: FIELDS,
          source: SOURCES.calicoEnterpriseDnsPolicy,
        },
        { cni: 'cilium', messageId: 'l7Policy', effect: 'favours', weight: 40, source: SOURCES.ciliumL7 },
      );
    }
    return { reasons };
  },
});
