import { CHART_ERAS } from '../facts/chart-eras';
import { CHART_NAME } from '../facts/cni-names';
import { GATES } from '../facts/gates';
import { KERNEL_THRESHOLDS } from '../facts/kernel-needs';
import { SOURCES, type Source } from '../sources';
import { gateReleases } from './ranges';
import type { KnownIssue } from './types';

/**
 * Known issues of RKE2 releases that matter for the CNI choice and its configuration: dated, sourced, with the
 * releases they affect and the release that fixes them. Ranges name releases of the release table, or a
 * bundled chart version range read against it (src/domain/rke2/releases.ts). Research notes:
 * ../shared/research/user-pain.md; release notes: rancher/rke2-docs docs/release-notes*.
 */

const RKE2 = 'https://github.com/rancher/rke2';
const issue = (repo: string, n: number, title: string): Source => ({
  title: `${repo}#${n}: ${title}`,
  url: `https://github.com/${repo}/issues/${n}`,
});
const pull = (repo: string, n: number, title: string): Source => ({
  title: `${repo}#${n}: ${title}`,
  url: `https://github.com/${repo}/pull/${n}`,
});
const CHARTS_MAIN = 'https://github.com/rancher/rke2-charts/blob/main/charts';

export const KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    id: 'cilium-ipv6-only-tunnel',
    title: 'IPv6-only Cilium cannot tunnel between nodes: it needs native routing',
    kind: 'bug',
    date: '2025-04',
    concerns: 'Cilium with IPv6-only addressing',
    applies: (s) => s.cni === 'cilium' && s.ipFamily === 'ipv6',
    // QA on rancher/rke2#8033 (2026-01-15): "works with cilium v1.18.6 ... which has the vxlan support", first
    // published in the 2026-02-04 releases (rke2-docs release notes). The table's rke2r2 tags of those patches
    // already bundle the same chart (1.18.601) but have no release notes, so the published rke2r3 are named.
    affected: {
      kind: 'releases',
      fixedIn: ['v1.32.11+rke2r3', 'v1.33.7+rke2r3', 'v1.34.3+rke2r3', 'v1.35.0+rke2r3'],
    },
    workaround:
      'Route natively: routingMode: native, autoDirectNodeRoutes: true and ipv6NativeRoutingCIDR set to the IPv6 cluster CIDR, with every node on one L2 segment (the generated bundle does this for IPv6-only Cilium). From the fixed releases VXLAN works too.',
    links: [
      issue('rancher/rke2', 8033, 'IPv6-only cluster with Cilium: helm-install pods time out'),
      pull('rancher/rke2-docs', 368, 'document native routing for IPv6-only Cilium'),
      SOURCES.basicNetworkOptionsIpv6,
    ],
  },
  {
    id: 'cilium-ipv6-only-start',
    title: 'Cilium does not start on an IPv6-only cluster',
    kind: 'bug',
    date: '2022-06',
    concerns: 'Cilium with IPv6-only addressing',
    applies: (s) => s.cni === 'cilium' && s.ipFamily === 'ipv6',
    // "Updated cilium chart to support IPv6 only config": rancher/rke2#3069 in v1.24.2 (release notes), and the
    // same commit subject on the release-1.23 and release-1.22 branches first tagged v1.23.8 and v1.22.11.
    affected: { kind: 'releases', fixedIn: ['v1.22.11+rke2r1', 'v1.23.8+rke2r1', 'v1.24.2+rke2r1'] },
    workaround:
      'Use a fixed release: from there the chart turns IPv4 off by itself when the cluster has no IPv4 CIDR. On an affected one, ipv4: {enabled: false} and ipv6: {enabled: true} in the rke2-cilium values (inferred from the fix, not tested upstream).',
    links: [
      issue('rancher/rke2', 3065, 'update the Cilium chart to support an IPv6-only config'),
      pull('rancher/rke2', 3069, 'Updated cilium chart to support IPv6 only config'),
    ],
  },
  {
    id: 'multus-namespace-isolation-arg',
    title: 'The Multus pod fails to start when namespaceIsolation is set in the rke2-multus values',
    kind: 'bug',
    date: '2025-08',
    concerns: 'Multus (config.cni_conf.namespaceIsolation: true in the rke2-multus HelmChartConfig)',
    applies: (s) => s.multus,
    // The chart passed --cni-namespace-isolation=<value> from v4.0.2-build2023081100; v4.2.200 passes
    // --namespace-isolation (rancher/rke2-charts charts/rke2-multus/*/templates/daemonSet.yaml). The first bundled
    // fixed chart is v4.2.202 (v1.31.12, v1.32.8, v1.33.4; backports rancher/rke2#8702-#8704).
    affected: { kind: 'chart', chart: CHART_NAME.multus, from: 'v4.0.2-build2023081100', fixed: 'v4.2.202' },
    workaround:
      'Leave config.cni_conf.namespaceIsolation unset until the cluster runs a fixed release: on affected charts it renders a command-line flag Multus does not accept.',
    links: [
      issue('rancher/rke2', 8577, 'the multus chart inserts an incorrect cli argument, the pod fails'),
      issue('rancher/rke2', 8704, 'release-1.31 backport, validated on v1.31.12-rc2'),
      {
        title: 'rke2-multus v4.2.202 templates/daemonSet.yaml (--namespace-isolation)',
        url: `${CHARTS_MAIN}/rke2-multus/rke2-multus/v4.2.202/templates/daemonSet.yaml`,
      },
    ],
  },
  {
    id: 'calico-crd-upgrade-loop',
    title: 'Upgrading a Calico cluster first installed on v1.28.8 leaves helm-install-rke2-calico-crd looping',
    kind: 'upgrade',
    date: '2024-08',
    concerns: 'Calico, when upgrading from this release (reported towards v1.28.12 and v1.29.6)',
    applies: (s) => s.cni === 'calico',
    // Reported for clusters installed fresh on v1.28.8+rke2r1; closed as stale without a fix. The reporter's
    // clusters first built on v1.27.10 upgraded through v1.28.8 to v1.29.6 without it.
    affected: { kind: 'releases', since: ['v1.28.8+rke2r1'], through: 'v1.28.8+rke2r1' },
    workaround:
      'Before upgrading, take an etcd snapshot and check that `helm list -n kube-system -a` shows rke2-calico and rke2-calico-crd as deployed, not uninstalling. The thread was closed without a fix; if the job loops, the Helm release secrets are stuck in "uninstalling".',
    links: [
      issue('rancher/rke2', 6633, 'Calico chart upgrade fails after v1.28.8 to v1.28.12 / v1.29.6'),
      issue('rancher/rke2', 6624, 'helm chart upgrade fails after v1.28.8 to v1.29.6'),
    ],
  },
  {
    id: 'cilium-multus-exclusive',
    title: 'Multus with Cilium gives pods no second interface: Cilium takes over the CNI config directory',
    kind: 'bug',
    date: '2025-01',
    concerns: 'Cilium with Multus (secondary interfaces)',
    applies: (s) => s.cni === 'cilium' && s.multus,
    // The RKE2 docs' version gate: cni.exclusive: false is no longer needed from these releases (rancher/rke2#9040).
    affected: { kind: 'releases', fixedIn: gateReleases('ciliumMultusNoExclusive') },
    workaround:
      'Set cni: {exclusive: false} in the rke2-cilium HelmChartConfig before the first start (the generated bundle does on these releases). A leftover /etc/cni/net.d/00-multus.conf.cilium_bak shows Cilium renamed the Multus config.',
    links: [SOURCES.multusCiliumNoInterface, SOURCES.multusCiliumIssue, GATES.ciliumMultusNoExclusive.source],
  },
  {
    id: 'cis-calico-ingress-webhook',
    title:
      'With a CIS profile and Calico, Ingress objects are refused: the API server cannot reach the ingress webhook',
    kind: 'bug',
    date: '2024-02',
    concerns: 'Calico with a CIS profile',
    applies: (s) => s.cni === 'calico' && s.cisProfile,
    // Fixed with RKE2's own default-network-ingress-webhook-policy (backports rancher/rke2#5359, #5360; PRs #5500,
    // #5510-#5512 in the February 2024 release notes): the same releases as the ingressWebhookPolicy gate.
    affected: { kind: 'releases', fixedIn: gateReleases('ingressWebhookPolicy') },
    workaround:
      'Add a NetworkPolicy in kube-system that lets the API server reach the ingress controller admission webhook, as RKE2 does itself from the fixed releases (the generated bundle adds it in kubectl-apply/cis-baseline-policies.yaml).',
    links: [SOURCES.cisCalicoIssue, GATES.ingressWebhookPolicy.source],
  },
  {
    id: 'cis-netpol-webhook-start-failure',
    title:
      'A server with a CIS profile fails to start when namespace webhooks (Rancher, Kyverno) are installed: "Failed to apply network policy default-network-ingress-webhook-policy"',
    kind: 'bug',
    date: '2024-04',
    concerns: 'any CNI with a CIS profile, in clusters with admission webhooks on Namespaces',
    applies: (s) => s.cisProfile,
    // Starts with the releases that create the policy (ingressWebhookPolicy gate); backports rancher/rke2#5971
    // (v1.29.6-rc5), #5972 (v1.28.11-rc5), #5973 (v1.27.15-rc5); v1.30.2 on master (user-pain P26).
    affected: {
      kind: 'releases',
      since: gateReleases('ingressWebhookPolicy'),
      fixedIn: ['v1.27.15+rke2r1', 'v1.28.11+rke2r1', 'v1.29.6+rke2r1', 'v1.30.2+rke2r1'],
    },
    workaround:
      'Join new or upgraded servers with a fixed release. RKE2 annotates namespaces at start; a Namespace webhook that is not reachable yet makes that call fail and the server exit.',
    links: [
      issue(
        'rancher/rke2',
        5693,
        'RKE2 fails to start: failed to apply network policy default-network-ingress-webhook-policy',
      ),
      issue('rancher/rke2', 5972, 'release-1.28 backport, validated on v1.28.11-rc5'),
    ],
  },
  {
    id: 'cilium-hubble-airgap-images',
    title: 'Air-gapped Cilium with Hubble: the relay and UI images are missing from the image tarball',
    kind: 'bug',
    date: '2022-12',
    concerns: 'Cilium with Hubble (observability), air-gapped installs',
    applies: (s) => s.cni === 'cilium' && s.observability,
    // "Fixed cilium chart when enabled hubble images": rancher/rke2 f7c905fd8 (v1.26.0), #3688 (v1.25.5),
    // #3689 (v1.24.9), 98150f5df on release-1.23 (tag v1.23.15+rke2r1).
    affected: {
      kind: 'releases',
      fixedIn: ['v1.23.15+rke2r1', 'v1.24.9+rke2r1', 'v1.25.5+rke2r1', 'v1.26.0+rke2r1'],
    },
    workaround: 'Mirror the hubble-relay and hubble-ui images into your private registry yourself.',
    links: [
      issue('rancher/rke2', 3556, 'Hubble images missing in air-gapped installs'),
      pull('rancher/rke2', 3687, 'Fixed cilium chart when enabled hubble images'),
    ],
  },
  {
    id: 'calico-ipv6-only-autodetect',
    title: 'IPv6-only Calico: calico-node crash-loops because the chart still asks for an IPv4 address',
    kind: 'bug',
    date: '2024-12',
    concerns: 'Calico with IPv6-only addressing',
    applies: (s) => s.cni === 'calico' && s.ipFamily === 'ipv6',
    // rke2-calico v3.26.300 sets nodeAddressAutodetectionV4.firstFound whenever it is empty; v3.29.101 only with an
    // IPv4 cluster CIDR (templates/crs/custom-resources.yaml). Release notes: v1.29.13, v1.30.9, v1.31.5, v1.32.1.
    affected: {
      kind: 'chart',
      chart: CHART_NAME.calico,
      from: CHART_ERAS.calicoAutodetectFromTemplate.from,
      fixed: 'v3.29.101',
    },
    workaround:
      'Use a fixed release. On an affected one, setting installation.calicoNetwork.nodeAddressAutodetectionV4: {firstFound: false} keeps the chart from adding the IPv4 method (inferred from the chart template, not tested upstream).',
    links: [
      issue('rancher/rke2', 7454, 'calico-node CrashLoopBackOff on an IPv6-only node'),
      pull('rancher/rke2', 7530, 'Updated calico chart to fix IP autodetect in case of IPv6 only'),
      {
        title: 'rke2-calico v3.29.101 templates/crs/custom-resources.yaml',
        url: `${CHARTS_MAIN}/rke2-calico/rke2-calico/v3.29.101/templates/crs/custom-resources.yaml`,
      },
    ],
  },
  {
    id: 'windows-calico-startup-race',
    title: 'Windows nodes with Calico can fail to start: the HNS network setup cuts off the runtime image unpacking',
    kind: 'bug',
    date: '2025-11',
    concerns: 'Calico with Windows nodes',
    applies: (s) => s.cni === 'calico' && s.windowsNodes,
    // rancher/rke2 defdbc989 "Fix race condition with Calico startup"; release notes PRs #9279-#9282.
    rangeNote: 'upstream dates no first affected release',
    affected: {
      kind: 'releases',
      fixedIn: ['v1.31.14+rke2r1', 'v1.32.10+rke2r1', 'v1.33.6+rke2r1', 'v1.34.2+rke2r1'],
    },
    workaround:
      'Use a fixed release for Windows agents. On an affected release a start interrupted this way can keep failing on restart, because the runtime content was only checked for its bin and charts folders and not extracted again (the fix commit).',
    links: [
      {
        title: 'rancher/rke2 defdbc9: Fix race condition with Calico startup on Windows',
        url: `${RKE2}/commit/defdbc989f096d41f08c2e1b8901ec2cbcdb8c11`,
      },
      pull('rancher/rke2', 9280, 'release-1.33 backport of the Calico startup race fix on Windows'),
    ],
  },
  {
    id: 'windows-calico-upgrade-daemonset',
    title: 'Calico 3.21 deploys a calico-windows-upgrade DaemonSet onto the Windows nodes RKE2 manages',
    kind: 'bug',
    date: '2022-03',
    concerns: 'Calico with Windows nodes',
    applies: (s) => s.cni === 'calico' && s.windowsNodes,
    // rke2-calico v3.21.201 arrived in v1.23.1+rke2r2; rancher/rke2#2564 (Calico v3.22.1, tigera-operator v1.25.3)
    // fixed it in v1.23.4+rke2r2. The thread also names 1.22, whose fix is not recorded here.
    affected: { kind: 'releases', since: ['v1.23.1+rke2r2'], fixedIn: ['v1.23.4+rke2r2'] },
    workaround: 'Upgrade to a release with Calico 3.22.1 (tigera-operator 1.25.3), which no longer deploys it.',
    links: [
      issue('rancher/rke2', 2556, 'calico 3.21.x+ deploys a windows-upgrade daemonset in 1.22 and 1.23'),
      pull('rancher/rke2', 2564, 'Update calico to v3.22.1'),
    ],
  },
  {
    id: 'cilium-kpr-strict-rejected',
    title: 'kubeProxyReplacement: strict stops working: the Cilium chart accepts only true or false',
    kind: 'change',
    date: '2023-10',
    concerns: 'Cilium with kube-proxy replacement, values written for Cilium 1.13 or older',
    applies: (s) => s.cni === 'cilium' && s.kubeProxyReplacement,
    affected: { kind: 'chart', chart: CHART_NAME.cilium, from: CHART_ERAS.ciliumModernValues.from },
    workaround:
      'Write kubeProxyReplacement: true (with k8sServiceHost and k8sServicePort). "strict" was deprecated with Cilium 1.14 and fails at render time from 1.15.',
    links: [SOURCES.kprStrictIssue, SOURCES.kprStrictDocs, SOURCES.ciliumConfigmapKpr],
  },
  {
    id: 'cilium-tunnel-removed',
    title:
      'helm-install-rke2-cilium fails after an upgrade: "tunnel was deprecated in v1.14 and has been removed in v1.15"',
    kind: 'change',
    date: '2024-02',
    concerns: 'Cilium with native routing (IPv6-only or AWS ENI), values written with tunnel: disabled',
    applies: (s) => s.cni === 'cilium' && s.nativeRouting,
    affected: { kind: 'chart', chart: CHART_NAME.cilium, from: CHART_ERAS.ciliumModernValues.from },
    workaround:
      'Replace tunnel: disabled with routingMode: native (and tunnel: vxlan or geneve with routingMode: tunnel plus tunnelProtocol).',
    links: [
      SOURCES.ciliumValidateTemplate,
      issue('rancher/rke2', 4910, 'a Cilium HelmChartConfig with tunnel: disabled and dotted keys'),
    ],
  },
  {
    id: 'cilium-wrapper-ignored',
    title: 'Cilium values under a cilium: key are silently ignored',
    kind: 'change',
    date: '2022-04',
    concerns: 'Cilium, HelmChartConfigs written for RKE2 v1.21/v1.22',
    applies: (s) => s.cni === 'cilium',
    affected: { kind: 'chart', chart: CHART_NAME.cilium, from: CHART_ERAS.ciliumFlatValues.from },
    workaround: 'Put the values at the top level of valuesContent, without the cilium: wrapper.',
    links: [SOURCES.ciliumNestingIssue],
  },
  {
    id: 'cilium-wireguard-userspace-fallback-removed',
    title: 'Cilium WireGuard no longer falls back to userspace: nodes need the kernel module',
    kind: 'change',
    date: '2025-02',
    concerns: 'Cilium with WireGuard encryption',
    applies: (s) => s.cni === 'cilium' && s.encryption === 'wireguard',
    // Cilium 1.17 upgrade notes: the wireguard.userspaceFallback Helm value is removed.
    affected: { kind: 'chart', chart: CHART_NAME.cilium, from: '1.17.000' },
    workaround: `Load the wireguard kernel module on every node (in the kernel from Linux ${KERNEL_THRESHOLDS.wireguardInKernel.kernel} on) and drop wireguard.userspaceFallback from the values.`,
    links: [
      {
        title: 'Cilium docs: 1.17 upgrade notes (wireguard.userspaceFallback removed)',
        url: 'https://docs.cilium.io/en/v1.17/operations/upgrade/#upgrade-notes',
      },
    ],
  },
  {
    id: 'canal-wireguard-runtime-switch',
    title: 'Switching Canal to WireGuard on a running cluster leaves pod traffic on VXLAN, unencrypted',
    kind: 'bug',
    date: '2025-12',
    concerns: 'Canal with WireGuard encryption',
    applies: (s) => s.cni === 'canal' && s.encryption === 'wireguard',
    // Reported on v1.31.2 and v1.34.x and open; the rke2-canal values say the backend "should not be changed at
    // runtime", so every release with the WireGuard backend is counted.
    affected: { kind: 'releases', since: gateReleases('canalWireguard') },
    workaround:
      'Choose the flannel backend before the first start (the generated bundle does). On a running cluster, check `ip route` uses flannel-wg for the pod CIDRs; rebuilding is the supported way to change it.',
    links: [
      issue('rancher/rke2', 9338, 'flannel.1 routes stay after switching the Canal backend to WireGuard'),
      SOURCES.canalValues,
    ],
  },
  {
    id: 'calico-felix-iptables-values-removed',
    title: 'Felix iptablesRefreshInterval and iptablesBackend are gone from the rke2-calico values',
    kind: 'change',
    date: '2022-09',
    concerns: 'Calico, values written for rke2-calico before Calico 3.24',
    applies: (s) => s.cni === 'calico',
    // rancher/rke2-charts#277 (manuelbuil): removed "because in Calico v3.24.1, calico-node was failing due to these
    // parameters". Chart v3.24.101 in rke2-charts; the first one a release bundles is v3.24.102.
    affected: { kind: 'chart', chart: CHART_NAME.calico, from: 'v3.24.102' },
    workaround: 'Remove both keys from your rke2-calico values; setting them has no effect on these charts.',
    links: [issue('rancher/rke2-charts', 277, 'rke2-calico: Calico v3.24.1, Felix iptables values removed')],
  },
];
