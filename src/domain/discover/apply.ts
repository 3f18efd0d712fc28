import type { Answers, IpFamily } from '../answers/types';
import { ANSWER_FIELDS } from '../answers/answers-schema';
import type { DiscoverNote, Discovery } from './types';

// Applying a discovery to answers, apart from reading it: the wizard's first load needs this, not js-yaml.
/** IPv6 needs pod and service ranges no node can tell: without them the answers keep their IP family. */
function familyFor(base: Answers, d: Discovery): IpFamily {
  const { clusterCidrV6, serviceCidrV6 } = base.addressing;
  const v6Ranges = clusterCidrV6.trim() !== '' && serviceCidrV6.trim() !== '';
  return d.ipFamily !== 'ipv4' && !v6Ranges ? base.addressing.ipFamily : d.ipFamily;
}

/** The discovery's notes over these answers (says when the IP family found could not be taken). */
export function discoveryNotes(base: Answers, d: Discovery): DiscoverNote[] {
  if (familyFor(base, d) === d.ipFamily) return d.notes;
  const found = d.ipFamily === 'dual' ? 'IPv4 and IPv6' : 'IPv6 only';
  return [
    ...d.notes,
    {
      message: `The nodes have ${found} addresses, but the IP family stays ${base.addressing.ipFamily}: type the IPv6 pod and service ranges, then choose the family.`,
    },
  ];
}

/** The answers the discovery sets, over `base` (the user's other answers stay as they are). */
export function applyDiscovery(base: Answers, d: Discovery): Answers {
  return {
    ...base,
    nodes: {
      ...base.nodes,
      // The kernel typed wins over a preset; "custom" says so.
      osPreset: 'custom',
      kernel: d.kernel,
      interface: d.interface,
      underlayMtu: d.underlayMtu,
    },
    addressing: { ...base.addressing, ipFamily: familyFor(base, d) },
  };
}

/** The answer paths a discovery sets (for messages and the UI). */
export const DISCOVERED_FIELDS = [
  'nodes.kernel',
  'nodes.interface',
  'nodes.underlayMtu',
  'addressing.ipFamily',
] as const;

/** One line saying what the discovery found, e.g. "3 nodes: kernel 5.14.0-427.el9, interface eth0, MTU 1450, dual". */
export function describeDiscovery(d: Discovery): string {
  const label = (path: (typeof DISCOVERED_FIELDS)[number]) => ANSWER_FIELDS[path].label;
  const count = d.nodes.length === 1 ? `node ${d.nodes[0]!.hostname}` : `${d.nodes.length} nodes`;
  return `From ${count}: ${label('nodes.kernel')} ${d.kernel}; ${label('nodes.interface')} ${d.interface || '(autodetect)'}; ${label('nodes.underlayMtu')} ${d.underlayMtu}; ${label('addressing.ipFamily')} ${d.ipFamily}.`;
}
