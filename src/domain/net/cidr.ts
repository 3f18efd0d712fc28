/**
 * IPv4 / IPv6 address and CIDR arithmetic, with no dependencies. Every parser returns a result and
 * never throws, whatever it is given. Addresses are held as bigint so both families share one code path.
 *
 * Syntax follows Go's net.ParseIP / net.ParseCIDR (what RKE2 and kube-controller-manager use):
 * IPv4 is dotted decimal with no leading zeros; IPv6 is RFC 4291 text, optionally with a trailing
 * dotted IPv4; zones ("%eth0") are refused.
 */

export type IpVersion = 4 | 6;

export interface IpAddress {
  readonly family: IpVersion;
  readonly value: bigint;
  /** Canonical text (RFC 5952 for IPv6). */
  readonly text: string;
}

export interface Cidr {
  readonly family: IpVersion;
  readonly prefix: number;
  /** The network address (host bits cleared). */
  readonly network: bigint;
  /** Canonical "network/prefix". */
  readonly text: string;
}

export type IpParse = { ok: true; ip: IpAddress } | { ok: false; message: string };

export type CidrErrorKind = 'syntax' | 'prefix' | 'hostBits';
export type CidrParse =
  | { ok: true; cidr: Cidr }
  | {
      ok: false;
      kind: CidrErrorKind;
      message: string;
      /** for hostBits: the network the user probably meant */ suggestion?: string;
    };

const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };
/** Longest plausible address or CIDR text; anything longer is refused before any regex runs. */
const MAX_TEXT = 64;
// No leading zeros: "010" is octal to some tools and decimal to others, so Go refuses it.
const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * The wizard re-parses the same few strings on every keystroke, so results are cached. They are
 * immutable, so sharing them is safe; the cache is simply emptied when it grows large.
 */
const MAX_CACHE = 512;
function memo<R extends object>(cache: Map<string, R>, key: string, compute: () => R): R {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  // Shared between callers: freeze so that no caller can change another's result.
  for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object') Object.freeze(inner);
  Object.freeze(value);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}
const ipCache = new Map<string, IpParse>();
const cidrCache = new Map<string, CidrParse>();

export function addressBits(family: IpVersion): number {
  return BITS[family];
}

function parseIpv4(text: string): bigint | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const n = Number(m[i]);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return BigInt(value);
}

