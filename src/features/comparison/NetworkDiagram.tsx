import { useId } from 'react';
import { Box } from '@mui/material';
import type { NetworkModel } from '../../domain/cni/profiles';

interface DiagramText {
  title: string;
  /** The text alternative: what the picture shows, in words. */
  description: string;
}

export function diagramText(model: NetworkModel, port: string): DiagramText {
  switch (model) {
    case 'vxlan-overlay':
      return {
        title: 'VXLAN overlay',
        description: `Two nodes, each with pods on its own pod subnet. Pod traffic between nodes is wrapped in VXLAN packets and sent over the node network on ${port}; the node network never sees pod addresses.`,
      };
    case 'routed-bgp':
      return {
        title: 'Routed, with BGP',
        description: `Two nodes announce their pod subnets over BGP (TCP 179) to each other or to a router, so pod packets are routed unencapsulated. In RKE2’s default Calico setup BGP is off and pod traffic uses a VXLAN tunnel on ${port} instead.`,
      };
    case 'ebpf':
      return {
        title: 'eBPF dataplane',
        description: `Two nodes; on each, eBPF programs in the kernel route, filter and load-balance pod traffic in place of iptables and kube-proxy. Traffic between nodes goes through a VXLAN tunnel on ${port} by default, or is routed natively.`,
      };
    case 'meta':
      return {
        title: 'Meta plugin: several interfaces per pod',
        description:
          'A pod gets eth0 from the primary CNI (the cluster network) and extra interfaces, net1 and more, from the plugins named in NetworkAttachmentDefinitions, attached straight to a host network.',
      };
    case 'sriov-vf':
      return {
        title: 'SR-IOV virtual functions',
        description:
          'An SR-IOV network card splits into virtual functions. Each pod that requests one gets a virtual function as a secondary interface (through Multus), bypassing the host network stack; eth0 still comes from the primary CNI.',
      };
    case 'bring-your-own':
      return {
        title: 'Bring your own CNI',
        description:
          'RKE2 installs no CNI. The CNI you deploy decides how pod traffic crosses nodes; nodes stay NotReady until it runs.',
      };
  }
}

/** Two short lines fit the 140 px gap between the nodes. */
function linkLines(model: NetworkModel, port: string): string[] {
  switch (model) {
    case 'vxlan-overlay':
    case 'ebpf':
      return ['VXLAN tunnel', port];
    case 'routed-bgp':
      return ['BGP routes', `or VXLAN ${port}`];
    case 'meta':
    case 'sriov-vf':
      return ['cluster', 'network'];
    case 'bring-your-own':
      return ['your CNI'];
  }
}

/** How a CNI moves packets: an inline SVG with a title and description, plus the same words as text. */
export function NetworkDiagram({ model, port }: { model: NetworkModel; port: string }) {
  const id = useId();
  const t = diagramText(model, port);
  const kernelLabel =
    model === 'ebpf'
      ? 'eBPF in kernel'
      : model === 'routed-bgp'
        ? 'routing table'
        : model === 'meta' || model === 'sriov-vf'
          ? 'primary CNI'
          : 'VXLAN device';
  const secondary = model === 'meta' || model === 'sriov-vf';
  return (
    <Box component="figure" sx={{ m: 0, my: 2, color: 'text.primary' }}>
      <Box
        component="svg"
        viewBox="0 0 600 220"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        sx={{ width: '100%', maxWidth: 600, height: 'auto', display: 'block' }}
      >
        <title id={`${id}-title`}>{t.title}</title>
        <desc id={`${id}-desc`}>{t.description}</desc>
        <g fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="10" y="20" width="220" height="170" rx="8" />
          <rect x="370" y="20" width="220" height="170" rx="8" />
          <rect x="30" y="50" width="80" height="40" rx="4" />
          <rect x="130" y="50" width="80" height="40" rx="4" />
          <rect x="390" y="50" width="80" height="40" rx="4" />
          <rect x="490" y="50" width="80" height="40" rx="4" />
          <rect x="30" y="120" width="180" height="40" rx="4" strokeDasharray={model === 'ebpf' ? '0' : '6 4'} />
          <rect x="390" y="120" width="180" height="40" rx="4" strokeDasharray={model === 'ebpf' ? '0' : '6 4'} />
          <path d="M210 140 L390 140" strokeWidth="4" strokeDasharray={model === 'routed-bgp' ? '10 6' : '0'} />
          {model === 'routed-bgp' && <path d="M120 190 L300 210 L480 190" strokeDasharray="4 4" />}
          {secondary && <path d="M70 90 L70 205 M530 90 L530 205" strokeDasharray="3 3" />}
        </g>
        <g fill="currentColor" fontSize="14" fontFamily="system-ui, sans-serif" textAnchor="middle">
          <text x="120" y="40">
            Node A
          </text>
          <text x="480" y="40">
            Node B
          </text>
          <text x="70" y="75">
            pod
          </text>
          <text x="170" y="75">
            pod
          </text>
          <text x="430" y="75">
            pod
          </text>
          <text x="530" y="75">
            pod
          </text>
          <text x="120" y="145">
            {kernelLabel}
          </text>
          <text x="480" y="145">
            {kernelLabel}
          </text>
          {linkLines(model, port).map((line, i) => (
            <text key={line} x="300" y={112 + i * 14} fontSize="12">
              {line}
            </text>
          ))}
          {model === 'routed-bgp' && (
            <text x="300" y="205" fontSize="12">
              BGP
            </text>
          )}
          {secondary && (
            <text x="300" y="205" fontSize="12">
              net1 straight to the host network
            </text>
          )}
        </g>
      </Box>
      <Box component="figcaption" sx={{ mt: 1 }}>
        {t.title}: {t.description}
      </Box>
    </Box>
  );
}
