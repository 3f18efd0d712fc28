import type { IpFamily } from '../answers/types';
import type { Source } from '../sources';

export interface DiscoveredNode {
  hostname: string;
  kernel: string;
  interface: string;
  underlayMtu: number;
  ipFamily: IpFamily;
  os: string;
  hypervisor: string;
  /** What discover.sh warned about on this node. */
  warnings: string[];
}

export interface DiscoverNote {
  message: string;
  source?: Source;
}

/** The merged facts of every node, and the answers they set. */
export interface Discovery {
  nodes: DiscoveredNode[];
  kernel: string;
  interface: string;
  underlayMtu: number;
  ipFamily: IpFamily;
  notes: DiscoverNote[];
}
