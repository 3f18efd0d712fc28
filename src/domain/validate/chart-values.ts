import * as V from './generated/validators.js';
import { KEY_TREES } from './generated/key-trees';
import { chartHasEra, ciliumEraFor, type CiliumEra } from '../facts/chart-eras';
import type { CompiledValidator } from './compiled-validator';
import { checkKeys, type KeyTree } from './key-tree';
import { checkSchema } from './schema-check';
import { getPath, isMapping, kindOf, nested, show, truthy, type Reporter } from './issues';
import { SOURCES, type Source } from '../sources';
import { chartDefaults, defaultAt, helmMerge, latestChart, mergedValues } from './chart-defaults';

export { helmMerge };

/** The CNI charts whose values the doctor knows. Other rke2-* charts (coredns, ingress...) are not checked. */
export const CNI_CHARTS = ['rke2-canal', 'rke2-calico', 'rke2-cilium', 'rke2-flannel', 'rke2-multus'] as const;
export type CniChart = (typeof CNI_CHARTS)[number];

/** Charts RKE2 packages (HelmChart objects it writes into the manifests directory). */
export const PACKAGED_CHARTS = [
  ...CNI_CHARTS,
  'rke2-calico-crd',
  'rke2-multus-crd',
  'rke2-coredns',
  'rke2-ingress-nginx',
  'rke2-traefik',
  'rke2-traefik-crd',
  'rke2-metrics-server',
  'rke2-runtimeclasses',
  'rke2-snapshot-controller',
  'rke2-snapshot-controller-crd',
  'rke2-snapshot-validation-webhook',
  'rancher-vsphere-cpi',
  'rancher-vsphere-csi',
  'harvester-cloud-provider',
  'harvester-csi-driver',
] as const;

export function isCniChart(name: string): name is CniChart {
  return (CNI_CHARTS as readonly string[]).includes(name);
}

/** Charts the `cni` list switches on or off (RKE2 adds the others to --disable): the CNI charts and their CRD charts. */
export function isCniSelectedChart(name: string): boolean {
  return isCniChart(name) || name === 'rke2-calico-crd' || name === 'rke2-multus-crd';
}

/** Which rke2-cilium values schema applies: 1.20 for 1.20.x charts, else 1.19 (rke2 master bundles 1.19.601; older releases are judged by it too). */
export type CiliumSchemaLine = '1.19' | '1.20';
export function ciliumLineFor(chartVersion: string | null | undefined): CiliumSchemaLine {
  return chartHasEra(chartVersion, 'ciliumSchema120') ? '1.20' : '1.19';
}

export { ciliumEraFor, type CiliumEra };

export interface ValuesContext {
  ciliumLine: CiliumSchemaLine;
  /** The bundled rke2-cilium chart version when the release is known (answers.yaml), else null. */
  ciliumChart: string | null;
  /** cluster-cidr from the server config, when known. */
  clusterCidr: string | null;
  /** The bundled rke2-calico chart version when the release is known, else null (judged as current). */
  calicoChart?: string | null;
  /** The bundled rke2-flannel and rke2-multus chart versions when the release is known. */
  flannelChart?: string | null;
  multusChart?: string | null;
}

const CILIUM_SCHEMA_SOURCE: Record<CiliumSchemaLine, Source> = {
  '1.19': SOURCES.cilium119Schema,
  '1.20': SOURCES.ciliumSchema,
};
const CALICO_CRD_SOURCE: Source = SOURCES.calicoCrds;
const VALUES_SOURCE: Record<CniChart, Source> = {
  'rke2-canal': SOURCES.canalValues,
  'rke2-calico': SOURCES.calicoValues,
  'rke2-cilium': SOURCES.ciliumValues,
  'rke2-flannel': SOURCES.flannelValues,
  'rke2-multus': SOURCES.multusValues,
};

function treeFor(chart: CniChart, ctx: ValuesContext): KeyTree {
  return KEY_TREES[chart === 'rke2-cilium' ? `rke2-cilium@${ctx.ciliumLine}` : chart] ?? 1;
}

