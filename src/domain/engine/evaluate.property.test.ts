import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  CLUSTER_SIZES,
  ENCRYPTIONS,
  EXTRA_INTERFACE_MODES,
  FORCED_CNI_CHOICES,
  IP_FAMILIES,
  MANAGEMENT_MODES,
  OS_PRESETS,
  POLICY_NEEDS,
  SECONDARY_IPAMS,
  SECONDARY_TYPES,
  SRIOV_DEVICE_TYPES,
  type Answers,
} from '../answers/types';
import { defaultAnswers } from '../answers/defaults';
import { OS_PRESET_INFO } from '../kernel';
import { RELEASES } from '../rke2/releases';
import { evaluate } from './evaluate';
import { explain } from './explain';

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Every known release, plus one newer and one missing from the table, so every resolution path is hit. */
const releaseArb = fc.oneof(
  { weight: 8, arbitrary: pick(RELEASES.map((r) => r.version.text)) },
  { weight: 1, arbitrary: pick(['v1.37.0+rke2r1', 'v1.33.99+rke2r1', 'v1.20.15+rke2r1']) },
);
const kernelArb = pick([
  '4.9.17',
  '4.18',
  '4.19.57',
  '5.4',
  '5.6',
  '5.7',
  '5.8',
  '5.10',
  '5.14.0-427.el9.x86_64',
  '6.8',
  '6.12',
]);
const cidrsArb = pick([
  {
    clusterCidrV4: '10.42.0.0/16',
    serviceCidrV4: '10.43.0.0/16',
    clusterCidrV6: '2001:cafe:42::/56',
    serviceCidrV6: '2001:cafe:43::/112',
  },
  {
    clusterCidrV4: '172.16.0.0/14',
    serviceCidrV4: '172.20.0.0/16',
    clusterCidrV6: 'fd00:10::/56',
    serviceCidrV6: 'fd00:20::/112',
  },
  {
    clusterCidrV4: '100.64.0.0/16',
    serviceCidrV4: '100.65.0.0/20',
    clusterCidrV6: 'fd42::/48',
    serviceCidrV6: 'fd43::/108',
  },
]);

const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    release: releaseArb,
    management: pick(MANAGEMENT_MODES),
    size: pick(CLUSTER_SIZES),
    windowsNodes: fc.boolean(),
    cisProfile: fc.boolean(),
    osPreset: pick(OS_PRESETS),
    kernel: kernelArb,
    policy: pick(POLICY_NEEDS),
    encryption: pick(ENCRYPTIONS),
    ipFamily: pick(IP_FAMILIES),
    cidrs: cidrsArb,
    mode: pick(EXTRA_INTERFACE_MODES),
    secondaryType: pick(SECONDARY_TYPES),
    ipam: pick(SECONDARY_IPAMS),
    deviceType: pick(SRIOV_DEVICE_TYPES),
    kpr: fc.boolean(),
    apiServerHost: pick(['', 'localhost', '10.0.0.10', 'rke2.example.com']),
    observability: fc.boolean(),
    bandwidthManager: fc.boolean(),
    awsEni: fc.boolean(),
    bgp: fc.boolean(),
    forcedCni: pick(FORCED_CNI_CHOICES),
  })
  .map((r) => {
    const a = defaultAnswers();
    a.cluster = {
      release: r.release,
      management: r.management,
      size: r.size,
      windowsNodes: r.windowsNodes,
      cisProfile: r.cisProfile,
    };
    // A preset brings its own kernel, as the wizard does; "custom" keeps the random one.
    a.nodes = {
      ...a.nodes,
      osPreset: r.osPreset,
      kernel: r.osPreset === 'custom' ? r.kernel : OS_PRESET_INFO[r.osPreset].kernel,
    };
    a.security = { policy: r.policy, encryption: r.encryption };
    a.addressing = { ipFamily: r.ipFamily, ...r.cidrs };
    a.extras = {
      ...a.extras,
      mode: r.mode,
      secondary: { ...a.extras.secondary, type: r.secondaryType, ipam: r.ipam },
      sriov: { ...a.extras.sriov, deviceType: r.deviceType },
    };
    a.performance = {
      ...a.performance,
      kubeProxyReplacement: r.kpr,
      apiServerHost: r.apiServerHost,
      observability: r.observability,
      bandwidthManager: r.bandwidthManager,
      awsEni: r.awsEni,
      bgp: { ...a.performance.bgp, enabled: r.bgp },
    };
    a.choice = { forcedCni: r.forcedCni };
    return a;
  });

describe('evaluate over random answers', () => {
  // Plain checks inside the property (vitest's expect is slow over thousands of runs); fast-check reports the failing answers.
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };

  it('never throws, recommends exactly one CNI unless blocked, and sources every exclusion', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const d = evaluate(answers);
        const recommended = d.candidates.filter((c) => c.status === 'recommended');
        if (d.blocking.length === 0 && answers.choice.forcedCni !== 'none') {
          check(
            recommended.length === 1 && d.recommended === recommended[0]!.cni,
            'exactly one recommended without blocking',
          );
        } else if (d.blocking.length > 0) {
          check(recommended.length === 0 && d.recommended === null, 'nothing recommended while blocked');
        }
        check(d.recommended !== 'none', 'none is never recommended automatically');
        for (const c of d.candidates.filter((x) => x.status === 'unavailable')) {
          const excluding = c.reasons.filter((r) => r.effect === 'excludes');
          check(excluding.length > 0, `${c.cni} unavailable without a reason`);
          for (const r of excluding)
            check(r.source.title.trim() !== '' && r.source.url.trim() !== '', `${r.messageId} has no source`);
        }
        for (const f of d.blocking) check(f.fields.length > 0, `${f.messageId} names no field to change`);
        if (answers.choice.forcedCni !== 'auto')
          check(d.chosen === answers.choice.forcedCni, 'a forced choice is chosen');
        for (const item of [...d.candidates.flatMap((c) => c.reasons), ...d.blocking, ...d.warnings, ...d.notes]) {
          check(!explain(item).includes('{{'), `${item.ruleId}/${item.messageId} leaves a placeholder`);
        }
        check(d.candidates.map((c) => c.rank).join() === '1,2,3,4,5', 'ranks are 1..5');
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('is deterministic: the same answers give the same decision', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const copy = structuredClone(answers);
        check(JSON.stringify(evaluate(copy)) === JSON.stringify(evaluate(answers)), 'same answers, same decision');
        check(JSON.stringify(copy) === JSON.stringify(answers), 'evaluate does not mutate its input');
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('copes with input that is not answers at all', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const d = evaluate(junk as Answers);
        check(d.candidates.length === 5 && d.blocking.length > 0, 'junk gives a blocked decision, not an exception');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
