#!/usr/bin/env bash
# verify.sh: checks after install that canal is up and enforcing what was asked.
# Run on a server node (uses /etc/rancher/rke2/rke2.yaml), or anywhere with KUBECONFIG set.
set -u

export KUBECONFIG="${KUBECONFIG:-/etc/rancher/rke2/rke2.yaml}"
export PATH="$PATH:/var/lib/rancher/rke2/bin"
FAILS=0
pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; FAILS=$((FAILS + 1)); }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }

check 'HelmChart rke2-canal present' kubectl -n kube-system get helmchart rke2-canal
check 'helm-install-rke2-canal finished' kubectl -n kube-system wait --for=condition=complete job/helm-install-rke2-canal --timeout=300s
check 'daemonset kube-system/rke2-canal ready' kubectl -n kube-system rollout status daemonset/rke2-canal --timeout=300s
check 'all nodes Ready (the CNI is up on every node)' kubectl wait --for=condition=Ready nodes --all --timeout=300s

if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed."; exit 1; fi
echo "All checks passed."
