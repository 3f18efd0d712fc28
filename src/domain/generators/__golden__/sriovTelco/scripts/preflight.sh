#!/usr/bin/env bash
# preflight.sh [server|agent] [--phase install|join|upgrade] [--peers 'IP ...'] [--servers 'IP ...'] | --listen
# Read-only host checks for canal with Multus on RKE2 v1.36.4+rke2r1.
# Run on every node before the first start of RKE2. It changes nothing; each FAIL line says how to fix it.
# Between nodes: run "preflight.sh --listen" on one node, then "preflight.sh --peers 'IP'" on another.
set -u

usage() {
  echo "usage: $0 [server|agent] [--phase install|join|upgrade] [--peers 'IP ...'] [--servers 'IP ...']"
  echo "       $0 --listen    (on a peer: answer the UDP probes of the others until Ctrl-C)"
}
ROLE=server
PHASE=install
PEERS=""
SERVERS=""
LISTEN=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    server | agent) ROLE="$1" ;;
    --phase | --peers | --servers)
      if [ "$#" -lt 2 ]; then usage >&2; exit 2; fi
      case "$1" in --phase) PHASE="$2" ;; --peers) PEERS="$2" ;; --servers) SERVERS="$2" ;; esac
      shift ;;
    --listen) LISTEN=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
