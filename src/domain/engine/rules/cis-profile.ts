import { SOURCES } from '../../sources';
import { defineRule } from '../types';

const FIELDS = ['cluster.cisProfile'];

/**
 * With profile: cis RKE2 creates its default NetworkPolicies for every CNI (pkg/rke2/np.go, a startup hook); only the
 * cisnetworkpolicy controller, which keeps the host-networking policy rke2-flannel-host-networking, runs with Canal
 * alone (pkg/rke2/rke2.go). Flannel enforces no policy at all, so the default policies do nothing there.
 */
export const cisProfile = defineRule({
  id: 'cis-profile',
  description:
    'CIS hardening: RKE2 creates its default NetworkPolicies for every CNI, but keeps the host-networking one only with Canal; Flannel is not for hardened clusters.',
  source: SOURCES.hardening,
  messages: {
    cisCanal:
      "With Canal, RKE2's CIS profile also keeps its host-networking NetworkPolicy (rke2-flannel-host-networking), so traffic from the nodes still reaches the pods its default policies protect.",
    cisFlannel: 'Flannel enforces no NetworkPolicy, so RKE2 does not recommend it for hardened installations.',
    cisPolicyControllerCanalOnly:
      "With profile: cis RKE2 creates its default NetworkPolicies (same-namespace traffic, DNS, ingress) whatever the CNI, but keeps the host-networking policy only with Canal: with another CNI, host-network clients on other nodes cannot reach pods in kube-system, kube-public and default until a policy allows them (the bundle's CIS section says what it adds).",
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
          source: SOURCES.cisNetworkPoliciesCode,
          // Flannel enforces no policy: nothing is dropped there (cisFlannel says what that costs).
          when: ['calico', 'cilium', 'none'],
        },
      ],
    };
  },
});
