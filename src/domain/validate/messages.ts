import { SOURCES, type Source } from '../sources';

/**
 * Every finding of the bundle doctor, as data: id, severity, a template that says what is wrong AND
 * the fix ({{name}} placeholders), and where the fact comes from. Tests assert ids, never wording.
 */
export interface DoctorMessage {
  severity: 'error' | 'warning';
  template: string;
  source: Source;
}

export const MESSAGES = {
  // The doctor itself
  'doctor.internalError': {
    severity: 'error',
    template: 'The bundle doctor failed on this bundle ({{reason}}); its result cannot be trusted. Please report this.',
    source: SOURCES.helmAddons,
  },

  // Files
  'doctor.budgetExceeded': {
    severity: 'error',
    template:
      'The input needs more work than the doctor does in one run ({{bytes}} bytes of YAML/JSON or {{nodes}} YAML nodes in all), so it stopped after {{checked}} of {{total}} files and this result is incomplete. Point it at the bundle itself, or check the files in smaller groups.',
    source: SOURCES.helmAddons,
  },
  'file.tooLarge': {
    severity: 'error',
    template:
      'The file is {{size}} bytes; the doctor reads at most {{limit}}. Split it, or check it is the file you meant.',
    source: SOURCES.helmAddons,
  },
  'file.yamlSyntax': {
    severity: 'error',
    template:
      'This is not valid YAML: {{reason}}. Fix the indentation or quoting at that line; RKE2 skips a manifest it cannot parse.',
    source: SOURCES.yamlSpec,
  },
  'file.jsonSyntax': { severity: 'error', template: 'This is not valid JSON: {{reason}}.', source: SOURCES.yamlSpec },
  'file.nameUnderscore': {
    severity: 'error',
    template:
      'The file name "{{name}}" has an underscore. Manifest file names become AddOn object names, which follow Kubernetes naming rules: rename it to "{{suggestion}}".',
    source: SOURCES.helmAddons,
  },
  'file.nameInvalid': {
    severity: 'error',
    template:
      'The file name "{{name}}" is not a valid Kubernetes object name (lowercase letters, digits, "-" and "."). Rename it, e.g. "{{suggestion}}".',
    source: SOURCES.k8sObjectNames,
  },
  'file.namePackaged': {
    severity: 'error',
    template:
      '"{{name}}" is the file name RKE2 uses for its own packaged chart; RKE2 rewrites or deletes it on start. Rename it to "{{suggestion}}".',
    source: SOURCES.hccNamingIssue,
  },
  'file.extension': {
    severity: 'warning',
    template:
      'RKE2 only applies manifests ending in .yaml, .yml or .json from the manifests directory; "{{name}}" is ignored. Rename it to end in .yaml if it should apply.',
    source: SOURCES.helmAddons,
  },
  'manifest.notObject': {
    severity: 'error',
    template:
      'This YAML document is a {{found}}, not a Kubernetes object. Each document in a manifest needs apiVersion, kind and metadata.',
    source: SOURCES.helmAddons,
  },
  'manifest.nameMissing': {
    severity: 'error',
    template: 'This {{kind}} has no metadata.name; kubectl apply refuses an object without a name. Add one.',
    source: SOURCES.k8sObjectNames,
  },
  'manifest.nameInvalid': {
    severity: 'error',
    template:
      'metadata.name "{{name}}" is not a valid {{what}} (lowercase letters, digits and "-", starting and ending with a letter or digit, at most {{max}} characters{{dots}}); kubectl apply refuses it. Use "{{suggestion}}".',
    source: SOURCES.k8sObjectNames,
  },
  'manifest.namespaceInvalid': {
    severity: 'error',
    template:
      'metadata.namespace "{{name}}" is not a valid namespace name (an RFC 1123 label: lowercase letters, digits and "-", at most 63 characters); kubectl apply refuses it.',
    source: SOURCES.k8sDns1123Label,
  },
  'manifest.kindMissing': {
    severity: 'error',
    template: 'This document has no "kind". Add the kind (e.g. HelmChartConfig) and its apiVersion.',
    source: SOURCES.helmAddons,
  },

  // config.yaml
  'config.notMapping': {
    severity: 'error',
    template: 'An RKE2 config file must be a YAML mapping of flag names to values; this one is a {{found}}.',
    source: SOURCES.serverConfig,
  },
  'config.unknownKey': {
    severity: 'error',
    template:
      '"{{key}}" is not an RKE2 server flag: RKE2 logs "Unknown flag --{{key}} found in config.yaml, skipping" and the setting never applies.{{hint}}',
    source: SOURCES.k3sConfigFileArg,
  },
  'config.unknownAgentKey': {
    severity: 'error',
    template: '"{{key}}" is not an RKE2 agent flag: the agent skips it with an "Unknown flag" warning.{{hint}}',
    source: SOURCES.k3sConfigFileArg,
  },
  'config.serverKeyInAgent': {
    severity: 'warning',
    template: '"{{key}}" is a server-only flag; agents do not use it. Set it on every server instead.',
    source: SOURCES.cniValidateCode,
  },
  'config.disableCniChart': {
    severity: 'warning',
    template: '"disable: {{chart}}" is not how to remove the CNI. Set "cni: none" (and install your own CNI) instead.',
    source: SOURCES.basicNetworkOptions,
  },
  'config.profileForRelease': {
    severity: 'error',
    template:
      'rke2 {{release}} does not know "profile: {{value}}" and exits at start ("invalid value provided for --profile flag"). Use "profile: {{expected}}" on this release.',
    source: SOURCES.cisProfileCode,
  },
  'config.boolean': {
    severity: 'error',
    template: '"{{key}}" must be true or false, found {{found}}.',
    source: SOURCES.serverConfig,
  },

  // cni list: texts as rancher/rke2 validateCNI prints them
  'cni.notStringOrList': {
    severity: 'error',
    template: '"cni" must be a string or a list of strings, found {{found}}. Write e.g. "cni: [multus, canal]".',
    source: SOURCES.cniValidateCode,
  },
  'cni.multusAlone': {
    severity: 'error',
    template:
      'RKE2 exits with "Failed to validate --cni flag: multus must be used alongside another primary cni selection". Add a primary CNI after multus, e.g. [multus, canal].',
    source: SOURCES.cniValidateCode,
  },
  'cni.multusNotFirst': {
    severity: 'error',
    template:
      'RKE2 exits with "Failed to validate --cni flag: may only provide multiple values if multus is the first value". Put multus first: [multus, {{primary}}].',
    source: SOURCES.cniValidateCode,
  },
  'cni.tooMany': {
    severity: 'error',
    template:
      'RKE2 exits with "Failed to validate --cni flag: must specify 1 or 2 values" ({{count}} given). Use one primary CNI, optionally preceded by multus.',
    source: SOURCES.cniValidateCode,
  },
  'cni.invalidValue': {
    severity: 'error',
    template:
      'RKE2 exits with "Invalid value {{value}} for --cni flag: must be one of calico,canal,cilium,flannel".{{hint}}',
    source: SOURCES.cniValidateCode,
  },

  // kube-proxy
  'kubeProxy.disabledWithoutReplacement': {
    severity: 'error',
    template:
      '"disable-kube-proxy: true" but {{chart}} does not replace kube-proxy, so Services stop working. Either remove disable-kube-proxy or enable the replacement ({{replacement}}).',
    source: SOURCES.ciliumKubeProxyFree,
  },
  'kubeProxy.replacementNotSeen': {
    severity: 'warning',
    template:
      '"disable-kube-proxy: true" but this bundle has no HelmChartConfig for {{chart}} that replaces kube-proxy ({{replacement}}). Make sure one is applied, or Services stop working.',
    source: SOURCES.ciliumKubeProxyFree,
  },
  'kubeProxy.replacementWithoutDisable': {
    severity: 'error',
    template:
      '{{chart}} replaces kube-proxy ({{replacement}}) but config.yaml does not set "disable-kube-proxy: true"; both would program Services and conflict on port 10256. Add disable-kube-proxy: true to every server config.',
    source: SOURCES.kprStrictIssue,
  },

  // HelmChartConfig
  'file.duplicateKey': {
    severity: 'error',
    template:
      'A key is written twice in one mapping ({{reason}}). YAML forbids it and readers disagree on which one wins (RKE2 may keep either). Keep one, with the value you mean.',
    source: SOURCES.duplicateKeyIssue,
  },
  'hcc.specUnderMetadata': {
    severity: 'error',
    template:
      '"spec" is indented under "metadata", so this HelmChartConfig has no spec and its values are never applied. Move "spec:" back to the left margin, level with "metadata:".',
    source: SOURCES.specUnderMetadataIssue,
  },
  'hcc.specMissing': {
    severity: 'error',
    template:
      'This HelmChartConfig has no "spec", so it changes nothing. Add "spec: {valuesContent: ...}" with the chart values.',
    source: SOURCES.specUnderMetadataIssue,
  },
  'hcc.valuesBesideValuesContent': {
    severity: 'error',
    template:
      '"{{key}}" sits beside valuesContent under spec, where the chart never reads it (a HelmChartConfig spec only has valuesContent, values, valuesSecrets and failurePolicy). Indent it into the valuesContent block.',
    source: SOURCES.valuesBesideContentIssue,
  },
  'values.setListSyntax': {
    severity: 'error',
    template:
      '{{found}} is Helm --set list syntax written as a YAML string; the chart gets one string, not a list. Write a YAML list: [{{items}}].',
    source: SOURCES.setSyntaxIssue,
  },
  'values.serviceHostInvalid': {
    severity: 'error',
    template:
      '{{key}} {{found}} is not an IP address, a DNS name or localhost{{why}}. Set the address of the API server (a server IP, a load balancer or VIP name, or 127.0.0.1 through the RKE2 agent load balancer).',
    source: SOURCES.serviceHostTemplateIssue,
  },
  'values.servicePortInvalid': {
    severity: 'error',
    template:
      '{{key}} {{found}} is not a port number (an integer from 1 to 65535). Use the API server port, normally 6443.',
    source: SOURCES.serviceHostTemplateIssue,
  },
  'calico.autodetectTwoMethods': {
    severity: 'error',
    template:
      'After merging with the chart defaults of {{chart}}, {{path}} has more than one method ({{methods}}); the Calico operator refuses the Installation with "no more than one node address autodetection method can be specified per-family". Keep one method{{hint}}.',
    source: SOURCES.calicoAutodetectConflict,
  },
  'calico.autodetectLiveFirstFound': {
    severity: 'warning',
    template:
      '{{chart}} sets no {{path}} itself (neither values.yaml nor its template), so on a cluster first installed without a method the Tigera operator wrote firstFound: true into the live Installation. Helm\'s three-way merge on the next chart upgrade keeps that beside your {{method}}, and the operator refuses the Installation with "no more than one node address autodetection method can be specified per-family" (inferred from the charts and rancher/rke2#3107). Add firstFound: false beside {{method}}.',
    source: SOURCES.calicoAutodetectConflict,
  },
  'cilium.userspaceFallbackRemoved': {
    severity: 'error',
    template:
      'encryption.wireguard.userspaceFallback was removed in Cilium 1.17 ({{chart}} ignores it): WireGuard needs kernel support on every node. Delete the key.',
    source: SOURCES.cilium117UpgradeNotes,
  },
  'calico.felixKeyDropped': {
    severity: 'error',
    template:
      'felixConfiguration.{{key}} was dropped from rke2-calico because calico-node {{chart}} fails with it. Delete the key.',
    source: SOURCES.calicoFelixKeysDropped,
  },
  'hcc.apiVersionMissing': {
    severity: 'error',
    template:
      'This HelmChartConfig has no apiVersion, so it is rejected. Add "apiVersion: helm.cattle.io/v1" (the RKE2 IPv6 docs snippet misses it).',
    source: SOURCES.basicNetworkOptionsIpv6,
  },
  'hcc.apiVersionWrong': {
    severity: 'error',
    template: 'apiVersion is "{{found}}"; a HelmChartConfig is "helm.cattle.io/v1".',
    source: SOURCES.helmChartConfigCrd,
  },
  'hcc.helmChartForPackaged': {
    severity: 'error',
    template:
      'This is a HelmChart named "{{name}}", which fights RKE2\'s own packaged chart and its values are not applied. Use "kind: HelmChartConfig" with only spec.valuesContent to change the packaged chart.',
    source: SOURCES.hccNotAppliedIssue,
  },
  'hcc.nameMissing': {
    severity: 'error',
    template: 'metadata.name is missing. It must be the chart to configure, e.g. rke2-cilium.',
    source: SOURCES.helmAddons,
  },
  'hcc.nameNotPackaged': {
    severity: 'warning',
    template:
      '"{{name}}" is not a chart RKE2 packages, so this HelmChartConfig only applies to a HelmChart of that name you install yourself.{{hint}}',
    source: SOURCES.helmAddons,
  },
  'hcc.namespaceMissing': {
    severity: 'warning',
    template:
      'metadata.namespace is missing. A HelmChartConfig must match its HelmChart\'s namespace: add "namespace: kube-system".',
    source: SOURCES.helmAddons,
  },
  'hcc.namespaceWrong': {
    severity: 'error',
    template:
      'metadata.namespace is "{{found}}", but RKE2\'s charts live in kube-system, so this config is never used. Set "namespace: kube-system".',
    source: SOURCES.helmAddons,
  },
  'hcc.chartDisabled': {
    severity: 'error',
    template:
      'This configures {{name}}, but "cni: {{cni}}" disables that chart, so the values are never used. Configure {{enabled}} instead, or change cni.',
    source: SOURCES.cniValidateCode,
  },
  'hcc.noValues': {
    severity: 'warning',
    template: 'This HelmChartConfig sets no values (spec.valuesContent is empty). Remove it or add the values.',
    source: SOURCES.helmAddons,
  },
  'hcc.valuesContentSyntax': {
    severity: 'error',
    template: 'spec.valuesContent is not valid YAML: {{reason}}. Helm fails to install the chart.',
    source: SOURCES.helmAddons,
  },
  'hcc.valuesContentNotMapping': {
    severity: 'error',
    template: 'spec.valuesContent must be a YAML mapping of chart values, found {{found}}.',
    source: SOURCES.helmAddons,
  },

  // Chart values, any chart
  'values.globalKey': {
    severity: 'error',
    template:
      '"global.{{key}}" cannot be set here: RKE2 injects global.* through HelmChart spec.set, which overrides valuesContent. Set it through config.yaml (e.g. cluster-cidr) instead.',
    source: SOURCES.injectedValuesCode,
  },
  'values.dottedKey': {
    severity: 'error',
    template:
      '"{{key}}" is a single key with dots in it; Helm does not expand dotted keys in values files, so it is ignored. Nest it: {{nested}}.',
    source: SOURCES.dottedKeysIssue,
  },
  'values.unknownKey': {
    severity: 'error',
    template: '"{{key}}" is not a value of {{chart}}; Helm silently ignores it.{{hint}}',
    source: SOURCES.helmAddons,
  },

  // Schemas (CRDs, values.schema.json)
  'schema.type': {
    severity: 'error',
    template: 'Must be {{expected}}, found {{found}}.',
    source: SOURCES.helmChartConfigCrd,
  },
  'schema.enum': {
    severity: 'error',
    template: 'Must be one of {{allowed}}, found {{found}}.',
    source: SOURCES.helmChartConfigCrd,
  },
  'schema.required': {
    severity: 'error',
    template: '"{{missing}}" is required here.',
    source: SOURCES.helmChartConfigCrd,
  },
  'schema.pattern': {
    severity: 'error',
    template: '{{found}} does not match the required pattern {{pattern}}.',
    source: SOURCES.helmChartConfigCrd,
  },
  'schema.range': {
    severity: 'error',
    template: 'The value {{found}} is out of range ({{limit}}).',
    source: SOURCES.helmChartConfigCrd,
  },
  'schema.invalid': {
    severity: 'error',
    template: 'The value does not satisfy the schema ({{keyword}}).',
    source: SOURCES.helmChartConfigCrd,
  },
  'schema.unknownKey': {
    severity: 'error',
    template: '"{{key}}" is not a field of {{kind}}; the API server drops it.{{hint}}',
    source: SOURCES.helmChartConfigCrd,
  },

  // rke2-cilium
  'cilium.kprInvalid': {
    severity: 'error',
    template:
      'kubeProxyReplacement is {{found}}; rke2-cilium fails to render ("kubeProxyReplacement must be explicitly set to a valid value (true or false) to continue"). Use "kubeProxyReplacement: true" (not "strict") with k8sServiceHost/k8sServicePort and disable-kube-proxy: true.',
    source: SOURCES.ciliumConfigmapKpr,
  },
  'cilium.kprNeedsServiceHost': {
    severity: 'error',
    template:
      'kubeProxyReplacement: true needs {{missing}}: without kube-proxy, Cilium must reach the API server directly. Set k8sServiceHost (e.g. "localhost" or the server IP/VIP) and k8sServicePort: 6443.',
    source: SOURCES.basicNetworkOptions,
  },
  'cilium.hubbleRelayWithoutHubble': {
    severity: 'error',
    template:
      'rke2-cilium fails to render: "Hubble Relay requires .Values.hubble.enabled=true". Add hubble.enabled: true.',
    source: SOURCES.ciliumValidateTemplate,
  },
  'cilium.hubbleUiWithoutRelay': {
    severity: 'error',
    template:
      'rke2-cilium fails to render: Hubble UI requires hubble.relay.enabled=true. Add hubble.relay.enabled: true (and hubble.enabled: true).',
    source: SOURCES.ciliumValidateTemplate,
  },
  'cilium.serviceHostRefConflict': {
    severity: 'error',
    template: 'rke2-cilium fails to render: "Both k8sServiceHostRef and k8sServiceHost are set". Keep one.',
    source: SOURCES.ciliumValidateTemplate,
  },
  'cilium.eniModeWithoutEni': {
    severity: 'error',
    template: 'rke2-cilium fails to render: "ipam.mode=eni requires eni.enabled=true". Add eni.enabled: true.',
    source: SOURCES.ciliumValidateTemplate,
  },
  'cilium.legacyTunnel': {
    severity: 'error',
    template:
      'rke2-cilium fails to render: "tunnel was deprecated in v1.14 and has been removed in v1.15". Use routingMode: tunnel with tunnelProtocol: {{protocol}} (or routingMode: native).',
    source: SOURCES.ciliumValidateTemplate,
  },
  'cilium.legacyEncryptionKey': {
    severity: 'error',
    template: 'rke2-cilium fails to render: encryption.{{key}} was removed. Move it to encryption.ipsec.{{key}}.',
    source: SOURCES.ciliumValidateTemplate,
  },
  'cilium.wrapperKey': {
    severity: 'error',
    template:
      'The values are nested under "cilium:", the layout of old rke2-cilium charts; current charts ignore everything below it. Move the keys up one level.',
    source: SOURCES.ciliumNestingIssue,
  },
  'cilium.flatOnOldChart': {
    severity: 'error',
    template:
      'rke2-cilium {{chart}} (RKE2 before v1.23) reads its values under "cilium:", so "{{key}}" at the top level is ignored. Nest it: cilium: {{{key}}: ...}.',
    source: SOURCES.ciliumNestingIssue,
  },
  'cilium.multusNeedsNonExclusive': {
    severity: 'error',
    template:
      'With Multus on {{release}}, rke2-cilium takes over the CNI config directory and Multus silently stops working. Add cni.exclusive: false (not needed from {{gates}}).',
    source: SOURCES.multusCiliumIssue,
  },
  'cilium.localRedirectPolicyDeprecated': {
    severity: 'warning',
    template: 'localRedirectPolicy is deprecated in rke2-cilium 1.19/1.20; use localRedirectPolicies.enabled: true.',
    source: SOURCES.ciliumValues,
  },

  // rke2-calico / rke2-canal
  'calico.ebpfNeedsEndpoint': {
    severity: 'error',
    template:
      'linuxDataplane: BPF replaces kube-proxy, so Calico needs kubernetesServiceEndpoint.host and .port to reach the API server. Set them to a server IP or load balancer and port 6443.',
    source: SOURCES.basicNetworkOptions,
  },
  'calico.ebpfNeedsKubeProxyManagement': {
    severity: 'warning',
    template:
      'The RKE2 docs pair linuxDataplane: BPF with kubeProxyManagement: Enabled, so the operator keeps kube-proxy off. Add installation.calicoNetwork.kubeProxyManagement: Enabled.',
    source: SOURCES.basicNetworkOptions,
  },
  'calico.ebpfLocalhostEndpoint': {
    severity: 'warning',
    template:
      'kubernetesServiceEndpoint.host is "{{host}}": calico-kube-controllers cannot reach the API server through localhost. Use a control-plane IP or a load balancer address.',
    source: SOURCES.calicoEbpfEndpointIssue,
  },
  'calico.ipPoolMismatch': {
    severity: 'error',
    template:
      'installation.calicoNetwork.ipPools sets {{cidr}}, which is not in cluster-cidr ({{clusterCidr}}). With ipPools set, rke2-calico no longer builds pools from cluster-cidr: make them match.',
    source: SOURCES.calicoInstallationCrd,
  },

  // rke2-flannel / canal
  'flannel.ifaceKey': {
    severity: 'error',
    template:
      'rke2-flannel has no "iface" value; it is silently ignored. Put the interface in the args list: flannel.args: ["--ip-masq", "--kube-subnet-mgr", "--iface={{iface}}"].',
    source: SOURCES.flannelValues,
  },
  'flannel.argsMissing': {
    severity: 'error',
    template:
      'flannel.args replaces the whole default list and lacks "{{arg}}", which flannel needs in RKE2. Keep "--ip-masq" and "--kube-subnet-mgr" in the list.',
    source: SOURCES.flannelValues,
  },
  'flannel.wireguardPort': {
    severity: 'warning',
    template:
      'backend: wireguard takes its listen port from backendPort, which {{chart}} sets to {{port}} (the VXLAN port). Set flannel.backendPort: 51820 and open that UDP port.',
    source: SOURCES.flannelValues,
  },

  // rke2-multus
  'multus.dncNeedsThick': {
    severity: 'error',
    template: 'dynamicNetworksController.enabled needs thickPlugin.enabled: true.',
    source: SOURCES.multusValues,
  },
  'multus.thickNeedsConfigMap': {
    severity: 'error',
    template:
      'The thick plugin needs manifests.configMap: true ("When using the thick plugin, manifests.configMap MUST be set to true").',
    source: SOURCES.multusValues,
  },

  // NetworkAttachmentDefinition
  'nad.apiVersion': {
    severity: 'error',
    template: 'apiVersion is {{found}}; a NetworkAttachmentDefinition is "k8s.cni.cncf.io/v1".',
    source: SOURCES.nadCrd,
  },
  'nad.configMissing': {
    severity: 'error',
    template: 'spec.config is missing: it holds the CNI configuration as a JSON string.',
    source: SOURCES.nadCrd,
  },
  'nad.configNotJson': {
    severity: 'error',
    template:
      'spec.config is not valid JSON ({{reason}}). Multus cannot load it and pods using it stay in ContainerCreating. Write it as a JSON string (a YAML block "|" with {...}).',
    source: SOURCES.multusHowTo,
  },
  'nad.configNoType': {
    severity: 'error',
    template:
      'spec.config has neither a "type" nor a "plugins" list, so Multus cannot pick a CNI plugin. Add e.g. "type": "macvlan".',
    source: SOURCES.multusHowTo,
  },
  'nad.whereaboutsDisabled': {
    severity: 'error',
    template:
      'This network uses whereabouts IPAM, but the rke2-multus values do not enable it. Add "rke2-whereabouts: {enabled: true}" to the rke2-multus HelmChartConfig.',
    source: SOURCES.multusSriov,
  },
  'nad.whereaboutsNotSeen': {
    severity: 'warning',
    template:
      'This network uses whereabouts IPAM, which rke2-multus installs only with rke2-whereabouts.enabled: true. This bundle has no rke2-multus HelmChartConfig that enables it.',
    source: SOURCES.multusSriov,
  },
  'nad.dhcpDisabled': {
    severity: 'error',
    template:
      'This network uses dhcp IPAM, but the rke2-multus values do not run the DHCP daemon. Add "manifests: {dhcpDaemonSet: true}" to the rke2-multus HelmChartConfig.',
    source: SOURCES.multusSriov,
  },
  'nad.sriovResourceAnnotation': {
    severity: 'error',
    template:
      'An sriov network needs the annotation k8s.v1.cni.cncf.io/resourceName (e.g. "rancher.io/{{example}}"); without it the CNI fails with "VF pci addr is required".',
    source: SOURCES.sriovResourceNameIssue,
  },
  'nad.multusDisabled': {
    severity: 'error',
    template:
      'Secondary networks need Multus, but "cni: {{cni}}" does not start with multus. Use cni: [multus, {{primary}}].',
    source: SOURCES.multusSriov,
  },

  // SR-IOV
  'sriov.resourceNameMismatch': {
    severity: 'error',
    template:
      'resourceName "{{name}}" matches no SriovNetworkNodePolicy in this bundle ({{known}}); pods would request a resource no node offers. Use the policy\'s resourceName.',
    source: SOURCES.sriovOperator,
  },
  'sriov.noPolicy': {
    severity: 'warning',
    template:
      'resourceName "{{name}}" needs a SriovNetworkNodePolicy with the same resourceName; this bundle has none.',
    source: SOURCES.sriovOperator,
  },

  // Rancher cluster fragment
  'rancher.cniDefault': {
    severity: 'warning',
    template: "machineGlobalConfig has no cni, so Rancher uses calico (not RKE2's canal). Set cni explicitly.",
    source: SOURCES.rancherDefaultCalico,
  },
  'rancher.chartValuesDisabled': {
    severity: 'error',
    template: 'chartValues has {{name}}, but "cni: {{cni}}" disables that chart, so the values are never used.',
    source: SOURCES.rancherProvisioning,
  },
  'rancher.hccConflict': {
    severity: 'warning',
    template:
      'This bundle sets {{name}} both in the Rancher chartValues and in a HelmChartConfig; Rancher writes its own HelmChartConfig of that name. Keep the values in chartValues only.',
    source: SOURCES.rancherProvisioning,
  },
} as const satisfies Record<string, DoctorMessage>;

export type DoctorMessageId = keyof typeof MESSAGES;
