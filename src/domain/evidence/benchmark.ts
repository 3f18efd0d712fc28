import { SOURCES, type Source } from '../sources';

/**
 * Ducastel 2024 CNI benchmark, run on RKE2 (medians of 3 runs computed from the raw results in
 * ../shared/research/peers.md §1.8). Hardware-specific: never the only reason for a choice.
 */
export interface BenchmarkRow {
  variant: string;
  /** Which RKE2 CNI the variant is; null for the bare-metal baseline. */
  cni: 'canal' | 'calico' | 'cilium' | 'flannel' | null;
  label: string;
  /** Pod-to-pod TCP, single stream, Gb/s. */
  tcpSingle: number;
  /** Pod-to-pod TCP, multi-stream, Gb/s. */
  tcpMulti: number;
}

export const BENCHMARK = {
  title: 'Ducastel 2024 CNI benchmark (run on RKE2)',
  context: '40 GbE, MTU 9000, RKE2; pod-to-pod TCP, median of 3 runs',
  caveat:
    'Measured on one specific 40 GbE setup at MTU 9000. Your hardware will differ: use these figures as context, never as the only reason to choose a CNI.',
  source: SOURCES.ducastelBenchmark as Source,
  rows: [
    { variant: 'baremetal', cni: null, label: 'Bare metal (no CNI)', tcpSingle: 31.9, tcpMulti: 39.6 },
    { variant: 'flannel', cni: 'flannel', label: 'Flannel', tcpSingle: 19.8, tcpMulti: 38.9 },
    { variant: 'canal', cni: 'canal', label: 'Canal', tcpSingle: 16.2, tcpMulti: 38.9 },
    { variant: 'calico', cni: 'calico', label: 'Calico', tcpSingle: 19.6, tcpMulti: 39.0 },
    { variant: 'calico-ebpf', cni: 'calico', label: 'Calico eBPF', tcpSingle: 25.4, tcpMulti: 39.5 },
    { variant: 'calico-wg', cni: 'calico', label: 'Calico WireGuard', tcpSingle: 7.9, tcpMulti: 8.1 },
    { variant: 'cilium', cni: 'cilium', label: 'Cilium', tcpSingle: 22.3, tcpMulti: 39.3 },
    {
      variant: 'cilium-nokproxy',
      cni: 'cilium',
      label: 'Cilium, kube-proxy replacement',
      tcpSingle: 22.6,
      tcpMulti: 39.2,
    },
    { variant: 'cilium-wg', cni: 'cilium', label: 'Cilium WireGuard', tcpSingle: 9.1, tcpMulti: 8.5 },
    { variant: 'cilium-ipsec', cni: 'cilium', label: 'Cilium IPsec', tcpSingle: 4.6, tcpMulti: 5.3 },
  ] satisfies BenchmarkRow[] as readonly BenchmarkRow[],
} as const;

export function benchmarkFor(cni: BenchmarkRow['cni']): readonly BenchmarkRow[] {
  return BENCHMARK.rows.filter((r) => r.cni === cni || r.cni === null);
}
