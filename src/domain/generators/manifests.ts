import type { ChartValues } from './chart-values';
import type { BundlePlan } from './plan';
import { toYaml } from './yaml';
import { serverConfigCore, cniList } from './rke2-config';
import { hasGate } from '../facts/gates';
import { LINUX_NODE_SELECTOR } from '../facts/windows';
import { objectName } from '../k8s-names';

/** Kubernetes objects the bundle emits, as plain objects (dumped by yaml.ts). */

export const HCC_DIR = 'var/lib/rancher/rke2/server/manifests';

/** rke2-<chart>-config.yaml: never the packaged chart's own file name (rancher/rke2#7281). */
export function hccFileName(chart: string): string {
  return `${chart}-config.yaml`;
}

export function helmChartConfig(cv: ChartValues): Record<string, unknown> {
  return {
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChartConfig',
    metadata: { name: cv.chart, namespace: 'kube-system' },
    spec: { valuesContent: toYaml(cv.values) },
  };
}

/** Calico BGP: the cluster's own AS and the peer (crd.projectcalico.org/v1; the v3 API server is off in rke2-calico). */
export function calicoBgpObjects(plan: BundlePlan): Record<string, unknown>[] {
  const bgp = plan.answers.performance.bgp;
  const objects: Record<string, unknown>[] = [
    {
      apiVersion: 'crd.projectcalico.org/v1',
      kind: 'BGPConfiguration',
      metadata: { name: 'default' },
      spec: { asNumber: bgp.localAsn, nodeToNodeMeshEnabled: true },
    },
  ];
  const peer = bgp.peerAddress.trim();
  if (peer) {
    objects.push({
      apiVersion: 'crd.projectcalico.org/v1',
      kind: 'BGPPeer',
      metadata: { name: 'bgp-peer' },
      spec: { peerIP: peer, asNumber: bgp.peerAsn },
    });
  }
  return objects;
}

/**
 * The secondary network's name (NetworkAttachmentDefinition, SriovNetwork, example pod, verify.sh): the user's
 * extras.secondary.name when they gave one, else `<type>-net` after the network type (macvlan, ipvlan, bridge,
 * host-device, or sriov). The answer starts empty (defaultAnswers): a name the user never typed is never theirs.
 */
export function secondaryNetworkName(plan: Pick<BundlePlan, 'answers' | 'extras'>): string {
  const s = plan.answers.extras.secondary;
  const name = s.name.trim();
  if (name !== '') return name;
  return `${plan.extras === 'sriov' ? 'sriov' : s.type}-net`;
}

/** The prefix length of the secondary subnet ("192.168.100.0/24" → 24), for static pod addresses. */
function subnetPrefix(subnet: string): string {
  const m = /\/(\d{1,3})$/.exec(subnet.trim());
  return m ? m[1]! : '32';
}

/** The optional IPAM keys the user typed; an empty answer is left out, never written as "". */
function typedKeys(keys: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(keys)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}

/**
 * CNI IPAM block for the secondary network (multus how-to; whereabouts README; static/dhcp plugin docs). The
 * range and gateway are optional: host-local then hands out the whole subnet and claims its first address as the
 * gateway (SOURCES.hostLocalRange); whereabouts hands out the whole range and sets no gateway (SOURCES.whereaboutsConfig).
 */
export function secondaryIpam(plan: BundlePlan): Record<string, unknown> {
  const s = plan.answers.extras.secondary;
  switch (s.ipam) {
    case 'host-local':
      return {
        type: 'host-local',
        ranges: [
          [
            {
              subnet: s.subnet.trim(),
              ...typedKeys({ rangeStart: s.rangeStart, rangeEnd: s.rangeEnd, gateway: s.gateway }),
            },
          ],
        ],
      };
    case 'whereabouts':
      return {
        type: 'whereabouts',
        range: s.subnet.trim(),
        ...typedKeys({ range_start: s.rangeStart, range_end: s.rangeEnd, gateway: s.gateway }),
      };
    case 'dhcp':
      return { type: 'dhcp' };
    case 'static':
      // Addresses come from the pod annotation ("ips"), enabled by capabilities.ips on the plugin.
      return { type: 'static' };
  }
}

