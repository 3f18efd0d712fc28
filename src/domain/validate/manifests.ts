import * as V from './generated/validators.js';
import { KEY_TREES } from './generated/key-trees';
import type { CompiledValidator } from './compiled-validator';
import { checkKeys } from './key-tree';
import { checkSchema } from './schema-check';
import { checkChartValues, isCniChart, isCniSelectedChart, PACKAGED_CHARTS, type ValuesContext } from './chart-values';
import type { CniSelection } from './cni-list';
import { getPath, isMapping, kindOf, nested, show, type Reporter } from './issues';
import { isDuplicateKey, parseJson, parseYamlOne } from './parse';
import { nearest } from './suggest';
import { SOURCES, type Source } from '../sources';

/** One YAML document of a manifest file, with a reporter already pointing at it. */
export interface ManifestDoc {
  file: string;
  value: Record<string, unknown>;
  report: Reporter;
}

/** What the doctor learnt from the whole bundle before judging single objects. */
export interface BundleFacts {
  /** The effective `cni`, or null when no config says it (or it is invalid). */
  cni: CniSelection | null;
  values: ValuesContext;
  /** rke2-multus values from the bundle's HCC or chartValues, when present. */
  multusValues: Record<string, unknown> | null;
  /** resourceNames of every SriovNetworkNodePolicy in the bundle. */
  sriovResourceNames: string[];
  /** Chart names configured through Rancher chartValues. */
  rancherChartValues: ReadonlySet<string>;
  /** Names of HelmChart objects the bundle installs itself (an HCC may configure those). */
  helmChartNames: ReadonlySet<string>;
}

const CRD_SOURCES: Record<string, Source> = {
  HelmChartConfig: SOURCES.helmChartConfigCrd,
  NetworkAttachmentDefinition: SOURCES.nadCrd,
  SriovNetworkNodePolicy: SOURCES.sriovOperator,
  SriovNetwork: SOURCES.sriovOperator,
  BGPPeer: SOURCES.calicoBgp,
  BGPConfiguration: SOURCES.calicoBgp,
};

function checkCrdObject(
  kind: string,
  validator: CompiledValidator,
  doc: ManifestDoc,
  skip?: (path: string) => boolean,
): void {
  const source = CRD_SOURCES[kind] ?? SOURCES.helmAddons;
  const report: Reporter = skip
    ? (path, id, data, src) => (skip(path) ? undefined : doc.report(path, id, data, src))
    : doc.report;
  checkSchema(validator, doc.value, report, source);
  const tree = KEY_TREES[kind];
  if (tree) checkKeys(doc.value, tree, report, { messageId: 'schema.unknownKey', owner: { kind }, source });
}

/** valuesContent (a YAML string) or spec.values (structured): both reach the chart. */
function hccValues(spec: Record<string, unknown>, report: Reporter): { path: string; values: unknown }[] {
  const out: { path: string; values: unknown }[] = [];
  if (typeof spec.valuesContent === 'string') {
    const parsed = parseYamlOne(spec.valuesContent);
    if (!parsed.ok)
      report('spec.valuesContent', isDuplicateKey(parsed.reason) ? 'file.duplicateKey' : 'hcc.valuesContentSyntax', {
        reason: parsed.reason,
      });
    else out.push({ path: 'spec.valuesContent', values: parsed.value });
  }
  if (spec.values !== undefined && spec.values !== null) out.push({ path: 'spec.values', values: spec.values });
  return out;
}

/** The chart values an HCC carries, merged shallowly (spec.values wins), for cross-file facts. Never reports. */
export function valuesOfHcc(doc: Record<string, unknown>): Record<string, unknown> | null {
  const spec = doc.spec;
  if (!isMapping(spec)) return null;
  let merged: Record<string, unknown> | null = null;
  if (typeof spec.valuesContent === 'string') {
    const parsed = parseYamlOne(spec.valuesContent);
    if (parsed.ok && isMapping(parsed.value)) merged = { ...parsed.value };
  }
  if (isMapping(spec.values)) merged = { ...(merged ?? {}), ...spec.values };
  return merged;
}

export function checkHelmChartConfig(doc: ManifestDoc, facts: BundleFacts): void {
  const { value, report } = doc;
  if (value.apiVersion === undefined) report('apiVersion', 'hcc.apiVersionMissing');
  else if (value.apiVersion !== 'helm.cattle.io/v1')
    report('apiVersion', 'hcc.apiVersionWrong', { found: show(value.apiVersion) });
  const meta = isMapping(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) report('metadata.name', 'hcc.nameMissing');
  else if (!(PACKAGED_CHARTS as readonly string[]).includes(name) && !facts.helmChartNames.has(name)) {
    const near = nearest(name, PACKAGED_CHARTS);
    report('metadata.name', 'hcc.nameNotPackaged', { name, hint: near ? ` Did you mean "${near}"?` : '' });
  }
  if (meta.namespace === undefined) report('metadata.namespace', 'hcc.namespaceMissing');
  else if (meta.namespace !== 'kube-system')
    report('metadata.namespace', 'hcc.namespaceWrong', { found: show(meta.namespace) });
  if (name && facts.cni && isCniSelectedChart(name) && !facts.cni.enabledCharts.has(name)) {
    report('metadata.name', 'hcc.chartDisabled', {
      name,
      cni: facts.cni.text,
      enabled: [...facts.cni.enabledCharts].filter(isCniChart).join(' or ') || 'no CNI chart (cni: none)',
    });
  }
  if (name && facts.rancherChartValues.has(name)) report('metadata.name', 'rancher.hccConflict', { name });
  if (value.spec === undefined) {
    if (isMapping(value.metadata) && value.metadata.spec !== undefined)
      report('metadata.spec', 'hcc.specUnderMetadata');
    else report('', 'hcc.specMissing');
  }
  const spec = isMapping(value.spec) ? value.spec : null;
  // Keys beside valuesContent that are chart values, not HelmChartConfig fields: their own message, not "unknown key".
  const beside = new Set<string>();
  if (spec) {
    const fields = KEY_TREES.HelmChartConfig;
    const specFields = fields && fields !== 1 ? fields.spec : undefined;
    for (const key of Object.keys(spec)) {
      if (specFields && specFields !== 1 && !(key in specFields)) {
        report(`spec.${key}`, 'hcc.valuesBesideValuesContent', { key });
        beside.add(`spec.${key}`);
      }
    }
  }
  checkCrdObject('HelmChartConfig', V.helmChartConfig, doc, (path) => beside.has(path) || path === 'metadata.spec');
  if (!spec) return;
  const all = hccValues(spec, report);
  if (all.length === 0 && spec.valuesSecrets === undefined) report('spec', 'hcc.noValues');
  for (const { path, values } of all) checkChartValues(name, values, nested(report, path), facts.values);
}

