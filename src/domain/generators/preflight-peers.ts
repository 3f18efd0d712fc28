/**
 * The multi-node and underlay parts of preflight.sh: `--listen`, `--peers`, `--servers`, `--phase`, the path MTU
 * and the known underlay traps. Every port comes from firewallRules (net/ports.ts), every size from the plan's
 * MTU (net/mtu.ts, facts/mtu.ts); nothing is typed here twice.
 *
 * Tools: bash (/dev/tcp, /dev/udp), coreutils `timeout`, iputils `ping -M do` and iproute2, which every stock RHEL,
 * SLES and Ubuntu node has. The UDP listener needs python3 or socat; without either it says so (WARN) and stops.
 */
import { PING_HEADER } from '../facts/mtu';
import { VXLAN_PORT, type PortRule } from '../net/ports';
import { SOURCES } from '../sources';
import { firewallRules } from './firewall';
import type { BundlePlan } from './plan';
import { shellQuote } from './shell';

const probeable = (r: PortRule): r is PortRule & { port: number; protocol: 'TCP' | 'UDP' } =>
  (r.protocol === 'TCP' || r.protocol === 'UDP') && typeof r.port === 'number';

/** The ports preflight probes between nodes: single ports only (not the NodePort range), TCP and UDP. */
export function peerPorts(plan: BundlePlan): {
  nodeTcp: number[];
  nodeUdp: number[];
  serverTcp: number[];
  rules: PortRule[];
} {
  const rules = firewallRules(plan).filter(probeable);
  const nodes = rules.filter((r) => r.to === 'all nodes');
  // etcd (servers to servers) is probed from servers only; the API and supervisor from every node.
  const servers = rules.filter((r) => r.to === 'servers' && r.from === 'all nodes');
  const ports = (rs: typeof rules, p: 'TCP' | 'UDP') => [
    ...new Set(rs.filter((r) => r.protocol === p).map((r) => r.port)),
  ];
  return { nodeTcp: ports(nodes, 'TCP'), nodeUdp: ports(nodes, 'UDP'), serverTcp: ports(servers, 'TCP'), rules };
}

/** The tunnel port of the plan when it is Linux's VXLAN default (the one NSX has dropped), else null. */
function nsxPortAdvice(plan: BundlePlan): string | null {
  if (plan.encapsulation !== 'vxlan') return null;
  const onLinuxPort = peerPorts(plan).nodeUdp.includes(VXLAN_PORT.linux);
  if (!onLinuxPort) return null;
  switch (plan.cni) {
    case 'cilium':
      return `add "tunnelPort: ${VXLAN_PORT.iana}" to the rke2-cilium HelmChartConfig values (and open UDP ${VXLAN_PORT.iana} instead of ${VXLAN_PORT.linux})`;
    case 'canal':
      return `set "flannel: {backendPort: ${VXLAN_PORT.iana}}" in the rke2-canal HelmChartConfig values (and open UDP ${VXLAN_PORT.iana} instead of ${VXLAN_PORT.linux})`;
    default:
      return null;
  }
}

/** Lines that parse the command line; sets ROLE, PHASE, PEERS, SERVERS, LISTEN. */
export function preflightArgs(): string[] {
  return [
    'usage() {',
    "  echo \"usage: $0 [server|agent] [--phase install|join|upgrade] [--peers 'IP ...'] [--servers 'IP ...']\"",
    '  echo "       $0 --listen    (on a peer: answer the UDP probes of the others until Ctrl-C)"',
    '}',
    'ROLE=server',
    'PHASE=install',
    'PEERS=""',
    'SERVERS=""',
    'LISTEN=0',
    'while [ "$#" -gt 0 ]; do',
    '  case "$1" in',
    '    server | agent) ROLE="$1" ;;',
    '    --phase | --peers | --servers)',
    '      if [ "$#" -lt 2 ]; then usage >&2; exit 2; fi',
    '      case "$1" in --phase) PHASE="$2" ;; --peers) PEERS="$2" ;; --servers) SERVERS="$2" ;; esac',
    '      shift ;;',
    '    --listen) LISTEN=1 ;;',
    '    -h | --help) usage; exit 0 ;;',
    '    *) usage >&2; exit 2 ;;',
    '  esac',
    '  shift',
    'done',
    'case "$PHASE" in install | join | upgrade) ;; *) usage >&2; exit 2 ;; esac',
  ];
}

