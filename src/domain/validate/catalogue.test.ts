/**
 * A catalogue of hand-written broken files, each from a real upstream issue or documentation error
 * (the link is in the case), that `validate --release` must catch at the right file and key; and good
 * files it must accept. The YAML is written as people wrote it, not generated.
 */
import { describe, expect, it } from 'vitest';
import { checkFiles } from './check';
import type { BundleInputFile } from './index';

const CONFIG = 'etc/rancher/rke2/config.yaml';
const M = 'var/lib/rancher/rke2/server/manifests';

interface Case {
  /** The upstream issue or doc the shape comes from. */
  source: string;
  what: string;
  release: string;
  files: Record<string, string>;
  /** messageId, and optionally file and keyPath, of issues that must be reported. */
  expect: { id: string; file?: string; keyPath?: string }[];
}

const hcc = (name: string, values: string) => `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: ${name}
  namespace: kube-system
spec:
  valuesContent: |-
${values
  .trim()
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;

const rancherCluster = (machineGlobalConfig: string, chartValues: string) => `apiVersion: provisioning.cattle.io/v1
kind: Cluster
metadata:
  name: prod
  namespace: fleet-default
spec:
  kubernetesVersion: v1.28.10+rke2r1
  rkeConfig:
${machineGlobalConfig}
    chartValues:
