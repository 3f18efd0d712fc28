/**
 * Builds the bundle doctor's generated modules from the upstream schemas in data/upstream:
 *   src/domain/validate/generated/validators.js   ajv standalone code (no `new Function` at runtime: CSP-safe)
 *   src/domain/validate/generated/validators.d.ts its types
 *   src/domain/validate/generated/key-trees.ts     the key paths each chart / CRD accepts (unknown-key check)
 *
 * Run with `npm run generate:validators`; src/domain/validate/generated-up-to-date.test.ts fails when the
 * committed output differs from what this script builds.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneModule from 'ajv/dist/standalone';
import { load } from 'js-yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const UP = join(ROOT, 'data/upstream');
export const GENERATED_DIR = join(ROOT, 'src/domain/validate/generated');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };
/** 1: anything is accepted below this key. A mapping: only these keys. '[]': the tree of each array item. */
export type KeyTree = 1 | { [key: string]: KeyTree };

const readYaml = (rel: string): unknown => load(readFileSync(join(UP, rel), 'utf8'));
const readJson = (rel: string): Schema => JSON.parse(readFileSync(join(UP, rel), 'utf8')) as Schema;

function crdSchema(rel: string, version = 'v1'): Schema {
  const crd = readYaml(rel) as { spec: { versions: { name: string; schema: { openAPIV3Schema: Schema } }[] } };
  const v = crd.spec.versions.find((x) => x.name === version);
  if (!v) throw new Error(`${rel}: no version ${version}`);
  return v.schema.openAPIV3Schema;
}

/** Drops descriptions and turns OpenAPI `nullable` into a JSON-schema null type, so ajv judges as the API server does. */
function clean(node: Json): Json {
  if (Array.isArray(node)) return node.map(clean);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' || k === '$schema' || k === 'default' || k === 'example') continue;
    out[k] =
      k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, clean(pv)]))
        : clean(v);
  }
  if (typeof out.pattern === 'string' && out.pattern.includes('(?i)'))
    out.pattern = caseInsensitive(out.pattern.replace('(?i)', ''));
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  return out;
}

/** Go's inline `(?i)` flag has no JS equivalent here: spell each letter outside a class as [xX]. */
function caseInsensitive(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ']') inClass = false;
    out += !inClass && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

/** Replaces subtrees larger than `maxBytes` with an open object: keeps the generated code small. */
function openLargeProperties(schema: Schema, maxBytes: number): { schema: Schema; opened: string[] } {
  const props = { ...(schema.properties as Schema) };
  const opened: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    if (JSON.stringify(v).length > maxBytes) {
      props[k] = { type: 'object' };
      opened.push(k);
    }
  }
  return { schema: { ...schema, properties: props }, opened };
}

/** Kubernetes pod-spec pass-throughs in rke2-cilium values: only their top-level type is checked. */
const CILIUM_PASSTHROUGH = new Set([
  'affinity',
  'tolerations',
  'nodeSelector',
  'resources',
  'securityContext',
  'podSecurityContext',
  'annotations',
  'podAnnotations',
  'podLabels',
  'labels',
  'extraEnv',
  'extraVolumes',
  'extraVolumeMounts',
  'extraArgs',
  'extraContainers',
  'extraInitContainers',
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'updateStrategy',
  'topologySpreadConstraints',
  'podDisruptionBudget',
  'image',
  'initResources',
  'extraHostPathMounts',
  'serviceAnnotations',
  'commonLabels',
]);

function prunePassthrough(node: Json): Json {
  if (Array.isArray(node)) return node.map(prunePassthrough);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([pk, pv]) => {
          if (CILIUM_PASSTHROUGH.has(pk) && pv && typeof pv === 'object' && !Array.isArray(pv)) {
            return [pk, 'type' in pv ? { type: pv.type } : {}];
          }
          return [pk, prunePassthrough(pv)];
        }),
      );
    } else out[k] = prunePassthrough(v);
  }
  return out;
}

/**
 * Moves every object subschema bigger than `minBytes` into a shared definitions schema and refers to it:
 * ajv then emits one function per distinct object (shared by cilium 1.19 and 1.20, and by the many
 * repeated shapes inside one chart) with short error paths, instead of inlining everything.
 */
