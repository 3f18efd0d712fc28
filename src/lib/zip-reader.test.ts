import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { crc32, readZipBounded, type ZipLimits } from './zip-reader';
import { zipBundle } from './zip';
import { generateBundle } from '../domain/generators';
import { SCENARIOS } from '../test/scenarios';
import { entry, overlappingZip, rawZip, sharedStreamZip } from '../test/zips/raw-zip';

const LIMITS: ZipLimits = { maxEntries: 5000, maxEntryBytes: 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 };
const readAll = (zip: Uint8Array, limits = LIMITS) => readZipBounded(zip, limits, () => 'read');
const message = (zip: Uint8Array) => {
  const r = readAll(zip);
  return r.ok ? 'read' : r.message;
};

describe('readZipBounded', () => {
  it('reads a real bundle zip exactly as fflate does', () => {
    const bundle = generateBundle(SCENARIOS.sriovTelco.answers);
    if (!bundle.ok) throw new Error('blocked');
    const zip = zipBundle(bundle.files, bundle.name);
    const r = readAll(zip);
    expect(r.ok).toBe(true);
    const expected = unzipSync(zip);
    expect(r.ok && Object.fromEntries(r.files.map((f) => [f.name, f.bytes]))).toEqual(expected);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('refuses many entries that share one stream, at once', () => {
    expect(message(sharedStreamZip(1000, 1024 * 1024))).toMatch(/disagrees with the central directory/);
    expect(message(sharedStreamZip(1000, 1024 * 1024, true))).toMatch(/twice/);
  });

  it('refuses entries that overlap', () => {
    expect(message(overlappingZip())).toMatch(/overlaps/);
  });

  it('refuses a local header that disagrees with the central directory', () => {
    const e = entry('a.yaml', strToU8('a: 1\n'));
    expect(message(rawZip([e], { 0: { size: 4 } }))).toMatch(/disagrees/);
    expect(message(rawZip([e], { 0: { crc: 1 } }))).toMatch(/disagrees/);
    expect(message(rawZip([e], { 0: { name: 'b.yaml' } }))).toMatch(/disagrees/);
  });

  it('stops an entry at its declared size, and checks the CRC', () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const lying = { ...entry('a.yaml', big), size: 1000 };
    expect(message(rawZip([lying]))).toMatch(/more than the 1000 bytes it declares/);
    expect(message(rawZip([{ ...entry('a.yaml', strToU8('a: 1\n')), size: 50 }]))).toMatch(/not the 50 it declares/);
    expect(message(rawZip([{ ...entry('a.yaml', strToU8('a: 1\n')), crc: 7 }]))).toMatch(/CRC-32/);
    expect(message(rawZip([{ ...entry('a.yaml', strToU8('a: 1\n'), 0), crc: 7 }]))).toMatch(/CRC-32/);
  });

  it('refuses encrypted and duplicate entries, unsafe paths, and sizes over the limits', () => {
    const e = entry('a.yaml', strToU8('a: 1\n'));
    expect(message(rawZip([{ ...e, flags: 1 }]))).toMatch(/encrypted/);
    expect(message(rawZip([e, e]))).toMatch(/twice/);
    expect(message(rawZip([{ ...e, name: '../a.yaml' }]))).toMatch(/outside the bundle/);
    expect(message(rawZip([{ ...e, name: '/etc/a.yaml' }]))).toMatch(/outside the bundle/);
    const r = readAll(rawZip([entry('a.yaml', new Uint8Array(2000))]), { ...LIMITS, maxEntryBytes: 1000 });
    expect(r.ok ? '' : r.message).toMatch(/at most 1000/);
    const many = rawZip(Array.from({ length: 11 }, (_, i) => entry(`f${i}`, strToU8('x'))));
    expect(readAll(many, { ...LIMITS, maxEntries: 10 }).ok).toBe(false);
  });

  it('never throws on random or damaged bytes, and never reads more than the limits', () => {
    const good = zipSync({
      'b/answers.yaml': strToU8('cluster:\n  size: large\n'.repeat(40)),
      'b/x.yaml': strToU8('a: 1'),
    });
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.nat({ max: good.length }).map((n) => good.slice(0, n)),
      fc
        .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        })
        .map((flips) => {
          const copy = good.slice();
          for (const [at, xor] of flips) copy[at]! ^= xor;
          return copy;
        }),
    );
    fc.assert(
      fc.property(damaged, (bytes) => {
        const r = readZipBounded(bytes, { maxEntries: 10, maxEntryBytes: 4096, maxTotalBytes: 8192 }, () => 'read');
        if (r.ok) {
          expect(r.files.length).toBeLessThanOrEqual(10);
          for (const f of r.files) expect(f.bytes.length).toBeLessThanOrEqual(4096);
        } else expect(r.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });
});
