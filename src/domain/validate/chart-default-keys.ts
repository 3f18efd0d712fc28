import type { ChartName } from '../facts/cni-names';

/**
 * The chart defaults the doctor's merge-sensitive rules read: for each CNI chart, the value paths whose
 * default (in that exact chart version's values.yaml) changes what a user's values mean once Helm merges
 * them. scripts/generate-chart-defaults.ts copies these subtrees out of every chart version the release
 * table bundles; src/domain/validate/chart-defaults.ts serves them. Add a path here, then regenerate.
 *
 * rke2-cilium charts before 1.11 wrap the upstream chart: their defaults are read (and kept) under `cilium.`.
 */
export const DEFAULT_KEYS: Readonly<Record<ChartName, readonly string[]>> = {
  'rke2-calico': [
    'installation.calicoNetwork.nodeAddressAutodetectionV4',
    'installation.calicoNetwork.nodeAddressAutodetectionV6',
    'installation.calicoNetwork.bgp',
    'installation.calicoNetwork.linuxDataplane',
    'installation.calicoNetwork.ipPools',
  ],
  'rke2-cilium': [
    'kubeProxyReplacement',
    'k8sServiceHost',
    'k8sServicePort',
    'routingMode',
    'tunnel',
    'tunnelProtocol',
    'cni.exclusive',
    'cni.chainingMode',
    'encryption.enabled',
    'encryption.type',
    'encryption.wireguard.userspaceFallback',
    'ipv4.enabled',
    'ipv6.enabled',
    'ipam.mode',
    'eni.enabled',
    'hubble.enabled',
    'hubble.relay.enabled',
    'hubble.ui.enabled',
  ],
  'rke2-canal': ['flannel.backend', 'flannel.backendPort', 'flannel.iface', 'flannel.regexIface'],
  'rke2-flannel': ['flannel.backend', 'flannel.backendPort', 'flannel.args', 'flannel.vni'],
  'rke2-multus': [
    'thickPlugin.enabled',
    'dynamicNetworksController.enabled',
    'manifests.configMap',
    'config.cni_conf.namespaceIsolation',
  ],
};

/**
 * Values the chart's templates (not values.yaml) fill in when the user leaves them empty: rke2-calico's
 * templates/crs/custom-resources.yaml sets `nodeAddressAutodetectionV4/V6: {firstFound: true}` only
 * `if empty` (rancher/rke2-charts#382 for V4). The generator records, per chart version, which of these
 * paths the template fills.
 */
export const TEMPLATE_FILLED_KEYS: Readonly<
  Partial<Record<ChartName, { template: string; paths: readonly string[] }>>
> = {
  'rke2-calico': {
    template: 'templates/crs/custom-resources.yaml',
    paths: [
      'installation.calicoNetwork.nodeAddressAutodetectionV4',
      'installation.calicoNetwork.nodeAddressAutodetectionV6',
    ],
  },
};

/** A fingerprint of the key lists, written into the generated data so a stale file fails its test. */
export function defaultKeysFingerprint(): string {
  return JSON.stringify([DEFAULT_KEYS, TEMPLATE_FILLED_KEYS]);
}
