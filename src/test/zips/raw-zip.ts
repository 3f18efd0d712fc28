/**
 * Builds zips byte by byte, including ones no honest zip writer makes: entries that share or overlap
 * their bytes, headers that disagree, wrong CRCs, encryption flags. Used by the zip reader's tests,
 * the fuzz tests and `npm run bench` (the red-team shapes of issue 11).
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../lib/zip-reader';

export interface RawEntry {
  name: string;
  /** The bytes stored in the archive (already compressed when method is 8). */
  data: Uint8Array;
  method?: 0 | 8;
  crc: number;
  size: number;
  flags?: number;
}

const te = new TextEncoder();

function localHeader(e: RawEntry): Uint8Array {
  const name = te.encode(e.name);
  const out = new Uint8Array(30 + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, e.flags ?? 0, true);
  v.setUint16(8, e.method ?? 0, true);
  v.setUint32(14, e.crc >>> 0, true);
  v.setUint32(18, e.data.length, true);
  v.setUint32(22, e.size >>> 0, true);
  v.setUint16(26, name.length, true);
  out.set(name, 30);
  return out;
}

function centralHeader(e: RawEntry, offset: number, override: Partial<RawEntry> = {}): Uint8Array {
  const x = { ...e, ...override };
  const name = te.encode(x.name);
  const out = new Uint8Array(46 + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, 20, true);
  v.setUint16(8, x.flags ?? 0, true);
  v.setUint16(10, x.method ?? 0, true);
  v.setUint32(16, x.crc >>> 0, true);
  v.setUint32(20, e.data.length, true);
  v.setUint32(24, x.size >>> 0, true);
  v.setUint16(28, name.length, true);
  v.setUint32(42, offset, true);
  out.set(name, 46);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function endRecord(count: number, cdSize: number, cdOffset: number): Uint8Array {
  const out = new Uint8Array(22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, cdOffset, true);
  return out;
}

/** An honest entry: deflated (or stored) `content`, with its true CRC and size. */
export function entry(name: string, content: Uint8Array, method: 0 | 8 = 8): RawEntry {
  return {
    name,
    data: method === 8 ? deflateSync(content) : content,
    method,
    crc: crc32(content),
    size: content.length,
  };
}

/** A zip of `entries`; `central` may override what the central directory says about entry i. */
export function rawZip(entries: RawEntry[], central: Record<number, Partial<RawEntry>> = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    const header = localHeader(e);
    locals.push(header, e.data);
    at += header.length + e.data.length;
  }
  const cd = entries.map((e, i) => centralHeader(e, offsets[i]!, central[i]));
  const cdSize = cd.reduce((n, p) => n + p.length, 0);
  return concat([...locals, ...cd, endRecord(entries.length, cdSize, at)]);
}

/**
 * The red-team shape: one local entry whose stream inflates to `inflated` bytes, and `count` central
 * directory entries that all point at it (each with its own name, or all the same name).
 */
export function sharedStreamZip(count: number, inflated: number, sameName = false): Uint8Array {
  const content = new Uint8Array(inflated).fill(0x20);
  const base = entry('bundle/answers.yaml', content);
  // Every central entry declares a small size, so a reader trusting it would allocate little and inflate everything.
  const small = { ...base, size: 100 };
  const local = localHeader(small);
  const cd: Uint8Array[] = [];
  for (let i = 0; i < count; i++)
    cd.push(centralHeader(small, 0, { name: sameName ? small.name : `bundle/f${i}/answers.yaml` }));
  const cdOffset = local.length + small.data.length;
  const cdSize = cd.reduce((n, p) => n + p.length, 0);
  return concat([local, small.data, ...cd, endRecord(count, cdSize, cdOffset)]);
}

/** Entry B's local header and data hidden inside entry A's stored data: the two overlap. */
export function overlappingZip(): Uint8Array {
  const inner = entry('b.yaml', te.encode('a: 1\n'), 0);
  const innerBytes = concat([localHeader(inner), inner.data]);
  const outer = entry('a.bin', innerBytes, 0);
  const outerLocal = localHeader(outer);
  const cd = [centralHeader(outer, 0), centralHeader(inner, outerLocal.length)];
  const cdOffset = outerLocal.length + outer.data.length;
  const cdSize = cd.reduce((n, p) => n + p.length, 0);
  return concat([outerLocal, outer.data, ...cd, endRecord(2, cdSize, cdOffset)]);
}
