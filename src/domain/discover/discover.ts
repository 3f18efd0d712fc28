/**
 * Node discovery: what scripts/discover.sh prints on a node, read back and merged across nodes.
 *
 * discover.sh prints one YAML document per node: an answers fragment (nodes.kernel, nodes.interface,
 * nodes.underlayMtu, addressing.ipFamily) plus a `discover:` mapping with the facts behind it (host name,
 * OS, hypervisor, interfaces, warnings). Several nodes' outputs concatenated are one multi-document text.
 * They merge into one fragment: the oldest kernel (the CNI's kernel floor must hold on every node), the
 * smallest underlay MTU (a pod MTU must fit the narrowest path), the IP families every node has, and the
 * interface name only when every node names it the same (flannel.iface is cluster-wide, rancher/rke2#1889).
 *
 * Plain data in, plain data out; never throws.
 */
import { compareKernel, parseKernel } from '../kernel';
import { loadAnswersDocuments, parseAnswersDocuments } from '../answers/answers-text';
import { parseAnswers } from '../answers/parse-answers';
import { defaultAnswers } from '../answers/defaults';
import { IP_FAMILIES, type Answers, type IpFamily, type ParseResult } from '../answers/types';
import { SOURCES } from '../sources';
import { applyDiscovery, discoveryNotes } from './apply';

export { applyDiscovery, describeDiscovery, discoveryNotes, DISCOVERED_FIELDS } from './apply';
import type { DiscoveredNode, DiscoverNote, Discovery } from './types';
export type { DiscoveredNode, DiscoverNote, Discovery } from './types';

/** The version of the discover.sh output format this reader understands. */
export const DISCOVER_FORMAT = '1';
/** A cluster has at most a few hundred nodes; a text with more documents is not discover output. */
export const MAX_DISCOVER_NODES = 500;

/** Control characters (C0 and DEL) become spaces: discover output is shown and echoed back. */
function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return out;
}

const text = (v: unknown, max = 256): string => (typeof v === 'string' ? printable(v.slice(0, max)) : '');

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a loaded YAML document is discover.sh output (it carries the `discover:` mapping). */
export function isDiscoverDocument(doc: unknown): boolean {
  return isMapping(doc) && isMapping(doc.discover);
}

/** One node's document: its answers fragment checked by parseAnswers, its facts read field by field. */
function readNode(
  doc: Record<string, unknown>,
  index: number,
): { ok: true; node: DiscoveredNode } | { ok: false; message: string } {
  const facts = doc.discover as Record<string, unknown>;
  const hostname = text(facts.hostname, 64) || `node ${index + 1}`;
  const format = text(facts.format, 8);
  if (format !== DISCOVER_FORMAT)
    return {
      ok: false,
      message: `${hostname}: discover output format ${format ? JSON.stringify(format) : '(none)'} is not ${DISCOVER_FORMAT}; run the discover.sh of a current bundle.`,
    };
  // The node facts are checked as answers; the IP family alone (its IPv6 ranges are the user's to type).
  const parsed = parseAnswers({ nodes: doc.nodes });
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    return { ok: false, message: `${hostname}: ${first.message}` };
  }
  const nodes = isMapping(doc.nodes) ? doc.nodes : {};
  const addressing = isMapping(doc.addressing) ? doc.addressing : {};
  const kernel = parseKernel(nodes.kernel);
  if (!kernel.ok) return { ok: false, message: `${hostname}: ${kernel.message}` };
  const family = IP_FAMILIES.find((f) => f === addressing.ipFamily);
  if (addressing.ipFamily !== undefined && !family)
    return { ok: false, message: `${hostname}: IP family must be one of ${IP_FAMILIES.join(', ')}.` };
  const warnings = Array.isArray(facts.warnings)
    ? facts.warnings
        .slice(0, 50)
        .map((w) => text(w, 500))
        .filter(Boolean)
    : [];
  return {
    ok: true,
    node: {
      hostname,
      kernel: parsed.answers.nodes.kernel,
      interface: parsed.answers.nodes.interface,
      underlayMtu: parsed.answers.nodes.underlayMtu,
      ipFamily: family ?? parsed.answers.addressing.ipFamily,
      os: text(facts.os, 128),
      hypervisor: text(facts.hypervisor, 64),
      warnings,
    },
  };
}

/** The IP family every node can use: dual only when all are dual, IPv6-only only when all are IPv6-only. */
function commonFamily(families: IpFamily[]): IpFamily {
  const v4 = families.every((f) => f !== 'ipv6');
  const v6 = families.every((f) => f !== 'ipv4');
  if (v4 && v6) return 'dual';
  if (v6) return 'ipv6';
  return 'ipv4';
}

