import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** rke2-cilium runs 2 operator replicas with anti-affinity; on one node the second stays Pending. */
export const singleNode = defineRule({
  id: 'single-node',
  description: "Single-node clusters: Cilium's operator is scaled to one replica.",
  source: SOURCES.ciliumOperatorSingleNode,
  messages: {
    ciliumOperatorSingleReplica:
      'On a single node the bundle sets operator.replicas: 1; the default 2 replicas with anti-affinity would leave one Pending.',
  },
  check({ answers }) {
    if (answers.cluster.size !== 'single') return {};
    return {
      reasons: [{ cni: 'cilium', messageId: 'ciliumOperatorSingleReplica', effect: 'info', fields: ['cluster.size'] }],
    };
  },
});
