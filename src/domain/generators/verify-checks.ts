/**
 * The silent failures verify.sh looks for after install: values that never reached the chart, encryption that is
 * configured but not carrying the traffic, Multus renamed away by Cilium, kube-proxy replacement that is not active.
 * kubectl comes with RKE2; helm and python3 are used when present, and their absence is a WARN, never a FAIL.
 */
import { SOURCES } from '../sources';
import { chartValuesFor, hasValues } from './chart-values';
import { examplePod, secondaryNetworkName } from './manifests';
import type { BundlePlan } from './plan';
import { heredoc, shellQuote } from './shell';

/** The WireGuard device each CNI creates, and the plain tunnel device encrypted pod traffic must not use. */
const WIREGUARD_DEVICE = {
  canal: { wg: 'flannel-wg', tunnel: 'flannel.1' },
  calico: { wg: 'wireguard.cali', tunnel: 'vxlan.calico' },
  cilium: { wg: 'cilium_wg0', tunnel: null },
} as const;

/** A Python check that every leaf of the expected values equals the release's value (a subset test). */
const SUBSET_PY = [
  'import json, sys',
  'want = json.loads(sys.argv[1]); have = json.load(sys.stdin)',
  'def walk(w, h, path):',
  '    if isinstance(w, dict):',
  '        for k, v in w.items():',
  '            walk(v, h.get(k) if isinstance(h, dict) else None, path + [k])',
  '    elif w != h:',
  '        print("%s: bundle %s, release %s" % (".".join(path), json.dumps(w), json.dumps(h)))',
  'walk(want, have, [])',
];

