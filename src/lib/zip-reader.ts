import { Inflate } from 'fflate';

/**
 * A zip reader whose work is bounded by the archive's size and the sizes its entries declare, for
 * zips from anyone (the CLI's `validate`, the app's "Import answers"). fflate's unzipSync inflates
 * a whole deflate stream whatever size the entry declares, never checks the CRC, and lets many
 * entries point at the same bytes (a 70 KB zip of 1,000 entries sharing one 8 MiB stream froze a
 * tab for 55 s). Here:
 * - the central directory must agree with each local header (name, method, flags, sizes, CRC);
 * - entries may not overlap each other or the central directory, so each compressed byte is
 *   inflated at most once;
 * - each wanted entry is inflated with fflate's streaming Inflate, in small pushes, into a buffer of
 *   its declared size, and stops as soon as it would grow past it; then its CRC-32 is checked;
 * - encrypted entries, duplicate names, ZIP64, multi-disk archives, unknown methods and paths that
 *   leave the archive (absolute, "..", backslashes, drive letters) are refused.
 * Format: PKWARE APPNOTE.TXT 6.3.10, sections 4.3.7 (local header), 4.3.12 (central directory
 * header), 4.3.16 (end of central directory), 4.4.4 (flags).
 */

export interface ZipLimits {
  /** Most entries the central directory may list. */
  maxEntries: number;
  /** Largest declared uncompressed size of an entry that is read. */
  maxEntryBytes: number;
  /** Largest sum of the declared sizes of the entries that are read. */
  maxTotalBytes: number;
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
  directory: boolean;
}

export type ZipReadResult =
  { ok: true; entries: ZipEntryInfo[]; files: { name: string; bytes: Uint8Array }[] } | { ok: false; message: string };

/** What the caller decides about each entry: read it, skip it, or refuse the whole archive. */
export type ZipEntryDecision = 'read' | 'skip' | { refuse: string };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const END_MIN = 22;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_DATA_DESCRIPTOR = 0x0008;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so at most ~8 MiB past the declared size before the stop; smaller pushes cost more time in fflate's stream bookkeeping. */
const PUSH_BYTES = 8 * 1024;

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function unsafeZipPath(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\u0000') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((p) => p === '..')
  );
}

class ZipError extends Error {}

interface CentralEntry extends ZipEntryInfo {
  flags: number;
  method: number;
  crc: number;
  localOffset: number;
  nameBytes: Uint8Array;
  dataStart: number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function findEnd(data: Uint8Array, view: DataView): number {
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, data.length - END_MIN - 0xffff);
  for (let i = data.length - END_MIN; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_END && i + END_MIN + view.getUint16(i + 20, true) === data.length) return i;
  }
  throw new ZipError('it has no end of central directory record (not a zip, or truncated)');
}

function inflateBounded(compressed: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let overflow = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  for (let at = 0; at < compressed.length && !overflow; at += PUSH_BYTES) {
    const end = Math.min(at + PUSH_BYTES, compressed.length);
    inflater.push(compressed.subarray(at, end), end === compressed.length);
  }
  if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  if (overflow) throw new ZipError(`"${name}" inflates to more than the ${size} bytes it declares`);
  if (!ended || written !== size)
    throw new ZipError(`"${name}" inflates to ${written} bytes, not the ${size} it declares`);
  return out;
}

/**
 * Reads a zip within `limits`. `decide` is asked about each entry (by name and declared size) and
 * may skip it or refuse the archive. Never throws.
 */
