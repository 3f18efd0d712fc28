import { GATES, hasGate } from '../../facts/gates';
import { describeGate, gateMinimumFor } from '../../rke2/version';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { FindingOf } from '../types';

const LOOPBACK = new Set(['', 'localhost', '127.0.0.1', '::1', '[::1]']);

const MESSAGES = {
  calicoEbpfBeforeGate:
    "Calico's eBPF dataplane (needed to replace kube-proxy) is supported from {{gates}}; {{release}} needs at least {{minimum}}.",
  calicoEbpf: 'Calico can replace kube-proxy with its eBPF dataplane (linuxDataplane: BPF) on {{release}}.',
  calicoEbpfEndpoint:
    'Calico eBPF needs an API server endpoint every node can reach (a server IP, VIP or load balancer), not "{{host}}": with localhost calico-kube-controllers cannot reach the API.',
};

/** Calico replaces kube-proxy only with its eBPF dataplane, from its release gate, and needs a reachable API endpoint. */
export const calicoEbpf = defineRule({
  id: 'calico-ebpf',
  description: 'Calico eBPF dataplane: only from its RKE2 version gate, and only with a reachable API server endpoint.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check({ answers, release }) {
    const p = answers.performance;
    if (!p.kubeProxyReplacement) return {};
    const rel = release.requested.text;
    if (!hasGate(release, 'calicoEbpf')) {
      return {
        reasons: [
          {
            cni: 'calico',
            messageId: 'calicoEbpfBeforeGate',
            effect: 'excludes',
            source: GATES.calicoEbpf.source,
            data: {
              release: rel,
              gates: describeGate(GATES.calicoEbpf),
              minimum: gateMinimumFor(release.requested, GATES.calicoEbpf),
            },
            fields: ['performance.kubeProxyReplacement', 'cluster.release'],
          },
        ],
      };
    }
    const findings: FindingOf<typeof MESSAGES>[] = [];
    const host = p.apiServerHost.trim();
    if (LOOPBACK.has(host.toLowerCase())) {
      findings.push({
        messageId: 'calicoEbpfEndpoint',
        severity: 'blocking',
        data: { host: host === '' ? 'localhost (the default)' : host },
        fields: ['performance.apiServerHost'],
        source: SOURCES.calicoEbpfEndpointIssue,
        when: ['calico'],
      });
    }
    return {
      reasons: [
        {
          cni: 'calico',
          messageId: 'calicoEbpf',
          effect: 'favours',
          weight: 15,
          data: { release: rel },
          source: SOURCES.calicoEbpf,
        },
      ],
      findings,
    };
  },
});
