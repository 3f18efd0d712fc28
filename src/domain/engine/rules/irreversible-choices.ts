import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { FindingOf } from '../types';

const MESSAGES = {
  cniIrreversible:
    'The primary CNI and its backend cannot be changed on a running cluster: switching means rebuilding it.',
  cidrsIrreversible:
    'The cluster CIDR ({{clusterCidr}}) and service CIDR ({{serviceCidr}}) cannot be changed after the first server starts.',
  ipFamilyIrreversible:
    'The IP family ({{ipFamily}}) is fixed when the cluster is created: dual-stack cannot be added later.',
};

/** RKE2 cannot change the primary CNI, its backend, the CIDRs or the IP family on a running cluster. */
export const irreversibleChoices = defineRule({
  id: 'irreversible-choices',
  description: 'Marks the choices that cannot be changed after the first server starts.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check({ answers }) {
    const a = answers.addressing;
    const v4 = a.ipFamily !== 'ipv6';
    const v6 = a.ipFamily !== 'ipv4';
    const join = (x: string, y: string) => [v4 ? x : '', v6 ? y : ''].filter(Boolean).join(',');
    const findings: FindingOf<typeof MESSAGES>[] = [
      {
        messageId: 'cniIrreversible',
        severity: 'note',
        irreversible: true,
        fields: ['choice.forcedCni'],
        source: SOURCES.cniSwitchIssue,
      },
      {
        messageId: 'cidrsIrreversible',
        severity: 'note',
        irreversible: true,
        data: {
          clusterCidr: join(a.clusterCidrV4, a.clusterCidrV6),
          serviceCidr: join(a.serviceCidrV4, a.serviceCidrV6),
        },
        fields: [
          'addressing.clusterCidrV4',
          'addressing.serviceCidrV4',
          'addressing.clusterCidrV6',
          'addressing.serviceCidrV6',
        ],
      },
      {
        messageId: 'ipFamilyIrreversible',
        severity: 'note',
        irreversible: true,
        data: { ipFamily: { ipv4: 'IPv4', dual: 'dual-stack', ipv6: 'IPv6-only' }[a.ipFamily] ?? a.ipFamily },
        fields: ['addressing.ipFamily'],
        source: SOURCES.dualStackLaterIssue,
      },
    ];
    return { findings };
  },
});
