/**
 * Hand-written broken bundles, one mistake each, that the bundle doctor must catch. Taken from the
 * real mistakes in ../shared/research/peers.md part (b) and rke2-facts.md §12. Each case is data:
 * apart from its one mistake the bundle is valid, so the doctor must report exactly that error.
 */
import { dump } from 'js-yaml';
import type { BundleInputFile } from '../../domain/validate';

export interface BrokenBundle {
  id: string;
  description: string;
  /** Where users hit this mistake. */
  source: string;
  files: BundleInputFile[];
  expect: { messageId: string; file: string; keyPath: string; severity?: 'error' | 'warning' };
}

const CONFIG = 'etc/rancher/rke2/config.yaml';
const MANIFESTS = 'var/lib/rancher/rke2/server/manifests';
const yaml = (value: unknown): string => dump(value, { noRefs: true, lineWidth: -1 });

function config(value: Record<string, unknown>): BundleInputFile {
  return { path: CONFIG, contents: yaml(value) };
}

function hccObject(name: string, values: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChartConfig',
    metadata: { name, namespace: 'kube-system' },
    spec: { valuesContent: yaml(values) },
  };
}

function hcc(name: string, values: Record<string, unknown>, fileName = `${name}-config.yaml`): BundleInputFile {
  return { path: `${MANIFESTS}/${fileName}`, contents: yaml(hccObject(name, values)) };
}

function nad(name: string, cniConfig: string, annotations?: Record<string, string>): BundleInputFile {
  return {
    path: 'kubectl-apply/secondary-network.yaml',
    contents: yaml({
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
      spec: { config: cniConfig },
    }),
  };
}

const sriovPolicy: BundleInputFile = {
  path: 'kubectl-apply/sriov-policy.yaml',
  contents: yaml({
    apiVersion: 'sriovnetwork.openshift.io/v1',
    kind: 'SriovNetworkNodePolicy',
    metadata: { name: 'policy-1', namespace: 'cattle-sriov-system' },
    spec: {
      resourceName: 'intelnics',
      numVfs: 4,
      deviceType: 'netdevice',
      nodeSelector: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' },
      nicSelector: { pfNames: ['ens1f0'] },
    },
  }),
};

const KPR_VALUES = { kubeProxyReplacement: true, k8sServiceHost: 'localhost', k8sServicePort: 6443 };
const MACVLAN_WHEREABOUTS = JSON.stringify({
  cniVersion: '0.3.1',
  type: 'macvlan',
  master: 'eth1',
  mode: 'bridge',
  ipam: { type: 'whereabouts', range: '192.168.50.0/24' },
});

