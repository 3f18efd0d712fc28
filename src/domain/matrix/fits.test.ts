import { describe, expect, it } from 'vitest';
import { defaultAnswers } from '../answers/defaults';
import type { Answers } from '../answers/types';
import { featureFitsAnswers, featuresNeeded, fitColumns } from './fits';
import { matrixFor } from './matrix';
import { resolveRelease } from '../rke2/releases';

const with_ = (patch: (a: Answers) => void): Answers => {
  const a = defaultAnswers();
  patch(a);
  return a;
};
const fitting = (a: Answers) =>
  featureFitsAnswers(a)!
    .fits.filter((f) => f.fits)
    .map((f) => f.column);

describe('featuresNeeded', () => {
  it('maps the default answers to Kubernetes NetworkPolicy only', () => {
    expect(featuresNeeded(defaultAnswers())).toEqual(['networkPolicies']);
  });

  it('maps every answer that needs a feature', () => {
    const a = with_((x) => {
      x.cluster.windowsNodes = true;
      x.cluster.cisProfile = true;
      x.security.policy = 'l7';
      x.security.encryption = 'wireguard';
      x.addressing.ipFamily = 'dual';
      x.extras.mode = 'sriov';
      x.performance.kubeProxyReplacement = true;
      x.performance.observability = true;
      x.performance.bgp.enabled = true;
      x.performance.bandwidthManager = true;
    });
    expect(featuresNeeded(a).sort()).toEqual(
      [
        'bandwidthManagement',
        'bgp',
        'cisHardened',
        'dualStack',
        'kubeProxyReplacement',
        'l7Policy',
        'multipleInterfaces',
        'networkPolicies',
        'observability',
        'windowsNodes',
        'wireguard',
      ].sort(),
    );
    expect(
      featuresNeeded(
        with_((x) => {
          x.security.encryption = 'ipsec';
          x.addressing.ipFamily = 'ipv6';
        }),
      ),
    ).toEqual(expect.arrayContaining(['ipsec', 'ipv6Only']));
  });
});

describe('fitColumns', () => {
  it('keeps only Calico among primaries for Windows nodes with NetworkPolicy', () => {
    const cols = fitting(
      with_((x) => {
        x.cluster.windowsNodes = true;
      }),
    );
    expect(cols.filter((c) => ['canal', 'calico', 'cilium', 'flannel'].includes(c))).toEqual(['calico']);
  });

  it('keeps Calico and Flannel for Windows without policy', () => {
    const cols = fitting(
      with_((x) => {
        x.cluster.windowsNodes = true;
        x.security.policy = 'none';
      }),
    );
    expect(cols.filter((c) => ['canal', 'calico', 'cilium', 'flannel'].includes(c))).toEqual(['calico', 'flannel']);
  });

  it('drops Flannel before its gate and comparison-only columns, with reasons', () => {
    const result = featureFitsAnswers(
      with_((x) => {
        x.cluster.release = 'v1.26.13+rke2r1';
        x.security.policy = 'none';
      }),
    )!;
    const flannel = result.fits.find((f) => f.column === 'flannel')!;
    expect(flannel.fits).toBe(false);
    expect(flannel.blockers[0]).toMatchObject({ feature: null });
    expect(flannel.blockers[0]!.note).toContain('v1.26.14');
    expect(result.fits.find((f) => f.column === 'weave')!.fits).toBe(false);
  });

  it('names L7 as the reason canal and calico drop out', () => {
    const result = featureFitsAnswers(
      with_((x) => {
        x.security.policy = 'l7';
      }),
    )!;
    expect(result.fits.find((f) => f.column === 'cilium')!.fits).toBe(true);
    expect(result.fits.find((f) => f.column === 'calico')!.blockers.map((b) => b.feature)).toEqual(['l7Policy']);
  });

  it('drops Cilium on an old kernel, except RHEL 8.10', () => {
    const old = featureFitsAnswers(
      with_((x) => {
        x.nodes.osPreset = 'custom';
        x.nodes.kernel = '4.18';
      }),
    )!;
    expect(old.fits.find((f) => f.column === 'cilium')!.blockers.map((b) => b.feature)).toEqual(['minimumKernel']);
    const rhel = featureFitsAnswers(
      with_((x) => {
        x.nodes.osPreset = 'rhel-8.10';
        x.nodes.kernel = '4.18';
      }),
    )!;
    expect(rhel.fits.find((f) => f.column === 'cilium')!.fits).toBe(true);
    // Recognised from uname -r as the engine does, even with the custom preset.
    const uname = featureFitsAnswers(
      with_((x) => {
        x.nodes.osPreset = 'custom';
        x.nodes.kernel = '4.18.0-553.el8_10.x86_64';
      }),
    )!;
    expect(uname.fits.find((f) => f.column === 'cilium')!.fits).toBe(true);
  });

  it('keeps add-ons when a needed feature is not applicable to them', () => {
    const r = resolveRelease('v1.33.6+rke2r1');
    if (!r.ok) throw new Error(r.message);
    const fits = fitColumns(matrixFor(r.release), ['networkPolicies', 'ebpfDataplane']);
    expect(fits.find((f) => f.column === 'multus')!.fits).toBe(true);
    expect(fits.find((f) => f.column === 'canal')!.fits).toBe(false);
    // Comparison-only CNIs were not assessed for most features: they do not count as fitting.
    expect(fits.find((f) => f.column === 'aws-vpc-cni')!.fits).toBe(false);
    expect(fitColumns(matrixFor(r.release), ['networkPolicies']).find((f) => f.column === 'weave')!.fits).toBe(true);
  });

  it('returns null for a malformed release', () => {
    expect(
      featureFitsAnswers(
        with_((x) => {
          x.cluster.release = 'latest';
        }),
      ),
    ).toBeNull();
  });
});
