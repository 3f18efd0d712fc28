/**
 * parseAnswers(unknown): the only way answers enter the domain (URL state, localStorage, imported
 * files, CLI). It walks the field table in answers-schema.ts and never throws.
 *
 * Policy, in order:
 * 1. Missing fields (or null) take RKE2's default, so a partial file works.
 * 2. Numbers and booleans written as text ("1500", "true") are accepted; text written as a number is
 *    not (YAML turns an unquoted 5.10 into 5.1, so a kernel must be quoted).
 * 3. Each field is checked on its own (type, range, syntax). Values are stored canonical
 *    (e.g. "2001:CAFE:42:0::/56" becomes "2001:cafe:42::/56", "1.33.6" becomes "v1.33.6+rke2r1").
 * 4. A field the answers do not use (e.g. IPv6 CIDRs in an IPv4 cluster) is not an error: an invalid
 *    value there is replaced by its default and listed in `dropped`, so ok answers are valid everywhere.
 * 5. Cross-field checks (overlaps, node subnets, addresses inside the subnet) run on used fields.
 * 6. Unknown keys are listed in `dropped` (ok or not) and otherwise ignored; nothing outside the known
 *    shape is ever walked, so deep or hostile objects cost nothing.
 * Kernel: what the user typed wins; an empty kernel takes the OS preset's kernel, and is an error
 * only with the "custom" preset.
 * Secondary network IPAM: host-local and whereabouts need a subnet (range and gateway optional, inside
 * it); dhcp and static need none (static addresses come per pod, in the network annotation).
 * Node subnets: kube-controller-manager gives each node a /24 (IPv4) and a /64 (IPv6), as RKE2 leaves
 * its defaults; a cluster CIDR must hold two of them (one for a single-node cluster), and be at most
 * 16 bits larger. Service CIDRs hold at most 2^20 addresses (/12, /108) and at least 16 (cluster DNS is
 * the 10th).
 */
import { parseReleaseInput } from '../rke2/releases';
import { OS_PRESET_INFO, parseKernel } from '../kernel';
import {
  addressBits,
  cidrContainsIp,
  cidrsOverlap,
  firstAddress,
  lastAddress,
  parseCidr,
  parseIp,
  type Cidr,
  type IpVersion,
} from '../net/cidr';
import { defaultAnswers, EXAMPLE_VALUES } from './defaults';
import type { Answers, FieldError, FieldPath, ParseResult } from './types';
import {
  ANSWER_FIELDS,
  ANSWER_PATHS,
  ANSWER_SECTIONS,
  RELEVANCE_WORDS,
  readPath,
  writePath,
  type AnswerPath,
  type FieldSpec,
  type Relevance,
  type TextSpec,
} from './answers-schema';

/** Every message id parseAnswers and parseAnswersText can return. */
export const ANSWER_MESSAGE_IDS = [
  'notAMapping',
  'internalError',
  'expectedText',
  'expectedInteger',
  'expectedBoolean',
  'notInList',
  'outOfRange',
  'tooLong',
  'required',
  'releaseInvalid',
  'kernelInvalid',
  'kernelRequired',
  'cidrSyntax',
  'cidrPrefix',
  'cidrHostBits',
  'cidrFamily',
  'cidrOverlap',
  'clusterCidrTooSmall',
  'clusterCidrTooLarge',
  'serviceCidrTooLarge',
  'serviceCidrTooSmall',
  'ipInvalid',
  'ipFamilyMismatch',
  'addressOutsideSubnet',
  'addressNotUsable',
  'rangeReversed',
  'subnetOverlapsCluster',
  'hostInvalid',
  'interfaceNameInvalid',
  'interfaceDuplicate',
  'dnsLabelInvalid',
  'resourceNameInvalid',
  // whole-text errors (answers-text.ts)
  'inputNotText',
  'inputTooLarge',
  'inputEmpty',
  'inputBinary',
  'yamlSyntax',
  'yamlMultipleDocuments',
  'yamlAliases',
  'yamlTooDeep',
  // node discovery output that cannot be merged (discover/discover.ts)
  'discoverInvalid',
] as const;
export type AnswerMessageId = (typeof ANSWER_MESSAGE_IDS)[number];

const MAX_DROPPED = 100;

