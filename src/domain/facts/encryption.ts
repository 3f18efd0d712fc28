import type { PrimaryCni } from './cni-names';
import { SOURCES, type Source } from '../sources';

/** Pod-traffic encryptions a CNI can apply through its chart, with the device it creates and its UDP ports. */
export interface EncryptionFact {
  /** Interface the encrypted pod traffic leaves through (what verify.sh looks for). */
  device: string | null;
  udpPorts: readonly number[];
  how: string;
  source: Source;
}

export const ENCRYPTION_FACTS: Readonly<Record<PrimaryCni, Partial<Record<'wireguard' | 'ipsec', EncryptionFact>>>> = {
  canal: {
    wireguard: {
      device: 'flannel-wg',
      udpPorts: [51820, 51821],
      how: 'flannel backend wireguard',
      source: SOURCES.basicNetworkOptions,
    },
  },
  calico: {
    wireguard: {
      device: 'wireguard.cali',
      udpPorts: [51820, 51821],
      how: 'felixConfiguration.wireguardEnabled',
      source: SOURCES.calicoWireguard,
    },
  },
  cilium: {
    wireguard: {
      device: 'cilium_wg0',
      udpPorts: [51871],
      how: 'encryption.type: wireguard',
      source: SOURCES.ciliumEncryption,
    },
    ipsec: {
      device: null,
      udpPorts: [],
      how: 'encryption.type: ipsec (ESP)',
      source: SOURCES.ciliumEncryption,
    },
  },
  flannel: {},
  none: {},
};

export function canEncrypt(cni: PrimaryCni, encryption: string): encryption is 'wireguard' | 'ipsec' {
  return (encryption === 'wireguard' || encryption === 'ipsec') && ENCRYPTION_FACTS[cni][encryption] !== undefined;
}