/** A HelmChart named like a packaged chart is the rancher/rke2#1734 mistake: it should be a HelmChartConfig. */
export function checkHelmChart(doc: ManifestDoc): void {
  const name = getPath(doc.value, 'metadata.name');
  if (typeof name === 'string' && (PACKAGED_CHARTS as readonly string[]).includes(name))
    report(doc, 'kind', 'hcc.helmChartForPackaged', { name });
}

function report(doc: ManifestDoc, path: string, id: Parameters<Reporter>[1], data?: Parameters<Reporter>[2]): void {
  doc.report(path, id, data);
}

interface CniConfigShape {
  types: string[];
  ipamTypes: string[];
}

function cniShape(config: Record<string, unknown>): CniConfigShape {
  const entries = Array.isArray(config.plugins) ? config.plugins.filter(isMapping) : [config];
  const types = entries.map((p) => p.type).filter((t): t is string => typeof t === 'string');
  const ipamTypes = entries.map((p) => getPath(p, 'ipam.type')).filter((t): t is string => typeof t === 'string');
  return { types, ipamTypes };
}

export function checkNetworkAttachmentDefinition(doc: ManifestDoc, facts: BundleFacts): void {
  const { value, report: r } = doc;
  if (value.apiVersion !== 'k8s.cni.cncf.io/v1') r('apiVersion', 'nad.apiVersion', { found: show(value.apiVersion) });
  checkCrdObject('NetworkAttachmentDefinition', V.networkAttachmentDefinition, doc);
  if (facts.cni && !facts.cni.multus) r('', 'nad.multusDisabled', { cni: facts.cni.text, primary: facts.cni.primary });
  const config = getPath(value, 'spec.config');
  if (config === undefined || config === null || config === '') {
    r('spec.config', 'nad.configMissing');
    return;
  }
  if (typeof config !== 'string') return; // the schema reported the type
  const parsed = parseJson(config);
  if (!parsed.ok) {
    r('spec.config', 'nad.configNotJson', { reason: parsed.reason });
    return;
  }
  if (!isMapping(parsed.value)) {
    r('spec.config', 'nad.configNotJson', { reason: `a JSON ${kindOf(parsed.value)}, not an object` });
    return;
  }
  const shape = cniShape(parsed.value);
  if (shape.types.length === 0) r('spec.config', 'nad.configNoType');
  if (shape.ipamTypes.includes('whereabouts')) {
    if (!facts.multusValues) r('spec.config', 'nad.whereaboutsNotSeen');
    else if (getPath(facts.multusValues, 'rke2-whereabouts.enabled') !== true)
      r('spec.config', 'nad.whereaboutsDisabled');
  }
  if (
    shape.ipamTypes.includes('dhcp') &&
    facts.multusValues &&
    getPath(facts.multusValues, 'manifests.dhcpDaemonSet') !== true
  ) {
    r('spec.config', 'nad.dhcpDisabled');
  }
  if (shape.types.includes('sriov')) {
    const annotation = getPath(value, 'metadata.annotations');
    if (!isMapping(annotation) || typeof annotation['k8s.v1.cni.cncf.io/resourceName'] !== 'string') {
      r('metadata.annotations', 'nad.sriovResourceAnnotation', {
        example: facts.sriovResourceNames[0] ?? 'sriov_netdevice',
      });
    }
  }
}

export function checkSriovNetworkNodePolicy(doc: ManifestDoc): void {
  checkCrdObject('SriovNetworkNodePolicy', V.sriovNetworkNodePolicy, doc);
}

export function checkSriovNetwork(doc: ManifestDoc, facts: BundleFacts): void {
  checkCrdObject('SriovNetwork', V.sriovNetwork, doc);
  if (facts.cni && !facts.cni.multus)
    doc.report('', 'nad.multusDisabled', { cni: facts.cni.text, primary: facts.cni.primary });
  const name = getPath(doc.value, 'spec.resourceName');
  if (typeof name !== 'string') return;
  if (facts.sriovResourceNames.length === 0) doc.report('spec.resourceName', 'sriov.noPolicy', { name });
  else if (!facts.sriovResourceNames.includes(name)) {
    doc.report('spec.resourceName', 'sriov.resourceNameMismatch', {
      name,
      known: facts.sriovResourceNames.map((n) => `"${n}"`).join(', '),
    });
  }
}

export function checkBgp(kind: 'BGPPeer' | 'BGPConfiguration', doc: ManifestDoc): void {
  checkCrdObject(kind, kind === 'BGPPeer' ? V.bgpPeer : V.bgpConfiguration, doc);
}