${chartValues
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;

const BROKEN: Case[] = [
  {
    source: 'https://github.com/rancher/rke2/issues/4862',
    what: 'kubeProxyReplacement: strict on a Cilium 1.15 chart',
    release: 'v1.29.2+rke2r1',
    files: {
      [CONFIG]: 'cni: [cilium]\ndisable-kube-proxy: true\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.10\nk8sServicePort: 6443\ncni:\n  chainingMode: "none"',
      ),
    },
    expect: [{ id: 'cilium.kprInvalid', keyPath: 'spec.valuesContent.kubeProxyReplacement' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/4862',
    what: 'kube-proxy disabled, replacement on, but no API server host for the operator',
    release: 'v1.29.2+rke2r1',
    files: {
      [CONFIG]: 'cni: [cilium]\ndisable-kube-proxy: true\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'kubeProxyReplacement: true\ncni:\n  chainingMode: "none"'),
    },
    expect: [{ id: 'cilium.kprNeedsServiceHost' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8006',
    what: 'disable-kube-proxy written twice in config.yaml',
    release: 'v1.31.7+rke2r1',
    files: { [CONFIG]: 'disable-kube-proxy: "true"\ncni: calico\ndisable-kube-proxy: true\n' },
    expect: [{ id: 'file.duplicateKey', file: CONFIG }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8006',
    what: 'kube-proxy disabled with Calico on iptables',
    release: 'v1.31.7+rke2r1',
    files: { [CONFIG]: 'disable-kube-proxy: true\ncni: calico\n' },
    expect: [{ id: 'kubeProxy.replacementNotSeen', keyPath: 'disable-kube-proxy' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8040',
    what: 'kube-proxy disabled with the default CNI (canal)',
    release: 'v1.32.3+rke2r1',
    files: { [CONFIG]: 'token: secret\ndisable-kube-proxy: true\n' },
    expect: [{ id: 'kubeProxy.disabledWithoutReplacement' }],
  },
  {
    source: 'https://github.com/kloia/rke2-ansible/issues/24',
    what: 'k8sServiceHost left as a template path',
    release: 'v1.25.13+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: strict\nk8sServiceHost: groups.servers.0\nk8sServicePort: 6443',
      ),
    },
    expect: [{ id: 'values.serviceHostInvalid', keyPath: 'spec.valuesContent.k8sServiceHost' }],
  },
  {
    source: 'https://github.com/kloia/rke2-ansible/issues/24',
    what: 'k8sServiceHost as an unrendered Jinja expression',
    release: 'v1.30.1+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: true\nk8sServiceHost: "{{ api_vip }}"\nk8sServicePort: 6443',
      ),
    },
    expect: [{ id: 'values.serviceHostInvalid', keyPath: 'spec.valuesContent.k8sServiceHost' }],
  },
  {
    source: 'https://github.com/kloia/rke2-ansible/issues/24',
    what: 'k8sServicePort as an unrendered expression',
    release: 'v1.30.1+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.10\nk8sServicePort: "{{ api_port }}"',
      ),
    },
    expect: [{ id: 'values.servicePortInvalid', keyPath: 'spec.valuesContent.k8sServicePort' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/4910',
    what: 'dotted keys ipam.mode and loadBalancer.mode',
    release: 'v1.28.7+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'ipv4NativeRoutingCIDR: "10.42.0.0/16"\nipam.mode: kubernetes\nloadBalancer.mode: hybrid\nk8sServiceHost: api.rke2.my-domain.fr\nk8sServicePort: "6443"',
      ),
    },
    expect: [
      { id: 'values.dottedKey', keyPath: 'spec.valuesContent.ipam.mode' },
      { id: 'values.dottedKey', keyPath: 'spec.valuesContent.loadBalancer.mode' },
    ],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/4910',
    what: 'tunnel: disabled after the Cilium 1.15 upgrade',
    release: 'v1.28.7+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'tunnel: disabled\nipv4NativeRoutingCIDR: "10.42.0.0/16"\nautoDirectNodeRoutes: true',
      ),
    },
    expect: [{ id: 'cilium.legacyTunnel', keyPath: 'spec.valuesContent.tunnel' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/4910',
    what: 'the whole #4910 HCC on a 1.15 chart: strict and tunnel both fail',
    release: 'v1.28.7+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'tunnel: disabled\nmasquerade: true\nkubeProxyReplacement: strict\nk8sServiceHost: api.rke2.my-domain.fr\nk8sServicePort: "6443"',
      ),
    },
    expect: [{ id: 'cilium.kprInvalid' }, { id: 'cilium.legacyTunnel' }, { id: 'values.unknownKey' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/1734',
    what: 'a HelmChart (not HelmChartConfig) named like the packaged rke2-cilium',
    release: 'v1.21.3+rke2r2',
    files: {
      [`${M}/rke2-cilium.yml`]: `apiVersion: helm.cattle.io/v1
kind: HelmChart
metadata:
  name: rke2-cilium
  namespace: kube-system
spec:
  repo: https://helm.cilium.io/
  chart: cilium
  valuesContent: |-
    encryption.enabled: true
`,
    },
    expect: [{ id: 'hcc.helmChartForPackaged', keyPath: 'kind' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/1734',
    what: 'dotted encryption keys in a HelmChartConfig',
    release: 'v1.30.1+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'encryption.enabled: true\nencryption.type: wireguard'),
    },
    expect: [{ id: 'values.dottedKey', keyPath: 'spec.valuesContent.encryption.enabled' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/1997',
    what: 'spec indented under metadata (canal WireGuard)',
    release: 'v1.22.4+rke2r1',
    files: {
      [`${M}/rke2-canal-config.yaml`]: `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-canal
  namespace: kube-system
  spec:
    valuesContent: |-
      flannel:
        backend: wireguard
`,
    },
    expect: [{ id: 'hcc.specUnderMetadata', keyPath: 'metadata.spec' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/1353',
    what: 'metadata.spec.valuesContent for flannel.iface',
    release: 'v1.21.2+rke2r1',
    files: {
      [`${M}/rke2-canal-config.yaml`]: `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-canal
  namespace: kube-system
  spec:
    valuesContent: |-
      flannel:
        iface: "eth1"
`,
    },
    expect: [{ id: 'hcc.specUnderMetadata' }],
  },
  {
    source: 'https://github.com/lablabs/ansible-role-rke2/issues/291',
    what: 'the second values key outside the valuesContent block',
    release: 'v1.31.4+rke2r1',
    files: {
      [`${M}/rke2-canal-config.yaml`]: `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-canal
  namespace: kube-system
spec:
  valuesContent: |-
    flannel:
      iface: eth1
  calico:
    vethuMTU: 1400
`,
    },
    expect: [{ id: 'hcc.valuesBesideValuesContent', keyPath: 'spec.calico' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8200',
    what: 'Helm --set list syntax in Rancher chartValues',
    release: 'v1.28.15+rke2r1',
    files: {
      'cluster.yaml': rancherCluster(
        '    machineGlobalConfig:\n      cni: cilium',
        "rke2-cilium:\n  hubble:\n    enabled: true\n    metrics:\n      enabled: '{dns,drop,tcp,flow,port-distribution,icmp}'",
      ),
    },
    expect: [{ id: 'values.setListSyntax', keyPath: 'spec.rkeConfig.chartValues.rke2-cilium.hubble.metrics.enabled' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8200',
    what: 'Helm --set list syntax in a HelmChartConfig, double-quoted',
    release: 'v1.28.15+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'hubble:\n  enabled: true\n  metrics:\n    enabled: "{dns,drop,tcp}"',
      ),
    },
    expect: [{ id: 'values.setListSyntax', keyPath: 'spec.valuesContent.hubble.metrics.enabled' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/2738',
    what: 'the cilium: wrapper on v1.23.5, silently ignored',
    release: 'v1.23.5+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'cilium:\n  prometheus:\n    enabled: true\n    port: 6943'),
    },
    expect: [{ id: 'cilium.wrapperKey', keyPath: 'spec.valuesContent.cilium' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/3107',
    // No rke2-calico values.yaml sets nodeAddressAutodetectionV4, and before v3.26.300 no template does: the Tigera
    // operator's firstFound in the live Installation is what the upgrade's three-way merge kept beside skipInterface.
    what: 'skipInterface on a chart that leaves firstFound to the operator (Rancher chartValues)',
    release: 'v1.21.12+rke2r2',
    files: {
      'cluster.yaml': rancherCluster(
        '    machineGlobalConfig:\n      cni: multus,calico',
        'rke2-calico:\n  installation:\n    calicoNetwork:\n      mtu: 1400\n      nodeAddressAutodetectionV4:\n        skipInterface: weave',
      ),
    },
    expect: [
      {
        id: 'calico.autodetectLiveFirstFound',
        keyPath: 'spec.rkeConfig.chartValues.rke2-calico.installation.calicoNetwork.nodeAddressAutodetectionV4',
      },
    ],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/3107',
    what: 'two autodetection methods in the user values themselves',
    release: 'v1.33.6+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\n',
      [`${M}/rke2-calico-config.yaml`]: hcc(
        'rke2-calico',
        'installation:\n  calicoNetwork:\n    nodeAddressAutodetectionV4:\n      firstFound: true\n      interface: eth1',
      ),
    },
    expect: [{ id: 'calico.autodetectTwoMethods' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/7464',
    what: 'Multus with Cilium in exclusive mode (before the default flipped)',
    release: 'v1.31.4+rke2r1',
    files: { [CONFIG]: 'cni: [multus, cilium]\n' },
    expect: [{ id: 'cilium.multusNeedsNonExclusive' }],
  },
  {
    source: 'https://github.com/cilium/cilium/issues/33277',
    what: 'kubeProxyReplacement "strict" in Rancher chartValues on a 1.15 chart',
    release: 'v1.28.10+rke2r1',
    files: {
      'cluster.yaml': rancherCluster(
        '    machineGlobalConfig:\n      cni: cilium\n      disable-kube-proxy: true',
        'rke2-cilium:\n  kubeProxyReplacement: "strict"\n  k8sServiceHost: 127.0.0.1\n  k8sServicePort: 6443\n  hostFirewall:\n    enabled: true',
      ),
    },
    expect: [{ id: 'cilium.kprInvalid', keyPath: 'spec.rkeConfig.chartValues.rke2-cilium.kubeProxyReplacement' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/663',
    what: 'dotted hubble keys in valuesContent',
    release: 'v1.33.6+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'hubble.enabled: true\nhubble.relay.enabled: true'),
    },
    expect: [{ id: 'values.dottedKey', keyPath: 'spec.valuesContent.hubble.enabled' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/7281',
    what: 'an HCC file named like the packaged chart, which RKE2 rewrites',
    release: 'v1.31.4+rke2r1',
    files: { [`${M}/rke2-canal.yaml`]: hcc('rke2-canal', 'flannel:\n  iface: eth1') },
    expect: [{ id: 'file.namePackaged', file: `${M}/rke2-canal.yaml` }],
  },
  {
    source: 'https://github.com/rancher/rke2-docs/issues/567',
    what: 'Calico eBPF pointed at localhost',
    release: 'v1.33.8+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\ndisable-kube-proxy: true\n',
      [`${M}/rke2-calico-config.yaml`]: hcc(
        'rke2-calico',
        'installation:\n  calicoNetwork:\n    linuxDataplane: BPF\n    kubeProxyManagement: Enabled\nkubernetesServiceEndpoint:\n  host: localhost\n  port: 6443',
      ),
    },
    expect: [{ id: 'calico.ebpfLocalhostEndpoint', keyPath: 'spec.valuesContent.kubernetesServiceEndpoint.host' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/5107',
    what: 'kube-proxy disabled while Cilium does not replace it',
    release: 'v1.27.8+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'kubeProxyReplacement: false'),
    },
    expect: [{ id: 'kubeProxy.disabledWithoutReplacement', file: CONFIG }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/3490',
    what: 'Cilium replaces kube-proxy but kube-proxy still runs',
    release: 'v1.30.1+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.10\nk8sServicePort: 6443',
      ),
    },
    expect: [{ id: 'kubeProxy.replacementWithoutDisable', file: CONFIG }],
  },
  {
    source: 'https://github.com/k8snetworkplumbingwg/sriov-network-device-plugin/issues/258',
    what: 'an SR-IOV NAD without the resourceName annotation',
    release: 'v1.33.6+rke2r1',
    files: {
      [CONFIG]: 'cni: [multus, canal]\n',
      'sriov-net.yaml': `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: sriov-net
spec:
  config: '{"cniVersion": "0.3.1", "type": "sriov", "ipam": {"type": "host-local", "subnet": "10.56.217.0/24"}}'
`,
    },
    expect: [{ id: 'nad.sriovResourceAnnotation', keyPath: 'metadata.annotations' }],
  },
  {
    source: 'https://github.com/cilium/cilium/pull/29053',
    what: 'tunnel: vxlan removed in Cilium 1.15',
    release: 'v1.29.2+rke2r1',
    files: { [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'tunnel: vxlan') },
    expect: [{ id: 'cilium.legacyTunnel', keyPath: 'spec.valuesContent.tunnel' }],
  },
  {
    source: 'https://docs.cilium.io/en/v1.17/operations/upgrade/#upgrade-notes',
    what: 'wireguard.userspaceFallback removed in Cilium 1.17',
    release: 'v1.32.2+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'encryption:\n  enabled: true\n  type: wireguard\n  wireguard:\n    userspaceFallback: true',
      ),
    },
    expect: [
      { id: 'cilium.userspaceFallbackRemoved', keyPath: 'spec.valuesContent.encryption.wireguard.userspaceFallback' },
    ],
  },
  {
    source: 'https://github.com/rancher/rke2-charts/pull/277',
    what: 'Felix iptablesBackend kept after rke2-calico dropped it',
    release: 'v1.25.13+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\n',
      [`${M}/rke2-calico-config.yaml`]: hcc(
        'rke2-calico',
        'felixConfiguration:\n  iptablesRefreshInterval: 60s\n  iptablesBackend: Auto',
      ),
    },
    expect: [
      { id: 'calico.felixKeyDropped', keyPath: 'spec.valuesContent.felixConfiguration.iptablesBackend' },
      { id: 'calico.felixKeyDropped', keyPath: 'spec.valuesContent.felixConfiguration.iptablesRefreshInterval' },
    ],
  },
  {
    source: 'https://github.com/rancher/rancher/issues/50555',
    what: 'a Rancher cluster without cni (Rancher picks calico, not canal)',
    release: 'v1.31.4+rke2r1',
    files: { 'cluster.yaml': rancherCluster('    machineGlobalConfig:\n      disable-kube-proxy: false', '{}') },
    expect: [{ id: 'rancher.cniDefault' }],
  },
  {
    source: 'https://github.com/rancher/rke2-docs/issues/131',
    what: 'the docs example kubeProxyReplacement: strict on a current release',
    release: 'v1.30.1+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: strict\nk8sServiceHost: 192.168.1.10\nk8sServicePort: 6443',
      ),
    },
    expect: [{ id: 'cilium.kprInvalid' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/1997',
    what: 'a HelmChartConfig with no spec at all',
    release: 'v1.31.4+rke2r1',
    files: {
      [`${M}/rke2-canal-config.yaml`]:
        'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-canal\n  namespace: kube-system\n',
    },
    expect: [{ id: 'hcc.specMissing' }],
  },
  // Conflicts that only the merged values show: the user's file is fine on its own; the exact chart version's
  // values.yaml default (src/domain/validate/generated/chart-defaults.ts) completes the conflict.
  {
    source: 'https://github.com/rancher/rke2/issues/7464',
    what: 'Multus in front of Cilium, and a Cilium HCC that leaves cni.exclusive to the chart default (true in 1.16.x)',
    release: 'v1.31.4+rke2r1',
    files: {
      [CONFIG]: 'cni: [multus, cilium]\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'hubble:\n  enabled: true\n  relay:\n    enabled: true'),
    },
    expect: [
      {
        id: 'cilium.multusNeedsNonExclusive',
        file: `${M}/rke2-cilium-config.yaml`,
        keyPath: 'spec.valuesContent.cni.exclusive',
      },
    ],
  },
  {
    source: 'https://github.com/flannel-io/flannel/issues/1916',
    what: 'flannel backend wireguard on rke2-flannel v0.25.102, whose backendPort default is the VXLAN port',
    release: 'v1.27.13+rke2r1',
    files: {
      [CONFIG]: 'cni: flannel\n',
      [`${M}/rke2-flannel-config.yaml`]: hcc('rke2-flannel', 'flannel:\n  backend: wireguard'),
    },
    expect: [{ id: 'flannel.wireguardPort', keyPath: 'spec.valuesContent.flannel.backend' }],
  },
  {
    source: 'https://github.com/rancher/rke2/issues/3107',
    what: 'interface: eth1 alone on rke2-calico v3.26.100 (no firstFound in its values or template)',
    release: 'v1.24.17+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\n',
      [`${M}/rke2-calico-config.yaml`]: hcc(
        'rke2-calico',
        'installation:\n  calicoNetwork:\n    nodeAddressAutodetectionV4:\n      interface: eth1',
      ),
    },
    expect: [
      {
        id: 'calico.autodetectLiveFirstFound',
        keyPath: 'spec.valuesContent.installation.calicoNetwork.nodeAddressAutodetectionV4',
      },
    ],
  },
];

const GOOD: Omit<Case, 'expect'>[] = [
  {
    source: 'https://github.com/rancher/rke2/issues/9040',
    what: 'the same Multus + Cilium files once rke2-cilium 1.18.300 defaults cni.exclusive to false',
    release: 'v1.31.14+rke2r1',
    files: {
      [CONFIG]: 'cni: [multus, cilium]\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'hubble:\n  enabled: true\n  relay:\n    enabled: true'),
    },
  },
  {
    source: 'https://github.com/rancher/rke2/issues/5354',
    what: 'the validated kube-proxy-free Cilium HCC',
    release: 'v1.28.7+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.10\nk8sServicePort: 6443\ncni:\n  chainingMode: "none"',
      ),
    },
  },
  {
    source: 'https://github.com/rancher/rke2/issues/5021',
    what: 'interface: eth1 after the firstFound fix',
    release: 'v1.28.4+rke2r1',
    files: {
      [CONFIG]: 'cni: calico\n',
      [`${M}/rke2-calico-config.yaml`]: hcc(
        'rke2-calico',
        'installation:\n  calicoNetwork:\n    nodeAddressAutodetectionV4:\n      interface: eth1',
      ),
    },
  },
  {
    source: 'https://github.com/rancher/rancher/issues/44568',
    what: 'Multus with Cilium and cni.exclusive: false',
    release: 'v1.31.4+rke2r1',
    files: {
      [CONFIG]: 'cni: [multus, cilium]\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'cni:\n  exclusive: false'),
    },
  },
  {
    source: 'https://github.com/rancher/rke2/issues/2738',
    what: 'the cilium: wrapper on v1.21.8, where the chart still read it',
    release: 'v1.21.8+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc('rke2-cilium', 'cilium:\n  prometheus:\n    enabled: true\n    port: 6943'),
    },
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8595',
    what: '127.0.0.1 through the agent load balancer',
    release: 'v1.33.6+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ndisable-kube-proxy: true\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'kubeProxyReplacement: true\nk8sServiceHost: 127.0.0.1\nk8sServicePort: "6443"',
      ),
    },
  },
  {
    source: 'https://github.com/rancher/rke2/issues/8200',
    what: 'the metrics list written as a YAML list',
    release: 'v1.28.15+rke2r1',
    files: {
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'hubble:\n  enabled: true\n  metrics:\n    enabled: [dns, drop, tcp, flow, port-distribution, icmp]',
      ),
    },
  },
  {
    source: 'https://github.com/rancher/rke2-docs/issues/368',
    what: 'IPv6-only Cilium with native routing',
    release: 'v1.32.3+rke2r1',
    files: {
      [CONFIG]: 'cni: cilium\ncluster-cidr: 2001:cafe:42::/56\nservice-cidr: 2001:cafe:43::/112\n',
      [`${M}/rke2-cilium-config.yaml`]: hcc(
        'rke2-cilium',
        'routingMode: native\nautoDirectNodeRoutes: true\nipv6NativeRoutingCIDR: 2001:cafe:42::/56\nipv4:\n  enabled: false\nipv6:\n  enabled: true',
      ),
    },
  },
  {
    source: 'https://github.com/rancher/rke2/issues/1997',
    what: 'the same canal WireGuard HCC with spec at the top level',
    release: 'v1.22.4+rke2r1',
    files: { [`${M}/rke2-canal-config.yaml`]: hcc('rke2-canal', 'flannel:\n  backend: wireguard') },
  },
];

const asFiles = (files: Record<string, string>): BundleInputFile[] =>
  Object.entries(files).map(([path, contents]) => ({ path, contents }));

describe('validate --release: a catalogue of broken files from upstream issues', () => {
  it('holds at least 30 broken cases, each with an upstream link', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(30);
    for (const c of BROKEN) expect(c.source).toMatch(/^https:\/\/(github\.com|docs\.)/);
  });

  it.each(BROKEN.map((c) => [`${c.what} (${c.source})`, c] as const))('catches %s', (_name, c) => {
    const result = checkFiles(asFiles(c.files), { release: c.release });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.release.text).toBe(c.release);
    expect(result.report.release.basis).toBe('given');
    for (const want of c.expect) {
      const hit = result.report.issues.find(
        (i) =>
          i.messageId === want.id &&
          (want.file === undefined || i.file === want.file) &&
          (want.keyPath === undefined || i.keyPath === want.keyPath),
      );
      expect(
        hit,
        `${want.id} at ${want.file ?? '*'}:${want.keyPath ?? '*'} in ${JSON.stringify(result.report.issues.map((i) => `${i.file}:${i.keyPath}:${i.messageId}`))}`,
      ).toBeDefined();
      // Every finding says what to do and where the fact comes from.
      expect(hit!.message.length).toBeGreaterThan(30);
      expect(hit!.source?.url).toMatch(/^https:\/\//);
    }
  });

  it.each(GOOD.map((c) => [`${c.what} (${c.source})`, c] as const))('accepts %s', (_name, c) => {
    const result = checkFiles(asFiles(c.files), { release: c.release });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('judges the merged values: the same file, two chart versions, two sets of defaults', () => {
    const ids = (release: string, files: Record<string, string>) => {
      const r = checkFiles(asFiles(files), { release });
      return r.ok ? r.report.issues.map((i) => i.messageId) : ['refused'];
    };
    const flannel = {
      [CONFIG]: 'cni: flannel\n',
      [`${M}/rke2-flannel-config.yaml`]: hcc('rke2-flannel', 'flannel:\n  backend: wireguard'),
    };
    // rke2-flannel v0.24.201: backendPort 0 (flannel picks WireGuard's port); v0.25.102: 4789.
    expect(ids('v1.27.11+rke2r1', flannel)).not.toContain('flannel.wireguardPort');
    expect(ids('v1.27.13+rke2r1', flannel)).toContain('flannel.wireguardPort');
    const calico = {
      [CONFIG]: 'cni: calico\n',
      [`${M}/rke2-calico-config.yaml`]: hcc(
        'rke2-calico',
        'installation:\n  calicoNetwork:\n    nodeAddressAutodetectionV4:\n      interface: eth1',
      ),
    };
    // rke2-calico v3.26.100 fills nothing; v3.26.300's template fills firstFound only when the user gives no method.
    expect(ids('v1.24.17+rke2r1', calico)).toContain('calico.autodetectLiveFirstFound');
    expect(ids('v1.28.4+rke2r1', calico)).not.toContain('calico.autodetectLiveFirstFound');
    expect(ids('v1.28.4+rke2r1', calico)).not.toContain('calico.autodetectTwoMethods');
  });

  it('says which release it assumed when none is given and no answers.yaml names one', () => {
    const result = checkFiles(asFiles(GOOD[0]!.files));
    expect(result.ok && result.report.release.basis).toBe('assumed');
  });

  it('reads the release from answers.yaml, and --release wins over it', () => {
    const files = [
      ...asFiles(BROKEN[0]!.files),
      { path: 'answers.yaml', contents: 'cluster:\n  release: v1.25.13+rke2r1\n' },
    ];
    const fromAnswers = checkFiles(files);
    expect(fromAnswers.ok && fromAnswers.report.release).toMatchObject({ text: 'v1.25.13+rke2r1', basis: 'answers' });
    // Cilium 1.14 still renders "strict"; 1.15 does not.
    expect(fromAnswers.ok && fromAnswers.report.issues.map((i) => i.messageId)).not.toContain('cilium.kprInvalid');
    const given = checkFiles(files, { release: 'v1.29.2+rke2r1' });
    expect(given.ok && given.report.release.basis).toBe('given');
    expect(given.ok && given.report.issues.map((i) => i.messageId)).toContain('cilium.kprInvalid');
  });

  it('refuses a malformed release with a message instead of judging against a guess', () => {
    const result = checkFiles([], { release: 'v2.0' });
    expect(result.ok).toBe(false);
  });
});