function hashCons(
  roots: Record<string, Schema>,
  defsId: string,
  minBytes: number,
): { roots: Record<string, Schema>; defs: Schema } {
  const defs: Record<string, Json> = {};
  const ids = new Map<string, string>();
  const walk = (node: Json, isRoot: boolean): Json => {
    if (Array.isArray(node)) return node.map((n) => walk(n, false));
    if (!node || typeof node !== 'object') return node;
    const out: Schema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
        out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, walk(pv, false)]));
      } else if (k === 'enum' || k === 'const') out[k] = v;
      else out[k] = walk(v, false);
    }
    if (isRoot || !out.properties) return out;
    const key = JSON.stringify(out);
    if (key.length < minBytes) return out;
    let id = ids.get(key);
    if (!id) {
      id = `d${ids.size}`;
      ids.set(key, id);
      defs[id] = out;
    }
    return { $ref: `${defsId}#/definitions/${id}` };
  };
  const outRoots = Object.fromEntries(Object.entries(roots).map(([n, s]) => [n, walk(s, true) as Schema]));
  return { roots: outRoots, defs: { $id: defsId, definitions: defs } };
}

export function treeFromSchema(node: Json, open: ReadonlySet<string> = new Set()): KeyTree {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return 1;
  if (node['x-kubernetes-preserve-unknown-fields'] === true && !node.properties) return 1;
  const props = node.properties;
  if (props && typeof props === 'object' && !Array.isArray(props) && Object.keys(props).length > 0) {
    if (
      node.additionalProperties !== undefined &&
      node.additionalProperties !== null &&
      node.additionalProperties !== false
    )
      return 1;
    const t: { [k: string]: KeyTree } = {};
    for (const [k, v] of Object.entries(props)) t[k] = open.has(k) ? 1 : treeFromSchema(v, open);
    return t;
  }
  if (node.items) {
    const it = treeFromSchema(node.items, open);
    return it === 1 ? 1 : { '[]': it };
  }
  return 1;
}

/** Key tree of a chart's values.yaml: a non-empty mapping lists its keys; anything else is a leaf. */
export function treeFromValues(v: unknown): KeyTree {
  if (!v || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length === 0) return 1;
  return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, treeFromValues(c)]));
}

function setPath(tree: KeyTree, path: string, value: KeyTree): void {
  const parts = path.split('.');
  let node = tree;
  for (const p of parts.slice(0, -1)) {
    if (node === 1) throw new Error(`setPath ${path}: open parent`);
    let next: KeyTree | undefined = node[p];
    if (next === undefined || next === 1) {
      next = {};
      node[p] = next;
    }
    node = next;
  }
  if (node === 1) throw new Error(`setPath ${path}: open parent`);
  node[parts[parts.length - 1]!] = value;
}

/**
 * Keys the chart templates read although values.yaml only mentions them in comments, and maps that
 * are open (Kubernetes objects passed through). Each line is read off the chart's values.yaml comments.
 */
const VALUES_SUPPLEMENTS: Record<string, { add: string[]; open: string[] }> = {
  'rke2-canal': {
    add: ['podCidr', 'flannel.mtu', 'flannel.vni', 'flannel.macPrefix', 'flannel.tunnelMode'],
    open: [
      'flannel.resources',
      'calico.resources',
      'calico.livenessProbe',
      'calico.readinessProbe',
      'calico_init.resources',
      'flexvol.resources',
      'global',
    ],
  },
  'rke2-flannel': {
    add: [
      'flannel.mtu',
      'flannel.GBP',
      'flannel.directRouting',
      'flannel.macPrefix',
      'flannel.backendPortv6',
      'flannel.psk',
      'flannel.tunnelMode',
      'flannel.keepaliveInterval',
    ],
    open: ['flannel.resources', 'global'],
  },
  'rke2-multus': {
    add: [
      'replicaCount',
      'imagePullSecrets',
      'nameOverride',
      'fullnameOverride',
      'serviceAccount.create',
      'serviceAccount.annotations',
      'podSecurityContext',
      'securityContext',
      'affinity',
      'config.cni_conf.namespaceIsolation',
      'config.cni_conf.globalNamespaces',
      'config.cni_conf.skipConfigWatch',
      'config.cni_conf.skipMultusBinaryCopy',
      'config.cni_conf.readinessIndicatorFile',
      'config.cni_conf.multusBinFile',
      'config.cni_conf.multusCniConfDir',
      'config.cni_conf.masterCniFilename',
      'config.cni_conf.overrideNetworkName',
      'config.cni_conf.renameConfFile',
      'config.cni_conf.logFile',
      'config.cni_conf.logLevel',
      'config.cni_conf.logToStderr',
      'config.cni_conf.cniVersion',
      'config.cni_conf.additionalBinDir',
    ],
    open: ['pod.resources', 'labels.nodeSelector', 'config.daemon_conf', 'global'],
  },
  'rke2-calico': {
    add: [],
    open: [
      'imagePullSecrets',
      'resources',
      'additionalLabels',
      'tolerations',
      'nodeSelector',
      'affinity',
      'podAnnotations',
      'podLabels',
      'dnsConfig',
      'global',
    ],
  },
};

