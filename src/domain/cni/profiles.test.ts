import { describe, expect, it } from 'vitest';
import { RELEASES, resolveRelease } from '../rke2/releases';
import {
  CNI_PROFILES,
  COMPARISON_ONLY_PROFILES,
  DEFAULT_PORT_OPTIONS,
  PROFILE_IDS,
  calicoMinorFromChart,
  chartVersionsByRelease,
  ciliumKernelFor,
  ciliumMinorFromChart,
  offeredIn,
  profilePorts,
} from './profiles';

const rel = (t: string) => {
  const r = resolveRelease(t);
  if (!r.ok) throw new Error(r.message);
  return r.release;
};
const https = /^https:\/\/\S+$/;

describe('CNI profiles', () => {
  it('covers every primary CNI and add-on, each fact with an https source', () => {
    expect(Object.keys(CNI_PROFILES).sort()).toEqual([...PROFILE_IDS].sort());
    for (const p of Object.values(CNI_PROFILES)) {
      for (const fact of [p.windows, p.dualStack, p.ipv6Only, ...p.kernel])
        expect(fact.source.url, p.id).toMatch(https);
      expect(p.pitfalls.length, p.id).toBeGreaterThan(0);
      for (const pit of p.pitfalls) for (const s of pit.sources) expect(s.url, `${p.id} ${pit.title}`).toMatch(https);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
    }
  });

  it('names the RKE2 chart of each charted CNI', () => {
    expect(CNI_PROFILES.canal.chart).toBe('rke2-canal');
    expect(CNI_PROFILES.flannel.chart).toBe('rke2-flannel');
    expect(CNI_PROFILES.multus.chart).toBe('rke2-multus');
    expect(CNI_PROFILES.none.chart).toBeNull();
    expect(CNI_PROFILES.sriov.chart).toBeNull();
  });

  it('allows Windows only for calico and flannel', () => {
    const windows = PROFILE_IDS.filter((id) => CNI_PROFILES[id].windows.level === 'yes');
    expect(windows).toEqual(['calico', 'flannel']);
  });

  it('lists chart versions for every release, flannel only from its gate', () => {
    const flannel = chartVersionsByRelease('flannel');
    expect(flannel).toHaveLength(RELEASES.length);
    expect(flannel.find((r) => r.release === 'v1.26.13+rke2r1')?.version).toBeNull();
    expect(flannel.find((r) => r.release === 'v1.26.14+rke2r1')?.version).toBe('v0.24.201');
    expect(offeredIn('flannel', rel('v1.26.13+rke2r1')).offered).toBe(false);
    expect(offeredIn('flannel', rel('v1.26.14+rke2r1')).offered).toBe(true);
  });

  it('gives ports per CNI: Cilium VXLAN UDP 8472, flannel UDP 4789, add-ons none', () => {
    const cilium = profilePorts('cilium', DEFAULT_PORT_OPTIONS);
    expect(cilium.find((p) => p.port === 8472)?.protocol).toBe('UDP');
    expect(profilePorts('flannel', DEFAULT_PORT_OPTIONS).map((p) => p.port)).toEqual([4789]);
    expect(profilePorts('multus', DEFAULT_PORT_OPTIONS)).toEqual([]);
  });

  it('reads Cilium and Calico versions from chart versions', () => {
    expect(ciliumMinorFromChart('1.19.601')).toEqual({ major: 1, minor: 19 });
    expect(ciliumMinorFromChart('nonsense')).toBeNull();
    expect(calicoMinorFromChart('v3.1906')).toBe(19);
    expect(calicoMinorFromChart('v3.23.103')).toBe(23);
    expect(calicoMinorFromChart(null)).toBeNull();
  });

  it('derives the Cilium kernel minimum from the bundled Cilium', () => {
    expect(ciliumKernelFor(rel('v1.22.13+rke2r1'))).toMatchObject({ cilium: '1.12', minimum: '4.9.17' });
    expect(ciliumKernelFor(rel('v1.26.13+rke2r1'))).toMatchObject({
      cilium: '1.14',
      minimum: '4.19.57',
      rhel8: '4.18',
    });
    expect(ciliumKernelFor(rel('v1.28.13+rke2r1'))).toMatchObject({ cilium: '1.16', minimum: '5.4', rhel8: '4.18' });
    expect(ciliumKernelFor(rel('v1.36.4+rke2r1'))).toMatchObject({ cilium: '1.19', minimum: '5.10', rhel8: '4.18' });
    expect(ciliumKernelFor(rel('v1.36.4+rke2r1')).source.url).toContain('/v1.19/');
  });

  it('says why RKE2 does not offer weave and the Amazon VPC CNI', () => {
    expect(COMPARISON_ONLY_PROFILES.weave.whyNotOffered).toMatch(/RKE1/);
    expect(COMPARISON_ONLY_PROFILES['aws-vpc-cni'].whyNotOffered).toMatch(/EKS/);
  });
});
