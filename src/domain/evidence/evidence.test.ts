import { describe, expect, it } from 'vitest';
import { SOURCES } from '../sources';
import { BENCHMARK, benchmarkFor } from './benchmark';
import { POPULARITY } from './popularity';

describe('evidence', () => {
  it('labels the benchmark with its hardware and cites the raw data', () => {
    expect(BENCHMARK.context).toMatch(/40 GbE/);
    expect(BENCHMARK.context).toMatch(/MTU 9000/);
    expect(BENCHMARK.context).toMatch(/RKE2/);
    expect(BENCHMARK.caveat).toMatch(/never as the only reason/);
    expect(BENCHMARK.source).toBe(SOURCES.ducastelBenchmark);
    for (const r of BENCHMARK.rows) {
      expect(r.tcpSingle).toBeGreaterThan(0);
      expect(r.tcpMulti).toBeGreaterThanOrEqual(r.tcpSingle * 0.9);
    }
  });

  it('gives each CNI its variants plus the bare-metal baseline', () => {
    expect(benchmarkFor('cilium').map((r) => r.variant)).toEqual([
      'baremetal',
      'cilium',
      'cilium-nokproxy',
      'cilium-wg',
      'cilium-ipsec',
    ]);
    expect(benchmarkFor('canal').map((r) => r.variant)).toEqual(['baremetal', 'canal']);
  });

  it('dates the popularity figures as their source does', () => {
    expect(POPULARITY.collected).toBe('January 2022');
    expect(POPULARITY.source.url).toMatch(/^https:\/\/github\.com\/rancher\/rancher-docs\//);
    expect(POPULARITY.figures.map((f) => f.cni)).toEqual(['canal', 'flannel', 'calico', 'weave', 'cilium']);
  });
});