function valuesTree(chart: string, rel: string): KeyTree {
  const tree = treeFromValues(readYaml(rel));
  const sup = VALUES_SUPPLEMENTS[chart];
  if (sup) {
    for (const p of sup.add) setPath(tree, p, 1);
    for (const p of sup.open) setPath(tree, p, 1);
  }
  return tree;
}

/** The rke2-multus whereabouts subchart keys live under `rke2-whereabouts`. */
function multusTree(): KeyTree {
  const tree = valuesTree('rke2-multus', 'rke2-charts/rke2-multus/v4.3.008/values.yaml');
  const wh = treeFromValues(readYaml('rke2-charts/rke2-multus/v4.3.008/charts/rke2-whereabouts/values.yaml'));
  if (tree === 1 || wh === 1) throw new Error('multus values');
  for (const p of [
    'resources',
    'nodeSelector',
    'tolerations',
    'securityContext',
    'podSecurityContext',
    'reconciler.resources',
    'global',
  ])
    setPath(wh, p, 1);
  tree['rke2-whereabouts'] = { ...wh, enabled: 1 };
  // v4.3.009+ moved the NAD CRD to rke2-multus-crd; keep the older key valid for older releases.
  return tree;
}

/** Words that start commented lines in values.yaml but are not keys ("# type: [null, string]", "# ref: https://..."). */
const NOT_KEYS = new Set([
  'type',
  'ref',
  'enum',
  'https',
  'http',
  'example',
  'note',
  'default',
  'eg',
  'e',
  'see',
  'warning',
]);

/**
 * Keys that values.yaml only shows commented out ("# devices: \"\"") are still read by the templates, and
 * the generated values.schema.json lacks them. Adds each under its parent (found by indentation) as open.
 */
function addCommentedKeys(tree: KeyTree, valuesText: string): KeyTree {
  if (tree === 1) return tree;
  const stack: { indent: number; key: string }[] = [];
  for (const line of valuesText.split('\n')) {
    const real = /^(\s*)([A-Za-z0-9_.-]+):(\s|$)/.exec(line);
    const commented = /^(\s*)#\s?([a-z][A-Za-z0-9]*):(\s|$)/.exec(line);
    const m = real ?? commented;
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    if (real) {
      stack.push({ indent, key: m[2]! });
      continue;
    }
    if (NOT_KEYS.has(m[2]!.toLowerCase())) continue;
    let node: KeyTree = tree;
    for (const { key } of stack) {
      if (node === 1) break;
      node = node[key] ?? 1;
    }
    if (node !== 1 && !('[]' in node) && node[m[2]!] === undefined) node[m[2]!] = 1;
  }
  return tree;
}

/** Union of two key trees: a key allowed by either is allowed; open wins. */
function mergeTrees(a: KeyTree, b: KeyTree): KeyTree {
  if (a === 1 || b === 1) return 1;
  const out: { [k: string]: KeyTree } = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? mergeTrees(out[k]!, v) : v;
  return out;
}

/**
 * rke2-cilium keys: the schema's (generated upstream), plus RKE2's own additions to values.yaml that the
 * schema lacks (e.g. portmapPlugin), plus keys values.yaml only shows commented out.
 */
function ciliumTree(schema: Schema, version: string): KeyTree {
  const text = readFileSync(join(UP, `rke2-charts/rke2-cilium/${version}/values.yaml`), 'utf8');
  const fromValues = treeFromValues(load(text));
  const tree = mergeTrees(treeFromSchema(schema, CILIUM_PASSTHROUGH), pruneTree(fromValues, CILIUM_PASSTHROUGH));
  return addCommentedKeys(tree, text);
}

