import type { BundlePlan } from './plan';
import { shellQuote, script, heredoc } from './shell';
import { toYaml, toYamlDocuments } from './yaml';
import { CHART_NAME } from '../facts/cni-names';
import { LINUX_NODE_SELECTOR } from '../facts/windows';
import { airgapPreflightFor } from './airgap';
import { encryptionChecks, helmValuesChecks, kprChecks, multusChecks } from './verify-checks';
import { listenMode, peerChecks, phaseChecks, preflightArgs, underlayChecks } from './preflight-peers';
import { SRIOV_NAMESPACE, EXAMPLE_IMAGE, sriovPfNames, secondaryNetworkName } from './manifests';

/**
 * has_ipv6_localhost FILE: a ::1 line (not commented out) that names `localhost` as a whole host name, so
 * `::1 localhost6` or `::1 mylocalhostname` do not count (hosts(5): address, then names separated by blanks).
 */
const HAS_IPV6_LOCALHOST =
  'has_ipv6_localhost() { grep -Eq \'^[[:space:]]*(::1|0:0:0:0:0:0:0:1)([[:space:]]+[^[:space:]#]+)*[[:space:]]+localhost([[:space:]#]|$)\' "$1"; }';

/** The port of the NetworkPolicy probe's web pod (busybox httpd). */
const PROBE_PORT = 8080;

/**
 * web_url IP: the probe URL for a pod IP. An IPv6 literal goes in brackets (RFC 3986 §3.2.2, SOURCES.rfc3986Host);
 * wget rejects the bare form.
 */
const WEB_URL = `web_url() { case "$1" in *:*) printf 'http://[%s]:${PROBE_PORT}/hostname' "$1" ;; *) printf 'http://%s:${PROBE_PORT}/hostname' "$1" ;; esac; }`;

function modules(plan: BundlePlan): string[] {
  const m: string[] = [];
  if (plan.encapsulation === 'vxlan') m.push('vxlan');
  if (plan.encryption === 'wireguard') m.push('wireguard');
  if (plan.encryption === 'ipsec') m.push('esp4', 'xfrm_user');
  if (plan.cni === 'cilium' && plan.answers.performance.bandwidthManager) m.push('sch_fq');
  if (plan.cni === 'canal' || plan.cni === 'calico' || plan.cni === 'flannel') m.push('ip_tables');
  return [...new Set(m)];
}

/** NetworkManager must leave the CNI's interfaces alone (RKE2 known issues; cilium_* and lxc* for Cilium). */
export function networkManagerUnmanaged(plan: BundlePlan): string[] {
  const calico = ['cali*', 'tunl*', 'vxlan.calico', 'vxlan-v6.calico', 'wireguard.cali', 'wg-v6.cali'];
  switch (plan.cni) {
    case 'canal':
      return ['flannel*', ...calico];
    case 'calico':
      return calico;
    case 'flannel':
      return ['flannel*'];
    case 'cilium':
      return ['cilium_*', 'lxc*'];
    case 'none':
      return [];
  }
}