/** Merges several nodes' discoveries: oldest kernel, smallest MTU, common families; a name mismatch is a note. */
export function mergeDiscovered(nodes: readonly DiscoveredNode[]): Discovery {
  const notes: DiscoverNote[] = [];
  let oldest = nodes[0]!;
  for (const n of nodes) {
    const a = parseKernel(n.kernel);
    const b = parseKernel(oldest.kernel);
    if (a.ok && b.ok && compareKernel(a.kernel, b.kernel) < 0) oldest = n;
  }
  const mtu = Math.min(...nodes.map((n) => n.underlayMtu));
  const names = [...new Set(nodes.map((n) => n.interface))];
  let iface = names.length === 1 ? names[0]! : '';
  if (names.length > 1) {
    const list = nodes.map((n) => `${n.hostname}: ${n.interface || '(none)'}`).join(', ');
    notes.push({
      message: `The default-route interface differs between nodes (${list}). The CNI's interface setting (flannel.iface, Calico's interface) is cluster-wide, so the interface is left empty for autodetection; rename the interfaces to one name (udev/netplan) or give a CNI setting that matches every node.`,
      source: SOURCES.flannelIfaceClusterWideIssue,
    });
    iface = '';
  }
  const mtus = [...new Set(nodes.map((n) => n.underlayMtu))];
  if (mtus.length > 1) {
    const small = nodes.filter((n) => n.underlayMtu === mtu).map((n) => n.hostname);
    notes.push({
      message: `Underlay MTUs differ (${mtus.join(', ')}); the smallest, ${mtu} on ${small.join(', ')}, is used so pod packets fit every path.`,
      source: SOURCES.mtuIssue,
    });
  }
  const family = commonFamily(nodes.map((n) => n.ipFamily));
  const families = [...new Set(nodes.map((n) => n.ipFamily))];
  if (families.length > 1)
    notes.push({
      message: `The nodes' IP families differ (${nodes.map((n) => `${n.hostname}: ${n.ipFamily}`).join(', ')}); ${family} is what every node can use.`,
      source: SOURCES.basicNetworkOptionsDualStack,
    });
  if (nodes.length > 1)
    notes.push({
      message: `Oldest kernel: ${oldest.kernel} on ${oldest.hostname}; the CNI's kernel floor is judged on it.`,
    });
  for (const n of nodes) for (const w of n.warnings) notes.push({ message: `${n.hostname}: ${w}` });
  return { nodes: [...nodes], kernel: oldest.kernel, interface: iface, underlayMtu: mtu, ipFamily: family, notes };
}

export type DiscoveryResult = { ok: true; discovery: Discovery } | { ok: false; message: string };

/** Reads the loaded documents of discover output (each must be one); never throws. */
export function readDiscoverDocuments(documents: readonly unknown[]): DiscoveryResult {
  const docs = documents.filter((d) => d !== null && d !== undefined);
  if (docs.length === 0) return { ok: false, message: 'The discover output holds no node.' };
  if (docs.length > MAX_DISCOVER_NODES)
    return {
      ok: false,
      message: `The discover output holds ${docs.length} nodes; at most ${MAX_DISCOVER_NODES} merge.`,
    };
  const nodes: DiscoveredNode[] = [];
  for (const [i, doc] of docs.entries()) {
    if (!isDiscoverDocument(doc))
      return {
        ok: false,
        message: `Document ${i + 1} is not discover.sh output; concatenate only discover.sh outputs (or import one answers.yaml).`,
      };
    const read = readNode(doc as Record<string, unknown>, i);
    if (!read.ok) return read;
    nodes.push(read.node);
  }
  return { ok: true, discovery: mergeDiscovered(nodes) };
}

export type AnswersOrDiscovery = ParseResult & { discovery?: Discovery };

/**
 * Answers text or discover output: discover output (one or more `discover:` documents) becomes the merged
 * fragment over `base` (RKE2's defaults when not given); anything else is parseAnswersText. Never throws.
 */
export function readAnswersOrDiscovery(input: string, base?: Answers): AnswersOrDiscovery {
  const loaded = loadAnswersDocuments(input);
  if (!loaded.ok) return loaded.result;
  const docs = loaded.documents;
  if (!docs.some(isDiscoverDocument)) return parseAnswersDocuments(docs);
  const read = readDiscoverDocuments(docs);
  if (!read.ok) return rootFail('discoverInvalid', read.message);
  const start = base ?? defaultAnswers();
  const parsed = parseAnswers(applyDiscovery(start, read.discovery));
  return { ...parsed, discovery: { ...read.discovery, notes: discoveryNotes(start, read.discovery) } };
}

function rootFail(messageId: string, message: string): AnswersOrDiscovery {
  return { ok: false, errors: [{ field: '', messageId, message }], partial: defaultAnswers(), dropped: [] };
}
