/**
 * The whole decision space through engine → generators → bundle doctor (issue 3, "Use it in three
 * places", 1): every bundle that is produced passes validateBundle with zero errors, and every
 * blocking decision produces no bundle. 2,000 property-based samples over every discrete answer
 * (fixed seed, so a failure replays), plus every named scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
} from '../domain/answers/types';
import { defaultAnswers } from '../domain/answers/defaults';
import { OS_PRESET_INFO } from '../domain/kernel';
import { RELEASES } from '../domain/rke2/releases';
import { evaluate } from '../domain/engine';
import { generateBundle } from '../domain/generators';
import { validateBundle } from '../domain/validate';
import { SCENARIOS } from './scenarios';

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    release: fc.oneof(
      { weight: 9, arbitrary: pick(RELEASES.map((r) => r.version.text)) },
      { weight: 1, arbitrary: pick(['v1.37.0+rke2r1', 'v1.33.99+rke2r1']) },
    ),
    management: pick(MANAGEMENT_MODES),
    size: pick(CLUSTER_SIZES),
    windowsNodes: fc.boolean(),
    cisProfile: fc.boolean(),
    osPreset: pick(OS_PRESETS),
    kernel: pick(['4.18', '5.4', '5.8', '5.10', '6.8']),
    iface: pick(['', 'eth1']),
    mtu: pick([1500, 9000, 1400]),
    policy: pick(POLICY_NEEDS),
    encryption: pick(ENCRYPTIONS),
    ipFamily: pick(IP_FAMILIES),
    mode: pick(EXTRA_INTERFACE_MODES),
    secondaryType: pick(SECONDARY_TYPES),
    ipam: pick(SECONDARY_IPAMS),
    deviceType: pick(SRIOV_DEVICE_TYPES),
    kpr: fc.boolean(),
    apiServerHost: pick(['', '10.0.0.10', 'rke2.example.com']),
    observability: fc.boolean(),
    bandwidthManager: fc.boolean(),
    awsEni: fc.boolean(),
    bgp: fc.boolean(),
    peer: pick(['', '192.168.1.1']),
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
    a.nodes = {
      ...a.nodes,
      osPreset: r.osPreset,
      kernel: r.osPreset === 'custom' ? r.kernel : OS_PRESET_INFO[r.osPreset].kernel,
      interface: r.iface,
      underlayMtu: r.mtu,
    };
    a.security = { policy: r.policy, encryption: r.encryption };
    a.addressing = {
      ...a.addressing,
      ipFamily: r.ipFamily,
      ...(r.ipFamily === 'ipv4' ? {} : { clusterCidrV6: '2001:cafe:42::/56', serviceCidrV6: '2001:cafe:43::/112' }),
    };
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
      bgp: { ...a.performance.bgp, enabled: r.bgp, peerAddress: r.peer },
    };
    a.choice = { forcedCni: r.forcedCni };
    return a;
  });

/** Throws with everything needed to reproduce: fast-check then prints the shrunk answers. */
function checkAnswers(answers: Answers): { produced: boolean } {
  const decision = evaluate(answers);
  const result = generateBundle(answers, decision);
  if (decision.blocking.length > 0) {
    if (result.ok)
      throw new Error(`blocking ${decision.blocking.map((b) => b.messageId).join(', ')} but a bundle was produced`);
    return { produced: false };
  }
  if (!result.ok) return { produced: false }; // a generator guard blocked: no files, which is allowed
  const errors = validateBundle(result.files).filter((i) => i.severity === 'error');
  if (errors.length)
    throw new Error(
      `bundle ${result.name} fails the doctor:\n${errors.map((e) => `  ${e.file}: ${e.keyPath}: ${e.messageId}: ${e.message}`).join('\n')}`,
    );
  return { produced: true };
}

describe('the whole decision space validates clean', () => {
  it('every named scenario: a produced bundle has zero doctor errors; a blocked one has no bundle', () => {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      expect(() => checkAnswers(scenario.answers), name).not.toThrow();
    }
  });

  it('2,000 random answers: produced bundles pass the doctor, blocking decisions produce none', () => {
    let produced = 0;
    let blocked = 0;
    fc.assert(
      fc.property(answersArb, (answers) => {
        if (checkAnswers(answers).produced) produced++;
        else blocked++;
      }),
      { numRuns: 2000, seed: 20261125 },
    );
    // The samples must exercise both sides, or the property proves nothing.
    expect(produced).toBeGreaterThan(500);
    expect(blocked).toBeGreaterThan(0);
  }, 120_000);
});
