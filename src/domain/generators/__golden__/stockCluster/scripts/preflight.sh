#!/usr/bin/env bash
# preflight.sh [server|agent]: read-only host checks for canal on RKE2 v1.36.4+rke2r1.
# Run on every node before the first start of RKE2. It changes nothing; each FAIL line says how to fix it.
set -u

ROLE="${1:-server}"
case "$ROLE" in server|agent) ;; *) echo "usage: $0 [server|agent]" >&2; exit 2 ;; esac
FAILS=0
pass() { printf 'PASS  %s\n' "$1"; }
warn() { printf 'WARN  %s\n      fix: %s\n' "$1" "$2"; }
fail() { printf 'FAIL  %s\n      fix: %s\n' "$1" "$2"; FAILS=$((FAILS + 1)); }
# version_ge A B: true when version A >= B
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }
has_module() { [ -d "/sys/module/$1" ] || modinfo "$1" >/dev/null 2>&1; }
service_active() { command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$1"; }
service_enabled() { command -v systemctl >/dev/null 2>&1 && systemctl is-enabled --quiet "$1" 2>/dev/null; }

# The CNIs program iptables (Cilium too, unless all of it runs in eBPF): without it hostPort pods leak IPs
# (RKE2 known issues: Canal and IP exhaustion) and Cilium loses connectivity (rancher/rke2#2389).
if command -v iptables >/dev/null 2>&1 || command -v xtables-nft-multi >/dev/null 2>&1; then pass "iptables/xtables-nft present"; else fail "iptables not installed" "install the iptables (or xtables-nft) package"; fi

# Kernel modules the datapath needs (checked, not loaded).
check_module() { if has_module "$1"; then pass "kernel module $1 available"; else fail "kernel module $1 not available" "install the kernel modules package (RHEL 10: kernel-modules-extra), then modprobe $1"; fi; }
check_module vxlan
check_module ip_tables

# NetworkManager must not manage the CNI interfaces (RKE2 known issues: NetworkManager).
if service_active NetworkManager; then
  if grep -rqsF 'interface-name:flannel*' /etc/NetworkManager/conf.d/; then pass "NetworkManager ignores the canal interfaces"; else
    fail "NetworkManager may manage the canal interfaces" 'write /etc/NetworkManager/conf.d/rke2-canal.conf with "[keyfile]" and "unmanaged-devices=interface-name:flannel*;interface-name:cali*;interface-name:tunl*;interface-name:vxlan.calico;interface-name:vxlan-v6.calico;interface-name:wireguard.cali;interface-name:wg-v6.cali", then systemctl reload NetworkManager'
  fi
fi
if service_enabled nm-cloud-setup.service; then fail "nm-cloud-setup is enabled (it rewrites routing rules)" "systemctl disable nm-cloud-setup.service nm-cloud-setup.timer, then reboot"; else pass "nm-cloud-setup not enabled"; fi

if service_active firewalld; then warn "firewalld is running" "RKE2 recommends disabling it (systemctl disable --now firewalld), or apply firewall/firewalld.sh"; else pass "firewalld not running"; fi

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

if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed: fix them before starting RKE2."; exit 1; fi
echo "All checks passed."
