import type { ChartName } from '../facts/cni-names';
import { CHART_NAME } from '../facts/cni-names';
import { SOURCES, type Source } from '../sources';
import { hasGate } from '../facts/gates';
import { KERNEL_THRESHOLDS } from '../facts/kernel-needs';
import { API_ENDPOINT } from '../facts/api-endpoint';
import type { BundlePlan } from './plan';
import { chartHasEra } from '../facts/chart-eras';

/**
 * Helm values per RKE2 chart in use. Only values that differ from the chart's defaults for the
 * release are emitted (each key below states the default it departs from), and nothing under
 * `global.`: RKE2 injects those through HelmChart spec.set, which overrides valuesContent.
 */
export interface ValueNote {
  /** Dotted key path inside the values. */
  path: string;
  value: unknown;
  why: string;
  source: Source;
}

export interface ChartValues {
  /** HelmChart name, e.g. "rke2-cilium". */
  chart: ChartName | 'rke2-multus-crd';
  values: Record<string, unknown>;
  notes: ValueNote[];
}

class ValuesBuilder {
  readonly values: Record<string, unknown> = {};
  readonly notes: ValueNote[] = [];
  set(path: string, value: unknown, why: string, source: Source): void {
    const keys = path.split('.');
    let node = this.values;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    node[keys[keys.length - 1]!] = value;
    this.notes.push({ path, value, why, source });
  }
  result(chart: ChartValues['chart']): ChartValues {
    return { chart, values: this.values, notes: this.notes };
  }
}

function mtuNote(plan: BundlePlan): string {
  const m = plan.mtu;
  return m.keyMeaning === 'underlay'
    ? `underlay MTU ${m.underlay}; the CNI subtracts its own overhead`
    : `pod MTU ${m.podMtu} = underlay ${m.underlay} - ${m.underlay - m.podMtu} bytes of ${[m.encapsulation !== 'none' ? m.encapsulation : '', m.encryption !== 'none' ? m.encryption : ''].filter(Boolean).join(' / ') || 'overhead'}`;
}

function canal(plan: BundlePlan): ChartValues {
  const b = new ValuesBuilder();
  const iface = plan.answers.nodes.interface.trim();
  if (iface)
    b.set(
      'flannel.iface',
      iface,
      'flannel carries node-to-node traffic over this interface (default: the default-route interface)',
      SOURCES.canalValues,
    );
  if (plan.encryption === 'wireguard')
    b.set(
      'flannel.backend',
      'wireguard',
      "WireGuard encryption: flannel's wireguard backend replaces VXLAN (default vxlan)",
      SOURCES.basicNetworkOptions,
    );
  if (plan.mtu.chartValue !== null)
    b.set(
      'calico.vethuMTU',
      plan.mtu.chartValue,
      `${mtuNote(plan)} (chart default 1450 fits only IPv4 VXLAN on 1500)`,
      SOURCES.canalValues,
    );
  return b.result(CHART_NAME.canal);
}