/** Per-node subnet sizes that kube-controller-manager carves from the cluster CIDR (RKE2 keeps the upstream defaults). */
export const NODE_CIDR_MASK: Readonly<Record<IpVersion, number>> = { 4: 24, 6: 64 };
/** kube-controller-manager refuses a cluster CIDR more than 16 bits larger than the node mask. */
const MAX_NODE_MASK_DIFF = 16;
/** kube-apiserver refuses a service CIDR with more than 20 host bits (/12 IPv4, /108 IPv6). */
const MAX_SERVICE_HOST_BITS = 20;
/** RKE2 puts cluster DNS at the 10th address of the service CIDR, so it needs at least 16 addresses. */
const MIN_SERVICE_HOST_BITS = 4;

type Outcome = { ok: true; value: unknown } | { ok: false; messageId: AnswerMessageId; message: string };
const fail = (messageId: AnswerMessageId, message: string): Outcome => ({ ok: false, messageId, message });
const pass = (value: unknown): Outcome => ({ ok: true, value });

/** A short, escaped rendering of what the user gave, for messages. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

function describeKind(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return show(value);
}

function coerceBoolean(spec: FieldSpec, raw: unknown): Outcome {
  if (typeof raw === 'boolean') return pass(raw);
  if (typeof raw === 'string') {
    const t = raw.trim().toLowerCase();
    if (t === 'true' || t === 'yes' || t === 'on') return pass(true);
    if (t === 'false' || t === 'no' || t === 'off') return pass(false);
  }
  return fail('expectedBoolean', `${spec.label} is true or false; got ${show(raw)}.`);
}

function coerceInteger(spec: Extract<FieldSpec, { kind: 'integer' }>, raw: unknown): Outcome {
  let n: number | null = null;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*[+-]?\d{1,16}\s*$/.test(raw)) n = Number(raw.trim());
  if (n === null || !Number.isSafeInteger(n)) {
    return fail(
      'expectedInteger',
      `${spec.label} is a whole number from ${spec.min} to ${spec.max}; got ${show(raw)}.`,
    );
  }
  if (n < spec.min || n > spec.max)
    return fail('outOfRange', `${spec.label} must be from ${spec.min} to ${spec.max}; got ${n}.`);
  return pass(n);
}

function coerceEnum(spec: Extract<FieldSpec, { kind: 'enum' }>, raw: unknown): Outcome {
  if (typeof raw === 'string' && raw.length <= 64) {
    const t = raw.trim().toLowerCase();
    const match = spec.values.find((v) => v.toLowerCase() === t);
    if (match !== undefined) return pass(match);
  }
  return fail('notInList', `${spec.label}: ${show(raw)} is not one of ${spec.values.join(', ')}.`);
}

const INTERFACE_CHARS = /^[A-Za-z0-9_.-]+$/;

/** Linux dev_valid_name() plus what is safe to write into configs and scripts. */
function checkInterfaceName(name: string, label: string): Outcome {
  const bad = (why: string) =>
    fail('interfaceNameInvalid', `${label}: ${show(name)} is not a valid interface name: ${why}.`);
  if (name.length > 15) return bad(`Linux allows at most 15 characters, this has ${name.length}`);
  if (/\s/.test(name)) return bad('it contains whitespace');
  if (name.includes('/')) return bad('it contains "/"');
  if (name.includes(':')) return bad('it contains ":" (an alias such as eth0:1 is not an interface; use eth0)');
  if (/["'`]/.test(name)) return bad('it contains a quote');
  if (name.includes('@'))
    return bad(`"@" is how "ip link" shows the parent; the name is ${JSON.stringify(name.split('@')[0])}`);
  if (name === '.' || name === '..') return bad('"." and ".." are reserved');
  if (!INTERFACE_CHARS.test(name)) return bad('use letters, digits, ".", "-" and "_"');
  if (!/^[A-Za-z0-9_]/.test(name)) return bad('it must start with a letter, a digit or "_"');
  return pass(name);
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const HOST_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function checkHost(text: string, label: string): Outcome {
  if (/^[a-z]+:\/\//i.test(text))
    return fail('hostInvalid', `${label}: give only the host, without "${text.split('://')[0]}://".`);
  if (text.includes(':') || /^[\d.]+$/.test(text)) {
    const ip = parseIp(text);
    if (ip.ok) return pass(ip.ip.text);
    if (/^[^:]+:\d+$/.test(text))
      return fail('hostInvalid', `${label}: give the port separately (apiServerPort), not in ${show(text)}.`);
    return fail('hostInvalid', `${label}: ${ip.message}`);
  }
  const labels = text.split('.');
  if (text.length > 253 || !labels.every((l) => HOST_LABEL.test(l))) {
    return fail(
      'hostInvalid',
      `${label}: ${show(text)} is neither an IP address nor a DNS name (letters, digits and "-" between dots).`,
    );
  }
  return pass(text);
}

function familyName(family: IpVersion): string {
  return `IPv${family}`;
}

function checkCidrText(text: string, label: string, family?: IpVersion): Outcome {
  if (text.includes(',')) {
    return fail(
      'cidrSyntax',
      `${label}: give one CIDR here; with dual-stack the IPv4 and IPv6 ranges go in their own fields.`,
    );
  }
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    const id = parsed.kind === 'syntax' ? 'cidrSyntax' : parsed.kind === 'prefix' ? 'cidrPrefix' : 'cidrHostBits';
    return fail(id, `${label}: ${parsed.message}`);
  }
  if (family !== undefined && parsed.cidr.family !== family) {
    const example = family === 4 ? EXAMPLE_VALUES.clusterCidrV4 : EXAMPLE_VALUES.clusterCidrV6;
    return fail(
      'cidrFamily',
      `${label}: ${parsed.cidr.text} is an ${familyName(parsed.cidr.family)} CIDR; this field takes ${familyName(family)}, e.g. ${example}.`,
    );
  }
  return pass(parsed.cidr.text);
}

function checkText(spec: TextSpec, raw: unknown): Outcome {
  if (typeof raw !== 'string') {
    const hint = typeof raw === 'number' ? ' Put it in quotes: YAML reads 5.10 as the number 5.1.' : '';
    return fail('expectedText', `${spec.label} is text; got ${describeKind(raw)}.${hint}`);
  }
  // Refuse huge strings before trimming or matching anything.
  if (raw.length > spec.maxLength + 64)
    return fail('tooLong', `${spec.label} is too long (${raw.length} characters; at most ${spec.maxLength}).`);
  const text = raw.trim();
  if (text.length > spec.maxLength)
    return fail('tooLong', `${spec.label} is too long (${text.length} characters; at most ${spec.maxLength}).`);
  if (text === '') return spec.allowEmpty ? pass('') : fail('required', `${spec.label} is required.`);
  switch (spec.format) {
    case 'release': {
      // "1.33" / "v1.33" is the newest known patch of that minor (the wizard says so at the field).
      const v = parseReleaseInput(text);
      return v.ok ? pass(v.text) : fail('releaseInvalid', v.message);
    }
    case 'kernel': {
      const k = parseKernel(text);
      return k.ok ? pass(text) : fail('kernelInvalid', k.message);
    }
    case 'cidrV4':
      return checkCidrText(text, spec.label, 4);
    case 'cidrV6':
      return checkCidrText(text, spec.label, 6);
    case 'cidr':
      return checkCidrText(text, spec.label);
    case 'ip': {
      const ip = parseIp(text);
      return ip.ok ? pass(ip.ip.text) : fail('ipInvalid', `${spec.label}: ${ip.message}`);
    }
    case 'host':
      return checkHost(text, spec.label);
    case 'interfaceName':
      return checkInterfaceName(text, spec.label);
    case 'interfaceList': {
      const names = text.split(',').map((n) => n.trim());
      if (names.some((n) => n === ''))
        return fail(
          'interfaceNameInvalid',
          `${spec.label}: list interface names separated by single commas, e.g. "ens1f0,ens1f1".`,
        );
      for (const name of names) {
        const one = checkInterfaceName(name, spec.label);
        if (!one.ok) return one;
      }
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      if (dup !== undefined) return fail('interfaceDuplicate', `${spec.label}: ${show(dup)} is listed twice.`);
      return pass(names.join(','));
    }
    case 'dnsLabel':
      return DNS_LABEL.test(text)
        ? pass(text)
        : fail(
            'dnsLabelInvalid',
            `${spec.label}: ${show(text)} is not a valid name: use lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.`,
          );
    case 'resourceName':
      return /^[A-Za-z0-9_]+$/.test(text)
        ? pass(text)
        : fail(
            'resourceNameInvalid',
            `${spec.label}: ${show(text)} may contain only letters, digits and "_" (the SR-IOV device plugin refuses anything else).`,
          );
  }
}

/** Text checks are pure and the wizard repeats them on every keystroke: cache them per field and text. */
const textCache = new Map<string, Outcome>();

function checkField(path: AnswerPath, raw: unknown): Outcome {
  const spec: FieldSpec = ANSWER_FIELDS[path];
  switch (spec.kind) {
    case 'boolean':
      return coerceBoolean(spec, raw);
    case 'integer':
      return coerceInteger(spec, raw);
    case 'enum':
      return coerceEnum(spec, raw);
    case 'text': {
      if (typeof raw !== 'string' || raw.length > 300) return checkText(spec, raw);
      const key = `${path}\u0000${raw}`;
      let outcome = textCache.get(key);
      if (outcome === undefined) {
        outcome = Object.freeze(checkText(spec, raw));
        if (textCache.size >= 1024) textCache.clear();
        textCache.set(key, outcome);
      }
      return outcome;
    }
  }
}

/** Answers as far as they are known: the wizard asks about relevance while the user is still typing. */
export type PartialAnswers = { [K in keyof Answers]?: DeepPartial<Answers[K]> };
type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * When each relevance holds. The one place that decides which questions apply: parseAnswers checks only
 * relevant fields, and the wizard shows only relevant questions (features/wizard/applicability.ts).
 */
const RELEVANT: Readonly<Record<Relevance, (a: PartialAnswers) => boolean>> = {
  always: () => true,
  ipv4: (a) => a.addressing?.ipFamily !== 'ipv6',
  ipv6: (a) => a.addressing?.ipFamily !== undefined && a.addressing.ipFamily !== 'ipv4',
  secondaryNetwork: (a) => a.extras?.mode !== undefined && a.extras.mode !== 'none',
  multus: (a) => a.extras?.mode === 'multus',
  sriov: (a) => a.extras?.mode === 'sriov',
  // A vfio-pci VF gets no address (the SriovNetwork's IPAM is empty): its pool is not used.
  ipamPool: (a) =>
    (a.extras?.mode === 'multus' || (a.extras?.mode === 'sriov' && a.extras.sriov?.deviceType !== 'vfio-pci')) &&
    (a.extras.secondary?.ipam === 'host-local' || a.extras.secondary?.ipam === 'whereabouts'),
  secondaryAddress: (a) =>
    RELEVANT.ipamPool(a) || (a.extras?.mode === 'multus' && a.extras.secondary?.ipam === 'static'),
  bgp: (a) => a.performance?.bgp?.enabled === true,
  kubeProxyReplacement: (a) => a.performance?.kubeProxyReplacement === true,
  windowsNodes: (a) => a.cluster?.windowsNodes === true,
};

/** The answers that decide each relevance: a field that is required because of them is kept together with them. */
export const RELEVANCE_INPUTS: Readonly<Record<Relevance, readonly AnswerPath[]>> = {
  always: [],
  ipv4: ['addressing.ipFamily'],
  ipv6: ['addressing.ipFamily'],
  secondaryNetwork: ['extras.mode'],
  multus: ['extras.mode'],
  sriov: ['extras.mode'],
  ipamPool: ['extras.mode', 'extras.secondary.ipam', 'extras.sriov.deviceType'],
  secondaryAddress: ['extras.mode', 'extras.secondary.ipam', 'extras.sriov.deviceType'],
  bgp: ['performance.bgp.enabled'],
  kubeProxyReplacement: ['performance.kubeProxyReplacement'],
  windowsNodes: ['cluster.windowsNodes'],
};

/** Whether the answers use this field (the wizard hides the others, and their errors never block). */
export function isFieldRelevant(path: AnswerPath | string, answers: PartialAnswers): boolean {
  const spec = (ANSWER_FIELDS as Readonly<Record<string, FieldSpec | undefined>>)[path];
  // A section ("performance.bgp") is not a question of its own.
  return spec === undefined || RELEVANT[spec.when ?? 'always'](answers);
}

/**
 * The answers a user must type that these answers leave empty: fields that are required once used (IPv6
 * CIDRs with dual-stack, a Multus network's host interface and subnet, SR-IOV's physical functions, the
 * static example pod's address). A search that changes answers (fixes) must not land on one: it would need
 * a value the user never typed.
 */
export function missingRequired(answers: Answers): AnswerPath[] {
  const out: AnswerPath[] = [];
  for (const path of ANSWER_PATHS) {
    const spec = ANSWER_FIELDS[path];
    if (spec.kind !== 'text' || spec.allowEmpty !== 'whenUnused') continue;
    if (String(readPath(answers, path) ?? '').trim() === '' && isFieldRelevant(path, answers)) out.push(path);
  }
  const s = answers.extras.secondary;
  if (answers.extras.mode === 'multus' && s.ipam === 'static' && s.rangeStart.trim() === '')
    out.push('extras.secondary.rangeStart');
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The default of a field, given the other answers (the kernel follows the OS preset). */
function fallbackFor(path: AnswerPath, answers: Answers): unknown {
  if (path === 'nodes.kernel') {
    const preset = OS_PRESET_INFO[answers.nodes.osPreset];
    if (preset && preset.kernel !== '') return preset.kernel;
  }
  return readPath(defaultAnswers(), path);
}

/** The known keys of each mapping ("" is the root, which may also carry a "$schema" link for editors). */
const KNOWN_KEYS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const known = new Map<string, Set<string>>([['', new Set(['$schema'])]]);
  for (const path of [...ANSWER_SECTIONS, ...ANSWER_PATHS]) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).join('.');
    if (!known.has(parent)) known.set(parent, new Set());
    known.get(parent)!.add(keys[keys.length - 1]!);
  }
  return known;
})();
const PATH_SET: ReadonlySet<string> = new Set(ANSWER_PATHS);