/** Flags dotted keys ("hubble.enabled: true") whose first part is a real key: Helm does not expand them. */
function dottedKeySkip(tree: KeyTree, report: Reporter): (path: string, key: string) => boolean {
  return (path, key) => {
    if (!key.includes('.') || tree === 1) return false;
    const parentPath = path.length > key.length ? path.slice(0, path.length - key.length - 1) : '';
    const parent = parentPath ? getTree(tree, parentPath) : tree;
    if (parent === 1 || parent === undefined) return false;
    const [first] = key.split('.');
    if (!first || !(first in parent)) return false;
    const nestedText = key.split('.').reduceRight((acc, p) => `{${p}: ${acc}}`, '<value>');
    report(path, 'values.dottedKey', { key, nested: nestedText });
    return true;
  };
}

function getTree(tree: KeyTree, path: string): KeyTree | undefined {
  let node: KeyTree | undefined = tree;
  for (const part of path
    .replace(/\[\d+\]/g, '.[]')
    .split('.')
    .filter(Boolean)) {
    if (node === undefined || node === 1) return node;
    node = node[part];
  }
  return node;
}

/** The values an rke2-cilium chart of this era actually reads (old charts: under `cilium:`). */
export function ciliumEffectiveValues(values: unknown, ctx: Pick<ValuesContext, 'ciliumChart'>): unknown {
  return ciliumEraFor(ctx.ciliumChart) === 'wrapped' ? getPath(values, 'cilium') : values;
}

function checkKprServiceHost(values: Record<string, unknown>, report: Reporter): void {
  const hasHost = truthy(values.k8sServiceHost) || truthy(values.k8sServiceHostRef);
  const missing = [
    hasHost ? null : 'k8sServiceHost',
    truthy(values.k8sServicePort) || truthy(values.k8sServiceHostRef) ? null : 'k8sServicePort',
  ].filter(Boolean);
  if (missing.length)
    report(missing.length === 2 ? 'kubeProxyReplacement' : missing[0]!, 'cilium.kprNeedsServiceHost', {
      missing: missing.join(' and '),
    });
}

const OLD_KPR_VALUES = ['strict', 'partial', 'probe', 'disabled', 'true', 'false'];