function calico(plan: BundlePlan): ChartValues {
  const b = new ValuesBuilder();
  const a = plan.answers;
  const chart = plan.charts[CHART_NAME.calico];
  if (plan.bgp) {
    b.set(
      'installation.calicoNetwork.bgp',
      'Enabled',
      'BGP peering asked for (chart default Disabled)',
      SOURCES.windowsBgp,
    );
    if (chartHasEra(chart, 'calicoBackendKey')) {
      b.set(
        'installation.backend',
        'None',
        'routes are exchanged over BGP, so pod traffic is not encapsulated (chart default VXLAN)',
        SOURCES.windowsBgp,
      );
    } else {
      // Older charts hard-code a VXLAN pool: supply the pools, which must match cluster-cidr.
      const pools: Record<string, unknown>[] = [];
      if (plan.ipv4)
        pools.push({ cidr: a.addressing.clusterCidrV4.trim(), encapsulation: 'None', natOutgoing: 'Enabled' });
      if (plan.ipv6)
        pools.push({ cidr: a.addressing.clusterCidrV6.trim(), encapsulation: 'None', natOutgoing: 'Enabled' });
      b.set(
        'installation.calicoNetwork.ipPools',
        pools,
        `rke2-calico ${chart ?? ''} has no installation.backend key; the pools must match cluster-cidr`,
        SOURCES.calicoBgp,
      );
    }
  }
  if (plan.mtu.chartValue !== null)
    b.set('installation.calicoNetwork.mtu', plan.mtu.chartValue, mtuNote(plan), SOURCES.calicoValues);
  if (plan.calicoEbpf) {
    b.set(
      'installation.calicoNetwork.linuxDataplane',
      'BPF',
      'eBPF dataplane replaces kube-proxy (default Iptables)',
      SOURCES.calicoEbpf,
    );
    b.set(
      'installation.calicoNetwork.kubeProxyManagement',
      'Enabled',
      'lets the operator keep kube-proxy off (default Disabled)',
      SOURCES.basicNetworkOptions,
    );
  }
  const iface = a.nodes.interface.trim();
  const nodeCidr = a.nodes.nodeCidr.trim();
  // Older rke2-calico charts set no method; the Tigera operator wrote firstFound: true into the live Installation,
  // and Helm's three-way merge on an upgrade kept it beside the method set here (rancher/rke2#3107). Switch it off.
  const v4Default = chart && !chartHasEra(chart, 'calicoAutodetectFromTemplate') ? { firstFound: false } : {};
  const v4Note = Object.keys(v4Default).length
    ? `; firstFound: false, as rke2-calico ${chart} sets firstFound: true itself`
    : ' (chart default firstFound)';
  if (plan.windowsNodes && nodeCidr) {
    // Windows agents read these values too and match `interface` against Windows adapter names; `cidrs`
    // works on both (rancher/rke2 pkg/windows/calico.go). The chart sets firstFound only when unset.
    b.set(
      'installation.calicoNetwork.nodeAddressAutodetectionV4',
      { ...v4Default, cidrs: [nodeCidr] },
      `node address from this subnet on Linux and Windows nodes${v4Note}`,
      SOURCES.windowsCalicoInterfaceCode,
    );
  } else if (iface && !plan.windowsNodes) {
    if (plan.ipv4)
      b.set(
        'installation.calicoNetwork.nodeAddressAutodetectionV4',
        { ...v4Default, interface: iface },
        `node address from this interface${v4Note}`,
        SOURCES.windowsBgp,
      );
    if (plan.ipv6)
      b.set(
        'installation.calicoNetwork.nodeAddressAutodetectionV6',
        { interface: iface },
        'node IPv6 address from this interface (chart default firstFound)',
        SOURCES.windowsBgp,
      );
  }
  if (plan.encryption === 'wireguard') {
    if (plan.ipv4)
      b.set(
        'felixConfiguration.wireguardEnabled',
        true,
        'WireGuard encryption of pod traffic (default false)',
        SOURCES.calicoWireguard,
      );
    if (plan.ipv6)
      b.set(
        'felixConfiguration.wireguardEnabledV6',
        true,
        'WireGuard encryption of IPv6 pod traffic (default false)',
        SOURCES.calicoWireguard,
      );
  }
  // The chart forces ChecksumOffloadBroken=true for an old kernel bug; the engine's plan says whether this kernel is past it.
  if (plan.checksumOffload && plan.kernel) {
    b.set(
      'felixConfiguration.featureDetectOverride',
      'ChecksumOffloadBroken=false',
      `kernel ${plan.kernel.text} is above ${KERNEL_THRESHOLDS.calicoChecksumOffload.kernel}, past the checksum offload bug; the chart default caps TCP at ~2.5 Gbps`,
      SOURCES.calicoChecksumIssue,
    );
  }
  if (plan.calicoEbpf) {
    const host = a.performance.apiServerHost.trim();
    b.set('kubernetesServiceEndpoint.host', host, API_ENDPOINT.calicoEbpf.why, API_ENDPOINT.calicoEbpf.source);
    if (a.performance.apiServerPort !== 6443)
      b.set(
        'kubernetesServiceEndpoint.port',
        String(a.performance.apiServerPort),
        'API server port (chart default "6443")',
        SOURCES.calicoValues,
      );
  }
  return b.result(CHART_NAME.calico);
}

/**
 * Older rke2-cilium charts spell some values differently (Cilium upgrade notes):
 * - before 1.11 the values sit under a `cilium:` key (rancher/rke2#2738);
 * - before 1.14 kubeProxyReplacement takes strict/partial/probe/disabled (true/false from 1.14, and
 *   current charts fail on anything else), and native routing is `tunnel: disabled` instead of routingMode;
 * - before 1.12 bandwidthManager is a boolean; before 1.10 eni is a boolean.
 */