export function readZipBounded(
  data: Uint8Array,
  limits: ZipLimits,
  decide: (entry: ZipEntryInfo) => ZipEntryDecision,
): ZipReadResult {
  try {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (data.length < END_MIN) throw new ZipError('it is too short to be a zip');
    const end = findEnd(data, view);
    const disk = view.getUint16(end + 4, true);
    const cdDisk = view.getUint16(end + 6, true);
    const onDisk = view.getUint16(end + 8, true);
    const count = view.getUint16(end + 10, true);
    const cdSize = view.getUint32(end + 12, true);
    const cdOffset = view.getUint32(end + 16, true);
    if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw new ZipError('it spans several disks');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
      throw new ZipError('it is a ZIP64 archive, which a bundle never is');
    if (count > limits.maxEntries) throw new ZipError(`it has ${count} entries; at most ${limits.maxEntries} are read`);
    if (cdOffset + cdSize > end) throw new ZipError('its central directory overlaps its end record');

    const entries: CentralEntry[] = [];
    const names = new Set<string>();
    const decoder = new TextDecoder('utf-8');
    let at = cdOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cdOffset + cdSize || view.getUint32(at, true) !== SIG_CENTRAL)
        throw new ZipError('its central directory is damaged');
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const localOffset = view.getUint32(at + 42, true);
      const next = at + 46 + nameLength + extraLength + commentLength;
      if (next > cdOffset + cdSize) throw new ZipError('its central directory is damaged');
      const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
      const name = decoder.decode(nameBytes);
      if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION))
        throw new ZipError(`"${name}" is encrypted; bundles are never encrypted`);
      if (names.has(name)) throw new ZipError(`it holds "${name}" twice`);
      names.add(name);
      if (unsafeZipPath(name)) throw new ZipError(`it has an entry outside the bundle ("${name}")`);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff)
        throw new ZipError('it is a ZIP64 archive, which a bundle never is');
      entries.push({
        name,
        flags,
        method,
        crc,
        compressedSize,
        size,
        localOffset,
        nameBytes,
        dataStart: 0,
        directory: name.endsWith('/'),
      });
      at = next;
    }

    // Local headers must agree with the central directory, and no two entries may share bytes.
    for (const e of entries) {
      const o = e.localOffset;
      if (o + 30 > cdOffset || view.getUint32(o, true) !== SIG_LOCAL)
        throw new ZipError(`the local header of "${e.name}" is missing`);
      const flags = view.getUint16(o + 6, true);
      const method = view.getUint16(o + 8, true);
      const nameLength = view.getUint16(o + 26, true);
      const extraLength = view.getUint16(o + 28, true);
      const descriptor = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
      const disagree =
        method !== e.method ||
        (flags & (FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR)) !== (e.flags & (FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR)) ||
        !sameBytes(data.subarray(o + 30, o + 30 + nameLength), e.nameBytes) ||
        (!descriptor &&
          (view.getUint32(o + 14, true) !== e.crc ||
            view.getUint32(o + 18, true) !== e.compressedSize ||
            view.getUint32(o + 22, true) !== e.size));
      if (disagree) throw new ZipError(`the local header of "${e.name}" disagrees with the central directory`);
      e.dataStart = o + 30 + nameLength + extraLength;
      if (e.dataStart + e.compressedSize > cdOffset) throw new ZipError(`"${e.name}" runs into the central directory`);
    }
    const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 1; i < byOffset.length; i++) {
      const prev = byOffset[i - 1]!;
      if (byOffset[i]!.localOffset < prev.dataStart + prev.compressedSize)
        throw new ZipError(`"${byOffset[i]!.name}" overlaps "${prev.name}"`);
    }

    const files: { name: string; bytes: Uint8Array }[] = [];
    let total = 0;
    for (const e of entries) {
      const info: ZipEntryInfo = {
        name: e.name,
        compressedSize: e.compressedSize,
        size: e.size,
        directory: e.directory,
      };
      const decision = decide(info);
      if (typeof decision === 'object') return { ok: false, message: decision.refuse };
      if (decision === 'skip' || e.directory) continue;
      if (e.size > limits.maxEntryBytes)
        throw new ZipError(`"${e.name}" declares ${e.size} bytes; at most ${limits.maxEntryBytes} are read`);
      total += e.size;
      if (total > limits.maxTotalBytes)
        throw new ZipError(`its entries declare more than ${limits.maxTotalBytes} bytes in all`);
      const compressed = data.subarray(e.dataStart, e.dataStart + e.compressedSize);
      let bytes: Uint8Array;
      if (e.method === 0) {
        if (e.compressedSize !== e.size) throw new ZipError(`"${e.name}" is stored with two different sizes`);
        bytes = compressed.slice();
      } else if (e.method === 8) bytes = inflateBounded(compressed, e.size, e.name);
      else throw new ZipError(`"${e.name}" uses compression method ${e.method}; only stored and deflate are read`);
      if (crc32(bytes) !== e.crc) throw new ZipError(`"${e.name}" fails its CRC-32 check (damaged)`);
      files.push({ name: e.name, bytes });
    }
    return {
      ok: true,
      entries: entries.map((e) => ({
        name: e.name,
        compressedSize: e.compressedSize,
        size: e.size,
        directory: e.directory,
      })),
      files,
    };
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, message: error.message };
    return { ok: false, message: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