export function preflightScript(plan: BundlePlan): string {
  const b: string[] = [
    ...preflightArgs(),
    'FAILS=0',
    'pass() { printf \'PASS  %s\\n\' "$1"; }',
    'warn() { printf \'WARN  %s\\n      fix: %s\\n\' "$1" "$2"; }',
    'fail() { printf \'FAIL  %s\\n      fix: %s\\n\' "$1" "$2"; FAILS=$((FAILS + 1)); }',
    '# version_ge A B: true when version A >= B',
    'version_ge() { [ "$(printf \'%s\\n%s\\n\' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }',
    'has_module() { [ -d "/sys/module/$1" ] || modinfo "$1" >/dev/null 2>&1; }',
    'service_active() { command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$1" 2>/dev/null; }',
    'service_enabled() { command -v systemctl >/dev/null 2>&1 && systemctl is-enabled --quiet "$1" 2>/dev/null; }',
    ...listenMode(plan),
  ];
  // The kernel floors the decision judged (engine plan), never a threshold of the script's own.
  const checks = plan.kernelChecks;
  if (checks.length) b.push('', 'KERNEL="$(uname -r)"', 'KERNEL_BASE="${KERNEL%%-*}"');
  for (const check of checks) {
    const op = check.compare === 'above' ? '>' : '>=';
    const test =
      check.compare === 'above'
        ? `version_ge "$KERNEL_BASE" ${shellQuote(check.kernel)} && [ "$KERNEL_BASE" != ${shellQuote(check.kernel)} ]`
        : `version_ge "$KERNEL_BASE" ${shellQuote(check.kernel)}`;
    const label = `kernel $KERNEL for ${check.what}, needs ${op} ${check.kernel}`;
    b.push(
      `if ${test}; then pass ${shellQuote(`kernel ${op} ${check.kernel}: ${check.what}`)}; else ${check.severity === 'FAIL' ? 'fail' : 'warn'} "${label}" ${shellQuote(check.fix)}; fi`,
    );
  }
  if (plan.cni !== 'none') {
    b.push(
      '',
      '# The CNIs program iptables (Cilium too, unless all of it runs in eBPF): without it hostPort pods leak IPs',
      '# (RKE2 known issues: Canal and IP exhaustion) and Cilium loses connectivity (rancher/rke2#2389).',
      'if command -v iptables >/dev/null 2>&1 || command -v xtables-nft-multi >/dev/null 2>&1; then pass "iptables/xtables-nft present"; else fail "iptables not installed" "install the iptables (or xtables-nft) package"; fi',
    );
  }
  const mods = modules(plan);
  if (mods.length) {
    b.push('', '# Kernel modules the datapath needs (checked, not loaded).');
    b.push(
      'check_module() { if has_module "$1"; then pass "kernel module $1 available"; else fail "kernel module $1 not available" "install the kernel modules package (RHEL 10: kernel-modules-extra), then modprobe $1"; fi; }',
    );
    for (const m of mods) b.push(`check_module ${shellQuote(m)}`);
  }
  const unmanaged = networkManagerUnmanaged(plan);
  if (unmanaged.length) {
    const value = unmanaged.map((i) => `interface-name:${i}`).join(';');
    const file = `/etc/NetworkManager/conf.d/rke2-${plan.cni}.conf`;
    b.push(
      '',
      '# NetworkManager must not manage the CNI interfaces (RKE2 known issues: NetworkManager).',
      'if service_active NetworkManager; then',
      `  if grep -rqsF ${shellQuote(`interface-name:${unmanaged[0]!}`)} /etc/NetworkManager/conf.d/; then pass "NetworkManager ignores the ${plan.cni} interfaces"; else`,
      `    fail "NetworkManager may manage the ${plan.cni} interfaces" ${shellQuote(`write ${file} with "[keyfile]" and "unmanaged-devices=${value}", then systemctl reload NetworkManager`)}`,
      '  fi',
      'fi',
      'if service_enabled nm-cloud-setup.service; then fail "nm-cloud-setup is enabled (it rewrites routing rules)" "systemctl disable nm-cloud-setup.service nm-cloud-setup.timer, then reboot"; else pass "nm-cloud-setup not enabled"; fi',
    );
  }
  b.push(
    '',
    'if service_active firewalld; then warn "firewalld is running" "RKE2 recommends disabling it (systemctl disable --now firewalld), or apply firewall/firewalld.sh"; else pass "firewalld not running"; fi',
  );
  b.push(...underlayChecks(plan), ...phaseChecks(plan));
  if (plan.ipv6 && !plan.ipv4) {
    // IPv6-only: etcd probes localhost, which must resolve over ::1 (RKE2 docs: IPv6 setup). Dual-stack nodes still
    // have 127.0.0.1. `localhost` must be a whole host name on a ::1 line: not localhost6, not a comment.
    b.push(
      '',
      '# IPv6-only: etcd probes localhost, which must resolve over ::1 (RKE2 docs: IPv6 setup).',
      HAS_IPV6_LOCALHOST,
      'if has_ipv6_localhost /etc/hosts; then pass "::1 localhost in /etc/hosts"; else fail "/etc/hosts lacks ::1 localhost" "add the line \'::1 localhost\' to /etc/hosts"; fi',
    );
  }
  if (plan.answers.cluster.cisProfile) {
    b.push(
      '',
      '# CIS profile: servers need the etcd user (RKE2 hardening guide).',
      'if [ "$ROLE" = server ]; then',
      '  if getent passwd etcd >/dev/null 2>&1; then pass "etcd user exists"; else fail "no etcd user (profile: cis)" "useradd -r -c \'etcd user\' -s /sbin/nologin -M etcd -U"; fi',
      'fi',
      '# The CIS kernel parameters (rke2-cis-sysctl.conf): kubelet refuses to start without them.',
      'if [ "$(sysctl -n kernel.panic 2>/dev/null)" = 10 ] && [ "$(sysctl -n vm.overcommit_memory 2>/dev/null)" = 1 ] && [ "$(sysctl -n kernel.panic_on_oops 2>/dev/null)" = 1 ]; then pass "CIS sysctls set"; else',
      '  fail "CIS kernel parameters not set (profile: cis)" "cp -f /usr/share/rke2/rke2-cis-sysctl.conf /etc/sysctl.d/60-rke2-cis.conf (tarball installs: /usr/local/share/rke2/), then systemctl restart systemd-sysctl"',
      'fi',
    );
  }
  if (plan.extras === 'sriov') {
    const sr = plan.answers.extras.sriov;
    b.push(
      '',
      '# SR-IOV nodes only (skip elsewhere with SKIP_SRIOV=1): IOMMU on, enough VFs, drivers.',
      'if [ "${SKIP_SRIOV:-0}" != 1 ]; then',
      '  if [ -n "$(ls -A /sys/kernel/iommu_groups 2>/dev/null)" ]; then pass "IOMMU enabled"; else fail "IOMMU is off" "add intel_iommu=on iommu=pt (AMD: amd_iommu=on iommu=pt) to the kernel command line and reboot"; fi',
      `  NUM_VFS=${shellQuote(String(sr.numVfs))}`,
      '  check_vfs() {',
      '    local total',
      '    total="$(cat "/sys/class/net/$1/device/sriov_totalvfs" 2>/dev/null || echo 0)"',
      '    if [ "$total" -ge "$NUM_VFS" ]; then pass "$1 supports $total VFs (need $NUM_VFS)"; else fail "$1 supports $total VFs, need $NUM_VFS" "use an SR-IOV capable NIC/firmware, enable SR-IOV in the BIOS, or lower numVfs"; fi',
      '  }',
      ...sriovPfNames(plan).map((pf) => `  check_vfs ${shellQuote(pf)}`),
    );
    if (sr.deviceType === 'vfio-pci') {
      b.push(
        '  if has_module vfio_pci || has_module vfio-pci; then pass "vfio-pci driver available"; else fail "vfio-pci driver not available" "install the kernel modules package providing vfio-pci (DPDK)"; fi',
      );
    }
    b.push('fi');
  }
  b.push(...airgapPreflightFor(plan));
  b.push(...peerChecks(plan));
  b.push(
    '',
    'if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed: fix them before starting RKE2."; exit 1; fi',
    'echo "All checks passed."',
  );
  return script(
    [
      `preflight.sh [server|agent] [--phase install|join|upgrade] [--peers 'IP ...'] [--servers 'IP ...'] | --listen`,
      `Read-only host checks for ${plan.cni}${plan.multus ? ' with Multus' : ''} on RKE2 ${plan.release.requested.text}.`,
      'Run on every node before the first start of RKE2. It changes nothing; each FAIL line says how to fix it.',
      'Between nodes: run "preflight.sh --listen" on one node, then "preflight.sh --peers \'IP\'" on another.',
    ],
    b,
  );
}