case "$PHASE" in install | join | upgrade) ;; *) usage >&2; exit 2 ;; esac
FAILS=0
pass() { printf 'PASS  %s\n' "$1"; }
warn() { printf 'WARN  %s\n      fix: %s\n' "$1" "$2"; }
fail() { printf 'FAIL  %s\n      fix: %s\n' "$1" "$2"; FAILS=$((FAILS + 1)); }
# version_ge A B: true when version A >= B
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }
has_module() { [ -d "/sys/module/$1" ] || modinfo "$1" >/dev/null 2>&1; }
service_active() { command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$1" 2>/dev/null; }
service_enabled() { command -v systemctl >/dev/null 2>&1 && systemctl is-enabled --quiet "$1" 2>/dev/null; }

# --listen: answer UDP probes (python3, else socat). bash cannot listen; without either tool, say so.
UDP_PORTS='51820 51821'
if [ "$LISTEN" = 1 ]; then
  LISTEN_SECONDS="${LISTEN_SECONDS:-900}"
  echo "Answering UDP probes on ports $UDP_PORTS for ${LISTEN_SECONDS}s (Ctrl-C stops)."
  if command -v python3 >/dev/null 2>&1; then
    # shellcheck disable=SC2086 # one argument per port
    exec python3 - "$LISTEN_SECONDS" $UDP_PORTS <<'PY'
import select, socket, sys, time
end = time.time() + float(sys.argv[1])
socks = []
for port in sys.argv[2:]:
    for family, addr in ((socket.AF_INET6, "::"), (socket.AF_INET, "0.0.0.0")):
        try:
            s = socket.socket(family, socket.SOCK_DGRAM)
            if family == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.bind((addr, int(port)))
            socks.append(s)
            break
        except OSError as e:
            err = e
    else:
        print("WARN  UDP %s not answered here: %s (a CNI already on it is fine)" % (port, err))
while socks and time.time() < end:
    ready, _, _ = select.select(socks, [], [], 1.0)
    for s in ready:
        data, peer = s.recvfrom(2048)
        s.sendto(b"rke2-preflight-ack\n", peer)
PY
  elif command -v socat >/dev/null 2>&1; then
    for port in $UDP_PORTS; do
      timeout "$LISTEN_SECONDS" socat "UDP6-RECVFROM:$port,fork,ipv6only=0" SYSTEM:"echo rke2-preflight-ack" 2>/dev/null ||
        timeout "$LISTEN_SECONDS" socat "UDP4-RECVFROM:$port,fork" SYSTEM:"echo rke2-preflight-ack" &
    done
    wait
    exit 0
  else
    printf 'WARN  %s\n      fix: %s\n' "neither python3 nor socat is installed: UDP ports $UDP_PORTS cannot be answered here" "install python3 or socat for the test, or check the firewall rules for UDP $UDP_PORTS by hand"
    exit 0
  fi
fi

KERNEL="$(uname -r)"
KERNEL_BASE="${KERNEL%%-*}"
if version_ge "$KERNEL_BASE" 5.6; then pass 'kernel >= 5.6: in-kernel WireGuard (older kernels need the wireguard module installed)'; else warn "kernel $KERNEL for in-kernel WireGuard (older kernels need the wireguard module installed), needs >= 5.6" 'install the wireguard kernel module (or upgrade the kernel)'; fi

# The CNIs program iptables (Cilium too, unless all of it runs in eBPF): without it hostPort pods leak IPs
# (RKE2 known issues: Canal and IP exhaustion) and Cilium loses connectivity (rancher/rke2#2389).
if command -v iptables >/dev/null 2>&1 || command -v xtables-nft-multi >/dev/null 2>&1; then pass "iptables/xtables-nft present"; else fail "iptables not installed" "install the iptables (or xtables-nft) package"; fi

# Kernel modules the datapath needs (checked, not loaded).
check_module() { if has_module "$1"; then pass "kernel module $1 available"; else fail "kernel module $1 not available" "install the kernel modules package (RHEL 10: kernel-modules-extra), then modprobe $1"; fi; }
check_module vxlan
check_module wireguard
check_module ip_tables

# NetworkManager must not manage the CNI interfaces (RKE2 known issues: NetworkManager).
if service_active NetworkManager; then
  if grep -rqsF 'interface-name:flannel*' /etc/NetworkManager/conf.d/; then pass "NetworkManager ignores the canal interfaces"; else
    fail "NetworkManager may manage the canal interfaces" 'write /etc/NetworkManager/conf.d/rke2-canal.conf with "[keyfile]" and "unmanaged-devices=interface-name:flannel*;interface-name:cali*;interface-name:tunl*;interface-name:vxlan.calico;interface-name:vxlan-v6.calico;interface-name:wireguard.cali;interface-name:wg-v6.cali", then systemctl reload NetworkManager'
  fi
fi
if service_enabled nm-cloud-setup.service; then fail "nm-cloud-setup is enabled (it rewrites routing rules)" "systemctl disable nm-cloud-setup.service nm-cloud-setup.timer, then reboot"; else pass "nm-cloud-setup not enabled"; fi

if service_active firewalld; then warn "firewalld is running" "RKE2 recommends disabling it (systemctl disable --now firewalld), or apply firewall/firewalld.sh"; else pass "firewalld not running"; fi

# The node interface: the one the plan names, else the default route (IPv4 first).
route_dev() { ip "$1" route show default 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }'; }
IFACE=bond0
if [ -z "$IFACE" ]; then IFACE="$(route_dev -4)"; fi
if [ -z "$IFACE" ]; then IFACE="$(route_dev -6)"; fi
PLAN_MTU=9000
NIC_MTU=""
if [ -n "$IFACE" ]; then NIC_MTU="$(ip -o link show dev "$IFACE" 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "mtu") { print $(i + 1); exit } }')"; fi
if [ -z "$IFACE" ] || [ -z "$NIC_MTU" ]; then warn "node interface not found (${IFACE:-no default route})" "set the interface in the wizard, or add a default route"
elif [ "$NIC_MTU" -lt "$PLAN_MTU" ]; then warn "$IFACE MTU $NIC_MTU is below the plan's underlay MTU $PLAN_MTU: pod packets would not fit" 'set the underlay MTU to the NIC'\''s in the wizard and regenerate, or raise the NIC MTU (https://github.com/rancher/rke2-charts/issues/670)'
else pass "$IFACE MTU $NIC_MTU fits the plan ($PLAN_MTU)"; fi
DRIVER=""
if [ -n "$IFACE" ] && command -v ethtool >/dev/null 2>&1; then DRIVER="$(ethtool -i "$IFACE" 2>/dev/null | sed -n 's/^driver: //p')"; fi
if [ -z "$DRIVER" ] && [ -n "$IFACE" ] && [ -e "/sys/class/net/$IFACE/device/driver" ]; then DRIVER="$(basename "$(readlink "/sys/class/net/$IFACE/device/driver")")"; fi
# vmxnet3 with TX checksum offload has broken VXLAN while ICMP still worked (projectcalico/calico#9433).
if [ "$DRIVER" = vmxnet3 ]; then
  if ! command -v ethtool >/dev/null 2>&1; then warn "vmxnet3 NIC $IFACE: TX checksum offload not checked (no ethtool)" "install ethtool and run this again"
  elif ethtool -k "$IFACE" 2>/dev/null | grep -q '^tx-checksumming: on'; then warn "vmxnet3 NIC $IFACE has TX checksum offload on: VXLAN can break while ping works" 'ethtool -K <nic> tx off on every node, made persistent (NetworkManager: ethtool.feature-tx off) (https://github.com/projectcalico/calico/issues/9433)'
  else pass "vmxnet3 NIC $IFACE has TX checksum offload off"; fi
fi

# firewalld or nftables running without the bundle rules drop CNI traffic (RKE2 known issues: firewalld).
FW_PORTS='10250/tcp 51820/udp 51821/udp 9099/tcp'
if [ "$ROLE" = server ]; then FW_PORTS="$FW_PORTS "'6443/tcp 9345/tcp 2379/tcp 2380/tcp 2381/tcp'; fi
if service_active firewalld && command -v firewall-cmd >/dev/null 2>&1; then
  MISSING=""
  for p in $FW_PORTS; do firewall-cmd --query-port="$p" >/dev/null 2>&1 || MISSING="$MISSING $p"; done
  if [ -n "$MISSING" ]; then warn "firewalld is running without the ports:$MISSING" "run firewall/firewalld.sh $ROLE from the bundle, or disable firewalld (https://docs.rke2.io/known_issues)"; else pass "firewalld allows the plan's ports"; fi
fi
if service_active nftables && command -v nft >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  if nft list chain inet filter rke2_input >/dev/null 2>&1; then pass "nftables has the rke2_input chain"; else warn "nftables is active without the bundle chain rke2_input" "load firewall/nftables.conf and jump to rke2_input from your input chain"; fi
fi

TARGET=v1.36.4+rke2r1
RKE2_CONFIG=/etc/rancher/rke2/config.yaml
case "$PHASE" in
  install)
    if [ -r "$RKE2_CONFIG" ]; then
      OLD_CNI="$(sed -n 's/^cni:[[:space:]]*//p' "$RKE2_CONFIG" | head -n 1 | tr -d '"')"
      if [ -n "$OLD_CNI" ] && [ "$OLD_CNI" != canal ]; then fail "$RKE2_CONFIG already sets cni: $OLD_CNI; this bundle is for canal" 'switching the CNI of an existing node is not supported (https://github.com/rancher/rke2/issues/1072); use a fresh node, or --phase upgrade with a bundle for the same CNI'; fi
    fi ;;
  join)
    if [ -z "$SERVERS" ]; then warn "--phase join without --servers: the supervisor and API ports are not probed" "run again with --servers 'IP ...' of the existing servers"; fi ;;
  upgrade)
    RKE2_BIN="$(command -v rke2)"
    for b in /usr/local/bin/rke2 /opt/rke2/bin/rke2; do if [ -z "$RKE2_BIN" ] && [ -x "$b" ]; then RKE2_BIN="$b"; fi; done
    CURRENT="$("${RKE2_BIN:-rke2}" --version 2>/dev/null | awk 'NR == 1 { print $3 }')"
    if [ -z "$CURRENT" ]; then warn "--phase upgrade: no installed rke2 found" "run it on a node that runs RKE2"
    elif [ "$CURRENT" != "$TARGET" ] && version_ge "${CURRENT#v}" "${TARGET#v}"; then fail "installed RKE2 $CURRENT is newer than this bundle ($TARGET)" "generate the bundle for the release you upgrade to; RKE2 does not downgrade"
    else pass "upgrade from $CURRENT to $TARGET: the checks above are the target release's (kernel floors, modules)"; fi
    ;;