interface Validation {
  values: Answers;
  errors: FieldError[];
  dropped: FieldPath[];
}

/** Cross-field checks on fields that are used and individually valid. */
function crossChecks(
  values: Answers,
  hasError: (p: AnswerPath) => boolean,
  report: (p: AnswerPath, id: AnswerMessageId, message: string, related: AnswerPath[]) => void,
): void {
  const cidrOf = (p: AnswerPath): Cidr | null => {
    if (hasError(p) || !isFieldRelevant(p, values)) return null;
    const parsed = parseCidr(readPath(values, p));
    return parsed.ok ? parsed.cidr : null;
  };
  const single = values.cluster.size === 'single';
  const pairs: Array<[IpVersion, AnswerPath, AnswerPath]> = [
    [4, 'addressing.clusterCidrV4', 'addressing.serviceCidrV4'],
    [6, 'addressing.clusterCidrV6', 'addressing.serviceCidrV6'],
  ];
  const clusterRanges: Array<{ path: AnswerPath; cidr: Cidr }> = [];
  for (const [family, clusterPath, servicePath] of pairs) {
    const cluster = cidrOf(clusterPath);
    const service = cidrOf(servicePath);
    const nodeMask = NODE_CIDR_MASK[family];
    const bits = addressBits(family);
    if (cluster) {
      clusterRanges.push({ path: clusterPath, cidr: cluster });
      if (cluster.prefix > nodeMask || (cluster.prefix === nodeMask && !single)) {
        report(
          clusterPath,
          'clusterCidrTooSmall',
          cluster.prefix > nodeMask
            ? `${cluster.text} is smaller than the /${nodeMask} each node gets, so no node can get pods. Use /${nodeMask - 8} or larger (e.g. ${family === 4 ? EXAMPLE_VALUES.clusterCidrV4 : EXAMPLE_VALUES.clusterCidrV6}).`
            : `${cluster.text} holds a single /${nodeMask} node subnet, so only one node can get pods. Use /${nodeMask - 1} or larger; /${nodeMask - 8} gives 256 nodes.`,
          ['cluster.size'],
        );
      } else if (nodeMask - cluster.prefix > MAX_NODE_MASK_DIFF) {
        report(
          clusterPath,
          'clusterCidrTooLarge',
          `${cluster.text} is too large: kube-controller-manager allows at most ${MAX_NODE_MASK_DIFF} bits between it and the /${nodeMask} node subnets. Use /${nodeMask - MAX_NODE_MASK_DIFF} or smaller.`,
          [],
        );
      }
    }
    if (service) {
      clusterRanges.push({ path: servicePath, cidr: service });
      if (bits - service.prefix > MAX_SERVICE_HOST_BITS) {
        report(
          servicePath,
          'serviceCidrTooLarge',
          `${service.text} is too large: kube-apiserver allows at most 2^${MAX_SERVICE_HOST_BITS} service addresses. Use /${bits - MAX_SERVICE_HOST_BITS} or smaller.`,
          [],
        );
      } else if (bits - service.prefix < MIN_SERVICE_HOST_BITS) {
        report(
          servicePath,
          'serviceCidrTooSmall',
          `${service.text} is too small: RKE2 puts cluster DNS at its 10th address. Use /${bits - MIN_SERVICE_HOST_BITS} or larger.`,
          [],
        );
      }
    }
    if (cluster && service && cidrsOverlap(cluster, service)) {
      report(
        servicePath,
        'cidrOverlap',
        `${service.text} overlaps the cluster (pod) CIDR ${cluster.text}; pod and service ranges must be disjoint.`,
        [clusterPath],
      );
    }
  }

  // Secondary network addresses. With static IPAM the first address is the example pod's: it has no default.
  const s = values.extras.secondary;
  if (
    values.extras.mode === 'multus' &&
    s.ipam === 'static' &&
    s.rangeStart === '' &&
    !hasError('extras.secondary.rangeStart')
  ) {
    report(
      'extras.secondary.rangeStart',
      'required',
      `${ANSWER_FIELDS['extras.secondary.rangeStart'].label} is required with static address management: the example pod takes it.`,
      [...RELEVANCE_INPUTS.secondaryAddress],
    );
  }
  const subnet = cidrOf('extras.secondary.subnet');
  if (subnet) {
    const clash = clusterRanges.find((r) => cidrsOverlap(r.cidr, subnet));
    if (clash)
      report(
        'extras.secondary.subnet',
        'subnetOverlapsCluster',
        `${subnet.text} overlaps ${clash.cidr.text} (${ANSWER_FIELDS[clash.path].label}); pods would not know which way to route.`,
        [clash.path],
      );
    const addressAt = (p: AnswerPath) => {
      // A hidden field (range end and gateway with static IPAM) is not checked against the subnet.
      if (hasError(p) || !isFieldRelevant(p, values)) return null;
      const text = readPath(values, p);
      if (text === '') return null;
      const ip = parseIp(text);
      if (!ip.ok) return null;
      const label = ANSWER_FIELDS[p].label;
      if (ip.ip.family !== subnet.family) {
        report(
          p,
          'ipFamilyMismatch',
          `${label}: ${ip.ip.text} is ${familyName(ip.ip.family)} but the subnet ${subnet.text} is ${familyName(subnet.family)}.`,
          ['extras.secondary.subnet'],
        );
        return null;
      }
      if (!cidrContainsIp(subnet, ip.ip)) {
        report(p, 'addressOutsideSubnet', `${label}: ${ip.ip.text} is outside the subnet ${subnet.text}.`, [
          'extras.secondary.subnet',
        ]);
        return null;
      }
      if (
        subnet.family === 4 &&
        subnet.prefix <= 30 &&
        (ip.ip.value === firstAddress(subnet) || ip.ip.value === lastAddress(subnet))
      ) {
        report(
          p,
          'addressNotUsable',
          `${label}: ${ip.ip.text} is the ${ip.ip.value === firstAddress(subnet) ? 'network' : 'broadcast'} address of ${subnet.text}; it cannot be given to a pod or gateway.`,
          ['extras.secondary.subnet'],
        );
        return null;
      }
      return ip.ip;
    };
    const start = addressAt('extras.secondary.rangeStart');
    const end = addressAt('extras.secondary.rangeEnd');
    addressAt('extras.secondary.gateway');
    if (start && end && start.value > end.value) {
      report(
        'extras.secondary.rangeEnd',
        'rangeReversed',
        `The last address ${end.text} comes before the first address ${start.text}.`,
        ['extras.secondary.rangeStart'],
      );
    }
  }
}

