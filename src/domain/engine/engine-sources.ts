import type { Source } from '../sources';

/**
 * Sources only the engine cites. Kept here rather than in ../sources.ts while that shared file is
 * being extended by others; same shape, so moving an entry is a one-line change.
 */
export const ENGINE_SOURCES = {
  calicoEnterpriseDnsPolicy: { title: 'Calico Enterprise docs: DNS policy (domain names in policy is an Enterprise feature)', url: 'https://docs.tigera.io/calico-enterprise/latest/network-policy/domain-based-policy' },
  ciliumBgpControlPlane: { title: 'Cilium docs: BGP Control Plane', url: 'https://docs.cilium.io/en/stable/network/bgp-control-plane/bgp-control-plane/' },
  ciliumKernel54: { title: 'cilium/cilium#36386: minimum kernel 5.4 since Cilium 1.16 (4.18 on RHEL 8.6)', url: 'https://github.com/cilium/cilium/pull/36386' },
  ciliumKernel510: { title: 'cilium/cilium#42081: minimum kernel 5.10 since Cilium 1.18 (4.18 on RHEL 8.10)', url: 'https://github.com/cilium/cilium/pull/42081' },
  ciliumKernel419: { title: 'cilium/cilium#23124: minimum kernel 4.19.57 since Cilium 1.13 (4.18 on RHEL 8)', url: 'https://github.com/cilium/cilium/pull/23124' },
  wireguardInstall: { title: 'WireGuard: installation (kernels before 5.6 need the module)', url: 'https://www.wireguard.com/install/' },
  bandwidthPlugin: { title: 'CNI plugins: bandwidth (tc token bucket, the plugin rke2 charts chain)', url: 'https://www.cni.dev/plugins/current/meta/bandwidth/' },
} as const satisfies Record<string, Source>;

/** Cilium's versioned system requirements page, e.g. https://docs.cilium.io/en/v1.13/operations/system_requirements/ */
export function ciliumRequirementsSource(minor: number): Source {
  return {
    title: `Cilium 1.${minor} docs: System requirements`,
    url: `https://docs.cilium.io/en/v1.${minor}/operations/system_requirements/`,
  };
}