/** `--listen`: a UDP echo on every UDP port the plan needs, so peers can test them before anything listens. */
export function listenMode(plan: BundlePlan): string[] {
  const udp = peerPorts(plan).nodeUdp;
  if (udp.length === 0)
    return ['if [ "$LISTEN" = 1 ]; then echo "No UDP port to test for this plan: nothing to listen on."; exit 0; fi'];
  return [
    '',
    '# --listen: answer UDP probes (python3, else socat). bash cannot listen; without either tool, say so.',
    `UDP_PORTS=${shellQuote(udp.join(' '))}`,
    'if [ "$LISTEN" = 1 ]; then',
    '  LISTEN_SECONDS="${LISTEN_SECONDS:-900}"',
    '  echo "Answering UDP probes on ports $UDP_PORTS for ${LISTEN_SECONDS}s (Ctrl-C stops)."',
    '  if command -v python3 >/dev/null 2>&1; then',
    '    # shellcheck disable=SC2086 # one argument per port',
    '    exec python3 - "$LISTEN_SECONDS" $UDP_PORTS <<\'PY\'',
    'import select, socket, sys, time',
    'end = time.time() + float(sys.argv[1])',
    'socks = []',
    'for port in sys.argv[2:]:',
    '    for family, addr in ((socket.AF_INET6, "::"), (socket.AF_INET, "0.0.0.0")):',
    '        try:',
    '            s = socket.socket(family, socket.SOCK_DGRAM)',
    '            if family == socket.AF_INET6:',
    '                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)',
    '            s.bind((addr, int(port)))',
    '            socks.append(s)',
    '            break',
    '        except OSError as e:',
    '            err = e',
    '    else:',
    '        print("WARN  UDP %s not answered here: %s (a CNI already on it is fine)" % (port, err))',
    'while socks and time.time() < end:',
    '    ready, _, _ = select.select(socks, [], [], 1.0)',
    '    for s in ready:',
    '        data, peer = s.recvfrom(2048)',
    '        s.sendto(b"rke2-preflight-ack\\n", peer)',
    'PY',
    '  elif command -v socat >/dev/null 2>&1; then',
    '    for port in $UDP_PORTS; do',
    '      timeout "$LISTEN_SECONDS" socat "UDP6-RECVFROM:$port,fork,ipv6only=0" SYSTEM:"echo rke2-preflight-ack" 2>/dev/null ||',
    '        timeout "$LISTEN_SECONDS" socat "UDP4-RECVFROM:$port,fork" SYSTEM:"echo rke2-preflight-ack" &',
    '    done',
    '    wait',
    '    exit 0',
    '  else',
    '    printf \'WARN  %s\\n      fix: %s\\n\' "neither python3 nor socat is installed: UDP ports $UDP_PORTS cannot be answered here" "install python3 or socat for the test, or check the firewall rules for UDP $UDP_PORTS by hand"',
    '    exit 0',
    '  fi',
    'fi',
  ];
}