/** DaemonSets/Deployments that prove the CNI is up, when their names are certain. */
function cniWorkloads(plan: BundlePlan): { ns: string; kind: string; name: string }[] {
  switch (plan.cni) {
    case 'canal':
      return [{ ns: 'kube-system', kind: 'daemonset', name: 'rke2-canal' }];
    case 'cilium':
      return [
        { ns: 'kube-system', kind: 'daemonset', name: 'cilium' },
        { ns: 'kube-system', kind: 'deployment', name: 'cilium-operator' },
      ];
    case 'calico':
      return [{ ns: 'calico-system', kind: 'daemonset', name: 'calico-node' }];
    case 'flannel':
    case 'none':
      return [];
  }
}

export function verifyScript(plan: BundlePlan): string {
  const b: string[] = [
    'export KUBECONFIG="${KUBECONFIG:-/etc/rancher/rke2/rke2.yaml}"',
    'export PATH="$PATH:/var/lib/rancher/rke2/bin"',
    'FAILS=0',
    'pass() { printf \'PASS  %s\\n\' "$1"; }',
    'fail() { printf \'FAIL  %s\\n\' "$1"; FAILS=$((FAILS + 1)); }',
    'warn() { printf \'WARN  %s\\n      fix: %s\\n\' "$1" "$2"; }',
    'check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }',
    '',
  ];
  const charts: string[] = [];
  if (plan.multus) charts.push(CHART_NAME.multus);
  if (plan.cni !== 'none') charts.push(CHART_NAME[plan.cni]);
  for (const chart of charts) {
    b.push(
      `check ${shellQuote(`HelmChart ${chart} present`)} kubectl -n kube-system get helmchart ${shellQuote(chart)}`,
    );
    b.push(
      `check ${shellQuote(`helm-install-${chart} finished`)} kubectl -n kube-system wait --for=condition=complete ${shellQuote(`job/helm-install-${chart}`)} --timeout=300s`,
    );
  }
  if (plan.cni === 'cilium' && plan.encryption === 'ipsec') {
    b.push(
      "check 'IPsec key Secret kube-system/cilium-ipsec-keys present' kubectl -n kube-system get secret cilium-ipsec-keys",
    );
  }
  for (const w of cniWorkloads(plan)) {
    b.push(
      `check ${shellQuote(`${w.kind} ${w.ns}/${w.name} ready`)} kubectl -n ${shellQuote(w.ns)} rollout status ${shellQuote(`${w.kind}/${w.name}`)} --timeout=300s`,
    );
  }
  b.push(
    "check 'all nodes Ready (the CNI is up on every node)' kubectl wait --for=condition=Ready nodes --all --timeout=300s",
  );
  if (plan.replacesKubeProxy) {
    b.push(
      "if kubectl -n kube-system get pods -o name | grep -q '^pod/kube-proxy-'; then fail 'kube-proxy pods still run although it is replaced'; else pass 'kube-proxy absent'; fi",
    );
  }
  b.push(...kprChecks(plan), ...helmValuesChecks(plan), ...encryptionChecks(plan), ...multusChecks(plan));
  if (plan.extras === 'multus') {
    const s = plan.answers.extras.secondary;
    const name = secondaryNetworkName(plan);
    b.push(
      `check ${shellQuote(`NetworkAttachmentDefinition ${s.namespace}/${name} present`)} kubectl -n ${shellQuote(s.namespace.trim())} get network-attachment-definitions.k8s.cni.cncf.io ${shellQuote(name)}`,
    );
  }
  if (plan.extras === 'sriov') {
    b.push(
      `check 'SR-IOV node states reported' kubectl -n ${SRIOV_NAMESPACE} get sriovnetworknodestates.sriovnetwork.openshift.io`,
    );
    b.push(
      `check ${shellQuote(`SriovNetwork ${secondaryNetworkName(plan)} present`)} kubectl -n ${SRIOV_NAMESPACE} get sriovnetworks.sriovnetwork.openshift.io ${shellQuote(secondaryNetworkName(plan))}`,
    );
  }
  const enforces = plan.answers.security.policy !== 'none' && plan.cni !== 'flannel' && plan.cni !== 'none';
  if (enforces || plan.replacesKubeProxy) {
    const ns = 'rke2-cni-verify';
    // Pods that pass the "restricted" Pod Security level, which the CIS profile enforces outside kube-system.
    const restrictedPod = (name: string, command: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels: { app: name } },
      spec: {
        // Probe pods run a Linux image: keep them off Windows workers (kubernetes.io/os well-known label).
        nodeSelector: { ...LINUX_NODE_SELECTOR },
        securityContext: {
          runAsNonRoot: true,
          runAsUser: 65534,
          runAsGroup: 65534,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        containers: [
          {
            name,
            image: EXAMPLE_IMAGE,
            command,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
        terminationGracePeriodSeconds: 1,
      },
    });
    const setup = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      restrictedPod('web', ['httpd', '-f', '-p', String(PROBE_PORT), '-h', '/etc']),
      restrictedPod('client', ['sleep', '3600']),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: ns },
        spec: {
          selector: { app: 'web' },
          ports: [{ port: PROBE_PORT, targetPort: PROBE_PORT }],
          ...(plan.ipv4 && plan.ipv6 ? { ipFamilyPolicy: 'PreferDualStack' } : {}),
        },
      },
    ];
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny-ingress', namespace: ns },
      spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] },
    };
    b.push(
      '',
      enforces
        ? '# NetworkPolicy probe: a client pod reaches a web pod, then must not once ingress to it is denied.'
        : '# Probe pods: a client pod reaches a web pod directly and through its Service.',
      `NS=${ns}`,
      ...heredoc('kubectl apply -f - >/dev/null', toYamlDocuments(setup)),
      'if kubectl -n "$NS" wait --for=condition=Ready pod/web pod/client --timeout=180s >/dev/null; then',
      '  # Every address of the web pod: one per IP family on a dual-stack cluster, each probed on its own.',
      '  WEB_IPS="$(kubectl -n "$NS" get pod web -o jsonpath=\'{.status.podIPs[*].ip}\')"',
      `  ${WEB_URL}`,
      '  probe() { kubectl -n "$NS" exec client -- wget -q -T 5 -O /dev/null "$(web_url "$1")" >/dev/null 2>&1; }',
      '  # A Service by name from a pod: cluster DNS and ClusterIP routing (kube-proxy, or its replacement).',
      '  SVC_IP="$(kubectl -n "$NS" get service web -o jsonpath=\'{.spec.clusterIP}\')"',
      '  if probe web; then pass "DNS and ClusterIP answer from a pod (service web)"',
      '  elif [ -n "$SVC_IP" ] && probe "$SVC_IP"; then fail "ClusterIP $SVC_IP answers but the name web does not resolve: cluster DNS is broken"',
      '  else fail "ClusterIP of service web (${SVC_IP:-none}) does not answer from a pod: service routing is broken"; fi',
      '  FLOWS=""',
      '  for ip in $WEB_IPS; do',
      '    if probe "$ip"; then pass "pod-to-pod traffic flows to $ip"; FLOWS="$FLOWS $ip"; else fail "pod-to-pod traffic to $ip blocked before any policy"; fi',
      '  done',
      ...(enforces
        ? [
            '  # Enforcement is judged only where traffic flowed first: a probe that never worked proves nothing.',
            '  if [ -n "$FLOWS" ]; then',
            ...heredoc('    kubectl apply -f - >/dev/null', toYaml(policy)),
            '    sleep 5',
            '    for ip in $FLOWS; do',
            '      if probe "$ip"; then fail "NetworkPolicy not enforced: traffic to $ip still flows"; else pass "NetworkPolicy enforced for $ip"; fi',
            '    done',
            '  else',
            '    fail "NetworkPolicy not checked: no pod-to-pod traffic flowed (web pod IPs: ${WEB_IPS:-none})"',
            '  fi',
          ]
        : []),
      'else',
      '  fail "probe pods did not become Ready in $NS (kubectl -n $NS describe pods)"',
      'fi',
      'kubectl delete namespace "$NS" --wait=false >/dev/null 2>&1',
    );
  }
  b.push('', 'if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed."; exit 1; fi', 'echo "All checks passed."');
  return script(
    [
      `verify.sh: checks after install that ${plan.cni}${plan.multus ? ' with Multus' : ''} is up and enforcing what was asked.`,
      'Run on a server node (uses /etc/rancher/rke2/rke2.yaml), or anywhere with KUBECONFIG set.',
    ],
    b,
  );
}
