import { SOURCES } from '../../sources';
import { defineRule } from '../types';

const FIELDS = ['performance.bgp.enabled'];

/** BGP peering with the fabric: Calico natively; Cilium through its BGP Control Plane; Canal and Flannel have none. */
export const bgp = defineRule({
  id: 'bgp',
  description: 'BGP peering: Calico natively, Cilium via its BGP Control Plane; not Canal or Flannel.',
  source: SOURCES.calicoBgp,
  messages: {
    calicoBgp:
      'Calico peers with your routers natively (calicoNetwork.bgp: Enabled with BGPPeer objects); RKE2 documents it, Windows included.',
    ciliumBgp:
      'Cilium can advertise pod and service routes with its BGP Control Plane (bgpControlPlane.enabled plus CiliumBGP* resources), but it does not run a full routing mesh like Calico.',
    noBgp: '{{cni}} cannot peer over BGP: it only builds a VXLAN overlay.',
  },
  check({ answers }) {
    if (!answers.performance.bgp.enabled) return {};
    return {
      reasons: [
        { cni: 'calico', messageId: 'calicoBgp', effect: 'favours', weight: 30, source: SOURCES.windowsBgp },
        { cni: 'cilium', messageId: 'ciliumBgp', effect: 'favours', weight: 10, source: SOURCES.ciliumBgpControlPlane },
        { cni: 'canal', messageId: 'noBgp', effect: 'excludes', data: { cni: 'Canal' }, fields: FIELDS },
        { cni: 'flannel', messageId: 'noBgp', effect: 'excludes', data: { cni: 'Flannel' }, fields: FIELDS },
      ],
    };
  },
});