/** HelmChartConfig objects in the cluster and the values the Helm release really got. */
export function helmValuesChecks(plan: BundlePlan): string[] {
  const charts = chartValuesFor(plan).filter(hasValues);
  if (charts.length === 0) return [];
  const b = [
    '',
    '# The values this bundle emitted must be what the Helm release runs with (rancher/rke2#1734: values that',
    '# never applied). helm is not part of RKE2: without helm and python3 only the HelmChartConfig is compared.',
    'compare_values() {',
    '  local release="$1" want="$2" diff',
    '  if ! command -v helm >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then',
    '    warn "values of $release not compared with the release (needs helm and python3)" "install helm, or compare by hand: helm get values $release -n kube-system"',
    '    return',
    '  fi',
    '  local have',
    '  if ! have="$(helm get values "$release" -n kube-system -a -o json 2>/dev/null)"; then fail "helm get values $release failed"; return; fi',
    '  diff="$(printf \'%s\' "$have" | python3 -c "$SUBSET_PY" "$want" 2>&1)"',
    '  if [ -n "$diff" ]; then fail "release $release does not run with the bundle values: $diff"',
    '  else pass "release $release runs with the bundle values"; fi',
    '}',
    ...heredoc('SUBSET_PY="$(cat', SUBSET_PY.join('\n'), 'RKE2_CNI_PY').map((l, i, all) =>
      i === all.length - 1 ? `${l}\n)"` : l,
    ),
  ];
  for (const cv of charts) {
    b.push(`compare_values ${shellQuote(cv.chart)} ${shellQuote(JSON.stringify(cv.values))}`);
    if (!plan.rancher) {
      b.push(
        `if kubectl -n kube-system get helmchartconfig ${shellQuote(cv.chart)} >/dev/null 2>&1; then pass ${shellQuote(`HelmChartConfig ${cv.chart} present`)}; else fail ${shellQuote(`HelmChartConfig ${cv.chart} missing: its values never applied (copy the bundle's manifests to /var/lib/rancher/rke2/server/manifests/ on every server)`)}; fi`,
      );
    }
  }
  return b;
}

/** With encryption on: the WireGuard device exists and pod routes do not use the plain tunnel (rancher/rke2#9338). */
export function encryptionChecks(plan: BundlePlan): string[] {
  if (plan.encryption === 'none' || plan.cni === 'none' || plan.cni === 'flannel') return [];
  const b = ['', '# Encryption configured is not encryption used: the traffic must take the encrypted device.'];
  if (plan.encryption === 'wireguard') {
    const dev = WIREGUARD_DEVICE[plan.cni];
    b.push(
      `if ip link show ${shellQuote(dev.wg)} >/dev/null 2>&1; then pass ${shellQuote(`WireGuard device ${dev.wg} present on this node`)}; else fail ${shellQuote(`no WireGuard device ${dev.wg} on this node: pod traffic is not encrypted`)}; fi`,
    );
    if (dev.tunnel) {
      b.push(
        `if [ -n "$(ip route show dev ${shellQuote(dev.tunnel)} 2>/dev/null)" ]; then fail ${shellQuote(`pod routes still use ${dev.tunnel} (plain VXLAN): traffic between nodes is not encrypted; delete the ${dev.tunnel} device on every node and restart rke2 (${SOURCES.wireguardSwitchIssue.url})`)}; else pass ${shellQuote(`no pod route uses ${dev.tunnel}`)}; fi`,
      );
    }
  }
  if (plan.cni === 'cilium') {
    const want = plan.encryption === 'wireguard' ? 'Wireguard' : 'IPsec';
    b.push(
      'CILIUM_STATUS="$(kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg status 2>/dev/null || kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium status 2>/dev/null)"',
      `if printf '%s\\n' "$CILIUM_STATUS" | grep -q '^Encryption:.*${want}'; then pass ${shellQuote(`Cilium reports ${want} encryption`)}; else fail ${shellQuote(`Cilium does not report ${want} encryption (cilium-dbg status: Encryption)`)}; fi`,
    );
  }
  if (plan.cni === 'calico' && plan.encryption === 'wireguard') {
    b.push(
      'KEYS="$(kubectl get nodes -o jsonpath=\'{range .items[*]}{.metadata.name}={.metadata.annotations.projectcalico\\.org/WireguardPublicKey}{"\\n"}{end}\')"',
      'NOKEY="$(printf \'%s\\n\' "$KEYS" | sed -n \'s/=$//p\')"',
      'if [ -z "$NOKEY" ]; then pass "every node has a Calico WireGuard key"; else fail "nodes without a Calico WireGuard key: $(echo "$NOKEY" | tr \'\\n\' \' \')"; fi',
    );
  }
  return b;
}

/** Multus with Cilium: nothing renamed to *.cilium_bak; the example pod got its second interface. */
export function multusChecks(plan: BundlePlan): string[] {
  const b: string[] = [];
  if (plan.multus && plan.cni === 'cilium') {
    b.push(
      '',
      '# Cilium with exclusive CNI config renames Multus away to *.cilium_bak (rancher/rke2#7464).',
      'CNI_NET_D="${CNI_NET_D:-/etc/cni/net.d}"',
      'BAK="$(find "$CNI_NET_D" -maxdepth 1 -name \'*.cilium_bak\' 2>/dev/null)"',
      `if [ -n "$BAK" ]; then fail "Cilium renamed CNI configs away: $(echo "$BAK" | tr '\\n' ' ')(set cni.exclusive: false, restore them and restart rke2; ${SOURCES.multusCiliumNoInterface.url})"; else pass "no *.cilium_bak in $CNI_NET_D"; fi`,
    );
  }
  if (plan.extras !== 'none') {
    const pod = examplePod(plan) as { metadata: { name: string; namespace: string } };
    const net = secondaryNetworkName(plan);
    b.push(
      '',
      '# The example pod (kubectl-apply/example-pod.yaml) must list the secondary network in its network-status.',
      `EX_NS=${shellQuote(pod.metadata.namespace)}`,
      `EX_POD=${shellQuote(pod.metadata.name)}`,
      'if kubectl -n "$EX_NS" get pod "$EX_POD" >/dev/null 2>&1; then',
      '  STATUS="$(kubectl -n "$EX_NS" get pod "$EX_POD" -o jsonpath=\'{.metadata.annotations.k8s\\.v1\\.cni\\.cncf\\.io/network-status}\')"',
      `  if printf '%s' "$STATUS" | grep -q ${shellQuote(`"name": *"[^"]*${net}"`)}; then pass ${shellQuote(`example pod has its ${net} interface`)}; else fail ${shellQuote(`example pod has no ${net} interface (network-status annotation)`)}; fi`,
      'else',
      '  warn "example pod $EX_NS/$EX_POD not found: second interface not checked" "kubectl apply -f kubectl-apply/example-pod.yaml, then run verify.sh again"',
      'fi',
    );
  }
  return b;
}

/** kube-proxy replacement: the CNI reports it active (no kube-proxy pod is checked by verifyScript). */
export function kprChecks(plan: BundlePlan): string[] {
  if (plan.ciliumKpr) {
    return [
      'KPR="$(kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium-dbg status 2>/dev/null || kubectl -n kube-system exec ds/cilium -c cilium-agent -- cilium status 2>/dev/null)"',
      `if printf '%s\\n' "$KPR" | grep -q '^KubeProxyReplacement:[[:space:]]*True'; then pass 'Cilium reports KubeProxyReplacement True'; else fail ${shellQuote(`Cilium does not report KubeProxyReplacement True (${SOURCES.ciliumKubeProxyFree.url})`)}; fi`,
    ];
  }
  if (plan.calicoEbpf) {
    return [
      'DP="$(kubectl get installation default -o jsonpath=\'{.spec.calicoNetwork.linuxDataplane}\' 2>/dev/null)"',
      `if [ "$DP" = BPF ]; then pass 'Calico runs the eBPF dataplane'; else fail "Calico dataplane is \${DP:-unknown}, not BPF (${SOURCES.calicoEbpf.url})"; fi`,
    ];
  }
  return [];
}