export const BROKEN_BUNDLES: readonly BrokenBundle[] = [
  {
    id: 'kpr-strict',
    description: 'kubeProxyReplacement: strict (old docs and blogs); current rke2-cilium fails to render.',
    source: 'https://github.com/rancher/rke2/issues/4862',
    files: [
      config({ cni: 'cilium' }),
      hcc('rke2-cilium', { kubeProxyReplacement: 'strict', k8sServiceHost: 'localhost', k8sServicePort: 6443 }),
    ],
    expect: {
      messageId: 'cilium.kprInvalid',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.kubeProxyReplacement',
    },
  },
  {
    id: 'hcc-cilium-in-canal-cluster',
    description:
      'The SUSE docs snippet: header rke2-canal-config.yaml, but metadata.name rke2-cilium, in a canal cluster.',
    source: 'rke2-facts.md §12.1 (rancher/rke2-product-docs basic_network_options.adoc, 875785e..c873c3d)',
    files: [config({ cni: 'canal' }), hcc('rke2-cilium', { hubble: { enabled: true } }, 'rke2-canal-config.yaml')],
    expect: { messageId: 'hcc.chartDisabled', file: `${MANIFESTS}/rke2-canal-config.yaml`, keyPath: 'metadata.name' },
  },
  {
    id: 'cni-comma-space',
    description: 'cni: "multus, canal": RKE2 splits on "," without trimming, so " canal" is invalid.',
    source: 'https://github.com/rancher/rke2/blob/6ce1a8019e9d0b81eb7a715edbc2b8ac12d26da0/pkg/cli/cmds/server.go',
    files: [config({ cni: 'multus, canal' })],
    expect: { messageId: 'cni.invalidValue', file: CONFIG, keyPath: 'cni' },
  },
  {
    id: 'cni-multus-last',
    description: 'cni: [canal, multus]: multus must come first.',
    source: 'https://docs.rke2.io/networking/multus_sriov',
    files: [config({ cni: ['canal', 'multus'] })],
    expect: { messageId: 'cni.multusNotFirst', file: CONFIG, keyPath: 'cni' },
  },
  {
    id: 'cni-multus-alone',
    description: 'cni: multus with no primary CNI.',
    source: 'https://docs.rke2.io/networking/multus_sriov',
    files: [config({ cni: 'multus' })],
    expect: { messageId: 'cni.multusAlone', file: CONFIG, keyPath: 'cni' },
  },
  {
    id: 'cni-capitalised',
    description: 'cni: Canal: values are case-sensitive.',
    source: 'https://github.com/rancher/rke2/blob/6ce1a8019e9d0b81eb7a715edbc2b8ac12d26da0/pkg/cli/cmds/server.go',
    files: [config({ cni: 'Canal' })],
    expect: { messageId: 'cni.invalidValue', file: CONFIG, keyPath: 'cni' },
  },
  {
    id: 'cni-three-values',
    description: 'cni: [multus, canal, cilium]: two primaries.',
    source: 'https://github.com/rancher/rke2/blob/6ce1a8019e9d0b81eb7a715edbc2b8ac12d26da0/pkg/cli/cmds/server.go',
    files: [config({ cni: ['multus', 'canal', 'cilium'] })],
    expect: { messageId: 'cni.tooMany', file: CONFIG, keyPath: 'cni' },
  },
  {
    id: 'cni-multus-twice',
    description: 'cni: [multus, multus]: the second multus is an invalid primary.',
    source: 'rke2-facts.md §1',
    files: [config({ cni: ['multus', 'multus'] })],
    expect: { messageId: 'cni.invalidValue', file: CONFIG, keyPath: 'cni' },
  },
  {
    id: 'config-unknown-key',
    description: 'A typo in a config.yaml key (cluster-cidrs): RKE2 refuses unknown flags.',
    source: 'https://docs.rke2.io/reference/server_config',
    files: [config({ cni: 'canal', 'cluster-cidrs': '10.42.0.0/16' })],
    expect: { messageId: 'config.unknownKey', file: CONFIG, keyPath: 'cluster-cidrs' },
  },
  {
    id: 'hcc-missing-apiversion',
    description: 'The RKE2 docs IPv6-only Cilium snippet has no apiVersion line.',
    source: 'https://docs.rke2.io/networking/basic_network_options#ipv6-setup (rke2-facts.md §12.7)',
    files: [
      config({ cni: 'cilium', 'cluster-cidr': '2001:cafe:42::/56', 'service-cidr': '2001:cafe:43::/112' }),
      {
        path: `${MANIFESTS}/rke2-cilium-config.yaml`,
        contents: yaml({
          kind: 'HelmChartConfig',
          metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
          spec: {
            valuesContent: yaml({
              ipv6: { enabled: true },
              routingMode: 'native',
              autoDirectNodeRoutes: true,
              ipv6NativeRoutingCIDR: '2001:cafe:42::/56',
            }),
          },
        }),
      },
    ],
    expect: { messageId: 'hcc.apiVersionMissing', file: `${MANIFESTS}/rke2-cilium-config.yaml`, keyPath: 'apiVersion' },
  },
  {
    id: 'helmchart-instead-of-hcc',
    description: 'A HelmChart named rke2-cilium (instead of a HelmChartConfig): the values are never applied.',
    source: 'https://github.com/rancher/rke2/issues/1734',
    files: [
      config({ cni: 'cilium' }),
      {
        path: `${MANIFESTS}/cilium-values.yaml`,
        contents: yaml({
          apiVersion: 'helm.cattle.io/v1',
          kind: 'HelmChart',
          metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
          spec: { valuesContent: yaml({ encryption: { enabled: true, type: 'wireguard' } }) },
        }),
      },
    ],
    expect: { messageId: 'hcc.helmChartForPackaged', file: `${MANIFESTS}/cilium-values.yaml`, keyPath: 'kind' },
  },
  {
    id: 'packaged-file-name',
    description:
      "The HelmChartConfig saved as rke2-cilium.yml, the packaged chart's own file name, which RKE2 rewrites.",
    source: 'https://github.com/rancher/rke2/issues/7281',
    files: [
      config({ cni: 'cilium' }),
      hcc('rke2-cilium', { encryption: { enabled: true, type: 'wireguard' } }, 'rke2-cilium.yml'),
    ],
    expect: { messageId: 'file.namePackaged', file: `${MANIFESTS}/rke2-cilium.yml`, keyPath: '' },
  },
  {
    id: 'cilium-wrapper',
    description: 'valuesContent nested under the old "cilium:" key (RKE2 1.22 and earlier): silently ignored.',
    source: 'https://github.com/rancher/rke2/issues/2738',
    files: [config({ cni: 'cilium' }), hcc('rke2-cilium', { cilium: { hubble: { enabled: true } } })],
    expect: {
      messageId: 'cilium.wrapperKey',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.cilium',
    },
  },
  {
    id: 'global-cluster-cidr',
    description: 'global.clusterCIDRv4 in valuesContent: RKE2 injects it via spec.set, which wins.',
    source: 'https://github.com/rancher/rke2/blob/6ce1a8019e9d0b81eb7a715edbc2b8ac12d26da0/pkg/bootstrap/bootstrap.go',
    files: [config({ cni: 'canal' }), hcc('rke2-canal', { global: { clusterCIDRv4: '10.50.0.0/16' } })],
    expect: {
      messageId: 'values.globalKey',
      file: `${MANIFESTS}/rke2-canal-config.yaml`,
      keyPath: 'spec.valuesContent.global.clusterCIDRv4',
    },
  },
  {
    id: 'disable-kube-proxy-without-kpr',
    description: 'disable-kube-proxy: true while Cilium keeps kubeProxyReplacement off: Services stop working.',
    source: 'https://github.com/rancher/rke2/issues/5107',
    files: [config({ cni: 'cilium', 'disable-kube-proxy': true }), hcc('rke2-cilium', { operator: { replicas: 1 } })],
    expect: { messageId: 'kubeProxy.disabledWithoutReplacement', file: CONFIG, keyPath: 'disable-kube-proxy' },
  },
  {
    id: 'kpr-without-disable-kube-proxy',
    description: 'kubeProxyReplacement: true while kube-proxy still runs (healthz port 10256 conflict).',
    source: 'https://github.com/rancher/rke2/issues/3490',
    files: [config({ cni: 'cilium' }), hcc('rke2-cilium', KPR_VALUES)],
    expect: { messageId: 'kubeProxy.replacementWithoutDisable', file: CONFIG, keyPath: 'disable-kube-proxy' },
  },
  {
    id: 'kpr-without-service-host',
    description: 'kubeProxyReplacement: true without k8sServiceHost/k8sServicePort.',
    source: 'https://docs.rke2.io/networking/basic_network_options',
    files: [config({ cni: 'cilium', 'disable-kube-proxy': true }), hcc('rke2-cilium', { kubeProxyReplacement: true })],
    expect: {
      messageId: 'cilium.kprNeedsServiceHost',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.kubeProxyReplacement',
    },
  },
  {
    id: 'hubble-ui-without-relay',
    description: 'Hubble UI enabled without Hubble Relay: rke2-cilium fails to render.',
    source: 'rke2-facts.md §3.3 (rke2-cilium templates/validate.yaml)',
    files: [config({ cni: 'cilium' }), hcc('rke2-cilium', { hubble: { enabled: true, ui: { enabled: true } } })],
    expect: {
      messageId: 'cilium.hubbleUiWithoutRelay',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.hubble.ui.enabled',
    },
  },
  {
    id: 'cilium-legacy-tunnel',
    description: 'tunnel: vxlan (removed in Cilium 1.15): rke2-cilium fails to render.',
    source: 'rke2-facts.md §3.3 (rke2-cilium templates/validate.yaml)',
    files: [config({ cni: 'cilium' }), hcc('rke2-cilium', { tunnel: 'vxlan' })],
    expect: {
      messageId: 'cilium.legacyTunnel',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.tunnel',
    },
  },
  {
    id: 'helm-dotted-key',
    description: '"hubble.enabled: true" as one dotted key: Helm does not expand it.',
    source: 'https://github.com/rancher/rke2/issues/663',
    files: [config({ cni: 'cilium' }), hcc('rke2-cilium', { 'hubble.enabled': true })],
    expect: {
      messageId: 'values.dottedKey',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.hubble.enabled',
    },
  },
  {
    id: 'flannel-iface',
    description: 'flannel.iface on rke2-flannel, which has no such value (the interface goes in flannel.args).',
    source: 'rke2-facts.md §3.4 (rancher/rke2 tests/e2e/scripts/flannel_manifest.sh)',
    files: [config({ cni: 'flannel' }), hcc('rke2-flannel', { flannel: { iface: 'eth1' } })],
    expect: {
      messageId: 'flannel.ifaceKey',
      file: `${MANIFESTS}/rke2-flannel-config.yaml`,
      keyPath: 'spec.valuesContent.flannel.iface',
    },
  },
  {
    id: 'calico-mtu-string',
    description: 'installation.calicoNetwork.mtu: "9000" (a string): the Installation CRD wants an integer.',
    source: 'https://docs.rke2.io/networking/basic_network_options',
    files: [config({ cni: 'calico' }), hcc('rke2-calico', { installation: { calicoNetwork: { mtu: '9000' } } })],
    expect: {
      messageId: 'schema.type',
      file: `${MANIFESTS}/rke2-calico-config.yaml`,
      keyPath: 'spec.valuesContent.installation.calicoNetwork.mtu',
    },
  },
  {
    id: 'calico-ebpf-localhost',
    description: 'Calico eBPF with kubernetesServiceEndpoint.host: localhost breaks calico-kube-controllers.',
    source: 'https://github.com/rancher/rke2-docs/issues/567',
    files: [
      config({ cni: 'calico', 'disable-kube-proxy': true }),
      hcc('rke2-calico', {
        installation: { calicoNetwork: { linuxDataplane: 'BPF', kubeProxyManagement: 'Enabled' } },
        kubernetesServiceEndpoint: { host: 'localhost', port: '6443' },
      }),
    ],
    expect: {
      messageId: 'calico.ebpfLocalhostEndpoint',
      file: `${MANIFESTS}/rke2-calico-config.yaml`,
      keyPath: 'spec.valuesContent.kubernetesServiceEndpoint.host',
      severity: 'warning',
    },
  },
  {
    id: 'hcc-wrong-namespace',
    description: "A HelmChartConfig in the default namespace never meets RKE2's HelmChart in kube-system.",
    source: 'https://docs.rke2.io/add-ons/helm',
    files: [
      config({ cni: 'canal' }),
      {
        path: `${MANIFESTS}/rke2-canal-config.yaml`,
        contents: yaml({
          ...hccObject('rke2-canal', { flannel: { iface: 'eth1' } }),
          metadata: { name: 'rke2-canal', namespace: 'default' },
        }),
      },
    ],
    expect: {
      messageId: 'hcc.namespaceWrong',
      file: `${MANIFESTS}/rke2-canal-config.yaml`,
      keyPath: 'metadata.namespace',
    },
  },
  {
    id: 'file-name-underscore',
    description: 'An underscore in the manifest file name: AddOn names follow Kubernetes naming.',
    source: 'https://docs.rke2.io/add-ons/helm',
    files: [config({ cni: 'canal' }), hcc('rke2-canal', { flannel: { iface: 'eth1' } }, 'rke2_canal_config.yaml')],
    expect: { messageId: 'file.nameUnderscore', file: `${MANIFESTS}/rke2_canal_config.yaml`, keyPath: '' },
  },
  {
    id: 'cilium-guide-unparsable',
    description:
      "Cilium's Rancher guide: a comment less indented than the values under valuesContent: |- does not parse.",
    source: 'peers.md §1.2 item 6 (cilium/cilium k8s-install-rancher-existing-nodes.rst @0927858)',
    files: [
      config({ cni: 'cilium' }),
      {
        path: `${MANIFESTS}/rke2-cilium-config.yaml`,
        contents:
          'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-cilium\n  namespace: kube-system\nspec:\n  valuesContent: |-\n  # Cilium values\n    k8sServiceHost: 127.0.0.1\n    k8sServicePort: 6443\n',
      },
    ],
    expect: { messageId: 'file.yamlSyntax', file: `${MANIFESTS}/rke2-cilium-config.yaml`, keyPath: '' },
  },
  {
    id: 'nad-config-not-json',
    description: 'A NetworkAttachmentDefinition whose spec.config is YAML-ish, not JSON.',
    source: 'https://github.com/k8snetworkplumbingwg/multus-cni/issues/375',
    files: [config({ cni: ['multus', 'canal'] }), nad('macvlan-conf', '{ type: macvlan, master: eth1 }')],
    expect: { messageId: 'nad.configNotJson', file: 'kubectl-apply/secondary-network.yaml', keyPath: 'spec.config' },
  },
  {
    id: 'whereabouts-not-enabled',
    description: 'A whereabouts NAD while the rke2-multus values leave whereabouts off.',
    source: 'https://docs.rke2.io/networking/multus_sriov',
    files: [
      config({ cni: ['multus', 'canal'] }),
      hcc('rke2-multus', { manifests: { dhcpDaemonSet: false } }),
      nad('macvlan-conf', MACVLAN_WHEREABOUTS),
    ],
    expect: {
      messageId: 'nad.whereaboutsDisabled',
      file: 'kubectl-apply/secondary-network.yaml',
      keyPath: 'spec.config',
    },
  },
  {
    id: 'nad-without-multus',
    description: 'A NetworkAttachmentDefinition in a cluster whose cni has no multus.',
    source: 'https://docs.rke2.io/networking/multus_sriov',
    files: [
      config({ cni: 'canal' }),
      nad(
        'macvlan-conf',
        JSON.stringify({
          cniVersion: '0.3.1',
          type: 'macvlan',
          master: 'eth1',
          ipam: { type: 'host-local', subnet: '192.168.50.0/24' },
        }),
      ),
    ],
    expect: { messageId: 'nad.multusDisabled', file: 'kubectl-apply/secondary-network.yaml', keyPath: '' },
  },
  {
    id: 'sriov-nad-no-resource-annotation',
    description: 'An sriov NAD without the k8s.v1.cni.cncf.io/resourceName annotation ("VF pci addr is required").',
    source: 'https://github.com/k8snetworkplumbingwg/sriov-network-device-plugin/issues/258',
    files: [
      config({ cni: ['multus', 'canal'] }),
      sriovPolicy,
      nad(
        'sriov-net',
        JSON.stringify({
          cniVersion: '0.3.1',
          type: 'sriov',
          vlan: 0,
          ipam: { type: 'host-local', subnet: '10.56.217.0/24' },
        }),
      ),
    ],
    expect: {
      messageId: 'nad.sriovResourceAnnotation',
      file: 'kubectl-apply/secondary-network.yaml',
      keyPath: 'metadata.annotations',
    },
  },
  {
    id: 'sriov-resource-name-mismatch',
    description: "SriovNetwork.resourceName differs from the SriovNetworkNodePolicy's.",
    source: 'https://github.com/k8snetworkplumbingwg/sriov-network-operator/blob/master/doc/quickstart.md',
    files: [
      config({ cni: ['multus', 'canal'] }),
      sriovPolicy,
      {
        path: 'kubectl-apply/sriov-network.yaml',
        contents: yaml({
          apiVersion: 'sriovnetwork.openshift.io/v1',
          kind: 'SriovNetwork',
          metadata: { name: 'sriov-net', namespace: 'cattle-sriov-system' },
          spec: {
            resourceName: 'intel_nics',
            vlan: 0,
            networkNamespace: 'default',
            ipam: JSON.stringify({ type: 'host-local', subnet: '10.56.217.0/24' }),
          },
        }),
      },
    ],
    expect: {
      messageId: 'sriov.resourceNameMismatch',
      file: 'kubectl-apply/sriov-network.yaml',
      keyPath: 'spec.resourceName',
    },
  },
  {
    id: 'cilium-multus-exclusive-old-release',
    description:
      'Multus with Cilium on a release before Nov 2025 without cni.exclusive: false: Multus silently stops working.',
    source: 'https://github.com/rancher/rke2/issues/9040',
    files: [
      config({ cni: ['multus', 'cilium'] }),
      hcc('rke2-cilium', { operator: { replicas: 1 } }),
      { path: 'answers.yaml', contents: yaml({ cluster: { release: 'v1.31.13+rke2r1' } }) },
    ],
    expect: {
      messageId: 'cilium.multusNeedsNonExclusive',
      file: `${MANIFESTS}/rke2-cilium-config.yaml`,
      keyPath: 'spec.valuesContent.cni.exclusive',
    },
  },
  {
    id: 'rancher-chart-values-disabled',
    description: 'Rancher chartValues for rke2-cilium while machineGlobalConfig.cni is calico.',
    source: 'https://github.com/rancher/rke2/issues/8200',
    files: [
      {
        path: 'rancher/cluster.yaml',
        contents: yaml({
          apiVersion: 'provisioning.cattle.io/v1',
          kind: 'Cluster',
          metadata: { name: 'c1', namespace: 'fleet-default' },
          spec: {
            rkeConfig: {
              machineGlobalConfig: { cni: 'calico' },
              chartValues: { 'rke2-cilium': { hubble: { enabled: true } } },
            },
          },
        }),
      },
    ],
    expect: {
      messageId: 'rancher.chartValuesDisabled',
      file: 'rancher/cluster.yaml',
      keyPath: 'spec.rkeConfig.chartValues.rke2-cilium',
    },
  },
  {
    id: 'disable-canal-chart',
    description: '"disable: rke2-canal" to remove the CNI, instead of cni: none.',
    source: 'rke2-facts.md §12.10 (PhilipSchmid/k8s-home-lab#8)',
    files: [config({ cni: 'none', disable: ['rke2-canal'] })],
    expect: { messageId: 'config.disableCniChart', file: CONFIG, keyPath: 'disable', severity: 'warning' },
  },
];