function parseIpv6(text: string): bigint | null {
  if (text.includes('%')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const pieces = s.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = toGroups(halves[0]!);
  const tail = halves.length === 2 ? toGroups(halves[1]!) : [];
  if (head === null || tail === null) return null;
  // A dotted IPv4 is only allowed at the very end.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    groups = head;
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Canonical text of an address value. */
export function formatIp(family: IpVersion, value: bigint): string {
  if (family === 4) {
    const n = Number(value);
    return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (of two or more) of zero groups, the first if tied.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Parses one IPv4 or IPv6 address. */
export function parseIp(input: unknown): IpParse {
  if (typeof input === 'string' && input.length <= MAX_TEXT) return memo(ipCache, input, () => parseIpUncached(input));
  return parseIpUncached(input);
}

function parseIpUncached(input: unknown): IpParse {
  if (typeof input !== 'string')
    return { ok: false, message: 'An IP address is text such as 10.0.0.1 or 2001:db8::1.' };
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter an IP address such as 10.0.0.1 or 2001:db8::1.' };
  if (text.length > MAX_TEXT) return { ok: false, message: 'That is too long to be an IP address.' };
  if (text.includes(':')) {
    const v = parseIpv6(text);
    if (v === null) return { ok: false, message: `"${text}" is not a valid IPv6 address (e.g. 2001:db8::1).` };
    return { ok: true, ip: { family: 6, value: v, text: formatIp(6, v) } };
  }
  const v = parseIpv4(text);
  if (v === null)
    return {
      ok: false,
      message: `"${text}" is not a valid IPv4 address (four numbers 0 to 255 without leading zeros, e.g. 10.0.0.1).`,
    };
  return { ok: true, ip: { family: 4, value: v, text: formatIp(4, v) } };
}

function hostMask(family: IpVersion, prefix: number): bigint {
  return (1n << BigInt(BITS[family] - prefix)) - 1n;
}

/**
 * Parses "network/prefix". By default the address must be the network address itself:
 * "10.42.0.1/16" fails with the suggestion "10.42.0.0/16".
 */
export function parseCidr(input: unknown, options: { allowHostBits?: boolean } = {}): CidrParse {
  const allowHostBits = options.allowHostBits === true;
  if (typeof input === 'string' && input.length <= MAX_TEXT)
    return memo(cidrCache, `${allowHostBits ? 'h' : 'n'}${input}`, () => parseCidrUncached(input, allowHostBits));
  return parseCidrUncached(input, allowHostBits);
}

function parseCidrUncached(input: unknown, allowHostBits: boolean): CidrParse {
  if (typeof input !== 'string') return { ok: false, kind: 'syntax', message: 'A CIDR is text such as 10.42.0.0/16.' };
  const text = input.trim();
  if (text === '')
    return { ok: false, kind: 'syntax', message: 'Enter a CIDR such as 10.42.0.0/16 or 2001:db8:42::/56.' };
  if (text.length > MAX_TEXT) return { ok: false, kind: 'syntax', message: 'That is too long to be a CIDR.' };
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) {
    return {
      ok: false,
      kind: 'syntax',
      message: `"${text}" is not a CIDR: write an address, a slash and a prefix length, e.g. 10.42.0.0/16.`,
    };
  }
  const ip = parseIp(text.slice(0, slash));
  if (!ip.ok) return { ok: false, kind: 'syntax', message: `"${text}" is not a CIDR: ${ip.message}` };
  const family = ip.ip.family;
  const prefixText = text.slice(slash + 1);
  const max = BITS[family];
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > max) {
    return {
      ok: false,
      kind: 'prefix',
      message: `"${text}": the prefix length of an IPv${family} CIDR is a number from 0 to ${max}.`,
    };
  }
  const prefix = Number(prefixText);
  const network = ip.ip.value & ~hostMask(family, prefix) & ((1n << BigInt(max)) - 1n);
  const canonical = `${formatIp(family, network)}/${prefix}`;
  if (network !== ip.ip.value && !allowHostBits) {
    return {
      ok: false,
      kind: 'hostBits',
      message: `"${text}" has host bits set after the /${prefix}; the network address is ${canonical}.`,
      suggestion: canonical,
    };
  }
  return { ok: true, cidr: { family, prefix, network, text: canonical } };
}

/** First address of the range (the network address). */
export function firstAddress(cidr: Cidr): bigint {
  return cidr.network;
}

/** Last address of the range (the IPv4 broadcast address). */
export function lastAddress(cidr: Cidr): bigint {
  return cidr.network | hostMask(cidr.family, cidr.prefix);
}

export function cidrContainsIp(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && ip.value >= firstAddress(cidr) && ip.value <= lastAddress(cidr);
}

export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.family === inner.family &&
    outer.prefix <= inner.prefix &&
    firstAddress(inner) >= firstAddress(outer) &&
    lastAddress(inner) <= lastAddress(outer)
  );
}

/** Two CIDRs overlap when they share any address; different families never overlap. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && firstAddress(a) <= lastAddress(b) && firstAddress(b) <= lastAddress(a);
}

/** Number of addresses in the range (2^(bits - prefix)). */
export function addressCount(cidr: Cidr): bigint {
  return 1n << BigInt(BITS[cidr.family] - cidr.prefix);
}

/** How many /subnetPrefix subnets fit in the range; 0 when subnetPrefix is shorter than the range's own prefix. */
export function subnetsThatFit(cidr: Cidr, subnetPrefix: number): bigint {
  if (!Number.isInteger(subnetPrefix) || subnetPrefix < cidr.prefix || subnetPrefix > BITS[cidr.family]) return 0n;
  return 1n << BigInt(subnetPrefix - cidr.prefix);
}

/** The address at offset n inside the range (n = 1 is the first host), or null when outside. */
export function addressAt(cidr: Cidr, n: bigint): IpAddress | null {
  if (n < 0n || n >= addressCount(cidr)) return null;
  const value = cidr.network + n;
  return { family: cidr.family, value, text: formatIp(cidr.family, value) };
}
