import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** IPv6-only needs ::1 localhost (etcd probes use localhost); Cilium has no IPv6 encapsulation in RKE2's docs. */
export const ipv6Addressing = defineRule({
  id: 'ipv6-addressing',
  description: 'IPv6-only clusters: host preparation and Cilium native routing.',
  source: SOURCES.basicNetworkOptionsIpv6,
  messages: {
    ciliumIpv6NativeRouting:
      "For IPv6-only, RKE2's docs run Cilium with native routing (autoDirectNodeRoutes: true) because Cilium did not encapsulate IPv6 between nodes; nodes must share an L2 segment or your routers must carry the pod routes.",
    ipv6LocalhostHosts:
      'Every node needs "::1 localhost" in /etc/hosts (the etcd probes use localhost); with router advertisements set net.ipv6.conf.all.accept_ra=2.',
  },
  check({ answers }) {
    if (answers.addressing.ipFamily !== 'ipv6') return {};
    return {
      reasons: [
        {
          cni: 'cilium',
          messageId: 'ciliumIpv6NativeRouting',
          effect: 'info',
          fields: ['addressing.ipFamily'],
          source: SOURCES.basicNetworkOptionsIpv6,
        },
      ],
      findings: [{ messageId: 'ipv6LocalhostHosts', severity: 'note', fields: ['addressing.ipFamily'] }],
    };
  },
});