esac

# CIS profile: servers need the etcd user (RKE2 hardening guide).
if [ "$ROLE" = server ]; then
  if getent passwd etcd >/dev/null 2>&1; then pass "etcd user exists"; else fail "no etcd user (profile: cis)" "useradd -r -c 'etcd user' -s /sbin/nologin -M etcd -U"; fi
fi
# The CIS kernel parameters (rke2-cis-sysctl.conf): kubelet refuses to start without them.
if [ "$(sysctl -n kernel.panic 2>/dev/null)" = 10 ] && [ "$(sysctl -n vm.overcommit_memory 2>/dev/null)" = 1 ] && [ "$(sysctl -n kernel.panic_on_oops 2>/dev/null)" = 1 ]; then pass "CIS sysctls set"; else
  fail "CIS kernel parameters not set (profile: cis)" "cp -f /usr/share/rke2/rke2-cis-sysctl.conf /etc/sysctl.d/60-rke2-cis.conf (tarball installs: /usr/local/share/rke2/), then systemctl restart systemd-sysctl"
fi

# SR-IOV nodes only (skip elsewhere with SKIP_SRIOV=1): IOMMU on, enough VFs, drivers.
if [ "${SKIP_SRIOV:-0}" != 1 ]; then
  if [ -n "$(ls -A /sys/kernel/iommu_groups 2>/dev/null)" ]; then pass "IOMMU enabled"; else fail "IOMMU is off" "add intel_iommu=on iommu=pt (AMD: amd_iommu=on iommu=pt) to the kernel command line and reboot"; fi
  NUM_VFS=16
  check_vfs() {
    local total
    total="$(cat "/sys/class/net/$1/device/sriov_totalvfs" 2>/dev/null || echo 0)"
    if [ "$total" -ge "$NUM_VFS" ]; then pass "$1 supports $total VFs (need $NUM_VFS)"; else fail "$1 supports $total VFs, need $NUM_VFS" "use an SR-IOV capable NIC/firmware, enable SR-IOV in the BIOS, or lower numVfs"; fi
  }
  check_vfs ens1f0
  check_vfs ens1f1
  if has_module vfio_pci || has_module vfio-pci; then pass "vfio-pci driver available"; else fail "vfio-pci driver not available" "install the kernel modules package providing vfio-pci (DPDK)"; fi