const ciliumUpgradeNotes: Source = {
  title: 'Cilium docs: Upgrade notes (renamed and removed Helm values)',
  url: 'https://docs.cilium.io/en/stable/operations/upgrade/',
};

function cilium(plan: BundlePlan): ChartValues {
  const b = new ValuesBuilder();
  const a = plan.answers;
  const chart = plan.charts[CHART_NAME.cilium];
  const kprBoolean = chartHasEra(chart, 'ciliumKprBoolean');
  const nativeRouting = (why: string, source: Source) => {
    if (kprBoolean) b.set('routingMode', 'native', why, source);
    else b.set('tunnel', 'disabled', `${why} (rke2-cilium ${chart ?? ''} predates routingMode)`, ciliumUpgradeNotes);
  };
  if (plan.ciliumKpr) {
    if (kprBoolean)
      b.set(
        'kubeProxyReplacement',
        true,
        'eBPF kube-proxy replacement; the chart accepts only true/false ("strict" fails rendering)',
        SOURCES.ciliumConfigmapKpr,
      );
    else
      b.set(
        'kubeProxyReplacement',
        'strict',
        `rke2-cilium ${chart ?? ''} (Cilium < 1.14) knows strict/partial/probe/disabled, not true; "strict" is the full replacement there`,
        ciliumUpgradeNotes,
      );
    b.set(
      'k8sServiceHost',
      a.performance.apiServerHost.trim() || 'localhost',
      `without kube-proxy Cilium must reach the API server itself. ${API_ENDPOINT.cilium.why}`,
      API_ENDPOINT.cilium.source,
    );
    b.set('k8sServicePort', a.performance.apiServerPort, 'API server port for the same', SOURCES.basicNetworkOptions);
  }
  if (a.performance.observability) {
    b.set('hubble.enabled', true, 'Hubble flow visibility (RKE2 default false)', SOURCES.ciliumHubble);
    b.set(
      'hubble.relay.enabled',
      true,
      'Hubble Relay: the chart refuses relay without hubble, and UI without relay',
      SOURCES.ciliumHubble,
    );
    b.set('hubble.ui.enabled', true, 'Hubble UI', SOURCES.ciliumHubble);
  }
  if (plan.encryption !== 'none') {
    b.set(
      'encryption.enabled',
      true,
      `transparent ${plan.encryption} encryption (default false)`,
      SOURCES.ciliumEncryption,
    );
    // The chart's default encryption.type is ipsec: only WireGuard needs saying.
    if (plan.encryption === 'wireguard')
      b.set('encryption.type', 'wireguard', 'WireGuard instead of the default ipsec', SOURCES.ciliumEncryption);
  }
  if (plan.mtu.chartValue !== null) b.set('MTU', plan.mtu.chartValue, mtuNote(plan), SOURCES.ciliumValues);
  if (a.performance.awsEni) {
    b.set(
      chartHasEra(chart, 'ciliumEniObject') ? 'eni.enabled' : 'eni',
      true,
      'AWS ENI IPAM: pods get VPC addresses',
      SOURCES.ciliumEni,
    );
    b.set('ipam.mode', 'eni', 'ENI IPAM (RKE2 default kubernetes)', SOURCES.ciliumEni);
    nativeRouting('ENI addresses are routable in the VPC: no tunnel', SOURCES.ciliumEni);
  }
  if (a.performance.bandwidthManager) {
    b.set(
      chartHasEra(chart, 'ciliumBandwidthObject') ? 'bandwidthManager.enabled' : 'bandwidthManager',
      true,
      'EDT-based pod egress rate limits (default false)',
      SOURCES.ciliumBandwidth,
    );
  }
  if (plan.ciliumExclusiveFalse) {
    b.set(
      'cni.exclusive',
      false,
      'this release still defaults exclusive: true, which renames the Multus CNI config',
      SOURCES.multusCiliumIssue,
    );
  }
  if (plan.singleNode)
    b.set(
      'operator.replicas',
      1,
      'the second operator replica stays Pending on one node (anti-affinity; default 2)',
      SOURCES.ciliumOperatorSingleNode,
    );
  const iface = a.nodes.interface.trim();
  if (iface) b.set('devices', iface, 'attach the datapath to this interface', SOURCES.ciliumValues);
  if (a.addressing.ipFamily === 'ipv6') {
    if (!a.performance.awsEni)
      nativeRouting('IPv6-only: RKE2 docs use native routing, no IPv6 encapsulation', SOURCES.basicNetworkOptionsIpv6);
    b.set(
      'autoDirectNodeRoutes',
      true,
      'IPv6-only: nodes on one L2 segment install direct routes to each other',
      SOURCES.basicNetworkOptionsIpv6,
    );
    b.set(
      'ipv6NativeRoutingCIDR',
      a.addressing.clusterCidrV6.trim(),
      'native routing with IPv6 masquerade needs the pod CIDR not to masquerade',
      SOURCES.ciliumValues,
    );
  }
  if (!chartHasEra(chart, 'ciliumFlatValues') && Object.keys(b.values).length > 0) {
    const notes = b.notes.map((n) => ({ ...n, path: `cilium.${n.path}` }));
    return { chart: CHART_NAME.cilium, values: { cilium: b.values }, notes };
  }
  return b.result(CHART_NAME.cilium);
}