/** The local underlay checks: NIC MTU, VMware/NSX, vmxnet3 offload, firewalld/nftables rules, phase checks. */
export function underlayChecks(plan: BundlePlan): string[] {
  const mtu = plan.mtu.underlay;
  const b: string[] = [
    '',
    '# The node interface: the one the plan names, else the default route (IPv4 first).',
    'route_dev() { ip "$1" route show default 2>/dev/null | awk \'{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }\'; }',
    `IFACE=${shellQuote(plan.answers.nodes.interface.trim())}`,
    'if [ -z "$IFACE" ]; then IFACE="$(route_dev -4)"; fi',
    'if [ -z "$IFACE" ]; then IFACE="$(route_dev -6)"; fi',
    `PLAN_MTU=${mtu}`,
    'NIC_MTU=""',
    'if [ -n "$IFACE" ]; then NIC_MTU="$(ip -o link show dev "$IFACE" 2>/dev/null | awk \'{ for (i = 1; i < NF; i++) if ($i == "mtu") { print $(i + 1); exit } }\')"; fi',
    'if [ -z "$IFACE" ] || [ -z "$NIC_MTU" ]; then warn "node interface not found (${IFACE:-no default route})" "set the interface in the wizard, or add a default route"',
    `elif [ "$NIC_MTU" -lt "$PLAN_MTU" ]; then warn "$IFACE MTU $NIC_MTU is below the plan's underlay MTU $PLAN_MTU: pod packets would not fit" ${shellQuote(`set the underlay MTU to the NIC's in the wizard and regenerate, or raise the NIC MTU (${SOURCES.mtuIssue.url})`)}`,
    'else pass "$IFACE MTU $NIC_MTU fits the plan ($PLAN_MTU)"; fi',
    'DRIVER=""',
    'if [ -n "$IFACE" ] && command -v ethtool >/dev/null 2>&1; then DRIVER="$(ethtool -i "$IFACE" 2>/dev/null | sed -n \'s/^driver: //p\')"; fi',
    'if [ -z "$DRIVER" ] && [ -n "$IFACE" ] && [ -e "/sys/class/net/$IFACE/device/driver" ]; then DRIVER="$(basename "$(readlink "/sys/class/net/$IFACE/device/driver")")"; fi',
  ];
  const nsx = nsxPortAdvice(plan);
  if (nsx) {
    b.push(
      'VIRT=""',
      'if command -v systemd-detect-virt >/dev/null 2>&1; then VIRT="$(systemd-detect-virt 2>/dev/null)"; fi',
      'case "$(cat /sys/class/dmi/id/sys_vendor 2>/dev/null)" in *VMware*) VIRT=vmware ;; esac',
      `if [ "$VIRT" = vmware ] || [ "$DRIVER" = vmxnet3 ]; then warn ${shellQuote(`VMware: NSX/ESXi have silently dropped VXLAN on UDP ${VXLAN_PORT.linux} (${SOURCES.vxlanNsxIssue.url}); test it with --peers`)} ${shellQuote(`${nsx} (${SOURCES.vxlanPort4789Issue.url})`)}; fi`,
    );
  }
  if (plan.encapsulation === 'vxlan') {
    b.push(
      '# vmxnet3 with TX checksum offload has broken VXLAN while ICMP still worked (projectcalico/calico#9433).',
      'if [ "$DRIVER" = vmxnet3 ]; then',
      '  if ! command -v ethtool >/dev/null 2>&1; then warn "vmxnet3 NIC $IFACE: TX checksum offload not checked (no ethtool)" "install ethtool and run this again"',
      `  elif ethtool -k "$IFACE" 2>/dev/null | grep -q '^tx-checksumming: on'; then warn "vmxnet3 NIC $IFACE has TX checksum offload on: VXLAN can break while ping works" ${shellQuote(`ethtool -K <nic> tx off on every node, made persistent (NetworkManager: ethtool.feature-tx off) (${SOURCES.vmxnet3OffloadIssue.url})`)}`,
      '  else pass "vmxnet3 NIC $IFACE has TX checksum offload off"; fi',
      'fi',
    );
  }
  const { rules } = peerPorts(plan);
  const nodeRules = rules.filter((r) => r.to === 'all nodes');
  const serverRules = rules.filter((r) => r.to === 'servers');
  const q = (rs: PortRule[]) => shellQuote(rs.map((r) => `${String(r.port)}/${r.protocol.toLowerCase()}`).join(' '));
  b.push(
    '',
    '# firewalld or nftables running without the bundle rules drop CNI traffic (RKE2 known issues: firewalld).',
    `FW_PORTS=${q(nodeRules)}`,
    `if [ "$ROLE" = server ]; then FW_PORTS="$FW_PORTS "${q(serverRules)}; fi`,
    'if service_active firewalld && command -v firewall-cmd >/dev/null 2>&1; then',
    '  MISSING=""',
    '  for p in $FW_PORTS; do firewall-cmd --query-port="$p" >/dev/null 2>&1 || MISSING="$MISSING $p"; done',
    `  if [ -n "$MISSING" ]; then warn "firewalld is running without the ports:$MISSING" "run firewall/firewalld.sh $ROLE from the bundle, or disable firewalld (${SOURCES.knownIssues.url})"; else pass "firewalld allows the plan's ports"; fi`,
    'fi',
    'if service_active nftables && command -v nft >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then',
    '  if nft list chain inet filter rke2_input >/dev/null 2>&1; then pass "nftables has the rke2_input chain"; else warn "nftables is active without the bundle chain rke2_input" "load firewall/nftables.conf and jump to rke2_input from your input chain"; fi',
    'fi',
  );
  return b;
}