/** Opens the pass-through keys in a values-derived tree, as the schema-derived tree has them. */
function pruneTree(tree: KeyTree, open: ReadonlySet<string>): KeyTree {
  if (tree === 1) return 1;
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, open.has(k) ? 1 : pruneTree(v, open)]));
}

export interface BuiltSchemas {
  schemas: Record<string, Schema>;
  trees: Record<string, KeyTree>;
  notes: string[];
}

export function buildSchemas(): BuiltSchemas {
  const notes: string[] = [];
  const calicoCrd = 'rke2-charts/rke2-calico-crd/v3.32.100/crds';
  const installationSpec = clean(
    (crdSchema(`${calicoCrd}/operator.tigera.io_installations.yaml`).properties as Schema).spec!,
  ) as Schema;
  const { schema: installation, opened } = openLargeProperties(installationSpec, 5000);
  notes.push(
    `Installation spec: ${opened.join(', ')} are checked only as objects (their pod-template schemas are large).`,
  );
  const felix = clean(
    (crdSchema(`${calicoCrd}/crd.projectcalico.org_felixconfigurations.yaml`).properties as Schema).spec!,
  ) as Schema;
  const ipamConfig = clean(
    (crdSchema(`${calicoCrd}/crd.projectcalico.org_ipamconfigs.yaml`).properties as Schema).spec!,
  ) as Schema;
  const bgpPeer = clean(crdSchema(`${calicoCrd}/crd.projectcalico.org_bgppeers.yaml`)) as Schema;
  const bgpConfiguration = clean(crdSchema(`${calicoCrd}/crd.projectcalico.org_bgpconfigurations.yaml`)) as Schema;
  const hcc = clean(crdSchema('helm-controller/v0.17.7/helm.cattle.io_helmchartconfigs.yaml')) as Schema;
  const nad = clean(crdSchema('rke2-charts/rke2-multus-crd/4.3.017/crds/customResourceDefinition.yaml')) as Schema;
  const sriovPolicy = clean(
    crdSchema('sriov-network-operator/crds/sriovnetwork.openshift.io_sriovnetworknodepolicies.yaml'),
  ) as Schema;
  const sriovNetwork = clean(
    crdSchema('sriov-network-operator/crds/sriovnetwork.openshift.io_sriovnetworks.yaml'),
  ) as Schema;
  const cilium119 = prunePassthrough(clean(readJson('rke2-charts/rke2-cilium/1.19.601/values.schema.json'))) as Schema;
  const cilium120 = prunePassthrough(clean(readJson('rke2-charts/rke2-cilium/1.20.102/values.schema.json'))) as Schema;

  // rke2-calico: installation.* is rendered into the Installation spec except the RKE2-only keys.
  const calico = valuesTree('rke2-calico', 'rke2-charts/rke2-calico/v3.32.100/values.yaml');
  if (calico === 1) throw new Error('calico values');
  const installationTree = treeFromSchema(installation);
  if (installationTree === 1) throw new Error('installation tree');
  calico.installation = { ...installationTree, enabled: 1, backend: 1, natOutgoing: 1 };
  calico.felixConfiguration = treeFromSchema(felix);
  calico.ipamConfig = treeFromSchema(ipamConfig);

  const crdTree = (s: Schema): KeyTree => {
    const t = treeFromSchema(s);
    if (t === 1) return t;
    return { ...t, apiVersion: 1, kind: 1, metadata: 1 };
  };

  return {
    schemas: {
      cilium119,
      cilium120,
      calicoInstallation: installation,
      felixConfiguration: felix,
      ipamConfig,
      helmChartConfig: hcc,
      networkAttachmentDefinition: nad,
      sriovNetworkNodePolicy: sriovPolicy,
      sriovNetwork,
      bgpPeer,
      bgpConfiguration,
    },
    trees: {
      'rke2-cilium@1.19': ciliumTree(cilium119, '1.19.601'),
      'rke2-cilium@1.20': ciliumTree(cilium120, '1.20.102'),
      'rke2-canal': valuesTree('rke2-canal', 'rke2-charts/rke2-canal/v3.32.1-build2026081900/values.yaml'),
      'rke2-calico': calico,
      'rke2-flannel': valuesTree('rke2-flannel', 'rke2-charts/rke2-flannel/v0.28.906/values.yaml'),
      'rke2-multus': multusTree(),
      HelmChartConfig: crdTree(hcc),
      NetworkAttachmentDefinition: crdTree(nad),
      SriovNetworkNodePolicy: crdTree(sriovPolicy),
      SriovNetwork: crdTree(sriovNetwork),
      BGPPeer: crdTree(bgpPeer),
      BGPConfiguration: crdTree(bgpConfiguration),
    },
    notes,
  };
}

