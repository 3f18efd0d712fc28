/**
 * Every fact in the domain carries a Source. Keep the catalogue here so a link is written once
 * and the UI, CLI and bundle README all cite the same page.
 * Commits are those read for ../shared/research/rke2-facts.md (section 0).
 */
export interface Source {
  /** Short human title, e.g. "RKE2 docs: Basic network options". */
  readonly title: string;
  /** A doc URL, a chart path on GitHub, or an issue URL. */
  readonly url: string;
}

const RKE2 = 'https://github.com/rancher/rke2/blob/6ce1a8019e9d0b81eb7a715edbc2b8ac12d26da0';
const RKE2_DOCS = 'https://docs.rke2.io';
const CHARTS = 'https://github.com/rancher/rke2-charts/blob/d83185c93194808b7a4632ebda038100afe11f24/charts';
const CILIUM_DOCS = 'https://docs.cilium.io/en/stable';

export const SOURCES = {
  basicNetworkOptions: { title: 'RKE2 docs: Basic network options', url: `${RKE2_DOCS}/networking/basic_network_options` },
  basicNetworkOptionsDualStack: { title: 'RKE2 docs: Dual-stack configuration', url: `${RKE2_DOCS}/networking/basic_network_options#dual-stack-configuration` },
  basicNetworkOptionsIpv6: { title: 'RKE2 docs: IPv6 setup', url: `${RKE2_DOCS}/networking/basic_network_options#ipv6-setup` },
  multusSriov: { title: 'RKE2 docs: Multus and SR-IOV', url: `${RKE2_DOCS}/networking/multus_sriov` },
  windowsBgp: { title: 'RKE2 docs: Calico BGP with Windows', url: `${RKE2_DOCS}/networking/windows_bgp` },
  requirementsPorts: { title: 'RKE2 docs: Inbound network rules', url: `${RKE2_DOCS}/install/requirements#inbound-network-rules` },
  requirements: { title: 'RKE2 docs: Requirements', url: `${RKE2_DOCS}/install/requirements` },
  knownIssues: { title: 'RKE2 docs: Known issues', url: `${RKE2_DOCS}/known_issues` },
  helmAddons: { title: 'RKE2 docs: Helm integration (HelmChartConfig)', url: `${RKE2_DOCS}/add-ons/helm` },
  serverConfig: { title: 'RKE2 docs: Server configuration reference', url: `${RKE2_DOCS}/reference/server_config` },
  hardening: { title: 'RKE2 docs: CIS hardening guide', url: `${RKE2_DOCS}/security/hardening_guide` },
  clusterLoadBalancer: { title: 'RKE2 docs: Cluster load balancer', url: `${RKE2_DOCS}/networking/cluster-loadbalancer` },
  networkingServices: { title: 'RKE2 docs: Networking services (NodeLocal DNS)', url: `${RKE2_DOCS}/networking/networking_services` },
  selinux: { title: 'RKE2 docs: SELinux', url: `${RKE2_DOCS}/security/selinux` },
  cniValidateCode: { title: 'rancher/rke2: validateCNI (pkg/cli/cmds/server.go)', url: `${RKE2}/pkg/cli/cmds/server.go` },
  cniItemsCode: { title: 'rancher/rke2: CNIItems (pkg/cli/types.go)', url: `${RKE2}/pkg/cli/types.go` },
  cisPolicyCode: { title: 'rancher/rke2: CIS NetworkPolicy controller runs only with canal (pkg/rke2/rke2.go)', url: `${RKE2}/pkg/rke2/rke2.go` },
  windowsCniCode: { title: 'rancher/rke2: Windows CNI selection (pkg/executor/pebinary/pebinary.go)', url: `${RKE2}/pkg/executor/pebinary/pebinary.go` },
  injectedValuesCode: { title: 'rancher/rke2: values injected via spec.set (pkg/bootstrap/bootstrap.go)', url: `${RKE2}/pkg/bootstrap/bootstrap.go` },
  chartVersions: { title: 'rancher/rke2: charts/chart_versions.yaml', url: `${RKE2}/charts/chart_versions.yaml` },
  releaseTags: { title: 'rancher/rke2 release tags (chart versions per release)', url: 'https://github.com/rancher/rke2/releases' },
  adrFlannel: { title: 'rancher/rke2 ADR 006: add Flannel support (Calico-on-Windows TCP resets)', url: `${RKE2}/docs/adrs/006-add-flannel-support.md` },
  rancherDefaultCalico: { title: 'rancher/rancher: Rancher sets cni: calico by default (pkg/capr/planner/config.go)', url: 'https://github.com/rancher/rancher/blob/00914879/pkg/capr/planner/config.go' },
  rancherDefaultIssue: { title: 'rancher/rancher#50555: RKE2 CNI default differs in Rancher', url: 'https://github.com/rancher/rancher/issues/50555' },
  rancherProvisioning: { title: 'rancher/rancher: provisioning.cattle.io/v1 rkeConfig', url: 'https://github.com/rancher/rancher/blob/main/pkg/apis/provisioning.cattle.io/v1/rke.go' },
  canalValues: { title: 'rke2-canal values.yaml (v3.32.1-build2026081900)', url: `${CHARTS}/rke2-canal/rke2-canal/v3.32.1-build2026081900/values.yaml` },
  calicoValues: { title: 'rke2-calico values.yaml (v3.32.100)', url: `${CHARTS}/rke2-calico/rke2-calico/v3.32.100/values.yaml` },
  ciliumValues: { title: 'rke2-cilium values.yaml (1.19.601)', url: `${CHARTS}/rke2-cilium/rke2-cilium/1.19.601/values.yaml` },
  ciliumSchema: { title: 'rke2-cilium values.schema.json (1.20.102)', url: `${CHARTS}/rke2-cilium/rke2-cilium/1.20.102/values.schema.json` },
  ciliumConfigmapKpr: { title: 'rke2-cilium templates/cilium-configmap.yaml (kubeProxyReplacement must be true or false)', url: `${CHARTS}/rke2-cilium/rke2-cilium/1.20.102/templates/cilium-configmap.yaml` },
  flannelValues: { title: 'rke2-flannel values.yaml (v0.28.906)', url: `${CHARTS}/rke2-flannel/rke2-flannel/v0.28.906/values.yaml` },
  multusValues: { title: 'rke2-multus values.yaml (v4.3.008)', url: `${CHARTS}/rke2-multus/rke2-multus/v4.3.008/values.yaml` },
  helmChartConfigCrd: { title: 'k3s-io/helm-controller v0.17.7 HelmChartConfig CRD', url: 'https://github.com/k3s-io/helm-controller/blob/v0.17.7/pkg/crds/yaml/generated/helm.cattle.io_helmchartconfigs.yaml' },
  nadCrd: { title: 'NetworkAttachmentDefinition CRD', url: 'https://github.com/k8snetworkplumbingwg/network-attachment-definition-client/blob/master/artifacts/networks-crd.yaml' },
  sriovOperator: { title: 'sriov-network-operator quickstart', url: 'https://github.com/k8snetworkplumbingwg/sriov-network-operator/blob/master/doc/quickstart.md' },
  sriovResourceNameIssue: { title: 'sriov-network-device-plugin#258: NAD needs the resourceName annotation', url: 'https://github.com/k8snetworkplumbingwg/sriov-network-device-plugin/issues/258' },
  multusHowTo: { title: 'multus-cni: how to use (NetworkAttachmentDefinition, pod annotation)', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' },
  ciliumSystemRequirements: { title: 'Cilium docs: System requirements (kernel, firewall)', url: `${CILIUM_DOCS}/operations/system_requirements/` },
  ciliumKubeProxyFree: { title: 'Cilium docs: Kubernetes without kube-proxy', url: `${CILIUM_DOCS}/network/kubernetes/kubeproxy-free/` },
  ciliumHubble: { title: 'Cilium docs: Hubble', url: `${CILIUM_DOCS}/observability/hubble/` },
  ciliumEncryption: { title: 'Cilium docs: Transparent encryption', url: `${CILIUM_DOCS}/security/network/encryption/` },
  ciliumL7: { title: 'Cilium docs: Layer 7 and DNS-aware policy', url: `${CILIUM_DOCS}/security/policy/language/` },
  ciliumBandwidth: { title: 'Cilium docs: Bandwidth Manager', url: `${CILIUM_DOCS}/network/kubernetes/bandwidth-manager/` },
  ciliumEni: { title: 'Cilium docs: AWS ENI IPAM', url: `${CILIUM_DOCS}/network/concepts/ipam/eni/` },
  calicoEbpf: { title: 'Calico docs: eBPF dataplane', url: 'https://docs.tigera.io/calico/latest/operations/ebpf/' },
  calicoBgp: { title: 'Calico docs: BGP peering', url: 'https://docs.tigera.io/calico/latest/networking/configuring/bgp' },
  calicoWireguard: { title: 'Calico docs: WireGuard encryption', url: 'https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic' },
  calicoSystemRequirements: { title: 'Calico docs: System requirements', url: 'https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements' },
  calicoChecksumIssue: { title: 'rancher/rke2#1541: Calico checksum offload on old kernels', url: 'https://github.com/rancher/rke2/issues/1541' },
  flannelBackends: { title: 'flannel docs: Backends', url: 'https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md' },
  rancherCniFaq: { title: 'Rancher docs: CNI providers FAQ (comparison table, RKE1-era)', url: 'https://ranchermanager.docs.rancher.com/faq/container-network-interface-providers' },
  weaveArchived: { title: 'weaveworks/weave repository (archived)', url: 'https://github.com/weaveworks/weave' },
  awsVpcCni: { title: 'amazon-vpc-cni-k8s (EKS networking)', url: 'https://github.com/aws/amazon-vpc-cni-k8s' },
  ducastelBenchmark: { title: 'Ducastel 2024 CNI benchmark on RKE2 (40 GbE, MTU 9000), raw data', url: 'https://github.com/InfraBuilder/benchmark-k8s-cni-2024-01' },
  cniSwitchIssue: { title: 'rancher/rke2#1072: switching CNI on a running cluster is not supported', url: 'https://github.com/rancher/rke2/issues/1072' },
  multusCiliumIssue: { title: 'rancher/rke2#9040: Cilium exclusive mode breaks Multus', url: 'https://github.com/rancher/rke2/issues/9040' },
  kprStrictIssue: { title: 'rancher/rke2#4862: kubeProxyReplacement strict fails', url: 'https://github.com/rancher/rke2/issues/4862' },
  calicoEbpfEndpointIssue: { title: 'rancher/rke2-docs#567: Calico eBPF needs a reachable API endpoint, not localhost', url: 'https://github.com/rancher/rke2-docs/issues/567' },
  ciliumOperatorSingleNode: { title: 'cilium/cilium#14089: operator replica Pending on a single node', url: 'https://github.com/cilium/cilium/issues/14089' },
  hccNamingIssue: { title: 'rancher/rke2#7281: manifests named like packaged components are removed', url: 'https://github.com/rancher/rke2/issues/7281' },
  dualStackIssue: { title: 'rancher/rke2-docs#113: IPv6 service mask and per-node /64', url: 'https://github.com/rancher/rke2-docs/issues/113' },
  cisCalicoIssue: { title: 'rancher/rke2#5315: CIS profile with calico', url: 'https://github.com/rancher/rke2/issues/5315' },
  mtuIssue: { title: 'rancher/rke2-charts#670: do not set an MTU above the underlay', url: 'https://github.com/rancher/rke2-charts/issues/670' },
  kubeNodeIpam: { title: 'Kubernetes: kube-controller-manager node CIDR mask defaults', url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/' },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