/** `--phase`: what differs between a first install, a join and an upgrade to this bundle's release. */
export function phaseChecks(plan: BundlePlan): string[] {
  const target = plan.release.requested.text;
  const cni = plan.cni;
  return [
    '',
    `TARGET=${shellQuote(target)}`,
    'RKE2_CONFIG=/etc/rancher/rke2/config.yaml',
    'case "$PHASE" in',
    '  install)',
    '    if [ -r "$RKE2_CONFIG" ]; then',
    '      OLD_CNI="$(sed -n \'s/^cni:[[:space:]]*//p\' "$RKE2_CONFIG" | head -n 1 | tr -d \'"\')"',
    `      if [ -n "$OLD_CNI" ] && [ "$OLD_CNI" != ${shellQuote(cni)} ]; then fail "$RKE2_CONFIG already sets cni: $OLD_CNI; this bundle is for ${cni}" ${shellQuote(`switching the CNI of an existing node is not supported (${SOURCES.cniSwitchIssue.url}); use a fresh node, or --phase upgrade with a bundle for the same CNI`)}; fi`,
    '    fi ;;',
    '  join)',
    '    if [ -z "$SERVERS" ]; then warn "--phase join without --servers: the supervisor and API ports are not probed" "run again with --servers \'IP ...\' of the existing servers"; fi ;;',
    '  upgrade)',
    '    RKE2_BIN="$(command -v rke2)"',
    '    for b in /usr/local/bin/rke2 /opt/rke2/bin/rke2; do if [ -z "$RKE2_BIN" ] && [ -x "$b" ]; then RKE2_BIN="$b"; fi; done',
    '    CURRENT="$("${RKE2_BIN:-rke2}" --version 2>/dev/null | awk \'NR == 1 { print $3 }\')"',
    '    if [ -z "$CURRENT" ]; then warn "--phase upgrade: no installed rke2 found" "run it on a node that runs RKE2"',
    '    elif [ "$CURRENT" != "$TARGET" ] && version_ge "${CURRENT#v}" "${TARGET#v}"; then fail "installed RKE2 $CURRENT is newer than this bundle ($TARGET)" "generate the bundle for the release you upgrade to; RKE2 does not downgrade"',
    '    else pass "upgrade from $CURRENT to $TARGET: the checks above are the target release\'s (kernel floors, modules)"; fi',
    '    ;;',
    'esac',
  ];
}

