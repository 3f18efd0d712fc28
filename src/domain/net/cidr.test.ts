import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addressAt,
  addressCount,
  cidrContainsCidr,
  cidrContainsIp,
  cidrsOverlap,
  formatIp,
  lastAddress,
  parseCidr,
  parseIp,
  subnetsThatFit,
  type Cidr,
} from './cidr';

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`test CIDR ${text}: ${r.message}`);
  return r.cidr;
};

describe('parseIp', () => {
  it.each([
    ['10.0.0.1', 4, '10.0.0.1'],
    ['0.0.0.0', 4, '0.0.0.0'],
    ['255.255.255.255', 4, '255.255.255.255'],
    [' 192.168.1.1 ', 4, '192.168.1.1'],
    ['2001:db8::1', 6, '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', 6, '2001:db8::1'],
    ['::', 6, '::'],
    ['::1', 6, '::1'],
    ['fe80::', 6, 'fe80::'],
    ['2001:db8:0:1:0:0:0:1', 6, '2001:db8:0:1::1'],
    ['2001:0:0:1:0:0:0:1', 6, '2001:0:0:1::1'],
    ['2001:0:0:1:0:0:1:1', 6, '2001::1:0:0:1:1'],
    ['::ffff:10.0.0.1', 6, '::ffff:a00:1'],
    ['1:2:3:4:5:6:7:8', 6, '1:2:3:4:5:6:7:8'],
    ['1:2:3:4:5:6:7::', 6, '1:2:3:4:5:6:7:0'],
  ])('accepts %j as IPv%i %j', (input, family, text) => {
    const r = parseIp(input);
    expect(r).toMatchObject({ ok: true, ip: { family, text } });
  });

  it.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '10.0.0.01',
    '10.0.0.1.2',
    '1.2.3.-4',
    'a.b.c.d',
    '2001:db8::1::2',
    '2001:db8:::1',
    '12345::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    'fe80::1%eth0',
    ':1:2:3:4:5:6:7',
    '1.2.3.4::',
    '::1.2.3.4:5',
    'x'.repeat(1000),
    '10.0.0.1/24',
  ])('refuses %j', (input) => {
    expect(parseIp(input).ok).toBe(false);
  });

  it.each([undefined, null, 42, {}, []])('refuses the non-string %j without throwing', (input) => {
    expect(parseIp(input).ok).toBe(false);
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.42.0.0/16', '10.42.0.0/16', 4, 16],
    ['0.0.0.0/0', '0.0.0.0/0', 4, 0],
    ['10.0.0.1/32', '10.0.0.1/32', 4, 32],
    ['2001:cafe:42::/56', '2001:cafe:42::/56', 6, 56],
    ['2001:CAFE:0042:0000::/56', '2001:cafe:42::/56', 6, 56],
    ['::/0', '::/0', 6, 0],
  ])('accepts %j as %j', (input, text, family, prefix) => {
    expect(parseCidr(input)).toEqual({ ok: true, cidr: expect.objectContaining({ text, family, prefix }) });
  });

  it.each([
    ['10.42.0.0', 'syntax'],
    ['10.42.0.0/', 'prefix'],
    ['10.42.0.0/33', 'prefix'],
    ['10.42.0.0/016', 'prefix'],
    ['10.42.0.0/-1', 'prefix'],
    ['2001:db8::/129', 'prefix'],
    ['10.42.0.0/16/8', 'syntax'],
    ['10.42.0.300/16', 'syntax'],
    ['10.42.0.1/16', 'hostBits'],
    ['2001:cafe:42::1/56', 'hostBits'],
  ])('refuses %j (%s)', (input, kind) => {
    expect(parseCidr(input)).toMatchObject({ ok: false, kind });
  });

  it('suggests the network address when host bits are set', () => {
    expect(parseCidr('10.42.7.9/16')).toMatchObject({ ok: false, kind: 'hostBits', suggestion: '10.42.0.0/16' });
    expect(parseCidr('2001:cafe:42:ff::/56')).toMatchObject({
      ok: false,
      kind: 'hostBits',
      suggestion: '2001:cafe:42::/56',
    });
    expect(parseCidr('10.42.7.9/16', { allowHostBits: true })).toMatchObject({
      ok: true,
      cidr: { text: '10.42.0.0/16' },
    });
  });
});

describe('CIDR arithmetic', () => {
  it('counts addresses and node subnets', () => {
    expect(addressCount(cidr('10.42.0.0/16'))).toBe(65536n);
    expect(subnetsThatFit(cidr('10.42.0.0/16'), 24)).toBe(256n);
    expect(subnetsThatFit(cidr('2001:cafe:42::/56'), 64)).toBe(256n);
    expect(subnetsThatFit(cidr('10.42.0.0/25'), 24)).toBe(0n);
    expect(addressCount(cidr('::/0'))).toBe(1n << 128n);
  });

  it('finds containment and overlap, never across families', () => {
    expect(cidrsOverlap(cidr('10.42.0.0/16'), cidr('10.43.0.0/16'))).toBe(false);
    expect(cidrsOverlap(cidr('10.42.0.0/15'), cidr('10.43.0.0/16'))).toBe(true);
    expect(cidrsOverlap(cidr('10.43.255.0/24'), cidr('10.43.0.0/16'))).toBe(true);
    expect(cidrsOverlap(cidr('0.0.0.0/0'), cidr('::/0'))).toBe(false);
    expect(cidrContainsCidr(cidr('10.42.0.0/16'), cidr('10.42.3.0/24'))).toBe(true);
    expect(cidrContainsCidr(cidr('10.42.3.0/24'), cidr('10.42.0.0/16'))).toBe(false);
    const ip = parseIp('10.42.255.255');
    if (!ip.ok) throw new Error('bad test ip');
    expect(cidrContainsIp(cidr('10.42.0.0/16'), ip.ip)).toBe(true);
    expect(cidrContainsIp(cidr('10.43.0.0/16'), ip.ip)).toBe(false);
    expect(formatIp(4, lastAddress(cidr('10.42.0.0/16')))).toBe('10.42.255.255');
    expect(addressAt(cidr('10.43.0.0/16'), 10n)?.text).toBe('10.43.0.10');
    expect(addressAt(cidr('10.43.0.0/29'), 10n)).toBeNull();
  });

  it('never throws on arbitrary input and round-trips canonical text', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        parseIp(x);
        parseCidr(x);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (s) => {
        parseIp(s);
        parseCidr(s);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.nat(128), (ip, n) => {
        const parsed = parseIp(ip);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parseIp(parsed.ip.text)).toEqual(parsed);
        const prefix = Math.min(n, parsed.ip.family === 4 ? 32 : 128);
        const c = parseCidr(`${ip}/${prefix}`, { allowHostBits: true });
        expect(c.ok).toBe(true);
        if (c.ok) {
          expect(cidrContainsIp(c.cidr, parsed.ip)).toBe(true);
          expect(parseCidr(c.cidr.text)).toEqual(c);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
