#!/usr/bin/env bash
# discover.sh: read-only facts about this node for the wizard (kernel, OS, interfaces, MTU, hypervisor).
# Run on every node: bash discover.sh > $(hostname).yaml; then import one file, or all concatenated.
# It changes nothing. Warnings also go to stderr.
set -u

export LC_ALL=C
WARNINGS=()
note() { WARNINGS+=("$1"); }
# yq TEXT: a double-quoted YAML scalar; control characters dropped, backslash and quote escaped.
yq() { local s; s="$(printf '%s' "$1" | tr -d '\000-\037\177')"; s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; printf '"%s"' "$s"; }
route_dev() { ip "$1" route show default 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }'; }
link_mtu() { ip -o link show dev "$1" 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "mtu") { print $(i + 1); exit } }'; }
global_addrs() { ip -o "$1" addr show dev "$2" scope global 2>/dev/null | awk '{ print $4 }'; }

KERNEL="$(uname -r)"
ARCH="$(uname -m)"
HOST="$(uname -n)"
OS=""
if [ -r /etc/os-release ]; then OS="$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | head -n 1 | tr -d '"')"; fi

# Hypervisor: systemd-detect-virt where present (it prints "none" on bare metal), else the DMI vendor.
VIRT=""
if command -v systemd-detect-virt >/dev/null 2>&1; then VIRT="$(systemd-detect-virt 2>/dev/null)"; fi
if [ -z "$VIRT" ]; then
  DMI="$(cat /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/product_name 2>/dev/null | tr '\n' ' ')"
  case "$DMI" in
    *VMware*) VIRT=vmware ;;
    *QEMU* | *KVM*) VIRT=kvm ;;
    *Microsoft*) VIRT=microsoft ;;
    *Xen*) VIRT=xen ;;
    *Amazon*) VIRT=amazon ;;
    *Google*) VIRT=google ;;
    *) VIRT=unknown ;;
  esac
fi

# The interface of the default route (IPv4 first) carries pod traffic between nodes unless told otherwise.
DEV4="$(route_dev -4)"
DEV6="$(route_dev -6)"
IFACE="${DEV4:-$DEV6}"
MTU=""
if [ -n "$IFACE" ]; then MTU="$(link_mtu "$IFACE")"; fi
if [ -z "$IFACE" ]; then note "no default route: give the interface that carries node-to-node traffic in the wizard"; fi
case "$MTU" in
  '' | *[!0-9]*) MTU=1500; note "could not read the MTU of ${IFACE:-the node interface}; 1500 assumed" ;;
esac
HAS4=no
HAS6=no
if [ -n "$DEV4" ] && [ -n "$(global_addrs -4 "$DEV4")" ]; then HAS4=yes; fi
if [ -n "$DEV6" ] && [ -n "$(global_addrs -6 "$DEV6")" ]; then HAS6=yes; fi
if [ "$HAS4" = yes ] && [ "$HAS6" = yes ]; then FAMILY=dual; elif [ "$HAS6" = yes ]; then FAMILY=ipv6; else FAMILY=ipv4; fi

DRIVER=""
if [ -n "$IFACE" ] && [ -e "/sys/class/net/$IFACE/device/driver" ]; then DRIVER="$(basename "$(readlink "/sys/class/net/$IFACE/device/driver")")"; fi
if [ "$VIRT" = vmware ]; then
  note 'VMware: NSX/ESXi have dropped VXLAN on UDP 8472; preflight.sh --peers tests it (mitigation: the other VXLAN port 4789; https://github.com/flannel-io/flannel/issues/2388)'
fi
if [ "$DRIVER" = vmxnet3 ] && command -v ethtool >/dev/null 2>&1 && ethtool -k "$IFACE" 2>/dev/null | grep -q '^tx-checksumming: on'; then
  note 'vmxnet3 with TX checksum offload on: VXLAN may break; ethtool -K <nic> tx off (https://github.com/projectcalico/calico/issues/9433)'
fi

# An existing RKE2 install: its config and manifests (read, never changed).
RKE2_CONFIG=""
if [ -r /etc/rancher/rke2/config.yaml ]; then
  RKE2_CONFIG=/etc/rancher/rke2/config.yaml
  EXISTING_CNI="$(sed -n 's/^cni:[[:space:]]*//p' "$RKE2_CONFIG" | head -n 1)"
  note "RKE2 is already configured on this node (cni: ${EXISTING_CNI:-default}); changing the CNI of a running cluster is not supported"
fi
MANIFESTS=()
for f in /var/lib/rancher/rke2/server/manifests/*.yaml /var/lib/rancher/rke2/server/manifests/*.yml; do
  [ -e "$f" ] && MANIFESTS+=("$(basename "$f")")
done

printf '# rke2-cni-wizard node discovery of %s (discover.sh: read-only).\n' "$HOST"
echo '# Import it with "Import answers" in the wizard, or: npm run cli -- recommend --answers FILE.'
echo '# For several nodes, concatenate their outputs into one file: they merge (oldest kernel, smallest MTU).'
echo '---'
echo 'discover:'
echo '  format: "1"'
echo "  hostname: $(yq "$HOST")"
echo "  os: $(yq "$OS")"
echo "  kernel: $(yq "$KERNEL")"
echo "  arch: $(yq "$ARCH")"
echo "  hypervisor: $(yq "$VIRT")"
echo "  defaultInterface: $(yq "$IFACE")"
echo '  interfaces:'
for dir in /sys/class/net/*; do
  name="$(basename "$dir")"
  case "$name" in
    lo | cali* | tunl* | vxlan* | wireguard.cali | wg-v6.cali | flannel* | cni* | cilium_* | lxc* | veth* | kube-ipvs0 | nodelocaldns | docker*) continue ;;
  esac
  drv=""
  if [ -e "$dir/device/driver" ]; then drv="$(basename "$(readlink "$dir/device/driver")")"; fi
  echo "    - name: $(yq "$name")"
  echo "      mtu: $(yq "$(link_mtu "$name")")"
  echo "      driver: $(yq "$drv")"
  addrs="$(global_addrs -4 "$name"; global_addrs -6 "$name")"
  if [ -z "$addrs" ]; then echo '      addresses: []'; else
    echo '      addresses:'
    for a in $addrs; do echo "        - $(yq "$a")"; done
  fi
done
echo "  rke2Config: $(yq "$RKE2_CONFIG")"
if [ "${#MANIFESTS[@]}" -eq 0 ]; then echo '  manifests: []'; else
  echo '  manifests:'
  for m in "${MANIFESTS[@]}"; do echo "    - $(yq "$m")"; done
fi
if [ "${#WARNINGS[@]}" -eq 0 ]; then echo '  warnings: []'; else
  echo '  warnings:'
  for w in "${WARNINGS[@]}"; do echo "    - $(yq "$w")"; done
fi
echo 'nodes:'
echo '  osPreset: custom'
echo "  kernel: $(yq "$KERNEL")"
echo "  interface: $(yq "$IFACE")"
echo "  underlayMtu: $MTU"
echo 'addressing:'
echo "  ipFamily: $FAMILY"
for w in "${WARNINGS[@]}"; do printf 'WARN  %s\n' "$w" >&2; done
