import { chartHasEra, ciliumEraFor, CHART_ERAS } from '../facts/chart-eras';
import { SOURCES, type Source } from '../sources';
import { isMapping } from './issues';

/** A mechanical rewrite applied to one chart's values. keyPath is relative to the values. */
export interface RewriteNote {
  keyPath: string;
  /** What was changed, e.g. 'kubeProxyReplacement: "strict" → true'. */
  what: string;
  source: Source;
}

/** A change the target release needs that cannot be made mechanically, with the reason. */
export interface NotRewritten {
  keyPath: string;
  reason: string;
  source: Source;
}

export interface ValuesRewrite {
  values: Record<string, unknown>;
  applied: RewriteNote[];
  notRewritten: NotRewritten[];
}

/** What the rewrite needs to know about the target and the cluster. */
export interface RewriteTarget {
  /** Chart version the target release bundles for this chart (null: none). */
  chartVersion: string | null;
  /** IPv4 part of cluster-cidr from config.yaml, or RKE2's default when the files do not say. */
  clusterCidrV4: string;
  /** True when cluster-cidr came from the files (false: RKE2's default was assumed). */
  clusterCidrKnown: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function deleteIfEmpty(values: Record<string, unknown>, path: string[]): void {
  // Walks down `path`, deleting mappings left empty by a removed key, deepest first.
  const chain: Record<string, unknown>[] = [values];
  for (const part of path.slice(0, -1)) {
    const next = chain[chain.length - 1]![part];
    if (!isMapping(next)) return;
    chain.push(next);
  }
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]!).length > 0) return;
    delete chain[i - 1]![path[i - 1]!];
  }
}

const KPR_MAP: Record<string, boolean> = { strict: true, disabled: false };