/** The CNI config object inside the NAD's spec.config (serialised with JSON.stringify). */
export function secondaryCniConfig(plan: BundlePlan): Record<string, unknown> {
  const s = plan.answers.extras.secondary;
  const base: Record<string, unknown> = { cniVersion: '0.3.1', name: secondaryNetworkName(plan), type: s.type };
  const master = s.master.trim();
  switch (s.type) {
    case 'macvlan':
      Object.assign(base, { master, mode: 'bridge' });
      break;
    case 'ipvlan':
      Object.assign(base, { master, mode: 'l2' });
      break;
    // For bridge, "master" names the Linux bridge on each node (created if absent).
    case 'bridge':
      Object.assign(base, { bridge: master });
      break;
    case 'host-device':
      Object.assign(base, { device: master });
      break;
  }
  if (s.ipam === 'static') base.capabilities = { ips: true };
  base.ipam = secondaryIpam(plan);
  return base;
}

export function networkAttachmentDefinition(plan: BundlePlan): Record<string, unknown> {
  const s = plan.answers.extras.secondary;
  return {
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: { name: secondaryNetworkName(plan), namespace: s.namespace.trim() },
    // Pretty-printed JSON: js-yaml writes a multi-line string as a literal block scalar ("config: |-"), so the
    // CNI config reads as JSON in the preview and in the file, and still parses as the JSON string Multus wants.
    spec: { config: JSON.stringify(secondaryCniConfig(plan), null, 2) },
  };
}

export const EXAMPLE_IMAGE = 'rancher/mirrored-library-busybox:1.36.1';

/** Pod annotation value: the JSON form when a static address is needed, else the plain name. */
export function networksAnnotation(plan: BundlePlan): string {
  const s = plan.answers.extras.secondary;
  if (plan.extras === 'multus' && s.ipam === 'static') {
    return JSON.stringify([
      {
        name: secondaryNetworkName(plan),
        namespace: s.namespace.trim(),
        ips: [`${s.rangeStart.trim()}/${subnetPrefix(s.subnet)}`],
      },
    ]);
  }
  return secondaryNetworkName(plan);
}

export const SRIOV_NAMESPACE = 'sriov-network-operator';
/** Upstream sriov-network-operator resource prefix; the deprecated Rancher chart uses rancher.io. */
export const SRIOV_RESOURCE_PREFIX = 'openshift.io';

export function examplePod(plan: BundlePlan): Record<string, unknown> {
  const s = plan.answers.extras.secondary;
  const container: Record<string, unknown> = {
    name: 'shell',
    image: EXAMPLE_IMAGE,
    command: ['sleep', 'infinity'],
    // Passes the "restricted" Pod Security level the CIS profile enforces outside kube-system.
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
  if (plan.extras === 'sriov') {
    const resource = `${SRIOV_RESOURCE_PREFIX}/${plan.answers.extras.sriov.resourceName.trim()}`;
    container.resources = { requests: { [resource]: '1' }, limits: { [resource]: '1' } };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: objectName(secondaryNetworkName(plan), 'example'),
      namespace: s.namespace.trim(),
      annotations: { 'k8s.v1.cni.cncf.io/networks': networksAnnotation(plan) },
    },
    spec: {
      // Multus and SR-IOV run on Linux nodes only: with Windows workers, keep the example pod off them.
      ...(plan.answers.cluster.windowsNodes ? { nodeSelector: { ...LINUX_NODE_SELECTOR } } : {}),
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [container],
    },
  };
}

