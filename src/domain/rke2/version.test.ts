import { describe, expect, it } from 'vitest';
import { compareVersions, gateMinimumFor, parseRke2Version, passesGate } from './version';
import { resolveRelease, RELEASES, NEWEST_KNOWN_RELEASE, latestPerMinor } from './releases';
import { GATES, hasGate } from '../facts/gates';

const v = (s: string) => {
  const r = parseRke2Version(s);
  if (!r.ok) throw new Error(r.message);
  return r.version;
};

describe('parseRke2Version', () => {
  it.each([
    ['v1.33.6+rke2r1', 'v1.33.6+rke2r1'],
    ['1.33.6+rke2r2', 'v1.33.6+rke2r2'],
    ['v1.30.1', 'v1.30.1+rke2r1'],
    ['  v1.29.2+rke2r1 ', 'v1.29.2+rke2r1'],
  ])('accepts %s', (input, text) => {
    expect(v(input).text).toBe(text);
  });

  it.each(['', 'latest', 'v1.33', 'v1.33.6+k3s1', 'v2.1.0+rke2r1', 'v1.33.6+rke2r0', 42, null, {}, 'v1.33.6-rke2r1'])(
    'rejects %j with a message',
    (input) => {
      const r = parseRke2Version(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    },
  );

  it('orders by kubernetes version then revision', () => {
    expect(compareVersions(v('v1.33.6+rke2r1'), v('v1.33.6+rke2r2'))).toBeLessThan(0);
    expect(compareVersions(v('v1.34.1+rke2r1'), v('v1.33.9+rke2r3'))).toBeGreaterThan(0);
    expect(compareVersions(v('v1.33.10+rke2r1'), v('v1.33.9+rke2r1'))).toBeGreaterThan(0);
  });
});

describe('version gates', () => {
  it.each([
    ['v1.29.1+rke2r1', false],
    ['v1.29.2+rke2r1', true],
    ['v1.28.6+rke2r1', false],
    ['v1.28.7+rke2r1', true],
    ['v1.26.14+rke2r1', true],
    ['v1.26.13+rke2r1', false],
    ['v1.25.16+rke2r1', false],
    ['v1.30.0+rke2r1', true],
  ])('flannel gate for %s is %s', (rel, expected) => {
    expect(passesGate(v(rel), GATES.flannel)).toBe(expected);
  });

  it.each([
    ['v1.33.7+rke2r1', false],
    ['v1.33.8+rke2r1', true],
    ['v1.34.3+rke2r3', false],
    ['v1.34.4+rke2r1', true],
    ['v1.35.0+rke2r3', false],
    ['v1.35.1+rke2r1', true],
    ['v1.36.0+rke2r1', true],
    ['v1.32.99+rke2r1', false],
  ])('calico eBPF gate for %s is %s', (rel, expected) => {
    expect(passesGate(v(rel), GATES.calicoEbpf)).toBe(expected);
  });

  it('cilium exclusive gate: v1.33.5 still needs exclusive:false, v1.33.6 does not', () => {
    const before = resolveRelease('v1.33.5+rke2r1');
    const after = resolveRelease('v1.33.6+rke2r1');
    expect(before.ok && !hasGate(before.release, 'ciliumMultusNoExclusive')).toBe(true);
    expect(after.ok && hasGate(after.release, 'ciliumMultusNoExclusive')).toBe(true);
  });
});

describe('release table', () => {
  it('is sorted and holds the rke2 master release', () => {
    for (let i = 1; i < RELEASES.length; i++)
      expect(compareVersions(RELEASES[i - 1]!.version, RELEASES[i]!.version)).toBeLessThan(0);
    expect(NEWEST_KNOWN_RELEASE).toBe('v1.36.4+rke2r1');
  });

  it('knows no flannel chart before the flannel gate and one after', () => {
    const old = RELEASES.find((r) => r.version.text === 'v1.29.1+rke2r1');
    const gated = RELEASES.find((r) => r.version.text === 'v1.29.2+rke2r1');
    expect(old?.charts['rke2-flannel']).toBeNull();
    expect(gated?.charts['rke2-flannel']).not.toBeNull();
  });

  it('resolves exact, newer, nearest-older and malformed releases', () => {
    const exact = resolveRelease('v1.33.6+rke2r1');
    expect(exact.ok && exact.release.resolution).toBe('exact');
    const newer = resolveRelease('v1.38.0+rke2r1');
    expect(newer.ok && newer.release.resolution).toBe('newer-than-table');
    expect(newer.ok && newer.release.row.version.text).toBe(NEWEST_KNOWN_RELEASE);
    const bad = resolveRelease('1.33');
    expect(bad.ok).toBe(false);
  });

  it('offers the latest release of each minor line, newest first', () => {
    const picks = latestPerMinor();
    expect(picks[0]!.text).toBe(NEWEST_KNOWN_RELEASE);
    expect(new Set(picks.map((p) => p.minor)).size).toBe(picks.length);
  });
});

describe('gateMinimumFor', () => {
  const gate = { minimums: ['1.35.1', '1.33.8', '1.34.4'] };
  it("names the first fixed patch of the release's own line", () => {
    expect(gateMinimumFor(v('v1.33.6+rke2r1'), gate)).toBe('v1.33.8');
    expect(gateMinimumFor(v('v1.34.1+rke2r1'), gate)).toBe('v1.34.4');
  });
  it('names the nearest newer line for a line the gate does not list', () => {
    expect(gateMinimumFor(v('v1.32.9+rke2r1'), gate)).toBe('v1.33.8');
    expect(gateMinimumFor(v('v1.30.1+rke2r1'), gate)).toBe('v1.33.8');
  });
});
