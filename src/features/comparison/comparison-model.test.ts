import { describe, expect, it } from 'vitest';
import { defaultAnswers } from '../../domain/answers';
import { evaluate, explain } from '../../domain/engine';
import { matrixFor } from '../../domain/matrix';
import { resolveRelease } from '../../domain/rke2/releases';
import { buildComparisonView } from './comparison-model';
import { EMPTY_STATE } from './comparison-url';

const matrix = (t: string) => {
  const r = resolveRelease(t);
  if (!r.ok) throw new Error(r.message);
  return matrixFor(r.release);
};
const ids = (v: { column: { id: string } }[]) => v.map((x) => x.column.id);

describe('buildComparisonView', () => {
  it('shows every offered column by default and hides flannel before its gate, saying why', () => {
    const v = buildComparisonView(matrix('v1.26.13+rke2r1'), EMPTY_STATE, null, null);
    expect(ids(v.shown)).toEqual(['canal', 'calico', 'cilium', 'multus', 'sriov', 'weave', 'aws-vpc-cni']);
    expect(v.hidden[0]!.column.id).toBe('flannel');
    expect(v.hidden[0]!.hiddenBecause[0]!.text).toMatch(/^Not offered: .*v1\.26\.14/);
    expect(ids(buildComparisonView(matrix('v1.26.14+rke2r1'), EMPTY_STATE, null, null).shown)).toContain('flannel');
  });

  it('hides columns that cannot do a needed feature, with the feature and level', () => {
    const v = buildComparisonView(matrix('v1.33.6+rke2r1'), { ...EMPTY_STATE, features: ['windowsNodes'] }, null, null);
    expect(ids(v.shown)).toEqual(['calico', 'flannel']);
    expect(v.hidden.find((h) => h.column.id === 'weave')!.hiddenBecause[0]!.text).toMatch(
      /^Windows nodes: Not applicable\. Not assessed/,
    );
    const cilium = v.hidden.find((h) => h.column.id === 'cilium')!;
    expect(cilium.hiddenBecause.map((b) => b.text)).toEqual([expect.stringMatching(/^Windows nodes: No\. /)]);
  });

  it('keeps only the selected columns and sorts them', () => {
    const v = buildComparisonView(
      matrix('v1.33.6+rke2r1'),
      { ...EMPTY_STATE, cni: ['canal', 'cilium', 'calico'], sort: 'support', features: ['l7Policy', 'ipsec'] },
      null,
      null,
    );
    expect(ids(v.shown)).toEqual(['cilium']);
    const byName = buildComparisonView(
      matrix('v1.33.6+rke2r1'),
      { ...EMPTY_STATE, cni: ['cilium', 'canal', 'calico'], sort: 'name' },
      null,
      null,
    );
    expect(ids(byName.shown)).toEqual(['calico', 'canal', 'cilium']);
  });

  it('marks the engine recommendation and, with "fit", hides what the answers rule out', () => {
    const answers = defaultAnswers();
    answers.cluster.windowsNodes = true;
    const decision = evaluate(answers);
    const m = matrix(answers.cluster.release);
    const v = buildComparisonView(m, { ...EMPTY_STATE, fit: true }, answers, { decision, explain });
    expect(v.needed).toEqual(expect.arrayContaining(['windowsNodes', 'networkPolicies']));
    expect(ids(v.shown).filter((id) => ['canal', 'calico', 'cilium', 'flannel'].includes(id))).toEqual(['calico']);
    expect(v.shown.find((c) => c.column.id === 'calico')!.recommended).toBe(decision.recommended === 'calico');
    const canal = v.hidden.find((h) => h.column.id === 'canal')!;
    expect(canal.hiddenBecause.length).toBeGreaterThan(0);
    expect(canal.status).toBe('unavailable');
    expect(canal.excludedBecause.length).toBeGreaterThan(0);
    expect(v.hidden.find((h) => h.column.id === 'weave')!.hiddenBecause[0]!.text).toMatch(/^Not offered: /);
  });
});