/** rke2-flannel args default (values.yaml): the chart has no iface key, so the whole list is replaced. */
export const FLANNEL_DEFAULT_ARGS = ['--ip-masq', '--kube-subnet-mgr'] as const;

function flannel(plan: BundlePlan): ChartValues {
  const b = new ValuesBuilder();
  const iface = plan.answers.nodes.interface.trim();
  if (iface)
    b.set(
      'flannel.args',
      [...FLANNEL_DEFAULT_ARGS, `--iface=${iface}`],
      'rke2-flannel has no iface value: the interface goes into the whole args list',
      SOURCES.flannelValues,
    );
  if (plan.mtu.chartValue !== null) b.set('flannel.mtu', plan.mtu.chartValue, mtuNote(plan), SOURCES.flannelValues);
  return b.result(CHART_NAME.flannel);
}

function multus(plan: BundlePlan): ChartValues[] {
  const b = new ValuesBuilder();
  const out: ChartValues[] = [];
  // SR-IOV networks use the same IPAM (except vfio-pci VFs, which get no address).
  const usesIpam =
    plan.extras === 'multus' || (plan.extras === 'sriov' && plan.answers.extras.sriov.deviceType !== 'vfio-pci');
  if (usesIpam) {
    const ipam = plan.answers.extras.secondary.ipam;
    const chart = plan.charts[CHART_NAME.multus];
    if (ipam === 'whereabouts') {
      b.set(
        'rke2-whereabouts.enabled',
        true,
        'cluster-wide IPAM for the secondary network (default false)',
        SOURCES.multusSriov,
      );
      if (chartHasEra(chart, 'multusCrdSplit')) {
        const crd = new ValuesBuilder();
        crd.set(
          'rke2-whereabouts.enabled',
          true,
          'the whereabouts CRDs moved to rke2-multus-crd and are only rendered with this flag',
          SOURCES.multusValues,
        );
        out.push(crd.result('rke2-multus-crd'));
      }
    }
    if (ipam === 'dhcp' && hasGate(plan.release, 'multusDhcpDaemon')) {
      b.set(
        'manifests.dhcpDaemonSet',
        true,
        'runs the CNI dhcp daemon the dhcp IPAM needs (default false)',
        SOURCES.multusSriov,
      );
    }
  }
  out.unshift(b.result(CHART_NAME.multus));
  return out;
}

/** Values for every chart the cni list keeps enabled, in cni-list order; charts with no values are kept (empty). */
export function chartValuesFor(plan: BundlePlan): ChartValues[] {
  const out: ChartValues[] = [];
  if (plan.multus) out.push(...multus(plan));
  switch (plan.cni) {
    case 'canal':
      out.push(canal(plan));
      break;
    case 'calico':
      out.push(calico(plan));
      break;
    case 'cilium':
      out.push(cilium(plan));
      break;
    case 'flannel':
      out.push(flannel(plan));
      break;
    case 'none':
      break;
  }
  return out;
}

export function hasValues(cv: ChartValues): boolean {
  return Object.keys(cv.values).length > 0;
}
