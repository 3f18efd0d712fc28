import { CNI_DISPLAY_NAME } from '../../facts/cni-names';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';

const FIELDS = ['performance.awsEni'];

const MESSAGES = {
  ciliumEni:
    'Cilium allocates pod IPs from AWS ENIs (eni.enabled: true, which forces ipam mode eni); nodes need the matching IAM permissions.',
  noEni:
    "{{cni}} cannot give pods VPC addresses from AWS ENIs; only Cilium's ENI IPAM can on RKE2 (the Amazon VPC CNI is EKS-only).",
};

/** Pod IPs from AWS ENIs: only Cilium's ENI IPAM among RKE2's CNIs (the Amazon VPC CNI is EKS-only). */
export const awsEni = defineRule({
  id: 'aws-eni',
  description: 'AWS ENI pod addressing needs Cilium (eni.enabled).',
  source: SOURCES.ciliumEni,
  messages: MESSAGES,

  check({ answers }) {
    if (!answers.performance.awsEni) return {};
    return {
      reasons: [
        { cni: 'cilium', messageId: 'ciliumEni', effect: 'favours', weight: 30 },
        ...(['canal', 'calico', 'flannel'] as const).map((cni) => ({
          cni,
          messageId: 'noEni' as const,
          effect: 'excludes' as const,
          data: { cni: CNI_DISPLAY_NAME[cni] },
          fields: FIELDS,
          source: SOURCES.awsVpcCni,
        })),
      ],
    };
  },
});
