import { GATES, hasGate } from '../../facts/gates';
import { describeGate } from '../../rke2/version';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { ReasonOf, FindingOf } from '../types';

const FIELDS = ['extras.mode'];

const MESSAGES = {
  multusFirst:
    'Extra pod interfaces use Multus: the bundle sets cni: [multus, <primary>] on every server; RKE2 rejects multus alone or in second place.',
  sriovSecondaryOnly:
    'SR-IOV cannot be the default network: VFs are attached as Multus secondary interfaces next to the primary CNI, via the sriov-network-operator (NIC with SR-IOV, IOMMU and VF drivers needed).',
  ciliumExclusiveFalse:
    "On {{release}} rke2-cilium still defaults cni.exclusive: true, which removes Multus' configuration; the bundle sets cni.exclusive: false (not needed from {{gates}}).",
  dhcpDaemonBeforeGate:
    'The Multus DHCP daemon (manifests.dhcpDaemonSet) ships from {{gates}}; on {{release}} the dhcp IPAM has no daemon. Use whereabouts instead.',
  sriovExperimental: 'SR-IOV is fully supported only from {{gates}}; on {{release}} it is experimental.',
  hostLocalMultiNode:
    'host-local IPAM hands out addresses per node from the same range, so two nodes can give the same IP; use whereabouts for cluster-wide allocation.',
};

/**
 * Extra pod interfaces: Multus goes first in `cni` with a primary CNI after it (validateCNI rejects anything else);
 * SR-IOV is never a primary, only a Multus secondary network.
 */
export const multusSecondary = defineRule({
  id: 'multus-secondary',
  description: 'Multus and SR-IOV: multus first in the cni list, plus a primary CNI; per-release caveats.',
  source: SOURCES.multusSriov,
  messages: MESSAGES,

  check({ answers, release }) {
    const mode = answers.extras.mode;
    if (mode === 'none') return {};
    const rel = release.requested.text;
    const reasons: ReasonOf<typeof MESSAGES>[] = [];
    const findings: FindingOf<typeof MESSAGES>[] = [
      { messageId: 'multusFirst', severity: 'note', fields: FIELDS, source: SOURCES.cniValidateCode },
    ];
    if (!hasGate(release, 'ciliumMultusNoExclusive')) {
      reasons.push({
        cni: 'cilium',
        messageId: 'ciliumExclusiveFalse',
        effect: 'info',
        source: SOURCES.multusCiliumIssue,
        data: { release: rel, gates: describeGate(GATES.ciliumMultusNoExclusive) },
      });
    }
    if (mode === 'sriov') {
      findings.push({
        messageId: 'sriovSecondaryOnly',
        severity: 'note',
        fields: FIELDS,
        source: SOURCES.sriovOperator,
      });
      if (!hasGate(release, 'sriovSupported')) {
        findings.push({
          messageId: 'sriovExperimental',
          severity: 'warning',
          data: { release: rel, gates: describeGate(GATES.sriovSupported) },
          fields: [...FIELDS, 'cluster.release'],
        });
      }
    } else {
      const ipam = answers.extras.secondary.ipam;
      if (ipam === 'dhcp' && !hasGate(release, 'multusDhcpDaemon')) {
        findings.push({
          messageId: 'dhcpDaemonBeforeGate',
          severity: 'warning',
          data: { release: rel, gates: describeGate(GATES.multusDhcpDaemon) },
          fields: ['extras.secondary.ipam', 'cluster.release'],
        });
      }
      if (ipam === 'host-local' && answers.cluster.size !== 'single') {
        findings.push({
          messageId: 'hostLocalMultiNode',
          severity: 'warning',
          fields: ['extras.secondary.ipam'],
          source: SOURCES.multusHowTo,
        });
      }
    }
    return { reasons, findings };
  },
});
