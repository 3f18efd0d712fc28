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
  cisProfileCode: {
    title: 'rancher/rke2 pkg/rke2/rke2.go: CISProfile "cis" from its release gate; older patches only "cis-1.23"',
    url: 'https://github.com/rancher/rke2/blob/v1.28.2%2Brke2r1/pkg/rke2/rke2.go',
  },
  ingressWebhookPolicyPr: {
    title: 'rancher/rke2#5315: RKE2 adds the ingress webhook NetworkPolicy itself',
    url: 'https://github.com/rancher/rke2/pull/5315',
  },
  traefikDefaultCode: {
    title: 'rancher/rke2 v1.36: Traefik is the default ingress controller (pkg/bootstrap/bootstrap.go)',
    url: 'https://github.com/rancher/rke2/blob/v1.36.0%2Brke2r1/pkg/bootstrap/bootstrap.go',
  },
  kubeProxyAgentCode: {
    title:
      'k3s agent: kube-proxy starts only when disable-kube-proxy is unset (copied to every agent, Windows included)',
    url: 'https://github.com/rancher/rke2/blob/v1.34.3%2Brke2r1/pkg/executor/pebinary/pebinary.go',
  },
  windowsCalicoInterfaceCode: {
    title:
      'rancher/rke2 pkg/windows/calico.go: the Windows agent matches nodeAddressAutodetectionV4.interface against Windows adapter names',
    url: 'https://github.com/rancher/rke2/blob/v1.34.3%2Brke2r1/pkg/windows/calico.go',
  },
  flannelWireguardOverhead: {
    title: 'flannel pkg/backend/wireguard: overhead = 80 bytes for every IP family',
    url: 'https://github.com/flannel-io/flannel/blob/master/pkg/backend/wireguard/wireguard_network.go',
  },
  flannelVxlanOverhead: {
    title: 'flannel pkg/backend/vxlan/device.go: VXLAN overhead 50 bytes',
    url: 'https://github.com/flannel-io/flannel/blob/master/pkg/backend/vxlan/device.go',
  },
  windowsCalicoBgpCode: {
    title:
      'rancher/rke2 pkg/windows/calico.go: with BGP the Windows agent runs Calico with the windows-bgp backend, not VXLAN',
    url: 'https://github.com/rancher/rke2/blob/v1.34.3%2Brke2r1/pkg/windows/calico.go',
  },
  rfc3986Host: {
    title: 'RFC 3986 §3.2.2: an IPv6 literal in a URL is enclosed in brackets',
    url: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.2',
  },
  cisNetworkPoliciesCode: {
    title: 'rancher/rke2 pkg/rke2/np.go: CIS default network policies for every CNI',
    url: 'https://github.com/rancher/rke2/blob/v1.34.3%2Brke2r1/pkg/rke2/np.go',
  },
  basicNetworkOptions: {
    title: 'RKE2 docs: Basic network options',
    url: `${RKE2_DOCS}/networking/basic_network_options`,
  },
  basicNetworkOptionsDualStack: {
    title: 'RKE2 docs: Dual-stack configuration',
    url: `${RKE2_DOCS}/networking/basic_network_options#dual-stack-configuration`,
  },
  basicNetworkOptionsIpv6: {
    title: 'RKE2 docs: IPv6 setup',
    url: `${RKE2_DOCS}/networking/basic_network_options#ipv6-setup`,
  },
  multusSriov: { title: 'RKE2 docs: Multus and SR-IOV', url: `${RKE2_DOCS}/networking/multus_sriov` },
  windowsBgp: { title: 'RKE2 docs: Calico BGP with Windows', url: `${RKE2_DOCS}/networking/windows_bgp` },
  windowsRequirements: {
    title: 'RKE2 docs: Windows requirements (Server 2019 LTSC 17763.2061, 2022 LTSC 20348.169; Containers feature)',
    url: `${RKE2_DOCS}/install/requirements#windows`,
  },
  windowsAgentInstall: {
    title: 'RKE2 docs: Windows agent (worker) node installation (c:/etc/rancher/rke2/config.yaml)',
    url: `${RKE2_DOCS}/install/quickstart#windows-agent-worker-node-installation`,
  },
  agentApiLoadBalancer: {
    title:
      'RKE2 docs: agent lb-server-port: the agent runs an API server client load balancer on the port one below it (6443)',
    url: `${RKE2_DOCS}/reference/linux_agent_config`,
  },
  kubernetesOsLabel: {
    title: 'Kubernetes well-known labels: kubernetes.io/os',
    url: 'https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-os',
  },
  requirementsPorts: {
    title: 'RKE2 docs: Inbound network rules',
    url: `${RKE2_DOCS}/install/requirements#inbound-network-rules`,
  },
  requirements: { title: 'RKE2 docs: Requirements', url: `${RKE2_DOCS}/install/requirements` },
  knownIssues: { title: 'RKE2 docs: Known issues', url: `${RKE2_DOCS}/known_issues` },
  helmAddons: { title: 'RKE2 docs: Helm integration (HelmChartConfig)', url: `${RKE2_DOCS}/add-ons/helm` },
  serverConfig: { title: 'RKE2 docs: Server configuration reference', url: `${RKE2_DOCS}/reference/server_config` },
  hardening: { title: 'RKE2 docs: CIS hardening guide', url: `${RKE2_DOCS}/security/hardening_guide` },
  clusterLoadBalancer: {
    title: 'RKE2 docs: Cluster load balancer',
    url: `${RKE2_DOCS}/networking/cluster-loadbalancer`,
  },
  networkingServices: {
    title: 'RKE2 docs: Networking services (NodeLocal DNS)',
    url: `${RKE2_DOCS}/networking/networking_services`,
  },
  selinux: { title: 'RKE2 docs: SELinux', url: `${RKE2_DOCS}/security/selinux` },
  cniValidateCode: {
    title: 'rancher/rke2: validateCNI (pkg/cli/cmds/server.go)',
    url: `${RKE2}/pkg/cli/cmds/server.go`,
  },
  cniItemsCode: { title: 'rancher/rke2: CNIItems (pkg/cli/types.go)', url: `${RKE2}/pkg/cli/types.go` },
  cisPolicyCode: {
    title: 'rancher/rke2: CIS NetworkPolicy controller runs only with canal (pkg/rke2/rke2.go)',
    url: `${RKE2}/pkg/rke2/rke2.go`,
  },
  windowsCniCode: {
    title: 'rancher/rke2: Windows CNI selection (pkg/executor/pebinary/pebinary.go)',
    url: `${RKE2}/pkg/executor/pebinary/pebinary.go`,
  },
  injectedValuesCode: {
    title: 'rancher/rke2: values injected via spec.set (pkg/bootstrap/bootstrap.go)',
    url: `${RKE2}/pkg/bootstrap/bootstrap.go`,
  },
  chartVersions: { title: 'rancher/rke2: charts/chart_versions.yaml', url: `${RKE2}/charts/chart_versions.yaml` },
  releaseTags: {
    title: 'rancher/rke2 release tags (chart versions per release)',
    url: 'https://github.com/rancher/rke2/releases',
  },
  adrFlannel: {
    title: 'rancher/rke2 ADR 006: add Flannel support (Calico-on-Windows TCP resets)',
    url: `${RKE2}/docs/adrs/006-add-flannel-support.md`,
  },
  rancherDefaultCalico: {
    title: 'rancher/rancher: Rancher sets cni: calico by default (pkg/capr/planner/config.go)',
    url: 'https://github.com/rancher/rancher/blob/00914879/pkg/capr/planner/config.go',
  },
  rancherDefaultIssue: {
    title: 'rancher/rancher#50555: RKE2 CNI default differs in Rancher',
    url: 'https://github.com/rancher/rancher/issues/50555',
  },
  rancherProvisioning: {
    title: 'rancher/rancher: provisioning.cattle.io/v1 rkeConfig',
    url: 'https://github.com/rancher/rancher/blob/main/pkg/apis/provisioning.cattle.io/v1/rke.go',
  },
  canalValues: {
    title: 'rke2-canal values.yaml (v3.32.1-build2026081900)',
    url: `${CHARTS}/rke2-canal/rke2-canal/v3.32.1-build2026081900/values.yaml`,
  },
  calicoValues: {
    title: 'rke2-calico values.yaml (v3.32.100)',
    url: `${CHARTS}/rke2-calico/rke2-calico/v3.32.100/values.yaml`,
  },
  ciliumValues: {
    title: 'rke2-cilium values.yaml (1.19.601)',
    url: `${CHARTS}/rke2-cilium/rke2-cilium/1.19.601/values.yaml`,
  },
  ciliumSchema: {
    title: 'rke2-cilium values.schema.json (1.20.102)',
    url: `${CHARTS}/rke2-cilium/rke2-cilium/1.20.102/values.schema.json`,
  },
  ciliumConfigmapKpr: {
    title: 'rke2-cilium templates/cilium-configmap.yaml (kubeProxyReplacement must be true or false)',
    url: `${CHARTS}/rke2-cilium/rke2-cilium/1.20.102/templates/cilium-configmap.yaml`,
  },
  flannelValues: {
    title: 'rke2-flannel values.yaml (v0.28.906)',
    url: `${CHARTS}/rke2-flannel/rke2-flannel/v0.28.906/values.yaml`,
  },
  multusValues: {
    title: 'rke2-multus values.yaml (v4.3.008)',
    url: `${CHARTS}/rke2-multus/rke2-multus/v4.3.008/values.yaml`,
  },
  helmChartConfigCrd: {
    title: 'k3s-io/helm-controller v0.17.7 HelmChartConfig CRD',
    url: 'https://github.com/k3s-io/helm-controller/blob/v0.17.7/pkg/crds/yaml/generated/helm.cattle.io_helmchartconfigs.yaml',
  },
  nadCrd: {
    title: 'NetworkAttachmentDefinition CRD',
    url: 'https://github.com/k8snetworkplumbingwg/network-attachment-definition-client/blob/master/artifacts/networks-crd.yaml',
  },
  sriovOperator: {
    title: 'sriov-network-operator quickstart',
    url: 'https://github.com/k8snetworkplumbingwg/sriov-network-operator/blob/master/doc/quickstart.md',
  },
  sriovResourceNameIssue: {
    title: 'sriov-network-device-plugin#258: NAD needs the resourceName annotation',
    url: 'https://github.com/k8snetworkplumbingwg/sriov-network-device-plugin/issues/258',
  },
  hostLocalRange: {
    title: 'CNI plugins: host-local range defaults (first address, last address, gateway .1)',
    url: 'https://github.com/containernetworking/plugins/blob/main/plugins/ipam/host-local/backend/allocator/range.go',
  },
  whereaboutsConfig: {
    title: 'whereabouts: IPAM configuration (range; range_start, range_end and gateway optional)',
    url: 'https://github.com/k8snetworkplumbingwg/whereabouts/blob/master/pkg/types/types.go',
  },
  multusHowTo: {
    title: 'multus-cni: how to use (NetworkAttachmentDefinition, pod annotation)',
    url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md',
  },
  ciliumSystemRequirements: {
    title: 'Cilium docs: System requirements (kernel, firewall)',
    url: `${CILIUM_DOCS}/operations/system_requirements/`,
  },
  ciliumKubeProxyFree: {
    title: 'Cilium docs: Kubernetes without kube-proxy',
    url: `${CILIUM_DOCS}/network/kubernetes/kubeproxy-free/`,
  },
  ciliumHubble: { title: 'Cilium docs: Hubble', url: `${CILIUM_DOCS}/observability/hubble/` },
  ciliumEncryption: {
    title: 'Cilium docs: Transparent encryption',
    url: `${CILIUM_DOCS}/security/network/encryption/`,
  },
  ciliumL7: { title: 'Cilium docs: Layer 7 and DNS-aware policy', url: `${CILIUM_DOCS}/security/policy/language/` },
  ciliumBandwidth: {
    title: 'Cilium docs: Bandwidth Manager',
    url: `${CILIUM_DOCS}/network/kubernetes/bandwidth-manager/`,
  },
  ciliumEni: { title: 'Cilium docs: AWS ENI IPAM', url: `${CILIUM_DOCS}/network/concepts/ipam/eni/` },
  calicoEbpf: { title: 'Calico docs: eBPF dataplane', url: 'https://docs.tigera.io/calico/latest/operations/ebpf/' },
  calicoBgp: {
    title: 'Calico docs: BGP peering',
    url: 'https://docs.tigera.io/calico/latest/networking/configuring/bgp',
  },
  calicoWireguard: {
    title: 'Calico docs: WireGuard encryption',
    url: 'https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic',
  },
  calicoSystemRequirements: {
    title: 'Calico docs: System requirements',
    url: 'https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements',
  },
  calicoChecksumIssue: {
    title: 'rancher/rke2#1541: Calico checksum offload on old kernels',
    url: 'https://github.com/rancher/rke2/issues/1541',
  },
  flannelBackends: {
    title: 'flannel docs: Backends',
    url: 'https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md',
  },
  rancherCniFaq: {
    title: 'Rancher docs: CNI providers FAQ (comparison table, RKE1-era)',
    url: 'https://ranchermanager.docs.rancher.com/faq/container-network-interface-providers',
  },
  weaveArchived: { title: 'weaveworks/weave repository (archived)', url: 'https://github.com/weaveworks/weave' },
  awsVpcCni: { title: 'amazon-vpc-cni-k8s (EKS networking)', url: 'https://github.com/aws/amazon-vpc-cni-k8s' },
  ducastelBenchmark: {
    title: 'Ducastel 2024 CNI benchmark on RKE2 (40 GbE, MTU 9000), raw data',
    url: 'https://github.com/InfraBuilder/benchmark-k8s-cni-2024-01',
  },
  cniSwitchIssue: {
    title: 'rancher/rke2#1072: switching CNI on a running cluster is not supported',
    url: 'https://github.com/rancher/rke2/issues/1072',
  },
  multusCiliumIssue: {
    title: 'rancher/rke2#9040: Cilium exclusive mode breaks Multus',
    url: 'https://github.com/rancher/rke2/issues/9040',
  },
  kprStrictIssue: {
    title: 'rancher/rke2#4862: kubeProxyReplacement strict fails',
    url: 'https://github.com/rancher/rke2/issues/4862',
  },
  calicoEbpfEndpointIssue: {
    title: 'rancher/rke2-docs#567: Calico eBPF needs a reachable API endpoint, not localhost',
    url: 'https://github.com/rancher/rke2-docs/issues/567',
  },
  ciliumOperatorSingleNode: {
    title: 'cilium/cilium#14089: operator replica Pending on a single node',
    url: 'https://github.com/cilium/cilium/issues/14089',
  },
  hccNamingIssue: {
    title: 'rancher/rke2#7281: manifests named like packaged components are removed',
    url: 'https://github.com/rancher/rke2/issues/7281',
  },
  dualStackIssue: {
    title: 'rancher/rke2-docs#113: IPv6 service mask and per-node /64',
    url: 'https://github.com/rancher/rke2-docs/issues/113',
  },
  cisCalicoIssue: {
    title: 'rancher/rke2#5315: CIS profile with calico',
    url: 'https://github.com/rancher/rke2/issues/5315',
  },
  mtuIssue: {
    title: 'rancher/rke2-charts#670: do not set an MTU above the underlay',
    url: 'https://github.com/rancher/rke2-charts/issues/670',
  },
  kubeNodeIpam: {
    title: 'Kubernetes: kube-controller-manager node CIDR mask defaults',
    url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
  },
  // Comparison view and CNI profiles (pitfalls from ../shared/research/peers.md part b).
  rancherCniFaqPopularity: {
    title: 'Rancher docs: CNI providers FAQ, "CNI Community Popularity" (rancher/rancher-docs@1c0d662)',
    url: 'https://github.com/rancher/rancher-docs/blob/1c0d66246977b29eabeebb12bf98438932455e0e/docs/faq/container-network-interface-providers.md',
  },
  calicoDualStackPools: {
    title: 'rke2-calico templates/crs/custom-resources.yaml: VXLAN on the IPv6 pool since v3.23.001',
    url: `${CHARTS}/rke2-calico/rke2-calico/v3.32.100/templates/crs/custom-resources.yaml`,
  },
  flannelValuesPatch: {
    title: 'rke2-flannel values patch: backendPort 4789 and VNI 4096 to match Windows',
    url: 'https://github.com/rancher/rke2-charts/blob/main-source/packages/rke2-flannel/generated-changes/patch/values.yaml.patch',
  },
  ciliumValuesPatch: {
    title: 'rke2-cilium values patch (chainingMode portmap, exclusive false, ipam kubernetes)',
    url: 'https://github.com/rancher/rke2-charts/blob/main-source/packages/rke2-cilium/generated-changes/patch/values.yaml.patch',
  },
  flannelNoPolicy: {
    title: 'Ducastel 2024 raw data: flannel info-netpol "Ingress no / Egress no"',
    url: 'https://github.com/InfraBuilder/benchmark-k8s-cni-2024-01/tree/3a5c159000f2/results/flannel',
  },
  multusCiliumNoInterface: {
    title: 'rancher/rke2#7464: Cilium/Multus does not create an additional interface',
    url: 'https://github.com/rancher/rke2/issues/7464',
  },
  multusCiliumSock: {
    title: 'rancher/rke2#4146: Multus fails to connect to cilium.sock after reboot',
    url: 'https://github.com/rancher/rke2/issues/4146',
  },
  multusThickEarly: {
    title: 'rancher/rke2#10360: Multus thick plugin schedules workloads too early',
    url: 'https://github.com/rancher/rke2/issues/10360',
  },
  kprNoStartIssue: {
    title: 'rancher/rke2#5107: RKE2 does not start with Cilium and disabled kube-proxy',
    url: 'https://github.com/rancher/rke2/issues/5107',
  },
  ciliumIngressKubeProxy: {
    title: 'rancher/rke2#3490: ingress broken with Cilium while kube-proxy still runs',
    url: 'https://github.com/rancher/rke2/issues/3490',
  },
  kprStrictDocs: {
    title: 'rancher/rke2-docs#131: kubeProxyReplacement strict is replaced by true',
    url: 'https://github.com/rancher/rke2-docs/issues/131',
  },
  hccNotAppliedIssue: {
    title: 'rancher/rke2#1734: Cilium chart values not applied (HelmChart instead of HelmChartConfig)',
    url: 'https://github.com/rancher/rke2/issues/1734',
  },
  cilium117UpgradeNotes: {
    title: 'Cilium upgrade notes 1.17: wireguard.userspaceFallback removed',
    url: 'https://docs.cilium.io/en/v1.17/operations/upgrade/#upgrade-notes',
  },
  calicoFelixKeysDropped: {
    title:
      'rancher/rke2-charts#277: iptablesRefreshInterval and iptablesBackend dropped from rke2-calico values (Calico v3.24.1)',
    url: 'https://github.com/rancher/rke2-charts/pull/277',
  },
  calicoFirstFoundFix: {
    title: 'rancher/rke2-charts#382: set nodeAddressAutodetectionV4.firstFound explicitly (Calico v3.26.3)',
    url: 'https://github.com/rancher/rke2-charts/pull/382',
  },
  calicoAutodetectConflict: {
    title: 'rancher/rke2#3107: "no more than one node address autodetection method can be specified per-family"',
    url: 'https://github.com/rancher/rke2/issues/3107',
  },
  ciliumPortmapDefault: {
    title: 'rancher/rke2#3511: Cilium 1.12.3 uses portmap as the default chaining mode',
    url: 'https://github.com/rancher/rke2/pull/3511',
  },
  ciliumTunnelRemoved: {
    title:
      'cilium/cilium#29053: tunnel was deprecated in v1.14 and removed in v1.15 (use routingMode / tunnelProtocol)',
    url: 'https://github.com/cilium/cilium/pull/29053',
  },
  setSyntaxIssue: {
    title: 'rancher/rke2#8200: Helm --set list syntax written as a YAML string in chart values',
    url: 'https://github.com/rancher/rke2/issues/8200',
  },
  serviceHostTemplateIssue: {
    title: 'kloia/rke2-ansible#24: k8sServiceHost left as an unrendered template expression',
    url: 'https://github.com/kloia/rke2-ansible/issues/24',
  },
  specUnderMetadataIssue: {
    title: 'rancher/rke2#1997: HelmChartConfig spec indented under metadata is never applied',
    url: 'https://github.com/rancher/rke2/issues/1997',
  },
  valuesBesideContentIssue: {
    title: 'lablabs/ansible-role-rke2#291: chart values written beside valuesContent are not applied',
    url: 'https://github.com/lablabs/ansible-role-rke2/issues/291',
  },
  duplicateKeyIssue: {
    title: 'rancher/rke2#8006: config.yaml with disable-kube-proxy given twice',
    url: 'https://github.com/rancher/rke2/issues/8006',
  },
  upgradeOneMinor: {
    title: 'RKE2 docs: Manual upgrades ("Ensure that your plan does not skip intermediate minor versions")',
    url: 'https://docs.rke2.io/upgrades/manual',
  },
  skippedMinorIssue: {
    title: 'rancher/rke2#5272: workers stop accepting pods after skipping minor versions on upgrade',
    url: 'https://github.com/rancher/rke2/issues/5272',
  },
  ciliumUpgradeGuide: {
    title: 'Cilium upgrade guide: check values for renamed or removed keys before a minor upgrade',
    url: 'https://docs.cilium.io/en/stable/operations/upgrade/',
  },
  ciliumNestingIssue: {
    title: 'rancher/rke2#2738: HelmChartConfig with the old cilium: nesting is ignored',
    url: 'https://github.com/rancher/rke2/issues/2738',
  },
  dualStackLaterIssue: {
    title: 'rancher/rke2#3664: dual-stack added to an existing IPv4 cluster fails',
    url: 'https://github.com/rancher/rke2/issues/3664',
  },
  dualStackCanalIssue: {
    title: 'rancher/rke2#2524: dual-stack not working with canal',
    url: 'https://github.com/rancher/rke2/issues/2524',
  },
  vxlanNsxIssue: {
    title: 'flannel-io/flannel#2388: VMware/NSX drops VXLAN on UDP 8472',
    url: 'https://github.com/flannel-io/flannel/issues/2388',
  },
  vxlanPort4789Issue: {
    title: 'cilium/cilium#21801: VMware drops VXLAN on 8472; use tunnelPort 4789',
    url: 'https://github.com/cilium/cilium/issues/21801',
  },
  vmxnet3OffloadIssue: {
    title: 'projectcalico/calico#9433: VXLAN on ESXi breaks until ethtool -K <nic> tx off',
    url: 'https://github.com/projectcalico/calico/issues/9433',
  },
  wireguardSwitchIssue: {
    title: 'rancher/rke2#9338: Canal switched to WireGuard keeps pod traffic on VXLAN',
    url: 'https://github.com/rancher/rke2/issues/9338',
  },
  flannelIfaceClusterWideIssue: {
    title: 'rancher/rke2#1889: flannel iface is cluster-wide; interface names differ per node',
    url: 'https://github.com/rancher/rke2/issues/1889',
  },
  canalMtuIssue: {
    title: 'rancher/rancher#13984: Canal network provider has the wrong MTU',
    url: 'https://github.com/rancher/rancher/issues/13984',
  },
  pniCiliumIssue: {
    title: 'rancher/rancher#34275: Cilium with Project Network Isolation breaks ingress',
    url: 'https://github.com/rancher/rancher/issues/34275',
  },
  pniCalicoIssue: {
    title: 'rancher/rancher#33979: Calico with Project Network Isolation breaks ingress',
    url: 'https://github.com/rancher/rancher/issues/33979',
  },
  ciliumKernel72Issue: {
    title: 'rancher/rke2#11270: bundled Cilium does not come up on kernel 7.2',
    url: 'https://github.com/rancher/rke2/issues/11270',
  },
  rhel10ModulesIssue: {
    title: 'rancher/rke2#8498: RHEL 10 networking pods crash (missing kernel modules)',
    url: 'https://github.com/rancher/rke2/issues/8498',
  },
  calicoEbpfKubeProxyIssue: {
    title: 'projectcalico/calico#10748: Calico BPF mode conflicts with a running kube-proxy',
    url: 'https://github.com/projectcalico/calico/issues/10748',
  },
  calicoWindowsVxlanIssue: {
    title: 'projectcalico/calico#9120: Calico Windows cannot find vxlan0',
    url: 'https://github.com/projectcalico/calico/issues/9120',
  },
  windowsCniNoneIssue: {
    title: 'rancher/rke2#6819: Windows fails when cni: none is configured',
    url: 'https://github.com/rancher/rke2/issues/6819',
  },
  sriovSelinuxIssue: {
    title: 'rancher/rke2#746: Multus + SR-IOV blocked by SELinux on /opt/cni/bin',
    url: 'https://github.com/rancher/rke2/issues/746',
  },
  sriovPrereqIssue: {
    title: 'rancher/rke2#927: SR-IOV prerequisites (NIC support, IOMMU, drivers)',
    url: 'https://github.com/rancher/rke2/issues/927',
  },
  firewalldReloadIssue: {
    title: 'rancher/rke2#774: Canal iptables rules lost on firewall-cmd --reload',
    url: 'https://github.com/rancher/rke2/issues/774',
  },
  networkManagerIssue: {
    title: 'rancher/rke2#786: NetworkManager interferes with CNI interfaces',
    url: 'https://github.com/rancher/rke2/issues/786',
  },
  ciliumWireguardIssue: {
    title: 'cilium/cilium#28470: enabling WireGuard causes network failures',
    url: 'https://github.com/cilium/cilium/issues/28470',
  },
  ciliumWireguardPortDocs: {
    title: 'rancher/rke2-docs#290: document the Cilium WireGuard port',
    url: 'https://github.com/rancher/rke2-docs/issues/290',
  },
  ciliumPortTypoPr: {
    title: 'rancher/rke2#2381: inbound rules for Calico, Canal, Cilium (first draft typed 8742)',
    url: 'https://github.com/rancher/rke2/pull/2381',
  },
  byoCniAdditionalManifest: {
    title: 'rancher/rancher#51771: Additional Manifests are applied too late for a BYO Cilium',
    url: 'https://github.com/rancher/rancher/issues/51771',
  },
  kubeServiceCidrLimit: {
    title: 'kube-apiserver: a service CIDR holds at most 2^20 addresses (cmd/kube-apiserver/app/options/validation.go)',
    url: 'https://github.com/kubernetes/kubernetes/blob/v1.33.0/cmd/kube-apiserver/app/options/validation.go',
  },
  kubeNodeCidrSet: {
    title:
      'kube-controller-manager: node CIDRs are carved from the cluster CIDR, at most 16 bits apart (pkg/controller/nodeipam/ipam/cidrset/cidr_set.go)',
    url: 'https://github.com/kubernetes/kubernetes/blob/v1.33.0/pkg/controller/nodeipam/ipam/cidrset/cidr_set.go',
  },
  linuxInterfaceNames: {
    title: 'Linux dev_valid_name(): interface names are 1 to 15 bytes, no "/", ":" or whitespace (net/core/dev.c)',
    url: 'https://github.com/torvalds/linux/blob/v6.8/net/core/dev.c',
  },
  k8sDns1123Label: {
    title: 'Kubernetes: object names as RFC 1123 labels',
    url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names',
  },
  sriovResourceNameRule: {
    title: 'sriov-network-operator webhook: resourceName must match ^[a-zA-Z0-9_]+$ (pkg/webhook/validate.go)',
    url: 'https://github.com/k8snetworkplumbingwg/sriov-network-operator/blob/master/pkg/webhook/validate.go',
  },
  // Decision engine (src/domain/engine/rules).
  calicoEnterpriseDnsPolicy: {
    title: 'Calico Enterprise docs: DNS policy (domain names in policy is an Enterprise feature)',
    url: 'https://docs.tigera.io/calico-enterprise/latest/network-policy/domain-based-policy',
  },
  ciliumBgpControlPlane: {
    title: 'Cilium docs: BGP Control Plane',
    url: 'https://docs.cilium.io/en/stable/network/bgp-control-plane/bgp-control-plane/',
  },
  ciliumKernel419: {
    title: 'cilium/cilium#23124: minimum kernel 4.19.57 since Cilium 1.13 (4.18 on RHEL 8)',
    url: 'https://github.com/cilium/cilium/pull/23124',
  },
  ciliumKernel54: {
    title: 'cilium/cilium#36386: minimum kernel 5.4 since Cilium 1.16 (4.18 on RHEL 8.6)',
    url: 'https://github.com/cilium/cilium/pull/36386',
  },
  ciliumKernel510: {
    title: 'cilium/cilium#42081: minimum kernel 5.10 since Cilium 1.18 (4.18 on RHEL 8.10)',
    url: 'https://github.com/cilium/cilium/pull/42081',
  },
  wireguardInstall: {
    title: 'WireGuard: installation (older kernels need the module)',
    url: 'https://www.wireguard.com/install/',
  },
  calicoWindowsLimitations: {
    title: 'Calico docs: Calico for Windows limitations (no WireGuard, no IPv6 or dual-stack, no eBPF)',
    url: 'https://docs.tigera.io/calico/latest/getting-started/kubernetes/windows-calico/limitations',
  },
  bandwidthPlugin: {
    title: 'CNI plugins: bandwidth (tc token bucket, chained by the rke2 charts)',
    url: 'https://www.cni.dev/plugins/current/meta/bandwidth/',
  },
  // Bundle doctor (src/domain/validate).
  ciliumValidateTemplate: {
    title: 'rke2-cilium templates/validate.yaml (render-time failures)',
    url: `${CHARTS}/rke2-cilium/rke2-cilium/1.19.601/templates/validate.yaml`,
  },
  cilium119Schema: {
    title: 'rke2-cilium values.schema.json (1.19.601)',
    url: `${CHARTS}/rke2-cilium/rke2-cilium/1.19.601/values.schema.json`,
  },
  calicoInstallationCrd: {
    title: 'rke2-calico-crd v3.32.100: operator.tigera.io Installation CRD',
    url: `${CHARTS}/rke2-calico-crd/rke2-calico-crd/v3.32.100/templates/operator.tigera.io_installations.yaml`,
  },
  calicoCrds: {
    title: 'rke2-calico-crd v3.32.100 CRDs (Installation, FelixConfiguration, IPAMConfig)',
    url: `${CHARTS}/rke2-calico-crd/rke2-calico-crd/v3.32.100/templates`,
  },
  dottedKeysIssue: {
    title: 'rancher/rke2#663: HelmChartConfig modifications not taking effect (dotted keys)',
    url: 'https://github.com/rancher/rke2/issues/663',
  },
  yamlSpec: { title: 'YAML 1.2 specification', url: 'https://yaml.org/spec/1.2.2/' },
  k3sConfigFileArg: {
    title: 'k3s-io/k3s pkg/configfilearg/parser.go: "Unknown flag ... found in config.yaml, skipping"',
    url: 'https://github.com/k3s-io/k3s/blob/master/pkg/configfilearg/parser.go',
  },
  k8sObjectNames: {
    title: 'Kubernetes: object names (DNS-1123 subdomain)',
    url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  },
  rke2AirgapDocs: {
    title:
      'RKE2 docs: Air-gap install (rke2-images.linux-<arch> carries Canal only; core plus the CNI tarball; /var/lib/rancher/rke2/agent/images/)',
    url: 'https://github.com/rancher/rke2-docs/blob/9477b7b1/docs/install/airgap.md',
  },
  rke2PrivateRegistryDocs: {
    title: 'RKE2 docs: Private registry configuration (/etc/rancher/rke2/registries.yaml mirrors and configs)',
    url: 'https://github.com/rancher/rke2-docs/blob/9477b7b1/docs/install/private_registry.md',
  },
  rke2BuildImages: {
    title:
      'rancher/rke2 scripts/build-images: the images of each rke2-images-<name> tarball, read at every release tag',
    url: `${RKE2}/scripts/build-images`,
  },
  rke2PackageImages: {
    title: 'rancher/rke2 scripts/package-images: rke2-<tarball>.<platform>.tar.zst / .tar.gz / .txt per images-*.txt',
    url: `${RKE2}/scripts/package-images`,
  },
  rke2WindowsImages: {
    title: 'rancher/rke2 scripts/package-windows-images: rke2-windows-<os>-amd64-images.tar.zst, amd64 only',
    url: `${RKE2}/scripts/package-windows-images`,
  },
  rke2Arm64Pr: {
    title: 'rancher/rke2#4335 "Add arm64 support": arm64 artifacts from v1.27.3+rke2r1 (no 1.26 or older line)',
    url: 'https://github.com/rancher/rke2/pull/4335',
  },
  airgapCniImagesIssue: {
    title: 'rancher/rke2#8823: multus,cilium air-gapped, images missing (the full tarball carries Canal only)',
    url: 'https://github.com/rancher/rke2/issues/8823',
  },
  airgapCiliumImageIssue: {
    title: 'rancher/rke2#9308: the Cilium image is missing from rke2-images.linux-<arch>',
    url: 'https://github.com/rancher/rke2/issues/9308',
  },
  airgapDocsFix: {
    title: 'rancher/rke2-docs#400: the air-gap docs no longer claim one tarball holds every CNI',
    url: 'https://github.com/rancher/rke2-docs/pull/400',
  },
  hubbleAirgapIssue: {
    title: 'rancher/rke2#3556: hubble-relay and hubble-ui images missing from the air-gap tarball before Dec 2022',
    url: 'https://github.com/rancher/rke2/issues/3556',
  },
  rke2ChartsPerVersion: {
    title: 'rancher/rke2-charts (branch main): charts/<chart>/<chart>/<version>/values.yaml of every bundled version',
    url: 'https://github.com/rancher/rke2-charts/tree/main/charts',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