function rewriteCilium(input: Record<string, unknown>, target: RewriteTarget, out: ValuesRewrite): void {
  const era = ciliumEraFor(target.chartVersion);
  if (era === 'wrapped') return; // old charts read the wrapper; nothing to move
  let values = input;
  // 1. The cilium: wrapper (ignored from the flat-values era on): move its keys up one level.
  if (isMapping(values.cilium)) {
    const inner = values.cilium;
    const conflicts = Object.keys(inner).filter(
      (k) => k in values && k !== 'cilium' && !sameValue(values[k], inner[k]),
    );
    if (conflicts.length) {
      out.notRewritten.push({
        keyPath: 'cilium',
        reason: `the keys under "cilium:" (${conflicts.join(', ')}) are also set at the top level with other values; merge them by hand`,
        source: CHART_ERAS.ciliumFlatValues.source,
      });
    } else {
      const { cilium: _wrapper, ...rest } = values;
      values = { ...rest, ...inner };
      out.applied.push({
        keyPath: 'cilium',
        what: `moved ${Object.keys(inner).length} key(s) out of the "cilium:" wrapper to the top level`,
        source: CHART_ERAS.ciliumFlatValues.source,
      });
    }
  }
  out.values = values;
  // 2. kubeProxyReplacement strict/disabled → true/false (booleans from the 1.14 charts on).
  if (chartHasEra(target.chartVersion, 'ciliumKprBoolean') && values.kubeProxyReplacement !== undefined) {
    const kpr = String(values.kubeProxyReplacement);
    if (kpr in KPR_MAP) {
      values.kubeProxyReplacement = KPR_MAP[kpr];
      out.applied.push({
        keyPath: 'kubeProxyReplacement',
        what: `kubeProxyReplacement: "${kpr}" → ${String(KPR_MAP[kpr])}`,
        source: SOURCES.kprStrictDocs,
      });
    } else if (kpr === 'partial' || kpr === 'probe') {
      out.notRewritten.push({
        keyPath: 'kubeProxyReplacement',
        reason: `"${kpr}" has no one-to-one replacement: choose true (full replacement, with k8sServiceHost/k8sServicePort and disable-kube-proxy: true) or false and enable the features you used one by one`,
        source: SOURCES.kprStrictDocs,
      });
    }
  }
  // 3. tunnel → routingMode (+ tunnelProtocol, or the keys native routing needs).
  if (chartHasEra(target.chartVersion, 'ciliumRoutingMode') && values.tunnel !== undefined) {
    const tunnel = String(values.tunnel);
    const source = CHART_ERAS.ciliumRoutingMode.source;
    if (tunnel === 'disabled') {
      delete values.tunnel;
      values.routingMode = 'native';
      const added = ['routingMode: native'];
      if (values.ipv4NativeRoutingCIDR === undefined) {
        values.ipv4NativeRoutingCIDR = target.clusterCidrV4;
        added.push(
          `ipv4NativeRoutingCIDR: ${target.clusterCidrV4}${target.clusterCidrKnown ? ' (cluster-cidr)' : " (RKE2's default cluster-cidr; no config.yaml says otherwise)"}`,
        );
      }
      if (values.autoDirectNodeRoutes === undefined) {
        values.autoDirectNodeRoutes = true;
        added.push(
          'autoDirectNodeRoutes: true (nodes must share an L2 segment, or your routers must carry pod routes)',
        );
      }
      out.applied.push({ keyPath: 'tunnel', what: `tunnel: disabled → ${added.join(', ')}`, source });
    } else if (tunnel === 'vxlan' || tunnel === 'geneve') {
      delete values.tunnel;
      values.routingMode = 'tunnel';
      values.tunnelProtocol = tunnel;
      out.applied.push({
        keyPath: 'tunnel',
        what: `tunnel: ${tunnel} → routingMode: tunnel, tunnelProtocol: ${tunnel}`,
        source,
      });
    } else {
      out.notRewritten.push({
        keyPath: 'tunnel',
        reason: `tunnel: ${JSON.stringify(values.tunnel)} is none of disabled, vxlan or geneve; set routingMode (and tunnelProtocol) yourself`,
        source,
      });
    }
  }
  // 4. wireguard.userspaceFallback (removed in 1.17).
  const wg =
    isMapping(values.encryption) && isMapping(values.encryption.wireguard) ? values.encryption.wireguard : null;
  if (chartHasEra(target.chartVersion, 'ciliumNoUserspaceFallback') && wg && wg.userspaceFallback !== undefined) {
    delete wg.userspaceFallback;
    deleteIfEmpty(values, ['encryption', 'wireguard', 'userspaceFallback']);
    out.applied.push({
      keyPath: 'encryption.wireguard.userspaceFallback',
      what: 'removed encryption.wireguard.userspaceFallback (WireGuard now needs kernel support on every node)',
      source: CHART_ERAS.ciliumNoUserspaceFallback.source,
    });
  }
}

const DROPPED_FELIX_KEYS = ['iptablesRefreshInterval', 'iptablesBackend'];

function rewriteCalico(values: Record<string, unknown>, target: RewriteTarget, out: ValuesRewrite): void {
  if (!chartHasEra(target.chartVersion, 'calicoNoFelixIptablesKeys') || !isMapping(values.felixConfiguration)) return;
  const felix = values.felixConfiguration;
  for (const key of DROPPED_FELIX_KEYS) {
    if (felix[key] === undefined) continue;
    delete felix[key];
    out.applied.push({
      keyPath: `felixConfiguration.${key}`,
      what: `removed felixConfiguration.${key}`,
      source: CHART_ERAS.calicoNoFelixIptablesKeys.source,
    });
  }
  deleteIfEmpty(values, ['felixConfiguration', '']);
}

/**
 * Rewrites one chart's values for the chart version a target release bundles: only what is
 * mechanical (the cilium: wrapper, kubeProxyReplacement strict, tunnel, removed keys). What needs a
 * decision is listed in notRewritten with the reason. The input is not modified.
 */
export function rewriteValues(chart: string, values: Record<string, unknown>, target: RewriteTarget): ValuesRewrite {
  const copy = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
  const out: ValuesRewrite = { values: copy, applied: [], notRewritten: [] };
  if (chart === 'rke2-cilium') rewriteCilium(copy, target, out);
  if (chart === 'rke2-calico') rewriteCalico(copy, target, out);
  return out;
}
