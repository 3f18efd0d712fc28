#!/usr/bin/env bash
# preflight.sh [server|agent]: read-only host checks for none on RKE2 v1.36.4+rke2r1.
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

if service_active firewalld; then warn "firewalld is running" "RKE2 recommends disabling it (systemctl disable --now firewalld), or apply firewall/firewalld.sh"; else pass "firewalld not running"; fi

if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed: fix them before starting RKE2."; exit 1; fi
echo "All checks passed."
