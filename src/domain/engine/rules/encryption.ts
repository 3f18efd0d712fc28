import { kernelAtLeast } from '../../kernel';
import { GATES, hasGate } from '../../rke2/gates';
import { describeGate } from '../../rke2/version';
import { SOURCES } from '../../sources';
import type { FindingOutput, ReasonOutput, Rule } from '../types';

const FIELDS = ['security.encryption'];

/** Pod-traffic encryption: WireGuard on Canal (from v1.23), Calico and Cilium; IPsec on Cilium only; Flannel is vxlan-only. */
export const encryption: Rule = {
  id: 'encryption',
  description: 'Which CNIs can encrypt pod traffic with WireGuard or IPsec.',
  source: SOURCES.basicNetworkOptions,
  messages: {
    wireguardSupported: '{{cni}} encrypts pod traffic with WireGuard ({{how}}).',
    canalWireguardBeforeGate: "Canal's WireGuard backend exists from {{gates}}; {{release}} is older.",
    flannelVxlanOnly: 'RKE2 supports only the vxlan backend for Flannel, so it cannot encrypt pod traffic.',
    noIpsec: "{{cni}} has no IPsec encryption; among RKE2's CNIs only Cilium offers IPsec.",
    ipsecCilium:
      'Cilium encrypts pod traffic with IPsec (encryption.type: ipsec; you create the cilium-ipsec-keys Secret).',
    wireguardModuleNeeded:
      'Your oldest kernel {{kernel}} predates in-kernel WireGuard (5.6): install the WireGuard module on those nodes first.',
  },
  check({ answers, release, derived }) {
    const enc = answers.security.encryption;
    if (enc === 'none') return {};
    const reasons: ReasonOutput[] = [];
    const findings: FindingOutput[] = [];
    if (enc === 'wireguard') {
      if (hasGate(release, 'canalWireguard')) {
        reasons.push({
          cni: 'canal',
          messageId: 'wireguardSupported',
          effect: 'info',
          data: { cni: 'Canal', how: 'flannel backend wireguard, UDP 51820/51821' },
        });
      } else {
        reasons.push({
          cni: 'canal',
          messageId: 'canalWireguardBeforeGate',
          effect: 'excludes',
          data: { gates: describeGate(GATES.canalWireguard), release: release.requested.text },
          fields: [...FIELDS, 'cluster.release'],
        });
      }
      reasons.push(
        {
          cni: 'calico',
          messageId: 'wireguardSupported',
          effect: 'info',
          data: { cni: 'Calico', how: 'felixConfiguration.wireguardEnabled, UDP 51820/51821' },
          source: SOURCES.calicoWireguard,
        },
        {
          cni: 'cilium',
          messageId: 'wireguardSupported',
          effect: 'info',
          data: { cni: 'Cilium', how: 'encryption.type: wireguard, UDP 51871' },
          source: SOURCES.ciliumEncryption,
        },
        { cni: 'flannel', messageId: 'flannelVxlanOnly', effect: 'excludes', fields: FIELDS },
      );
      if (derived.kernel && !kernelAtLeast(derived.kernel, '5.6')) {
        findings.push({
          messageId: 'wireguardModuleNeeded',
          severity: 'warning',
          data: { kernel: derived.kernel.text },
          fields: ['nodes.kernel', ...FIELDS],
          source: SOURCES.wireguardInstall,
          when: ['canal', 'calico', 'cilium'],
        });
      }
    } else {
      reasons.push(
        { cni: 'cilium', messageId: 'ipsecCilium', effect: 'favours', source: SOURCES.ciliumEncryption },
        {
          cni: 'canal',
          messageId: 'noIpsec',
          effect: 'excludes',
          data: { cni: 'Canal' },
          fields: FIELDS,
          source: SOURCES.ciliumEncryption,
        },
        {
          cni: 'calico',
          messageId: 'noIpsec',
          effect: 'excludes',
          data: { cni: 'Calico' },
          fields: FIELDS,
          source: SOURCES.ciliumEncryption,
        },
        {
          cni: 'flannel',
          messageId: 'noIpsec',
          effect: 'excludes',
          data: { cni: 'Flannel' },
          fields: FIELDS,
          source: SOURCES.ciliumEncryption,
        },
      );
    }
    return { reasons, findings };
  },
};