/**
 * Mechanical size cuts on ajv's output (the browser lazy-loads it): we never read schemaPath, and the
 * "push an error" statement ajv repeats for every check becomes one helper call.
 */
function shrink(code: string): string {
  const helper =
    'const pushErr = (list, e) => { if (list === null) return [e]; list.push(e); return list; };\n' +
    'const typeErr = (instancePath, type) => ({ instancePath, keyword: "type", params: { type } });\n';
  const out = code
    .replace(/,schemaPath:"[^"]*"/g, '')
    .replace(
      /const (err\d+) = (\{instancePath[^;]*?\});if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}/g,
      'vErrors = pushErr(vErrors, $2);',
    )
    .replace(/\{instancePath:([^,{}]*?),keyword:"type",params:\{type: ("[^"]*")\}\}/g, 'typeErr($1, $2)');
  return out.replace('"use strict";', `"use strict";${helper}`);
}

const HEADER =
  '// GENERATED by scripts/compile-validators.ts from data/upstream (Apache-2.0, see data/README.md). Do not edit.\n';

export function buildGeneratedFiles(): Record<string, string> {
  const { schemas, trees, notes } = buildSchemas();
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    messages: false,
    validateFormats: false,
    code: { source: true, esm: true, lines: false },
  });
  const { roots, defs } = hashCons(schemas, 'defs', 120);
  ajv.addSchema(defs);
  for (const [name, schema] of Object.entries(roots)) ajv.addSchema(schema, name);
  const standaloneCode =
    (standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule;
  const names = Object.keys(schemas);
  const code = standaloneCode(ajv, Object.fromEntries(names.map((n) => [n, n])));
  // ajv's standalone ESM output still `require`s its ucs2length helper; inline an equivalent so the module is plain ESM.
  const esm = code.replace(
    /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g,
    'const $1 = (s) => { let n = 0; for (const _ of s) n++; return n; };',
  );
  if (/require\(/.test(esm)) throw new Error('generated validators still require() something');
  const js = `${HEADER}// ${notes.join('\n// ')}\n${shrink(esm)}\n`;
  const dts = `${HEADER}import type { CompiledValidator } from '../compiled-validator';\n${names.map((n) => `export declare const ${n}: CompiledValidator;`).join('\n')}\n`;
  const keys = (rel: string): string[] =>
    readFileSync(join(UP, rel), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
  const treesTs =
    `${HEADER}import type { KeyTree } from '../key-tree';\n\n` +
    `/** Flags a server's config.yaml may hold (rke2-docs docs/reference/server_config.md). */\n` +
    `export const SERVER_CONFIG_KEYS: readonly string[] = ${JSON.stringify(keys('rke2/server_config-keys.txt'))};\n\n` +
    `/** Flags a Linux agent's config.yaml may hold (rke2-docs docs/reference/linux_agent_config.md). */\n` +
    `export const AGENT_CONFIG_KEYS: readonly string[] = ${JSON.stringify(keys('rke2/linux_agent_config-keys.txt'))};\n\n` +
    // A string for JSON.parse, not an object literal: scanned, not parsed as code, so the CLI starts faster
    // (V8 parses JSON faster than the equivalent JavaScript: v8.dev/blog/cost-of-javascript-2019).
    `export const KEY_TREES: Readonly<Record<string, KeyTree>> = JSON.parse(${JSON.stringify(JSON.stringify(trees))});\n`;
  return { 'validators.js': js, 'validators.d.ts': dts, 'key-trees.ts': treesTs };
}

const invokedDirectly = process.argv[1] && /compile-validators\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [name, text] of Object.entries(buildGeneratedFiles())) {
    writeFileSync(join(GENERATED_DIR, name), text);
    console.log(`${name}: ${text.length} bytes`);
  }
}
