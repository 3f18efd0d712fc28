#!/usr/bin/env bash
# verify.sh: checks after install that cilium is up and enforcing what was asked.
# Run on a server node (uses /etc/rancher/rke2/rke2.yaml), or anywhere with KUBECONFIG set.
set -u

export KUBECONFIG="${KUBECONFIG:-/etc/rancher/rke2/rke2.yaml}"
export PATH="$PATH:/var/lib/rancher/rke2/bin"
FAILS=0
pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; FAILS=$((FAILS + 1)); }
warn() { printf 'WARN  %s\n      fix: %s\n' "$1" "$2"; }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }

check 'HelmChart rke2-cilium present' kubectl -n kube-system get helmchart rke2-cilium
check 'helm-install-rke2-cilium finished' kubectl -n kube-system wait --for=condition=complete job/helm-install-rke2-cilium --timeout=300s
check 'daemonset kube-system/cilium ready' kubectl -n kube-system rollout status daemonset/cilium --timeout=300s
check 'deployment kube-system/cilium-operator ready' kubectl -n kube-system rollout status deployment/cilium-operator --timeout=300s
check 'all nodes Ready (the CNI is up on every node)' kubectl wait --for=condition=Ready nodes --all --timeout=300s

# The values this bundle emitted must be what the Helm release runs with (rancher/rke2#1734: values that
# never applied). helm is not part of RKE2: without helm and python3 only the HelmChartConfig is compared.
compare_values() {
  local release="$1" want="$2" diff
  if ! command -v helm >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    warn "values of $release not compared with the release (needs helm and python3)" "install helm, or compare by hand: helm get values $release -n kube-system"
    return
  fi
  local have
  if ! have="$(helm get values "$release" -n kube-system -a -o json 2>/dev/null)"; then fail "helm get values $release failed"; return; fi
  diff="$(printf '%s' "$have" | python3 -c "$SUBSET_PY" "$want" 2>&1)"
  if [ -n "$diff" ]; then fail "release $release does not run with the bundle values: $diff"
  else pass "release $release runs with the bundle values"; fi
}
SUBSET_PY="$(cat <<'RKE2_CNI_PY'
import json, sys
want = json.loads(sys.argv[1]); have = json.load(sys.stdin)
def walk(w, h, path):
    if isinstance(w, dict):
        for k, v in w.items():
            walk(v, h.get(k) if isinstance(h, dict) else None, path + [k])
    elif w != h:
        print("%s: bundle %s, release %s" % (".".join(path), json.dumps(w), json.dumps(h)))
walk(want, have, [])
RKE2_CNI_PY
)"
compare_values rke2-cilium '{"routingMode":"native","autoDirectNodeRoutes":true,"ipv6NativeRoutingCIDR":"2001:cafe:42::/56"}'
if kubectl -n kube-system get helmchartconfig rke2-cilium >/dev/null 2>&1; then pass 'HelmChartConfig rke2-cilium present'; else fail 'HelmChartConfig rke2-cilium missing: its values never applied (copy the bundle'\''s manifests to /var/lib/rancher/rke2/server/manifests/ on every server)'; fi

# NetworkPolicy probe: a client pod reaches a web pod, then must not once ingress to it is denied.
NS=rke2-cni-verify
kubectl apply -f - >/dev/null <<'RKE2_CNI_EOF'
---
apiVersion: v1
kind: Namespace
metadata:
  name: rke2-cni-verify
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: rke2-cni-verify
  labels:
    app: web
spec:
  nodeSelector:
    kubernetes.io/os: linux
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    runAsGroup: 65534
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: rancher/mirrored-library-busybox:1.36.1
      command:
        - httpd
        - -f
        - -p
        - "8080"
        - -h
        - /etc
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
  terminationGracePeriodSeconds: 1
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: rke2-cni-verify
  labels:
    app: client
spec:
  nodeSelector:
    kubernetes.io/os: linux
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    runAsGroup: 65534
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: client
      image: rancher/mirrored-library-busybox:1.36.1
      command:
        - sleep
        - "3600"
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
  terminationGracePeriodSeconds: 1
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: rke2-cni-verify
spec:
  selector:
    app: web
  ports:
    - port: 8080
      targetPort: 8080
RKE2_CNI_EOF
if kubectl -n "$NS" wait --for=condition=Ready pod/web pod/client --timeout=180s >/dev/null; then
  # Every address of the web pod: one per IP family on a dual-stack cluster, each probed on its own.
  WEB_IPS="$(kubectl -n "$NS" get pod web -o jsonpath='{.status.podIPs[*].ip}')"
  web_url() { case "$1" in *:*) printf 'http://[%s]:8080/hostname' "$1" ;; *) printf 'http://%s:8080/hostname' "$1" ;; esac; }
  probe() { kubectl -n "$NS" exec client -- wget -q -T 5 -O /dev/null "$(web_url "$1")" >/dev/null 2>&1; }
  # A Service by name from a pod: cluster DNS and ClusterIP routing (kube-proxy, or its replacement).
  SVC_IP="$(kubectl -n "$NS" get service web -o jsonpath='{.spec.clusterIP}')"
  if probe web; then pass "DNS and ClusterIP answer from a pod (service web)"
  elif [ -n "$SVC_IP" ] && probe "$SVC_IP"; then fail "ClusterIP $SVC_IP answers but the name web does not resolve: cluster DNS is broken"
  else fail "ClusterIP of service web (${SVC_IP:-none}) does not answer from a pod: service routing is broken"; fi
  FLOWS=""
  for ip in $WEB_IPS; do
    if probe "$ip"; then pass "pod-to-pod traffic flows to $ip"; FLOWS="$FLOWS $ip"; else fail "pod-to-pod traffic to $ip blocked before any policy"; fi
  done
  # Enforcement is judged only where traffic flowed first: a probe that never worked proves nothing.
  if [ -n "$FLOWS" ]; then
    kubectl apply -f - >/dev/null <<'RKE2_CNI_EOF'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-ingress
  namespace: rke2-cni-verify
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
    - Ingress
RKE2_CNI_EOF
    sleep 5
    for ip in $FLOWS; do
      if probe "$ip"; then fail "NetworkPolicy not enforced: traffic to $ip still flows"; else pass "NetworkPolicy enforced for $ip"; fi
    done
  else
    fail "NetworkPolicy not checked: no pod-to-pod traffic flowed (web pod IPs: ${WEB_IPS:-none})"
  fi
else
  fail "probe pods did not become Ready in $NS (kubectl -n $NS describe pods)"
fi
kubectl delete namespace "$NS" --wait=false >/dev/null 2>&1

if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed."; exit 1; fi
echo "All checks passed."
