import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../domain/answers';
import { evaluate, explain } from '../domain/engine';
import type { Decision } from '../domain/engine';
import { SCENARIOS, SCENARIO_NAMES, type Scenario } from './scenarios';

function ids(findings: Decision['blocking']): string[] {
  return [...new Set(findings.map((f) => f.messageId))].sort();
}

describe.each(SCENARIO_NAMES)('scenario %s', (name) => {
  const scenario: Scenario = SCENARIOS[name];
  const decision = evaluate(scenario.answers);
  const { expect: want } = scenario;

  it(
    scenario.invalidInput
      ? 'is rejected by parseAnswers on purpose'
      : 'holds answers that parseAnswers accepts unchanged',
    () => {
      const parsed = parseAnswers(scenario.answers);
      expect(parsed.ok).toBe(!scenario.invalidInput);
      if (parsed.ok) expect(parsed.answers).toEqual(scenario.answers);
    },
  );

  if (want.recommended !== undefined) {
    it(`recommends ${want.recommended}`, () => expect(decision.recommended).toBe(want.recommended));
  }
  if (want.chosen !== undefined) {
    it(`chooses ${want.chosen}`, () => expect(decision.chosen).toBe(want.chosen));
  }
  if (want.unavailable) {
    it(`rules out exactly ${want.unavailable.join(', ') || 'nothing'}`, () => {
      const out = decision.candidates
        .filter((c) => c.status === 'unavailable')
        .map((c) => c.cni)
        .sort();
      expect(out).toEqual([...want.unavailable!].sort());
    });
  }
  if (want.blockingMessageIds) {
    it(`blocks with exactly [${want.blockingMessageIds.join(', ')}]`, () =>
      expect(ids(decision.blocking)).toEqual([...want.blockingMessageIds!].sort()));
  }
  if (want.warningMessageIds) {
    it(`warns ${want.warningMessageIds.join(', ') || 'nothing'}`, () => {
      if (want.warningMessageIds!.length === 0) expect(decision.warnings).toEqual([]);
      else expect(ids(decision.warnings)).toEqual(expect.arrayContaining([...want.warningMessageIds!]));
    });
  }
  if (want.noteMessageIds) {
    it(`notes ${want.noteMessageIds.join(', ')}`, () =>
      expect(ids(decision.notes)).toEqual(expect.arrayContaining([...want.noteMessageIds!])));
  }
  if (want.reasons) {
    for (const [cni, messageIds] of Object.entries(want.reasons)) {
      it(`gives ${cni} the reasons ${messageIds!.join(', ')}`, () => {
        const candidate = decision.candidates.find((c) => c.cni === cni);
        expect(candidate?.reasons.map((r) => r.messageId)).toEqual(expect.arrayContaining([...messageIds!]));
      });
    }
  }
  if (want.multus !== undefined) {
    it(`sets multus ${want.multus}`, () => expect(decision.multus).toBe(want.multus));
  }

  it('explains every reason and finding without a missing placeholder', () => {
    const items = [
      ...decision.candidates.flatMap((c) => c.reasons),
      ...decision.blocking,
      ...decision.warnings,
      ...decision.notes,
    ];
    for (const item of items) {
      const text = explain(item);
      expect(text, `${item.ruleId}/${item.messageId}`).not.toMatch(/\{\{|^[\w-]+\/\w+$/);
      expect(item.source.url).toMatch(/^https:\/\//);
    }
  });
});

/** Message data checked exactly for the scenarios whose numbers matter. */
describe('scenario data', () => {
  it('ciliumOldKernel names the bundled Cilium, its minimum and the kernel', () => {
    const cilium = evaluate(SCENARIOS.ciliumOldKernel.answers).candidates.find((c) => c.cni === 'cilium')!;
    const reason = cilium.reasons.find((r) => r.messageId === 'ciliumKernelTooOld')!;
    expect(reason.data).toEqual({
      release: 'v1.36.4+rke2r1',
      ciliumVersion: '1.19.6',
      minKernel: '5.10',
      rhelEquivalent: 'RHEL 8.10 (4.18)',
      kernel: '4.19.90',
    });
    expect(reason.source.url).toBe('https://docs.cilium.io/en/v1.19/operations/system_requirements/');
  });

  it('noCniFits names the conflicting answers', () => {
    const finding = evaluate(SCENARIOS.noCniFits.answers).blocking.find((f) => f.messageId === 'noCniFits')!;
    expect(finding.fields).toEqual(['cluster.windowsNodes', 'security.policy']);
    // In the user's words: question labels, CNI names capitalised.
    expect(finding.data.requirements).toBe('"Windows worker nodes", "Network policy needs"');
    expect(explain(finding)).toContain('Canal is ruled out by "Windows worker nodes"');
    expect(explain(finding)).not.toMatch(/cluster\.|security\.|\bcanal\b/);
  });

  it('ciliumOldKernel names the kernel among the conflicts', () => {
    const finding = evaluate(SCENARIOS.ciliumOldKernel.answers).blocking.find((f) => f.messageId === 'noCniFits')!;
    expect(finding.fields).toEqual(['cluster.release', 'nodes.kernel', 'nodes.osPreset', 'security.policy']);
  });

  it('forcedUnavailable says why and what to change', () => {
    const finding = evaluate(SCENARIOS.forcedUnavailable.answers).blocking[0]!;
    expect(finding).toMatchObject({
      ruleId: 'forced-choice',
      messageId: 'forcedUnavailable',
      data: { cni: 'Flannel' },
      fields: ['choice.forcedCni', 'security.policy'],
    });
    expect(explain(finding)).toMatch(/^You forced Flannel, /);
    expect(explain(finding)).toContain('Flannel does not enforce NetworkPolicy');
  });

  it('forcedDiscouraged carries the consequence', () => {
    const d = evaluate(SCENARIOS.forcedDiscouraged.answers);
    expect(d.warnings.find((f) => f.messageId === 'forcedDiscouraged')!.data).toMatchObject({
      cni: 'Canal',
      because: 'noHubble',
    });
    expect(d.overridden).toBe(true);
  });

  it('windowsDualStackConflict names both fields', () => {
    const finding = evaluate(SCENARIOS.windowsDualStackConflict.answers).blocking[0]!;
    expect(finding).toMatchObject({
      messageId: 'windowsDualStack',
      data: { ipFamily: 'Dual-stack' },
      fields: ['cluster.windowsNodes', 'addressing.ipFamily'],
    });
    // What would be picked once the conflict is resolved stays visible.
    expect(evaluate(SCENARIOS.windowsDualStackConflict.answers).provisional).toBe('calico');
  });

  it('releaseNewerThanTable says which release was used', () => {
    const note = evaluate(SCENARIOS.releaseNewerThanTable.answers).notes.find(
      (f) => f.messageId === 'releaseNewerThanTable',
    )!;
    expect(note.data).toEqual({ requested: 'v1.37.0+rke2r1', used: 'v1.36.4+rke2r1' });
  });

  it('calicoEbpfOldRelease names the gate', () => {
    const calico = evaluate(SCENARIOS.calicoEbpfOldRelease.answers).candidates.find((c) => c.cni === 'calico')!;
    expect(calico.reasons.find((r) => r.messageId === 'calicoEbpfBeforeGate')!.data).toEqual({
      release: 'v1.33.6+rke2r1',
      gates: 'v1.33.8 / v1.34.4 / v1.35.1',
      minimum: 'v1.33.8',
    });
  });

  it('multusCiliumOldRelease sets cni.exclusive false only before the gate', () => {
    const cilium = evaluate(SCENARIOS.multusCiliumOldRelease.answers).candidates.find((c) => c.cni === 'cilium')!;
    expect(cilium.reasons.find((r) => r.messageId === 'ciliumExclusiveFalse')!.data).toEqual({
      release: 'v1.31.13+rke2r1',
      gates: 'v1.31.14 / v1.32.10 / v1.33.6 / v1.34.2',
    });
  });

  it('irreversible notes are flagged irreversible', () => {
    const notes = evaluate(SCENARIOS.stockCluster.answers).notes.filter((f) => f.irreversible);
    expect(notes.map((f) => f.messageId)).toEqual(['cniIrreversible', 'cidrsIrreversible', 'ipFamilyIrreversible']);
  });

  it('CNI-specific findings name the CNIs they apply to', () => {
    const d = evaluate(SCENARIOS.cisWithCalico.answers);
    expect(d.warnings.find((f) => f.messageId === 'cisPolicyControllerCanalOnly')!.appliesTo).toContain('calico');
    // The same answers without forcing calico pick canal, where the warning does not hold.
    expect(
      evaluate({ ...SCENARIOS.cisWithCalico.answers, choice: { forcedCni: 'auto' } }).warnings.map((f) => f.messageId),
    ).not.toContain('cisPolicyControllerCanalOnly');
  });

  it('ranks 1..n with unavailable candidates last', () => {
    const d = evaluate(SCENARIOS.windowsWorkers.answers);
    expect(d.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    const firstUnavailable = d.candidates.findIndex((c) => c.status === 'unavailable');
    expect(d.candidates.slice(firstUnavailable).every((c) => c.status === 'unavailable')).toBe(true);
  });
});
