/**
 * Which image each RKE2 CNI chart pulls, read from the chart's own values: for every image, the values key
 * that holds its repository and tag, and the values keys that decide whether the chart renders it.
 *
 * One table serves two readers: scripts/generate-airgap-data.ts walks it over every chart version of the
 * release table (rancher/rke2-charts, branch main, charts/<chart>/<chart>/<version>/values.yaml) to record
 * the refs and the toggles' defaults, and airgap/images.ts walks it over the HelmChartConfig values the
 * bundle emits to pick the images this plan needs.
 */
import type { ChartName } from '../facts/cni-names';
import { SOURCES, type Source } from '../sources';

/** An add-on that brings its own images (the list): the list says which one needs each image. */
export const AIRGAP_ADDONS = ['base', 'multus', 'whereabouts', 'multus-dhcp', 'hubble-relay', 'hubble-ui'] as const;
export type AirgapAddon = (typeof AIRGAP_ADDONS)[number];

/**
 * A test on one values key, after the emitted HelmChartConfig is laid over the chart's defaults.
 * `equals: true` holds only for the boolean true; `equals: false` holds for anything but true (an absent
 * key is false, as Helm's `if` reads it); a string must match exactly.
 */
export interface ValueTest {
  path: string;
  equals: boolean | string;
  /** When the key is null (not set), the chart decides by itself: this is what it decides. */
  whenNull?: boolean;
}

export interface ImageRule {
  /** Short name of the workload, e.g. "hubble-relay". */
  component: string;
  /** Values keys of the image object ({repository, tag} or {image, tag|version}); the first the chart version has wins (keys moved across versions). */
  paths: readonly string[];
  addon: AirgapAddon;
  /** All must hold for the chart to render the image. */
  when?: readonly ValueTest[];
  /** Cilium's operator: the repository gets "-generic" or "-aws" (cilium templates/_helpers.tpl, cilium.operator.image). */
  operatorSuffix?: boolean;
  source: Source;
}

/**
 * Older charts (rke2-cilium before 1.11, which wrapped upstream cilium as a subchart) nest every key under
 * this prefix; the generator records which versions do. The rules below name keys without it.
 */
export const SUBCHART_PREFIX: Partial<Record<ChartName, string>> = { 'rke2-cilium': 'cilium.' };

const hubbleOn: ValueTest = { path: 'hubble.enabled', equals: true };

