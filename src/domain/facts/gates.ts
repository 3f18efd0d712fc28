import type { Rke2Version, VersionGate } from '../rke2/version';
import { passesGate } from '../rke2/version';
import { SOURCES, type Source } from '../sources';

/**
 * Version gates: which feature is available from which RKE2 release.
 * Source: ../shared/research/rke2-facts.md §4, from the RKE2 docs "Version Gate" boxes.
 */
export interface FeatureGate extends VersionGate {
  id: GateId;
  label: string;
  source: Source;
}

export const GATE_IDS = [
  'flannel',
  'calicoEbpf',
  'ciliumMultusNoExclusive',
  'multusThickPlugin',
  'multusDhcpDaemon',
  'nftables',
  'sriovSupported',
  'canalWireguard',
  'cisProfileCis',
  'ingressWebhookPolicy',
  'traefikDefault',
] as const;
export type GateId = (typeof GATE_IDS)[number];

export const GATES: Readonly<Record<GateId, FeatureGate>> = {
  flannel: {
    id: 'flannel',
    label: 'Flannel as the primary CNI',
    minimums: ['1.26.14', '1.27.11', '1.28.7', '1.29.2'],
    source: SOURCES.basicNetworkOptions,
  },
  calicoEbpf: {
    id: 'calicoEbpf',
    label: 'Calico eBPF dataplane',
    minimums: ['1.33.8', '1.34.4', '1.35.1'],
    source: SOURCES.basicNetworkOptions,
  },
  ciliumMultusNoExclusive: {
    // Before these releases rke2-cilium defaulted cni.exclusive: true, which renames Multus' config (rancher/rke2#9040).
    id: 'ciliumMultusNoExclusive',
    label: 'Cilium with Multus without setting cni.exclusive: false',
    minimums: ['1.31.14', '1.32.10', '1.33.6', '1.34.2'],
    source: SOURCES.multusSriov,
  },
  multusThickPlugin: {
    id: 'multusThickPlugin',
    label: 'Multus thick plugin (experimental)',
    minimums: ['1.31.11', '1.32.7', '1.33.3'],
    source: SOURCES.multusSriov,
  },
  multusDhcpDaemon: {
    id: 'multusDhcpDaemon',
    label: 'Multus DHCP daemon (manifests.dhcpDaemonSet)',
    minimums: ['1.26.13', '1.27.10', '1.28.6', '1.29.1'],
    source: SOURCES.multusSriov,
  },
  nftables: {
    id: 'nftables',
    label: 'nftables mode (experimental)',
    minimums: ['1.34.10', '1.35.7', '1.36.3'],
    source: SOURCES.basicNetworkOptions,
  },
  sriovSupported: {
    id: 'sriovSupported',
    label: 'SR-IOV fully supported',
    minimums: ['1.24.13', '1.25.9', '1.26.4'],
    source: SOURCES.multusSriov,
  },
  canalWireguard: {
    id: 'canalWireguard',
    label: 'Canal WireGuard backend',
    minimums: ['1.23.0'],
    source: SOURCES.basicNetworkOptions,
  },
  cisProfileCis: {
    // Earlier patches know only "cis-1.23" and exit at start on "cis" (pkg/cli/cmds/profile_linux.go).
    id: 'cisProfileCis',
    label: 'profile: cis (earlier patches accept only cis-1.23)',
    minimums: ['1.25.15', '1.26.10', '1.27.7', '1.28.2'],
    source: SOURCES.cisProfileCode,
  },
  ingressWebhookPolicy: {
    // RKE2 creates default-network-ingress-webhook-policy itself under a CIS profile (rancher/rke2#5315).
    id: 'ingressWebhookPolicy',
    label: 'RKE2 adds the ingress admission webhook NetworkPolicy under CIS',
    minimums: ['1.26.14', '1.27.11', '1.28.7', '1.29.2'],
    source: SOURCES.ingressWebhookPolicyPr,
  },
  traefikDefault: {
    id: 'traefikDefault',
    label: 'Traefik is the default ingress controller (ingress-nginx before)',
    minimums: ['1.36.0'],
    source: SOURCES.traefikDefaultCode,
  },
};

/** True when the requested release has the feature. A release newer than the table is judged by its own version. */
export function hasGate(release: { requested: Rke2Version }, gate: GateId): boolean {
  return passesGate(release.requested, GATES[gate]);
}