/** Returns whether the generic unknown-key check applies (only to charts the 1.19/1.20 schemas describe). */
function checkCilium(
  values: Record<string, unknown>,
  report: Reporter,
  ctx: ValuesContext,
  skip: Set<string>,
): boolean {
  const era = ciliumEraFor(ctx.ciliumChart);
  if (era === 'wrapped') {
    for (const key of Object.keys(values)) {
      if (key !== 'cilium' && key !== 'global')
        report(key, 'cilium.flatOnOldChart', { chart: ctx.ciliumChart ?? '', key });
    }
    const inner = values.cilium;
    if (isMapping(inner) && ['strict', 'true'].includes(String(inner.kubeProxyReplacement)))
      checkKprServiceHost(inner, nested(report, 'cilium'));
    if (isMapping(inner)) checkServiceEndpoint(inner, nested(report, 'cilium'), 'k8sServiceHost', 'k8sServicePort');
    return false;
  }
  checkServiceEndpoint(values, report, 'k8sServiceHost', 'k8sServicePort');
  const fallback = getPath(values, 'encryption.wireguard.userspaceFallback');
  if (fallback !== undefined) {
    if (!ctx.ciliumChart || chartHasEra(ctx.ciliumChart, 'ciliumNoUserspaceFallback'))
      report('encryption.wireguard.userspaceFallback', 'cilium.userspaceFallbackRemoved', {
        chart: `rke2-cilium ${ctx.ciliumChart ?? ''}`.trim(),
      });
    skip.add('encryption.wireguard.userspaceFallback');
  }
  if (isMapping(values.cilium)) {
    report('cilium', 'cilium.wrapperKey');
    skip.add('cilium');
  }
  // The rules below that read a key the user may leave to the chart judge the merged values.
  const merged = (mergedValues('rke2-cilium', ctx.ciliumChart, values) ?? values) as Record<string, unknown>;
  const kpr = values.kubeProxyReplacement;
  if (era === 'legacy') {
    if (kpr !== undefined && !OLD_KPR_VALUES.includes(String(kpr)))
      report('kubeProxyReplacement', 'schema.enum', { allowed: OLD_KPR_VALUES.join(', '), found: show(kpr) });
    if (['strict', 'true'].includes(String(kpr))) checkKprServiceHost(merged, report);
    return false;
  }
  if (kpr !== undefined && !['true', 'false'].includes(String(kpr)))
    report('kubeProxyReplacement', 'cilium.kprInvalid', { found: show(kpr) });
  if (String(kpr) === 'true') checkKprServiceHost(merged, report);
  if (truthy(values.k8sServiceHost) && truthy(values.k8sServiceHostRef))
    report('k8sServiceHostRef', 'cilium.serviceHostRefConflict');
  if (truthy(getPath(merged, 'hubble.relay.enabled')) && !truthy(getPath(merged, 'hubble.enabled')))
    report('hubble.relay.enabled', 'cilium.hubbleRelayWithoutHubble');
  if (truthy(getPath(merged, 'hubble.ui.enabled')) && !truthy(getPath(merged, 'hubble.relay.enabled')))
    report('hubble.ui.enabled', 'cilium.hubbleUiWithoutRelay');
  if (getPath(merged, 'ipam.mode') === 'eni' && !truthy(getPath(merged, 'eni.enabled')))
    report('ipam.mode', 'cilium.eniModeWithoutEni');
  if (values.tunnel !== undefined) {
    report('tunnel', 'cilium.legacyTunnel', { protocol: values.tunnel === 'geneve' ? 'geneve' : 'vxlan' });
    skip.add('tunnel');
  }
  for (const key of ['keyFile', 'mountPath', 'secretName', 'interface']) {
    if (isMapping(values.encryption) && values.encryption[key] !== undefined) {
      report(`encryption.${key}`, 'cilium.legacyEncryptionKey', { key });
      skip.add(`encryption.${key}`);
    }
  }
  if (values.localRedirectPolicy !== undefined) report('localRedirectPolicy', 'cilium.localRedirectPolicyDeprecated');
  const validator: CompiledValidator = ctx.ciliumLine === '1.20' ? V.cilium120 : V.cilium119;
  const forSchema = withoutPaths(values, skip);
  checkSchema(validator, forSchema, report, CILIUM_SCHEMA_SOURCE[ctx.ciliumLine]);
  return true;
}

const POOL_ENCAPSULATIONS = ['IPIPCrossSubnet', 'IPIP', 'VXLAN', 'VXLANCrossSubnet', 'None'];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function cidrContains(outer: string, inner: string): boolean {
  // Same family and the pool sits inside the cluster CIDR: compare the prefix bits for IPv4; IPv6 compares text prefixes.
  const [oAddr, oLen] = outer.trim().split('/');
  const [iAddr, iLen] = inner.trim().split('/');
  if (!oAddr || !iAddr || oLen === undefined || iLen === undefined) return false;
  const v4 = (a: string): number | null => {
    const p = a.split('.').map(Number);
    return p.length === 4 && p.every((x) => Number.isInteger(x) && x >= 0 && x <= 255)
      ? ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0
      : null;
  };
  const o = v4(oAddr);
  const i = v4(iAddr);
  if (o !== null && i !== null) {
    const ol = Number(oLen);
    if (Number(iLen) < ol) return false;
    const mask = ol === 0 ? 0 : (~0 << (32 - ol)) >>> 0;
    return (o & mask) >>> 0 === (i & mask) >>> 0;
  }
  if (oAddr.includes(':') && iAddr.includes(':')) return Number(iLen) >= Number(oLen); // family match is enough here
  return false;
}

/** A copy of the values without the skipped dotted paths (and global), for the schema check. */
function withoutPaths(values: Record<string, unknown>, skip: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (skip.has(k) || k === 'global') continue;
    const below = [...skip].filter((p) => p.startsWith(`${k}.`)).map((p) => p.slice(k.length + 1));
    out[k] = below.length && isMapping(v) ? withoutPaths(v, new Set(below)) : v;
  }
  return out;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\.?$/i;

