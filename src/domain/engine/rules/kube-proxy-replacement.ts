import { KERNEL_THRESHOLDS } from '../../facts/kernel-needs';
import { kernelMeets } from '../plan';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { ReasonOf, FindingOf } from '../types';

const FIELDS = ['performance.kubeProxyReplacement'];

const MESSAGES = {
  noKubeProxyReplacement: '{{cni}} has no eBPF dataplane and cannot replace kube-proxy.',
  ciliumKpr:
    'Cilium replaces kube-proxy with its eBPF service load balancing (kubeProxyReplacement: true with disable-kube-proxy: true).',
  ciliumKprOldKernel:
    "RKE2 does not recommend Cilium's kube-proxy replacement on kernels older than {{minKernel}}; your oldest node runs {{kernel}}.",
  ciliumKprDefaultEndpoint:
    'No API server host given: Cilium will use k8sServiceHost "localhost" and k8sServicePort {{port}}. That works on RKE2 servers, and on agents through their local API server load balancer; set a host (VIP or load balancer) if your nodes reach the API another way.',
};

/**
 * Replacing kube-proxy needs an eBPF dataplane: Cilium (kubeProxyReplacement: true) or Calico eBPF (gated, see
 * calico-ebpf). Canal and Flannel have none, so an explicit request rules them out.
 */
export const kubeProxyReplacement = defineRule({
  id: 'kube-proxy-replacement',
  description: 'Kube-proxy replacement: Cilium natively, Calico via eBPF; Canal and Flannel cannot.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check({ answers, derived }) {
    const p = answers.performance;
    if (!p.kubeProxyReplacement) return {};
    const reasons: ReasonOf<typeof MESSAGES>[] = [
      { cni: 'canal', messageId: 'noKubeProxyReplacement', effect: 'excludes', data: { cni: 'Canal' }, fields: FIELDS },
      {
        cni: 'flannel',
        messageId: 'noKubeProxyReplacement',
        effect: 'excludes',
        data: { cni: 'Flannel' },
        fields: FIELDS,
      },
      // Cilium's replacement is the long-standing one; Calico eBPF is supported by RKE2 only since January 2026.
      { cni: 'cilium', messageId: 'ciliumKpr', effect: 'favours', weight: 30, source: SOURCES.ciliumKubeProxyFree },
    ];
    const findings: FindingOf<typeof MESSAGES>[] = [];
    if (derived.kernel && !kernelMeets(derived.kernel, KERNEL_THRESHOLDS.ciliumKubeProxyReplacement)) {
      findings.push({
        messageId: 'ciliumKprOldKernel',
        severity: 'warning',
        data: { kernel: derived.kernel.text, minKernel: KERNEL_THRESHOLDS.ciliumKubeProxyReplacement.kernel },
        fields: ['nodes.kernel', ...FIELDS],
        when: ['cilium'],
      });
    }
    if (p.apiServerHost.trim() === '') {
      findings.push({
        messageId: 'ciliumKprDefaultEndpoint',
        severity: 'warning',
        data: { port: p.apiServerPort },
        fields: ['performance.apiServerHost'],
        source: SOURCES.clusterLoadBalancer,
        when: ['cilium'],
      });
    }
    return { reasons, findings };
  },
});
