import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDns1123Label, isDns1123Subdomain, objectName } from './k8s-names';

describe('objectName: every derived object name is a valid RFC 1123 label', () => {
  it('keeps a valid name as it is, and lowercases and dashes the rest', () => {
    expect(objectName('macvlan-net', 'example')).toBe('macvlan-net-example');
    expect(objectName('intel_sriov', 'policy')).toBe('intel-sriov-policy');
    expect(objectName('IntelNICs', 'policy')).toBe('intelnics-policy');
  });

  it('a leading "_" or a 62-character resource name (the red-team cases) still gives a valid name', () => {
    expect(objectName('_intel', 'policy')).toBe('intel-policy');
    const long = objectName(`${'a'.repeat(61)}_b`, 'policy');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(isDns1123Label(long)).toBe(true);
    expect(isDns1123Label(objectName('x'.repeat(62), 'example'))).toBe(true);
    expect(objectName('___', 'policy', 'sriov')).toBe('sriov-policy');
  });

  it('any text and suffix gives a valid label', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('', 'policy', 'example', '_x_'), (base, suffix) => {
        expect(isDns1123Label(objectName(base, suffix))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the validators follow the API server rules', () => {
    for (const ok of ['a', 'a-b', '0', 'a'.repeat(63)]) expect(isDns1123Label(ok), ok).toBe(true);
    for (const bad of ['', '-a', 'a-', 'A', 'a_b', 'a.b', 'a'.repeat(64)]) expect(isDns1123Label(bad), bad).toBe(false);
    for (const ok of ['a.b', 'a-b.c', `${'a'.repeat(63)}.b`]) expect(isDns1123Subdomain(ok), ok).toBe(true);
    for (const bad of ['-intel-policy', 'x-', 'a..b', '.a', 'a.', 'a'.repeat(254)])
      expect(isDns1123Subdomain(bad), bad).toBe(false);
  });
});