export const IMAGE_RULES: Readonly<Record<ChartName, readonly ImageRule[]>> = {
  'rke2-canal': [
    { component: 'flannel', paths: ['flannel.image'], addon: 'base', source: SOURCES.canalValues },
    { component: 'calico-cni', paths: ['calico.cniImage'], addon: 'base', source: SOURCES.canalValues },
    { component: 'calico-node', paths: ['calico.nodeImage'], addon: 'base', source: SOURCES.canalValues },
    { component: 'flexvol', paths: ['calico.flexvolImage'], addon: 'base', source: SOURCES.canalValues },
    {
      component: 'calico-kube-controllers',
      paths: ['calico.kubeControllerImage'],
      addon: 'base',
      source: SOURCES.canalValues,
    },
  ],
  'rke2-calico': [
    { component: 'tigera-operator', paths: ['tigeraOperator'], addon: 'base', source: SOURCES.calicoValues },
    { component: 'calicoctl', paths: ['calicoctl'], addon: 'base', source: SOURCES.calicoValues },
  ],
  'rke2-cilium': [
    { component: 'cilium-agent', paths: ['image'], addon: 'base', source: SOURCES.ciliumValues },
    {
      component: 'cilium-operator',
      paths: ['operator.image'],
      addon: 'base',
      operatorSuffix: true,
      when: [{ path: 'operator.enabled', equals: true, whenNull: true }],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'cilium-envoy',
      paths: ['envoy.image'],
      addon: 'base',
      // envoyDaemonSetEnabled (templates/_helpers.tpl): off without l7Proxy; unset means on from cilium 1.16.
      when: [
        { path: 'l7Proxy', equals: true, whenNull: true },
        { path: 'envoy.enabled', equals: true, whenNull: true },
      ],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'install-portmap-cni-plugin',
      paths: ['portmapPlugin.image'],
      addon: 'base',
      when: [{ path: 'cni.chainingMode', equals: 'portmap' }],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'hubble-relay',
      paths: ['hubble.relay.image'],
      addon: 'hubble-relay',
      when: [hubbleOn, { path: 'hubble.relay.enabled', equals: true }],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'hubble-ui',
      paths: ['hubble.ui.frontend.image'],
      addon: 'hubble-ui',
      when: [hubbleOn, { path: 'hubble.ui.enabled', equals: true }],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'hubble-ui-backend',
      paths: ['hubble.ui.backend.image'],
      addon: 'hubble-ui',
      when: [hubbleOn, { path: 'hubble.ui.enabled', equals: true }],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'hubble-certgen',
      paths: ['certgen.image'],
      addon: 'hubble-relay',
      when: [
        hubbleOn,
        { path: 'hubble.tls.enabled', equals: true },
        { path: 'hubble.tls.auto.enabled', equals: true },
        { path: 'hubble.tls.auto.method', equals: 'cronJob' },
      ],
      source: SOURCES.ciliumValues,
    },
    {
      component: 'cilium-nodeinit',
      paths: ['nodeinit.image'],
      addon: 'base',
      when: [{ path: 'nodeinit.enabled', equals: true }],
      source: SOURCES.ciliumValues,
    },
  ],
  'rke2-flannel': [
    { component: 'flannel', paths: ['flannel.image'], addon: 'base', source: SOURCES.flannelValues },
    // The CNI plugins image: flannel.image_cni in older charts, flannel.flannel_cni.image in newer ones.
    {
      component: 'flannel-cni',
      paths: ['flannel.flannel_cni.image', 'flannel.image_cni'],
      addon: 'base',
      source: SOURCES.flannelValues,
    },
  ],
  'rke2-multus': [
    {
      component: 'multus',
      // multus.image in the 2021 charts, image since.
      paths: ['image', 'multus.image'],
      addon: 'multus',
      when: [{ path: 'thickPlugin.enabled', equals: false }],
      source: SOURCES.multusValues,
    },
    {
      component: 'multus-thick',
      paths: ['thickPlugin.image'],
      addon: 'multus',
      when: [{ path: 'thickPlugin.enabled', equals: true }],
      source: SOURCES.multusValues,
    },
    {
      component: 'multus-dynamic-networks-controller',
      paths: ['dynamicNetworksController.image'],
      addon: 'multus',
      when: [
        { path: 'thickPlugin.enabled', equals: true },
        { path: 'dynamicNetworksController.enabled', equals: true },
      ],
      source: SOURCES.multusValues,
    },
    { component: 'cni-plugins', paths: ['cniplugins.image'], addon: 'multus', source: SOURCES.multusValues },
    {
      component: 'multus-dhcp-daemon',
      paths: ['dhcpDaemonSet.image'],
      addon: 'multus-dhcp',
      when: [{ path: 'manifests.dhcpDaemonSet', equals: true }],
      source: SOURCES.multusValues,
    },
    {
      component: 'whereabouts',
      paths: ['rke2-whereabouts.image'],
      addon: 'whereabouts',
      when: [{ path: 'rke2-whereabouts.enabled', equals: true }],
      source: SOURCES.multusValues,
    },
  ],
};

/**
 * rke2-calico: the tigera operator pulls Calico's own images (node, cni, typha, ...) from
 * <registry>/<imagePath>/<imagePrefix><component>:<calico version>; the chart names only these three keys
 * (values.yaml `installation:`), so the component names come from the release's rke2-images-calico list.
 */
export const CALICO_INSTALLATION_KEYS = [
  'installation.registry',
  'installation.imagePath',
  'installation.imagePrefix',
] as const;

/** Every values key the rules read (image objects and toggles), per chart, without the subchart prefix. */
export function ruleKeys(chart: ChartName): { images: string[]; toggles: string[] } {
  const rules = IMAGE_RULES[chart];
  const images = [...new Set(rules.flatMap((r) => r.paths))];
  const toggles = [...new Set(rules.flatMap((r) => (r.when ?? []).map((t) => t.path)))];
  if (chart === 'rke2-calico') toggles.push(...CALICO_INSTALLATION_KEYS);
  return { images, toggles };
}
