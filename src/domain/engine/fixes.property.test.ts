import fc from 'fast-check';
import { describe, it } from 'vitest';
import { defaultAnswers } from '../answers/defaults';
import { readPath, ANSWER_PATHS } from '../answers/answers-schema';
import { missingRequired } from '../answers/parse-answers';
import {
  ENCRYPTIONS,
  EXTRA_INTERFACE_MODES,
  FORCED_CNI_CHOICES,
  IP_FAMILIES,
  MANAGEMENT_MODES,
  POLICY_NEEDS,
  type Answers,
} from '../answers/types';
import { RELEASES } from '../rke2/releases';
import { evaluate } from './evaluate';
import { MAX_FIXES, MAX_FIX_EVALUATIONS, fixGoalMet, searchFixes } from './fixes';

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Answers biased towards conflicts: Windows, old kernels, forced CNIs, options that need eBPF. */
const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    release: pick(RELEASES.map((r) => r.version.text)),
    management: pick(MANAGEMENT_MODES),
    windowsNodes: fc.boolean(),
    cisProfile: fc.boolean(),
    kernel: pick(['4.9.17', '4.18', '4.19.90', '5.4', '5.8', '5.10', '6.8']),
    iface: pick(['', 'eth0']),
    policy: pick(POLICY_NEEDS),
    encryption: pick(ENCRYPTIONS),
    ipFamily: pick(IP_FAMILIES),
    mode: pick(EXTRA_INTERFACE_MODES),
    kpr: fc.boolean(),
    apiServerHost: pick(['', '10.0.0.10']),
    observability: fc.boolean(),
    bandwidthManager: fc.boolean(),
    awsEni: fc.boolean(),
    bgp: fc.boolean(),
    forcedCni: pick(FORCED_CNI_CHOICES),
  })
  .map((r) => {
    const a = defaultAnswers();
    a.cluster = { ...a.cluster, release: r.release, management: r.management, windowsNodes: r.windowsNodes };
    a.cluster.cisProfile = r.cisProfile;
    a.nodes = { ...a.nodes, osPreset: 'custom', kernel: r.kernel, interface: r.iface };
    a.security = { policy: r.policy, encryption: r.encryption };
    a.addressing = { ...a.addressing, ipFamily: r.ipFamily };
    a.extras = { ...a.extras, mode: r.mode };
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

describe('suggestFixes over random answers', () => {
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };

  it('every suggestion unblocks the wanted choice, changes only what it says, at most three, smallest first', () => {
    let blocked = 0;
    let offered = 0;
    fc.assert(
      fc.property(answersArb, (answers) => {
        const before = JSON.stringify(answers);
        const decision = evaluate(answers);
        const { fixes, evaluations } = searchFixes(answers, decision);
        check(JSON.stringify(answers) === before, 'the search does not mutate the answers');
        check(fixes.length <= MAX_FIXES, 'at most three suggestions');
        check(evaluations <= MAX_FIX_EVALUATIONS, 'the search stays within its bound');
        const wanted = answers.choice.forcedCni === 'auto' ? null : answers.choice.forcedCni;
        if (fixGoalMet(decision, wanted)) {
          check(fixes.length === 0, 'nothing to fix, nothing offered');
          return;
        }
        blocked++;
        if (fixes.length > 0) offered++;
        for (const fix of fixes) {
          const after = evaluate(fix.answers);
          check(after.blocking.length === 0, `${fix.title}: still blocked (${after.blocking[0]?.messageId})`);
          if (wanted !== null) {
            check(after.chosen === wanted, `${fix.title}: the wanted CNI is no longer chosen`);
            check(
              after.candidates.find((c) => c.cni === wanted)?.status !== 'unavailable',
              `${fix.title}: ${wanted} still ruled out`,
            );
          }
          // The fix changes exactly the answers it lists, to the values it lists.
          const changed = ANSWER_PATHS.filter(
            (p) => JSON.stringify(readPath(fix.answers, p)) !== JSON.stringify(readPath(answers, p)),
          );
          check(
            JSON.stringify(changed.sort()) === JSON.stringify(fix.changes.map((c) => c.field).sort()),
            `${fix.title}: changes ${changed.join(', ')}`,
          );
          for (const c of fix.changes) check(readPath(fix.answers, c.field) === c.to, `${c.field} set as listed`);
          check(!fix.changes.some((c) => c.field === 'choice.forcedCni'), 'the wanted CNI itself is never changed');
          // Never a change that needs a value the user did not type (dual-stack without IPv6 CIDRs, Multus without
          // a host interface).
          const missing = new Set(missingRequired(answers));
          const needs = missingRequired(fix.answers).filter((p) => !missing.has(p));
          check(needs.length === 0, `${fix.title}: needs ${needs.join(', ')}`);
        }
        // Ranked by how little they change: fewer answers first, then lower cost.
        for (let i = 1; i < fixes.length; i++) {
          const [a, b] = [fixes[i - 1]!, fixes[i]!];
          check(
            a.changes.length < b.changes.length || (a.changes.length === b.changes.length && a.cost <= b.cost),
            `ranking: ${a.title} (${a.cost}) before ${b.title} (${b.cost})`,
          );
        }
        // No pair is offered where a single change to one of its answers works on its own.
        const singleFields = new Set(fixes.filter((f) => f.changes.length === 1).map((f) => f.changes[0]!.field));
        for (const f of fixes.filter((x) => x.changes.length > 1))
          check(!f.changes.some((c) => singleFields.has(c.field)), `${f.title} is not minimal`);
      }),
      { numRuns: 400, seed: 20261202 },
    );
    // The generator must actually reach conflicts and fixes, or the property says nothing.
    check(blocked > 50 && offered > 25, `too few blocked cases (${blocked}) or offers (${offered})`);
  }, 60_000);
});