function isIpv6(text: string): boolean {
  const t = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!/^[0-9a-f:.]+$/i.test(t) || !t.includes(':')) return false;
  const parts = t.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p ? p.split(':') : []));
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g) || IPV4.test(g)) && (parts.length === 2 || groups.length === 8);
}

/** An API server host as the CNI needs it: an IP, a DNS name, localhost (or Cilium's "auto"). */
export function isServiceHost(text: string): boolean {
  return IPV4.test(text) || isIpv6(text) || HOSTNAME.test(text) || text === 'auto';
}

function hostProblem(text: string): string {
  if (/\{\{|\}\}|\$\{/.test(text)) return ' (it looks like a template expression that was never rendered)';
  if (text.includes('://')) return ' (write the host alone, without a scheme)';
  if (/^[^:]+:\d+$/.test(text)) return ' (put the port in the port value, not in the host)';
  // A DNS name's last label is never all digits (RFC 3696 2): "groups.servers.0" is a template path, not a host.
  if (!IPV4.test(text) && /(^|\.)\d+\.?$/.test(text))
    return ' (its last part is a number, as in an unrendered template path)';
  return '';
}

function checkServiceEndpoint(
  values: Record<string, unknown>,
  report: Reporter,
  hostKey: string,
  portKey: string,
): void {
  const host = getPath(values, hostKey);
  if (typeof host === 'string' && host.trim() !== '') {
    const why = hostProblem(host);
    if (why || !isServiceHost(host.trim()))
      report(hostKey, 'values.serviceHostInvalid', { key: hostKey, found: show(host), why });
  }
  const port = getPath(values, portKey);
  // Other types are the schema's to report.
  if ((typeof port !== 'number' && typeof port !== 'string') || port === '') return;
  const n =
    typeof port === 'number' ? port : typeof port === 'string' && /^\d+$/.test(port.trim()) ? Number(port) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    report(portKey, 'values.servicePortInvalid', { key: portKey, found: show(port) });
}

/** Helm --set list syntax ("{a,b}") written as a YAML string, anywhere in the values. */
function checkSetSyntax(value: unknown, report: Reporter, path = ''): void {
  if (typeof value === 'string') {
    const t = value.trim();
    if (/^\{[^{}:"']*\}$/.test(t) && !t.startsWith('{{')) {
      const items = t
        .slice(1, -1)
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      report(path, 'values.setListSyntax', { found: show(value), items: items.join(', ') });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkSetSyntax(v, report, `${path}[${i}]`));
  else if (isMapping(value))
    for (const [k, v] of Object.entries(value)) checkSetSyntax(v, report, path ? `${path}.${k}` : k);
}

const AUTODETECT_METHODS = ['firstFound', 'kubernetes', 'interface', 'skipInterface', 'canReach', 'cidrs'];

function checkAutodetection(values: Record<string, unknown>, report: Reporter, ctx: ValuesContext): void {
  const defaults = chartDefaults('rke2-calico', ctx.calicoChart);
  for (const family of ['V4', 'V6'] as const) {
    const path = `installation.calicoNetwork.nodeAddressAutodetection${family}`;
    const user = getPath(values, path);
    if (user === undefined || !isMapping(user)) continue;
    // The chart version's own values.yaml default for this family (none in any rke2-calico so far), then the user's.
    const merged = helmMerge(getPath(defaults?.values, path) ?? {}, user);
    if (!isMapping(merged)) continue;
    const methods = AUTODETECT_METHODS.filter((m) => truthy(merged[m]));
    const chart = ctx.calicoChart ? `rke2-calico ${ctx.calicoChart}` : 'rke2-calico';
    if (methods.length > 1) {
      report(path, 'calico.autodetectTwoMethods', { chart, path, methods: methods.join(', '), hint: '' });
      continue;
    }
    // A chart whose template does not fill this family when empty leaves it to the Tigera operator, which writes
    // firstFound into the live Installation; Helm's three-way merge on a later upgrade keeps it beside the user's method.
    if (
      defaults &&
      methods.length === 1 &&
      methods[0] !== 'firstFound' &&
      user.firstFound === undefined &&
      !defaults.filledByTemplate.includes(path)
    )
      report(path, 'calico.autodetectLiveFirstFound', { chart, path, method: methods[0]! });
  }
}

const DROPPED_FELIX_KEYS = ['iptablesRefreshInterval', 'iptablesBackend'];

function checkCalico(values: Record<string, unknown>, report: Reporter, ctx: ValuesContext): void {
  checkAutodetection(values, report, ctx);
  checkServiceEndpoint(values, report, 'kubernetesServiceEndpoint.host', 'kubernetesServiceEndpoint.port');
  if (
    ctx.calicoChart &&
    chartHasEra(ctx.calicoChart, 'calicoNoFelixIptablesKeys') &&
    isMapping(values.felixConfiguration)
  )
    for (const key of DROPPED_FELIX_KEYS)
      if (values.felixConfiguration[key] !== undefined)
        report(`felixConfiguration.${key}`, 'calico.felixKeyDropped', { key, chart: ctx.calicoChart });
  const installation = values.installation;
  if (isMapping(installation)) {
    const { enabled: _e, backend, natOutgoing, ...spec } = installation;
    checkSchema(V.calicoInstallation, spec, nested(report, 'installation'), CALICO_CRD_SOURCE);
    // RKE2-only keys: rke2-calico copies them into the default IP pools, so the IPPool enums apply.
    if (backend !== undefined && !POOL_ENCAPSULATIONS.includes(String(backend))) {
      report(
        'installation.backend',
        'schema.enum',
        { allowed: POOL_ENCAPSULATIONS.map((v) => JSON.stringify(v)).join(', '), found: show(backend) },
        CALICO_CRD_SOURCE,
      );
    }
    if (natOutgoing !== undefined && !['Enabled', 'Disabled'].includes(String(natOutgoing))) {
      report(
        'installation.natOutgoing',
        'schema.enum',
        { allowed: '"Enabled", "Disabled"', found: show(natOutgoing) },
        CALICO_CRD_SOURCE,
      );
    }
    if (getPath(installation, 'calicoNetwork.linuxDataplane') === 'BPF') {
      const host = getPath(values, 'kubernetesServiceEndpoint.host');
      if (!truthy(host)) report('kubernetesServiceEndpoint.host', 'calico.ebpfNeedsEndpoint');
      else if (typeof host === 'string' && LOOPBACK.has(host.trim().toLowerCase()))
        report('kubernetesServiceEndpoint.host', 'calico.ebpfLocalhostEndpoint', { host });
      if (getPath(installation, 'calicoNetwork.kubeProxyManagement') === undefined)
        report('installation.calicoNetwork.linuxDataplane', 'calico.ebpfNeedsKubeProxyManagement');
    }
    const pools = getPath(installation, 'calicoNetwork.ipPools');
    if (Array.isArray(pools) && ctx.clusterCidr) {
      const cluster = ctx.clusterCidr.split(',');
      pools.forEach((pool, i) => {
        const cidr = isMapping(pool) ? pool.cidr : undefined;
        if (typeof cidr === 'string' && !cluster.some((c) => cidrContains(c, cidr))) {
          report(`installation.calicoNetwork.ipPools[${i}].cidr`, 'calico.ipPoolMismatch', {
            cidr,
            clusterCidr: ctx.clusterCidr!,
          });
        }
      });
    }
  }
  if (values.felixConfiguration !== undefined)
    checkSchema(
      V.felixConfiguration,
      values.felixConfiguration,
      nested(report, 'felixConfiguration'),
      CALICO_CRD_SOURCE,
    );
  if (values.ipamConfig !== undefined)
    checkSchema(V.ipamConfig, values.ipamConfig, nested(report, 'ipamConfig'), CALICO_CRD_SOURCE);
}

function checkFlannel(values: Record<string, unknown>, report: Reporter, ctx: ValuesContext): Set<string> {
  const skip = new Set<string>();
  const flannel = values.flannel;
  if (!isMapping(flannel)) return skip;
  if (flannel.iface !== undefined) {
    report('flannel.iface', 'flannel.ifaceKey', {
      iface: typeof flannel.iface === 'string' && flannel.iface ? flannel.iface : 'eth1',
    });
    skip.add('flannel.iface');
  }
  if (Array.isArray(flannel.args)) {
    for (const arg of ['--kube-subnet-mgr', '--ip-masq']) {
      if (!flannel.args.includes(arg)) report('flannel.args', 'flannel.argsMissing', { arg });
    }
  }
  // backendPort is the WireGuard listen port too: a chart default of 0 lets flannel pick its WireGuard port,
  // a non-zero one (the VXLAN port in later rke2-flannel charts) is used as is. Unknown chart: the latest.
  const flannelChart = ctx.flannelChart ?? latestChart('rke2-flannel');
  const defaultPort = defaultAt('rke2-flannel', flannelChart, 'flannel.backendPort');
  if (flannel.backend === 'wireguard' && flannel.backendPort === undefined && truthy(defaultPort))
    report('flannel.backend', 'flannel.wireguardPort', {
      chart: `rke2-flannel ${flannelChart ?? ''}`.trim(),
      port: String(defaultPort),
    });
  return skip;
}

function checkMultus(values: Record<string, unknown>, report: Reporter, ctx: ValuesContext): void {
  const merged = mergedValues('rke2-multus', ctx.multusChart, values);
  const thick = truthy(getPath(merged, 'thickPlugin.enabled'));
  if (truthy(getPath(merged, 'dynamicNetworksController.enabled')) && !thick)
    report('dynamicNetworksController.enabled', 'multus.dncNeedsThick');
  if (thick && getPath(merged, 'manifests.configMap') === false)
    report('manifests.configMap', 'multus.thickNeedsConfigMap');
}

/**
 * Checks one chart's values (from an HCC's valuesContent or Rancher chartValues). Paths are relative to
 * the reporter, which the caller prefixes (e.g. "spec.valuesContent").
 */
export function checkChartValues(chart: string, values: unknown, report: Reporter, ctx: ValuesContext): void {
  if (!isMapping(values)) {
    report('', 'hcc.valuesContentNotMapping', { found: kindOf(values) });
    return;
  }
  if (values.global !== undefined) {
    if (isMapping(values.global))
      for (const key of Object.keys(values.global)) report(`global.${key}`, 'values.globalKey', { key });
    else report('global', 'values.globalKey', { key: '*' });
  }
  if (!isCniChart(chart)) return;
  checkSetSyntax(values, report);
  let skip = new Set<string>(['global']);
  let checkUnknownKeys = true;
  if (chart === 'rke2-cilium') checkUnknownKeys = checkCilium(values, report, ctx, skip);
  if (chart === 'rke2-calico') checkCalico(values, report, ctx);
  if (chart === 'rke2-flannel') skip = new Set([...skip, ...checkFlannel(values, report, ctx)]);
  if (chart === 'rke2-multus') checkMultus(values, report, ctx);
  if (!checkUnknownKeys) return;
  const tree = treeFor(chart, ctx);
  const dotted = dottedKeySkip(tree, report);
  checkKeys(values, tree, report, {
    messageId: 'values.unknownKey',
    owner: { chart },
    source: VALUES_SOURCE[chart],
    skip: (path, key) => skip.has(path) || dotted(path, key),
  });
}

/** kube-proxy replacement as the chart values set it (Cilium KPR, or the Calico eBPF dataplane). */
export function replacesKubeProxy(chart: string, values: unknown, ctx: Pick<ValuesContext, 'ciliumChart'>): boolean {
  if (chart === 'rke2-cilium') {
    // The chart's own default counts too (rke2-cilium 1.9 defaulted "probe", 1.18.300 on "false").
    const merged = mergedValues('rke2-cilium', ctx.ciliumChart, values);
    const kpr = String(getPath(ciliumEffectiveValues(merged, ctx), 'kubeProxyReplacement'));
    return ciliumEraFor(ctx.ciliumChart) === 'modern' ? kpr === 'true' : kpr === 'true' || kpr === 'strict';
  }
  if (chart === 'rke2-calico') return getPath(values, 'installation.calicoNetwork.linuxDataplane') === 'BPF';
  return false;
}
