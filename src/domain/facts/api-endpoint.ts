import { SOURCES, type Source } from '../sources';

/**
 * When `localhost` is the right API server address for kube-proxy replacement, said once for the field help,
 * the chart-value notes and the bundle README.
 * - Cilium: k8sServiceHost "localhost" (the RKE2 docs' own example) works on every RKE2 node: a server reaches its
 *   own kube-apiserver, an agent the API server client load balancer the RKE2 agent runs on the port one below
 *   lb-server-port (default 6444, so 6443) (rke2-facts.md §3.3; rke2-docs reference/linux_agent_config).
 * - Calico eBPF: kubernetesServiceEndpoint.host must be an address every node can reach; with localhost
 *   calico-kube-controllers cannot reach the API (rke2-docs#567; rke2-facts.md §3.2).
 */
export interface ApiEndpointFact {
  localhostWorks: boolean;
  /** One clause, no trailing full stop. */
  why: string;
  source: Source;
}

export const API_ENDPOINT: Readonly<Record<'cilium' | 'calicoEbpf', ApiEndpointFact>> = {
  cilium: {
    localhostWorks: true,
    why: 'Cilium can use localhost (the default when left empty): a server reaches its own API server, an agent the API server load balancer the RKE2 agent runs on port 6443; it only works on nodes that run RKE2',
    source: SOURCES.agentApiLoadBalancer,
  },
  calicoEbpf: {
    localhostWorks: false,
    why: 'Calico eBPF needs a server IP, VIP or load balancer every node can reach, never localhost: calico-kube-controllers cannot reach the API through it',
    source: SOURCES.calicoEbpfEndpointIssue,
  },
};

/** The field's help text: both cases in one sentence each. */
export const API_ENDPOINT_HELP = `${API_ENDPOINT.cilium.why}. ${API_ENDPOINT.calicoEbpf.why}.`;
