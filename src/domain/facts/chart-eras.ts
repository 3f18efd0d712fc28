import type { ChartName } from './cni-names';
import { chartAtLeast, parseChartVersion } from './chart-version';
import { SOURCES, type Source } from '../sources';

/**
 * Value layouts that changed between chart versions: from `from` on, the chart reads the new layout.
 * Generators emit the layout of the exact chart version a release bundles; the doctor judges by it.
 */
export interface ChartEra {
  chart: ChartName;
  /** First chart version with the new layout. */
  from: string;
  what: string;
  source: Source;
}

export const CHART_ERAS = {
  ciliumFlatValues: {
    chart: 'rke2-cilium',
    from: '1.11.201',
    what: 'values sit at the top level; before, under a `cilium:` key (silently ignored later, rancher/rke2#2738)',
    source: SOURCES.ciliumNestingIssue,
  },
  ciliumEniObject: {
    chart: 'rke2-cilium',
    from: '1.10.0',
    what: 'ENI mode is eni.enabled; before, a boolean `eni`',
    source: SOURCES.ciliumEni,
  },
  ciliumBandwidthObject: {
    chart: 'rke2-cilium',
    from: '1.12.0',
    what: 'bandwidthManager.enabled; before, a boolean `bandwidthManager`',
    source: SOURCES.ciliumBandwidth,
  },
  ciliumKprBoolean: {
    chart: 'rke2-cilium',
    from: '1.14.0',
    what: 'kubeProxyReplacement takes true/false; before, strict/partial/probe/disabled',
    source: SOURCES.kprStrictDocs,
  },
  ciliumRoutingMode: {
    chart: 'rke2-cilium',
    from: '1.14.0',
    what: 'routingMode / tunnelProtocol replace `tunnel` (deprecated; removed in 1.15)',
    source: SOURCES.ciliumTunnelRemoved,
  },
  ciliumModernValues: {
    chart: 'rke2-cilium',
    from: '1.15.0',
    what: 'kubeProxyReplacement "strict" and `tunnel` fail at render time (validate.yaml)',
    source: SOURCES.ciliumValidateTemplate,
  },
  ciliumSchema120: {
    chart: 'rke2-cilium',
    from: '1.20.0',
    what: 'the 1.20 values.schema.json applies',
    source: SOURCES.ciliumSchema,
  },
  ciliumNoUserspaceFallback: {
    chart: 'rke2-cilium',
    from: '1.17.0',
    what: 'encryption.wireguard.userspaceFallback is removed (Cilium 1.17: WireGuard needs kernel support)',
    source: SOURCES.cilium117UpgradeNotes,
  },
  calicoNoFelixIptablesKeys: {
    chart: 'rke2-calico',
    from: 'v3.24.100',
    what: 'felixConfiguration.iptablesRefreshInterval and iptablesBackend are dropped (calico-node v3.24.1 failed with them)',
    source: SOURCES.calicoFelixKeysDropped,
  },
  calicoAutodetectFromTemplate: {
    chart: 'rke2-calico',
    from: 'v3.26.300',
    what: 'the template sets nodeAddressAutodetectionV4 {firstFound: true} when no method is given; before, the chart set none (no values.yaml ever did) and the Tigera operator wrote firstFound into the live Installation',
    source: SOURCES.calicoFirstFoundFix,
  },
  ciliumPortmapDefault: {
    chart: 'rke2-cilium',
    from: '1.12.301',
    what: 'cni.chainingMode defaults to portmap (hostPort works without kube-proxy replacement)',
    source: SOURCES.ciliumPortmapDefault,
  },
  calicoBackendKey: {
    chart: 'rke2-calico',
    from: '3.29.201',
    what: 'installation.backend exists; before, the IP pool encapsulation was hard-coded',
    source: SOURCES.calicoValues,
  },
  multusCrdSplit: {
    chart: 'rke2-multus',
    from: '4.3.009',
    what: 'the NAD and whereabouts CRDs come from the separate rke2-multus-crd chart',
    source: SOURCES.multusValues,
  },
} as const satisfies Record<string, ChartEra>;
export type ChartEraId = keyof typeof CHART_ERAS;

/** True when the chart version has the layout of that era. */
export function chartHasEra(version: string | null | undefined, era: ChartEraId): boolean {
  return chartAtLeast(version, CHART_ERAS[era].from);
}

/**
 * How an rke2-cilium chart reads its values: 'wrapped' (under `cilium:`), 'legacy' (strict and tunnel
 * still accepted) or 'modern'. An unknown chart is judged as modern: what current releases bundle.
 */
export type CiliumEra = 'wrapped' | 'legacy' | 'modern';
export function ciliumEraFor(version: string | null | undefined): CiliumEra {
  if (!parseChartVersion(version)) return 'modern';
  if (!chartHasEra(version, 'ciliumFlatValues')) return 'wrapped';
  return chartHasEra(version, 'ciliumModernValues') ? 'modern' : 'legacy';
}
