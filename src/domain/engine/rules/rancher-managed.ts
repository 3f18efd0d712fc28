import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** Rancher-provisioned RKE2 defaults to calico (planner addDefaults), unlike standalone RKE2's canal. */
export const rancherManaged = defineRule({
  id: 'rancher-managed',
  description: 'Rancher-managed clusters default to Calico, not Canal; the ranking still goes by fit.',
  source: SOURCES.rancherDefaultCalico,
  messages: {
    rancherDefaultCalico:
      'Rancher sets cni: calico when none is given, unlike standalone RKE2 (canal). The bundle always sets the CNI explicitly in machineGlobalConfig, so guides written for one do not silently give you the other.',
    rancherDefault: "Calico is Rancher's default CNI for RKE2 clusters.",
  },
  check({ answers }) {
    if (answers.cluster.management !== 'rancher') return {};
    return {
      reasons: [{ cni: 'calico', messageId: 'rancherDefault', effect: 'info' }],
      findings: [
        {
          messageId: 'rancherDefaultCalico',
          severity: 'note',
          fields: ['cluster.management'],
          source: SOURCES.rancherDefaultIssue,
        },
      ],
    };
  },
});