fi

# Air gap: the release image tarballs in the images directory, or a registry that answers (airgap/README section).
IMAGES_DIR="${RKE2_IMAGES_DIR:-/var/lib/rancher/rke2/agent/images}"
RKE2_CONF="${RKE2_CONFIG_DIR:-/etc/rancher/rke2}"
case "$(uname -m)" in x86_64|amd64) NODE_ARCH=amd64 ;; aarch64|arm64) NODE_ARCH=arm64 ;; *) NODE_ARCH="$(uname -m)" ;; esac
if [ "$NODE_ARCH" = amd64 ]; then pass 'node architecture amd64'; else fail "node architecture is $NODE_ARCH, the bundle lists amd64 tarballs" 'set nodes.architecture to this node'\''s architecture and rebuild the bundle'; fi
# has_tarball NAME...: true when any NAME.tar.zst, .tar.gz or .tar is in the images directory and not empty
has_tarball() { local n e; for n in "$@"; do for e in tar.zst tar.gz tar; do [ -s "$IMAGES_DIR/$n.$e" ] && return 0; done; done; return 1; }
# registry_answers URL: the registry API answers (200, or 401 asking for credentials)
registry_answers() { local code; command -v curl >/dev/null 2>&1 || return 1; code="$(curl -sS -o /dev/null -m 10 -w '%{http_code}' "${1%/}/v2/" 2>/dev/null)"; [ "$code" = 200 ] || [ "$code" = 401 ]; }
MISSING=""
if has_tarball rke2-images-core.linux-amd64 rke2-images.linux-amd64; then pass 'rke2-images-core.linux-amd64 in'" $IMAGES_DIR"; else MISSING="$MISSING rke2-images-core.linux-amd64"; fi
if has_tarball rke2-images-multus.linux-amd64; then pass 'rke2-images-multus.linux-amd64 in'" $IMAGES_DIR"; else MISSING="$MISSING rke2-images-multus.linux-amd64"; fi
if has_tarball rke2-images-canal.linux-amd64 rke2-images.linux-amd64; then pass 'rke2-images-canal.linux-amd64 in'" $IMAGES_DIR"; else MISSING="$MISSING rke2-images-canal.linux-amd64"; fi
if [ -n "$MISSING" ]; then
  # No tarball: containerd pulls, through the first mirror endpoint in registries.yaml if there is one.
  REGISTRY_URL="${AIRGAP_REGISTRY_URL:-}"
  if [ -z "$REGISTRY_URL" ] && [ -f "$RKE2_CONF/registries.yaml" ]; then REGISTRY_URL="$(grep -Eo 'https?://[^"[:space:],]+' "$RKE2_CONF/registries.yaml" | head -n 1)"; fi
  [ -n "$REGISTRY_URL" ] || REGISTRY_URL=https://registry-1.docker.io
  if registry_answers "$REGISTRY_URL"; then
    pass "no tarball for:$MISSING; the registry $REGISTRY_URL answers (it must hold every image of airgap/images.txt)"
  else
    fail "missing in $IMAGES_DIR:$MISSING, and no registry answers at $REGISTRY_URL" 'download airgap/tarballs.txt to /var/lib/rancher/rke2/agent/images/, or push airgap/images.txt to a registry and write /etc/rancher/rke2/registries.yaml (airgap/registries.yaml)'
  fi
fi

