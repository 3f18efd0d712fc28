import { KERNEL_THRESHOLDS } from '../../facts/kernel-needs';
import { ENCRYPTION_FACTS } from '../../facts/encryption';
import { kernelMeets } from '../plan';
import { GATES, hasGate } from '../../facts/gates';
import { describeGate } from '../../rke2/version';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { ReasonOf, FindingOf } from '../types';

const FIELDS = ['security.encryption'];

function wireguardHow(cni: 'canal' | 'calico' | 'cilium'): string {
  const fact = ENCRYPTION_FACTS[cni].wireguard!;
  return `${fact.how}, UDP ${fact.udpPorts.join('/')}`;
}

const MESSAGES = {
  wireguardSupported: '{{cni}} encrypts pod traffic with WireGuard ({{how}}).',
  canalWireguardBeforeGate: "Canal's WireGuard backend exists from {{gates}}; {{release}} is older.",
  flannelVxlanOnly: 'RKE2 supports only the vxlan backend for Flannel, so it cannot encrypt pod traffic.',
  noIpsec: "{{cni}} has no IPsec encryption; among RKE2's CNIs only Cilium offers IPsec.",
  ipsecCilium:
    'Cilium encrypts pod traffic with IPsec (encryption.type: ipsec; you create the cilium-ipsec-keys Secret).',
  wireguardModuleNeeded:
    'Your oldest kernel {{kernel}} predates in-kernel WireGuard ({{minKernel}}): install the WireGuard module on those nodes first.',
};

/** Pod-traffic encryption: WireGuard on Canal (from v1.23), Calico and Cilium; IPsec on Cilium only; Flannel is vxlan-only. */
export const encryption = defineRule({
  id: 'encryption',
  description: 'Which CNIs can encrypt pod traffic with WireGuard or IPsec.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check({ answers, release, derived }) {
    const enc = answers.security.encryption;
    if (enc === 'none') return {};
    const reasons: ReasonOf<typeof MESSAGES>[] = [];
    const findings: FindingOf<typeof MESSAGES>[] = [];
    if (enc === 'wireguard') {
      if (hasGate(release, 'canalWireguard')) {
        reasons.push({
          cni: 'canal',
          messageId: 'wireguardSupported',
          effect: 'info',
          data: { cni: 'Canal', how: wireguardHow('canal') },
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
          data: { cni: 'Calico', how: wireguardHow('calico') },
          source: SOURCES.calicoWireguard,
        },
        {
          cni: 'cilium',
          messageId: 'wireguardSupported',
          effect: 'info',
          data: { cni: 'Cilium', how: wireguardHow('cilium') },
          source: SOURCES.ciliumEncryption,
        },
        { cni: 'flannel', messageId: 'flannelVxlanOnly', effect: 'excludes', fields: FIELDS },
      );
      if (derived.kernel && !kernelMeets(derived.kernel, KERNEL_THRESHOLDS.wireguardInKernel)) {
        findings.push({
          messageId: 'wireguardModuleNeeded',
          severity: 'warning',
          data: { kernel: derived.kernel.text, minKernel: KERNEL_THRESHOLDS.wireguardInKernel.kernel },
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
});