export function sriovPfNames(plan: BundlePlan): string[] {
  return plan.answers.extras.sriov.pfNames
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** SriovNetworkNodePolicy + SriovNetwork (sriov-network-operator quickstart); resourceName ties them and the pod together. */
export function sriovObjects(plan: BundlePlan): Record<string, unknown>[] {
  const sr = plan.answers.extras.sriov;
  const s = plan.answers.extras.secondary;
  const resourceName = sr.resourceName.trim();
  const policy = {
    apiVersion: 'sriovnetwork.openshift.io/v1',
    kind: 'SriovNetworkNodePolicy',
    metadata: {
      name: objectName(resourceName, 'policy', 'sriov'),
      namespace: SRIOV_NAMESPACE,
    },
    spec: {
      nodeSelector: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' },
      resourceName,
      priority: 99,
      numVfs: sr.numVfs,
      nicSelector: { pfNames: sriovPfNames(plan) },
      deviceType: sr.deviceType,
    },
  };
  const network: Record<string, unknown> = {
    apiVersion: 'sriovnetwork.openshift.io/v1',
    kind: 'SriovNetwork',
    metadata: { name: secondaryNetworkName(plan), namespace: SRIOV_NAMESPACE },
    spec: {
      resourceName,
      networkNamespace: s.namespace.trim(),
      vlan: sr.vlan,
      // A vfio-pci VF has no kernel interface to give an address to (DPDK apps configure it themselves).
      ipam: sr.deviceType === 'vfio-pci' ? '{}' : JSON.stringify(secondaryIpam(plan)),
    },
  };
  return [policy, network];
}

/** The ingress controller RKE2 installs by default on the release: Traefik from the traefikDefault gate, ingress-nginx before. */
export interface IngressController {
  chart: 'rke2-traefik' | 'rke2-ingress-nginx';
  name: 'Traefik' | 'ingress-nginx';
}
export function ingressController(plan: Pick<BundlePlan, 'release'>): IngressController {
  return hasGate(plan.release, 'traefikDefault')
    ? { chart: 'rke2-traefik', name: 'Traefik' }
    : { chart: 'rke2-ingress-nginx', name: 'ingress-nginx' };
}

/**
 * Under a CIS profile RKE2 creates its default NetworkPolicies for every CNI (pkg/rke2/np.go: same-namespace
 * traffic, DNS, ingress, ...), and from the ingressWebhookPolicy gate also the one that lets the API server reach
 * the ingress-nginx admission webhook (rancher/rke2#5315). Before that gate, only Canal's host-networking policy
 * let the API server in, so every other CNI needs the webhook policy from us. Traefik has no admission webhook.
 */
export function needsIngressWebhookPolicy(plan: Pick<BundlePlan, 'profile' | 'cni' | 'release'>): boolean {
  return (
    plan.profile !== null &&
    plan.cni !== 'canal' &&
    !hasGate(plan.release, 'ingressWebhookPolicy') &&
    ingressController(plan).chart === 'rke2-ingress-nginx'
  );
}

/**
 * Cilium under CIS: RKE2 keeps its host-networking policy (rke2-flannel-host-networking, cisnetworkpolicy
 * controller) only with Canal, so traffic from the nodes into the CIS namespaces is dropped; let it in as that
 * policy does for Canal.
 */
export function needsCiliumHostNetworking(plan: Pick<BundlePlan, 'profile' | 'cni'>): boolean {
  return plan.profile !== null && plan.cni === 'cilium';
}

export const CIS_NAMESPACES = ['kube-system', 'kube-public', 'default'] as const;

/** kubectl-apply/cis-baseline-policies.yaml: what RKE2 does not create itself for this CNI and release ([] when nothing). */
export function cisBaselinePolicies(plan: BundlePlan): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  if (needsIngressWebhookPolicy(plan)) {
    const controller = ingressController(plan);
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `cis-${controller.name}-admission-webhook`, namespace: 'kube-system' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': controller.chart } },
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ protocol: 'TCP', port: 8443 }] }],
      },
    });
  }
  if (needsCiliumHostNetworking(plan)) {
    for (const namespace of CIS_NAMESPACES) {
      objects.push({
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumNetworkPolicy',
        metadata: { name: 'cis-host-networking', namespace },
        spec: { endpointSelector: {}, ingress: [{ fromEntities: ['host', 'remote-node'] }] },
      });
    }
  }
  return objects;
}

/** The bundle file table's description of cis-baseline-policies.yaml. */
export function cisBaselineDescription(plan: BundlePlan): string {
  const what: string[] = [];
  if (needsIngressWebhookPolicy(plan)) what.push(`${ingressController(plan).name} admission webhook`);
  if (needsCiliumHostNetworking(plan)) what.push('host networking');
  return `CIS without Canal: NetworkPolicies RKE2 does not create for ${plan.cni} on ${plan.release.requested.text} (${what.join(', ')})`;
}

/** Rancher-managed: a provisioning.cattle.io/v1 Cluster fragment carrying the same config and values. */
export function rancherCluster(plan: BundlePlan, charts: ChartValues[]): Record<string, unknown> {
  const chartValues: Record<string, unknown> = {};
  for (const cv of charts) if (Object.keys(cv.values).length > 0) chartValues[cv.chart] = cv.values;
  const rkeConfig: Record<string, unknown> = {
    // Rancher defaults to calico when cni is omitted, so it is always written (rancher/rancher planner config.go).
    machineGlobalConfig: { cni: cniList(plan).join(','), ...serverConfigCore(plan) },
  };
  if (Object.keys(chartValues).length > 0) rkeConfig.chartValues = chartValues;
  return {
    apiVersion: 'provisioning.cattle.io/v1',
    kind: 'Cluster',
    metadata: { name: `rke2-${plan.cni}`, namespace: 'fleet-default' },
    spec: { kubernetesVersion: plan.release.requested.text, rkeConfig },
  };
}