# Probes of the other nodes (--peers, --servers). Before RKE2 runs nothing listens: a TCP reset still proves
# the path is open; silence means a firewall drops it. UDP needs "preflight.sh --listen" on the peer.
PROBE_TIMEOUT="${PROBE_TIMEOUT:-3}"
NODE_TCP='10250 9099'
NODE_UDP='51820 51821'
SERVER_TCP='6443 9345'
PING_SIZE4=8972
PING_SIZE6=8952
# shellcheck disable=SC2016 # $1 and $2 expand in the inner bash
tcp_probe() {
  local out rc
  out="$(timeout "$PROBE_TIMEOUT" bash -c 'exec 3<>"/dev/tcp/$1/$2"' probe "$1" "$2" 2>&1)"
  rc=$?
  if [ "$rc" -eq 0 ]; then echo open
  elif [ "$rc" -eq 124 ]; then echo silent
  else case "$out" in *[Rr]efused*) echo closed ;; *) echo unreachable ;; esac; fi
}
udp_probe() {
  local i reply rc
  for i in 1 2 3; do
    exec 3<>"/dev/udp/$1/$2" || { echo unreachable; return; }
    printf 'rke2-preflight-probe %s\n' "$i" >&3 2>/dev/null
    reply=""
    # bash reads a socket one byte at a time, and a datagram read in part is gone: one byte is the answer.
    IFS= read -r -N 1 -t "$PROBE_TIMEOUT" -u 3 reply 2>/dev/null
    rc=$?
    exec 3<&-
    if [ -n "$reply" ]; then echo answered; return; fi
    if [ "$rc" -le 128 ]; then echo closed; return; fi
  done
  echo silent
}
check_tcp() {
  case "$(tcp_probe "$1" "$2")" in
    open) pass "TCP $2 on $1 open" ;;
    closed) pass "TCP $2 on $1 reachable (nothing listens yet)" ;;
    silent) fail "TCP $2 on $1: no answer in ${PROBE_TIMEOUT}s (dropped)" "allow TCP $2 between the nodes (firewall/ in the bundle; cloud security groups too)" ;;
    *) fail "TCP $2 on $1 rejected or unreachable" "allow TCP $2 from this node on $1 (firewall/ in the bundle)" ;;
  esac
}
check_udp() {
  case "$(udp_probe "$1" "$2")" in
    answered) pass "UDP $2 on $1 answered" ;;
    closed) warn "UDP $2 on $1: port closed, nothing answered" "run \"preflight.sh --listen\" on $1 during the test" ;;
    silent)
      if [ "$PHASE" = join ]; then warn "UDP $2 on $1: no answer (a running CNI does not echo)" "on a running cluster, test UDP with --listen on a node without RKE2, or check the firewall by hand"
      else fail "UDP $2 on $1: no answer in 3 tries" "run \"preflight.sh --listen\" on $1 first; if it runs, a firewall or the hypervisor drops UDP $2 (VMware/NSX: https://github.com/flannel-io/flannel/issues/2388)"; fi ;;
    *) fail "UDP $2 on $1 unreachable" "check the route to $1" ;;
  esac
}
check_mtu() {
  local size=$PING_SIZE4 fam=-4
  case "$1" in *:*) size=$PING_SIZE6; fam=-6 ;; esac
  if ! command -v ping >/dev/null 2>&1; then warn "ping not installed: path MTU to $1 not tested" "install iputils (ping)"; return; fi
  if ! ping "$fam" -c 1 -W 2 "$1" >/dev/null 2>&1; then
    warn "no ICMP echo from $1: path MTU not tested" "allow ICMP echo between the nodes"; return
  fi
  if ping "$fam" -M 'do' -c 1 -W 2 -s "$size" "$1" >/dev/null 2>&1; then pass "path MTU to $1 carries $PLAN_MTU bytes unfragmented"; else fail "path MTU to $1 is below $PLAN_MTU (don't-fragment ping of $size bytes failed)" 'set the underlay MTU in the wizard to the path MTU (tracepath shows it) and regenerate (https://github.com/rancher/rke2-charts/issues/670)'; fi
}
for peer in $PEERS; do
  for port in $NODE_TCP; do check_tcp "$peer" "$port"; done
  for port in $NODE_UDP; do check_udp "$peer" "$port"; done
  check_mtu "$peer"
done
for server in $SERVERS; do
  for port in $SERVER_TCP; do check_tcp "$server" "$port"; done
done

if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed: fix them before starting RKE2."; exit 1; fi
echo "All checks passed."
