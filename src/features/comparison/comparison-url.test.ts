import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, comparisonSearch, parseComparisonSearch } from './comparison-url';

describe('comparison URL state', () => {
  it('reads the shared-link form, including a raw + in the release', () => {
    expect(
      parseComparisonSearch(
        '?cni=cilium,calico&release=v1.33.6+rke2r1&features=wireguard,bogus&fit=1&sort=support&collapsed=security',
      ),
    ).toEqual({
      cni: ['calico', 'cilium'],
      release: 'v1.33.6+rke2r1',
      features: ['wireguard'],
      fit: true,
      sort: 'support',
      collapsed: ['security'],
    });
  });

  it('round-trips through the query string', () => {
    const state = {
      ...EMPTY_STATE,
      cni: ['canal', 'flannel'] as const,
      release: 'v1.26.14+rke2r1',
      features: ['windowsNodes'] as const,
      sort: 'name' as const,
    };
    const search = comparisonSearch({ ...state, cni: [...state.cni], features: [...state.features] });
    expect(search).toBe('?cni=canal,flannel&release=v1.26.14%2Brke2r1&features=windowsNodes&sort=name');
    expect(parseComparisonSearch(search)).toEqual({ ...state, cni: ['canal', 'flannel'], features: ['windowsNodes'] });
  });

  it('ignores junk and keeps defaults', () => {
    expect(parseComparisonSearch('?sort=evil&fit=yes&cni=,,,')).toEqual(EMPTY_STATE);
    expect(comparisonSearch(EMPTY_STATE)).toBe('');
    expect(parseComparisonSearch(`?release=${'v'.repeat(100)}`).release).toBeNull();
  });
});