function validate(input: unknown): Validation {
  const values = defaultAnswers();
  const errors: FieldError[] = [];
  const dropped: FieldPath[] = [];
  const drop = (p: FieldPath) => {
    if (dropped.length < MAX_DROPPED) dropped.push(p);
  };

  if (!isMapping(input)) {
    errors.push({
      field: '',
      messageId: 'notAMapping',
      message: `The answers must be a mapping of sections (cluster, nodes, security, addressing, extras, performance, choice); got ${show(input)}.`,
    });
    return { values, errors, dropped };
  }

  // Unknown keys, and sections that are not mappings.
  const badSections = new Set<string>();
  for (const [parent, children] of KNOWN_KEYS) {
    const node = parent === '' ? input : readPath(input, parent);
    if (node === undefined || node === null) continue;
    if (!isMapping(node)) {
      if ([...badSections].some((s) => parent.startsWith(`${s}.`))) continue;
      badSections.add(parent);
      errors.push({
        field: parent,
        messageId: 'notAMapping',
        message: `"${parent}" must be a mapping of its fields; got ${show(node)}.`,
      });
      continue;
    }
    for (const key of Object.keys(node)) {
      if (!children.has(key)) drop(parent === '' ? key.slice(0, 64) : `${parent}.${key.slice(0, 64)}`);
    }
  }

  // Each field on its own.
  const outcomes = new Map<AnswerPath, Outcome>();
  for (const path of ANSWER_PATHS) {
    const raw = readPath(input, path);
    if (raw === undefined || raw === null) continue;
    const outcome = checkField(path, raw);
    outcomes.set(path, outcome);
    if (outcome.ok) writePath(values, path, outcome.value);
  }

  // The kernel follows the OS preset when left empty.
  if (values.nodes.kernel === '' || !outcomes.has('nodes.kernel')) {
    const preset = OS_PRESET_INFO[values.nodes.osPreset];
    if (preset.kernel !== '') writePath(values, 'nodes.kernel', preset.kernel);
    else if (outcomes.get('nodes.kernel')?.ok !== false) {
      outcomes.set(
        'nodes.kernel',
        fail(
          'kernelRequired',
          'With the "custom" OS preset, enter the oldest node kernel, e.g. 5.14 or the output of uname -r.',
        ),
      );
    }
  }

  const errorFields = new Set<string>(badSections);
  for (const path of ANSWER_PATHS) {
    const spec = ANSWER_FIELDS[path];
    if (
      spec.kind === 'text' &&
      spec.allowEmpty === 'whenUnused' &&
      outcomes.get(path)?.ok !== false &&
      readPath(values, path) === '' &&
      isFieldRelevant(path, values)
    ) {
      const when = RELEVANCE_WORDS[spec.when ?? 'always'];
      outcomes.set(path, fail('required', `${spec.label} is required${when ? ` ${when}` : ''}.`));
    }
    const outcome = outcomes.get(path);
    if (!outcome || outcome.ok) continue;
    writePath(values, path, fallbackFor(path, values));
    if (isFieldRelevant(path, values)) {
      const related: AnswerPath[] =
        outcome.messageId === 'kernelRequired'
          ? ['nodes.osPreset']
          : outcome.messageId === 'required'
            ? [...RELEVANCE_INPUTS[spec.when ?? 'always']]
            : [];
      errors.push(
        related.length > 0
          ? { field: path, messageId: outcome.messageId, message: outcome.message, related }
          : { field: path, messageId: outcome.messageId, message: outcome.message },
      );
      errorFields.add(path);
    } else {
      drop(path);
    }
  }

  crossChecks(
    values,
    (p) => errorFields.has(p),
    (field, messageId, message, related) => {
      if (errorFields.has(field)) return;
      errorFields.add(field);
      errors.push(related.length > 0 ? { field, messageId, message, related } : { field, messageId, message });
    },
  );
  for (const e of errors) {
    if (PATH_SET.has(e.field)) writePath(values, e.field as AnswerPath, fallbackFor(e.field as AnswerPath, values));
  }
  return { values, errors, dropped };
}

/**
 * The partial answers of a failed parse must themselves parse ok. Replacing a field by its default
 * can still clash with another field (e.g. a default service CIDR inside the user's cluster CIDR), so
 * repeat until stable, and fall back to all defaults.
 */
function settle(values: Answers): Answers {
  let current = values;
  for (let round = 0; round < 5; round++) {
    const next = validate(current);
    if (next.errors.length === 0) return next.values;
    current = next.values;
  }
  return defaultAnswers();
}

/** Never throws. ok: valid answers (+ what was ignored); not ok: field errors and the best valid answers. */
export function parseAnswers(input: unknown): ParseResult {
  try {
    const { values, errors, dropped } = validate(input);
    if (errors.length === 0) return { ok: true, answers: values, dropped };
    return { ok: false, errors, partial: settle(values), dropped };
  } catch {
    // Only a hostile object (a throwing getter or Proxy) gets here.
    return {
      ok: false,
      errors: [{ field: '', messageId: 'internalError', message: 'The answers could not be read.' }],
      partial: defaultAnswers(),
      dropped: [],
    };
  }
}
