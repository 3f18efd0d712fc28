import { describe, expect, it } from 'vitest';
import { defaultAnswers } from '../../domain/answers';
import { evaluate, explain } from '../../domain/engine';
import { answersNeeding, featuresNeeded, FEATURES, matrixFor, type FeatureId } from '../../domain/matrix';
import { resolveRelease } from '../../domain/rke2/releases';
import { buildComparisonView } from './comparison-model';
import { comparisonAnswer } from './comparison-answer';
import { EMPTY_STATE } from './comparison-url';

const matrix = (t: string) => {
  const r = resolveRelease(t);
  if (!r.ok) throw new Error(r.message);
  return matrixFor(r.release);
};
const answerFor = (release: string, features: FeatureId[]) => {
  const m = matrix(release);
  return comparisonAnswer(m, buildComparisonView(m, { ...EMPTY_STATE, features }, null, null), null, false, {
    evaluate,
    explain,
  });
};

describe('comparisonAnswer', () => {
  it('states how many CNIs meet the features, which, and at which release', () => {
    const a = answerFor('v1.34.10+rke2r1', ['wireguard', 'windowsNodes']);
    expect(a.meeting).toEqual(['Calico']);
    expect(a.headline).toBe('1 of 8 CNIs meets WireGuard + Windows nodes at v1.34.10+rke2r1: Calico.');
    const b = answerFor('v1.34.10+rke2r1', ['windowsNodes']);
    expect(b.headline).toBe('2 of 8 CNIs meet Windows nodes at v1.34.10+rke2r1: Calico and Flannel.');
    const kpr = answerFor('v1.34.10+rke2r1', ['kubeProxyReplacement']);
    expect(kpr.meeting).toEqual(['Calico', 'Cilium']);
    expect(kpr.headline).toContain('Multus and SR-IOV run beside them.');
    expect(answerFor('v1.34.10+rke2r1', []).headline).toMatch(/^8 CNIs compared at v1\.34\.10\+rke2r1/);
  });

  it("gives the engine's own caveat for the combination: Calico WireGuard does not cover Windows nodes", () => {
    const a = answerFor('v1.34.10+rke2r1', ['wireguard', 'windowsNodes']);
    // The same text the wizard shows for these answers with Calico, not a restatement.
    const wizard = evaluate({
      ...answersNeeding(['wireguard', 'windowsNodes'], defaultAnswers()),
      cluster: { ...defaultAnswers().cluster, windowsNodes: true, release: 'v1.34.10+rke2r1' },
      choice: { forcedCni: 'calico' },
    });
    const noWireguard = wizard.warnings.find((w) => w.messageId === 'windowsNoWireguard')!;
    expect(a.caveats).toContainEqual({
      cni: 'Calico',
      severity: 'warning',
      text: explain(noWireguard),
      source: noWireguard.source,
    });
  });

  it('keeps only findings about the features asked (no default-answer noise) and none without features', () => {
    expect(answerFor('v1.34.10+rke2r1', []).caveats).toEqual([]);
    const a = answerFor('v1.34.10+rke2r1', ['windowsNodes', 'kubeProxyReplacement']);
    // Windows + kube-proxy replacement is blocked for every CNI: one caveat for the combination, not one per CNI.
    const kpr = a.caveats.filter((c) =>
      /kube-proxy replacement cannot be combined|Windows worker nodes and kube-proxy/.test(c.text),
    );
    expect(kpr.length).toBe(1);
    expect(kpr[0]!.cni).toBeNull();
    expect(a.caveats.every((c) => !/NetworkPolicy/.test(c.text) || /Windows/.test(c.text))).toBe(true);
  });

  it('answersNeeding and featuresNeeded agree for every needable feature', () => {
    for (const f of FEATURES.filter((x) => x.kind === 'support')) {
      const needed = featuresNeeded(answersNeeding([f.id], defaultAnswers()));
      if (needed.length === featuresNeeded(defaultAnswers()).length && !needed.includes(f.id)) continue; // no answer for it
      expect(needed, f.id).toContain(f.id);
    }
    expect(featuresNeeded(answersNeeding(['wireguard', 'windowsNodes'], defaultAnswers()))).toEqual(
      expect.arrayContaining(['wireguard', 'windowsNodes']),
    );
  });
});

describe('comparisonAnswer caveats', () => {
  it('drops findings that only exist because each CNI is asked about in turn', () => {
    const m = matrix('v1.34.10+rke2r1');
    const view = buildComparisonView(m, { ...EMPTY_STATE, features: ['dualStack', 'observability'] }, null, null);
    const a = comparisonAnswer(m, view, null, false, { evaluate, explain });
    expect(a.caveats.some((c) => /^You forced/.test(c.text))).toBe(false);
    expect(a.caveats.some((c) => c.cni === 'Calico' && /observability/.test(c.text))).toBe(true);
  });
});

describe('comparisonAnswer before the engine has loaded', () => {
  it('gives the same headline, and says the caveats are pending only when features are asked for', () => {
    const m = matrix('v1.34.10+rke2r1');
    const view = buildComparisonView(m, { ...EMPTY_STATE, features: ['wireguard'] }, null, null);
    const loaded = comparisonAnswer(m, view, null, false, { evaluate, explain });
    const pending = comparisonAnswer(m, view, null, false, null);
    expect(pending.headline).toBe(loaded.headline);
    expect(pending.caveatsPending).toBe(true);
    expect(pending.caveats).toEqual([]);
    expect(loaded.caveatsPending).toBe(false);
    const none = buildComparisonView(m, EMPTY_STATE, null, null);
    expect(comparisonAnswer(m, none, null, false, null).caveatsPending).toBe(false);
  });
});
