import { SOURCES } from '../../sources';
import { defineRule } from '../types';

const FIELDS = ['cluster.cisProfile'];

/**
 * With profile: cis RKE2 runs its CIS NetworkPolicy controller only when cni is canal (pkg/rke2/rke2.go);
 * with any other CNI the default policies it maintains are cleaned up instead. Flannel enforces no policy at all.
 */
export const cisProfile = defineRule({
  id: 'cis-profile',
  description:
    "CIS hardening: RKE2's CIS NetworkPolicy controller runs only with Canal; Flannel is not for hardened clusters.",
  source: SOURCES.hardening,
  messages: {
    cisCanal:
      "Canal is the CNI RKE2's CIS profile is built around: its CIS NetworkPolicy controller keeps the default namespace policies in place.",
    cisFlannel: 'Flannel enforces no NetworkPolicy, so RKE2 does not recommend it for hardened installations.',
    cisPolicyControllerCanalOnly:
      "With profile: cis and a CNI other than Canal, RKE2's CIS NetworkPolicy controller does not run: you must provide the default-deny and host-networking policies yourself (the bundle includes baseline policies to start from).",
  },
  check({ answers }) {
    if (!answers.cluster.cisProfile) return {};
    return {
      reasons: [
        { cni: 'canal', messageId: 'cisCanal', effect: 'favours', weight: 15, source: SOURCES.cisPolicyCode },
        {
          cni: 'flannel',
          messageId: 'cisFlannel',
          effect: 'discourages',
          weight: -60,
          fields: FIELDS,
          source: SOURCES.basicNetworkOptions,
        },
      ],
      findings: [
        {
          messageId: 'cisPolicyControllerCanalOnly',
          severity: 'warning',
          fields: FIELDS,
          source: SOURCES.cisPolicyCode,
          when: ['calico', 'cilium', 'flannel', 'none'],
        },
      ],
    };
  },
});