/** `--peers` / `--servers`: TCP by bash /dev/tcp under `timeout`, UDP against `--listen`, path MTU with DF pings. */
export function peerChecks(plan: BundlePlan): string[] {
  const { nodeTcp, nodeUdp, serverTcp } = peerPorts(plan);
  const mtu = plan.mtu.underlay;
  const icmp = plan.cni === 'cilium';
  return [
    '',
    '# Probes of the other nodes (--peers, --servers). Before RKE2 runs nothing listens: a TCP reset still proves',
    '# the path is open; silence means a firewall drops it. UDP needs "preflight.sh --listen" on the peer.',
    'PROBE_TIMEOUT="${PROBE_TIMEOUT:-3}"',
    `NODE_TCP=${shellQuote(nodeTcp.join(' '))}`,
    `NODE_UDP=${shellQuote(nodeUdp.join(' '))}`,
    `SERVER_TCP=${shellQuote(serverTcp.join(' '))}`,
    `PING_SIZE4=${mtu - PING_HEADER.v4}`,
    `PING_SIZE6=${mtu - PING_HEADER.v6}`,
    '# shellcheck disable=SC2016 # $1 and $2 expand in the inner bash',
    'tcp_probe() {',
    '  local out rc',
    '  out="$(timeout "$PROBE_TIMEOUT" bash -c \'exec 3<>"/dev/tcp/$1/$2"\' probe "$1" "$2" 2>&1)"',
    '  rc=$?',
    '  if [ "$rc" -eq 0 ]; then echo open',
    '  elif [ "$rc" -eq 124 ]; then echo silent',
    '  else case "$out" in *[Rr]efused*) echo closed ;; *) echo unreachable ;; esac; fi',
    '}',
    'udp_probe() {',
    '  local i reply rc',
    '  for i in 1 2 3; do',
    '    exec 3<>"/dev/udp/$1/$2" || { echo unreachable; return; }',
    '    printf \'rke2-preflight-probe %s\\n\' "$i" >&3 2>/dev/null',
    '    reply=""',
    '    # bash reads a socket one byte at a time, and a datagram read in part is gone: one byte is the answer.',
    '    IFS= read -r -N 1 -t "$PROBE_TIMEOUT" -u 3 reply 2>/dev/null',
    '    rc=$?',
    '    exec 3<&-',
    '    if [ -n "$reply" ]; then echo answered; return; fi',
    '    if [ "$rc" -le 128 ]; then echo closed; return; fi',
    '  done',
    '  echo silent',
    '}',
    'check_tcp() {',
    '  case "$(tcp_probe "$1" "$2")" in',
    '    open) pass "TCP $2 on $1 open" ;;',
    '    closed) pass "TCP $2 on $1 reachable (nothing listens yet)" ;;',
    '    silent) fail "TCP $2 on $1: no answer in ${PROBE_TIMEOUT}s (dropped)" "allow TCP $2 between the nodes (firewall/ in the bundle; cloud security groups too)" ;;',
    '    *) fail "TCP $2 on $1 rejected or unreachable" "allow TCP $2 from this node on $1 (firewall/ in the bundle)" ;;',
    '  esac',
    '}',
    'check_udp() {',
    '  case "$(udp_probe "$1" "$2")" in',
    '    answered) pass "UDP $2 on $1 answered" ;;',
    '    closed) warn "UDP $2 on $1: port closed, nothing answered" "run \\"preflight.sh --listen\\" on $1 during the test" ;;',
    '    silent)',
    '      if [ "$PHASE" = join ]; then warn "UDP $2 on $1: no answer (a running CNI does not echo)" "on a running cluster, test UDP with --listen on a node without RKE2, or check the firewall by hand"',
    `      else fail "UDP $2 on $1: no answer in 3 tries" "run \\"preflight.sh --listen\\" on $1 first; if it runs, a firewall or the hypervisor drops UDP $2 (VMware/NSX: ${SOURCES.vxlanNsxIssue.url})"; fi ;;`,
    '    *) fail "UDP $2 on $1 unreachable" "check the route to $1" ;;',
    '  esac',
    '}',
    'check_mtu() {',
    '  local size=$PING_SIZE4 fam=-4',
    '  case "$1" in *:*) size=$PING_SIZE6; fam=-6 ;; esac',
    '  if ! command -v ping >/dev/null 2>&1; then warn "ping not installed: path MTU to $1 not tested" "install iputils (ping)"; return; fi',
    '  if ! ping "$fam" -c 1 -W 2 "$1" >/dev/null 2>&1; then',
    `    ${icmp ? 'fail "no ICMP echo from $1 (Cilium health checks need it)"' : 'warn "no ICMP echo from $1: path MTU not tested"'} "allow ICMP echo between the nodes"; return`,
    '  fi',
    `  if ping "$fam" -M 'do' -c 1 -W 2 -s "$size" "$1" >/dev/null 2>&1; then pass "path MTU to $1 carries $PLAN_MTU bytes unfragmented"; else fail "path MTU to $1 is below $PLAN_MTU (don't-fragment ping of $size bytes failed)" ${shellQuote(`set the underlay MTU in the wizard to the path MTU (tracepath shows it) and regenerate (${SOURCES.mtuIssue.url})`)}; fi`,
    '}',
    'for peer in $PEERS; do',
    '  for port in $NODE_TCP; do check_tcp "$peer" "$port"; done',
    '  for port in $NODE_UDP; do check_udp "$peer" "$port"; done',
    '  check_mtu "$peer"',
    'done',
    'for server in $SERVERS; do',
    '  for port in $SERVER_TCP; do check_tcp "$server" "$port"; done',
    'done',
  ];
}
