import { describe, expect, it } from 'vitest';
import { answersWith } from '../../test/scenarios';
import { ANSWER_FIELDS, ANSWER_PATHS } from '../answers/answers-schema';
import { ciliumKernelRequirement } from '../facts/kernel-needs';
import { kernelAtLeast, parseKernel } from '../kernel';
import { RELEASES } from '../rke2/releases';
import { evaluate } from './evaluate';
import { FIX_COST, MAX_FIXES, MAX_FIX_EVALUATIONS, fixGoalMet, searchFixes, suggestFixes } from './fixes';
import { ciliumVersionFromChart } from './context';

/** Releases of a line whose bundled Cilium accepts the kernel, newest first (from the release table). */
function ciliumReleasesFor(kernelText: string, minor: number): string[] {
  const parsed = parseKernel(kernelText);
  if (!parsed.ok) throw new Error('bad kernel');
  return RELEASES.filter((r) => r.version.minor === minor)
    .filter((r) => {
      const c = ciliumVersionFromChart(r.charts['rke2-cilium']);
      return c !== null && kernelAtLeast(parsed.kernel, ciliumKernelRequirement(c.minor).minKernel);
    })
    .map((r) => r.version.text)
    .reverse();
}

describe('suggestFixes', () => {
  it('offers nothing when nothing blocks', () => {
    expect(suggestFixes(answersWith({}))).toEqual([]);
    expect(searchFixes(answersWith({})).evaluations).toBe(0);
  });

  it('Windows workers with dual-stack: IPv4 first, then dropping the Windows workers', () => {
    const answers = answersWith({ cluster: { windowsNodes: true }, addressing: { ipFamily: 'dual' } });
    expect(evaluate(answers).blocking.map((f) => f.messageId)).toContain('windowsDualStack');
    const fixes = suggestFixes(answers);
    expect(fixes.map((f) => f.changes.map((c) => [c.field, c.to]))).toEqual([
      [['addressing.ipFamily', 'ipv4']],
      [['cluster.windowsNodes', false]],
    ]);
    expect(fixes[0]!.title).toBe('Set "IP family" to IPv4 only');
    expect(fixes[0]!.result).toMatchObject({ recommended: 'calico', text: 'Use Calico' });
    expect(fixes[1]!.title).toBe('Turn off "Windows worker nodes"');
  });

  it('a forced Cilium on a 5.4 kernel: a patch of the same line that still bundles a Cilium for 5.4', () => {
    const line = 30;
    const newest = RELEASES.filter((r) => r.version.minor === line).at(-1)!.version.text;
    const answers = answersWith({
      cluster: { release: newest },
      nodes: { osPreset: 'custom', kernel: '5.4' },
      choice: { forcedCni: 'cilium' },
    });
    // The newest v1.30 patch bundles a Cilium that needs more than 5.4: the premise of the example.
    expect(evaluate(answers).blocking.map((f) => f.messageId)).toEqual(['forcedUnavailable']);
    const working = ciliumReleasesFor('5.4', line);
    expect(working.length).toBeGreaterThan(0);
    const [first] = suggestFixes(answers);
    expect(first!.changes).toEqual([
      expect.objectContaining({ field: 'cluster.release', to: working[0], label: 'RKE2 release' }),
    ]);
    expect(first!.cost).toBe(FIX_COST.releaseSameMinor);
    expect(first!.title).toBe(`Use RKE2 release ${working[0]}`);
    // Why, in the rule's own words: the Cilium that release bundles accepts the kernel.
    expect(first!.detail).toMatch(/^Kernel 5\.4 meets Cilium 1\.17\.\d+'s minimum of 5\.4\.$/);
    expect(first!.result).toMatchObject({ chosen: 'cilium', text: 'Cilium works' });
  });

  it('when no patch of the line works, the nearest line that bundles a fitting Cilium comes first', () => {
    const answers = answersWith({
      cluster: { release: RELEASES.filter((r) => r.version.minor === 34).at(-1)!.version.text },
      nodes: { osPreset: 'custom', kernel: '5.4' },
      choice: { forcedCni: 'cilium' },
    });
    expect(ciliumReleasesFor('5.4', 34)).toEqual([]);
    const fixes = suggestFixes(answers);
    expect(fixes[0]!.changes[0]!.to).toBe(ciliumReleasesFor('5.4', 33)[0]);
    // Nearer lines first: the line distance only grows down the list.
    const lines = fixes.map((f) => Number(String(f.changes[0]!.to).split('.')[1]));
    expect(lines.map((m) => Math.abs(m - 34))).toEqual([...lines.map((m) => Math.abs(m - 34))].sort((a, b) => a - b));
  });

  it('a gate names the fix: Calico eBPF on a release before its gate gets the newest patch of the line', () => {
    const answers = answersWith({
      cluster: { release: 'v1.33.6+rke2r1' },
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
      choice: { forcedCni: 'calico' },
    });
    const fixes = suggestFixes(answers);
    const newest33 = RELEASES.filter((r) => r.version.minor === 33).at(-1)!.version.text;
    expect(fixes[0]!.changes[0]).toMatchObject({ field: 'cluster.release', to: newest33 });
    expect(fixes[0]!.detail).toBe(
      `Calico can replace kube-proxy with its eBPF dataplane (linuxDataplane: BPF) on ${newest33}.`,
    );
    expect(fixes.map((f) => f.title)).toContain('Turn off "Replace kube-proxy with eBPF"');
  });

  it('two blockers with no single cure but one: the pair of smaller changes ranks after it', () => {
    const answers = answersWith({
      cluster: { windowsNodes: true },
      addressing: { ipFamily: 'dual' },
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
    });
    const fixes = suggestFixes(answers);
    expect(fixes[0]!.changes.map((c) => c.field)).toEqual(['cluster.windowsNodes']);
    const pair = fixes.find((f) => f.changes.length === 2);
    expect(pair?.changes.map((c) => c.field)).toEqual(['addressing.ipFamily', 'performance.kubeProxyReplacement']);
    expect(pair!.title).toBe('Set "IP family" to IPv4 only and Turn off "Replace kube-proxy with eBPF"');
  });

  it('lowers a requirement, never raises one', () => {
    const answers = answersWith({ cluster: { windowsNodes: true }, security: { policy: 'l7' } });
    const fixes = suggestFixes(answers);
    expect(fixes[0]!.changes).toEqual([expect.objectContaining({ field: 'security.policy', to: 'kubernetes' })]);
    for (const f of suggestFixes(answersWith({ choice: { forcedCni: 'flannel' } })))
      for (const c of f.changes) if (c.field === 'security.policy') expect(c.to).toBe('none');
  });

  it('speaks in question labels, never field paths, and stays within its bounds', () => {
    const cases = [
      answersWith({ cluster: { windowsNodes: true }, security: { policy: 'l7' } }),
      answersWith({ nodes: { osPreset: 'custom', kernel: '4.9.17' }, choice: { forcedCni: 'cilium' } }),
      answersWith({ cluster: { windowsNodes: true }, nodes: { interface: 'eth0' } }),
    ];
    for (const answers of cases) {
      const { fixes, evaluations } = searchFixes(answers);
      expect(evaluations).toBeLessThanOrEqual(MAX_FIX_EVALUATIONS);
      expect(fixes.length).toBeLessThanOrEqual(MAX_FIXES);
      for (const f of fixes) {
        for (const path of ANSWER_PATHS) expect(f.title).not.toContain(path);
        for (const c of f.changes) expect(f.title).toContain(ANSWER_FIELDS[c.field].label);
      }
    }
  });

  it('a Windows interface name: leave the interface empty', () => {
    const answers = answersWith({ cluster: { windowsNodes: true }, nodes: { interface: 'eth0' } });
    const [first] = suggestFixes(answers);
    expect(first!.changes).toEqual([expect.objectContaining({ field: 'nodes.interface', to: '' })]);
    expect(first!.title).toBe('Leave "Node network interface (optional)" empty');
    expect(fixGoalMet(evaluate(first!.answers), null)).toBe(true);
  });

  it('an explicit goal: what makes a CNI the engine ruled out possible', () => {
    const answers = answersWith({ cluster: { windowsNodes: true } });
    expect(evaluate(answers).blocking).toEqual([]);
    const fixes = suggestFixes(answers, undefined, { cni: 'cilium' });
    expect(fixes[0]!.changes.map((c) => [c.field, c.to])).toEqual([['cluster.windowsNodes', false]]);
    expect(fixes[0]!.result.text).toBe('Cilium becomes possible');
  });

  it('does not change the answers it is given', () => {
    const answers = answersWith({ cluster: { windowsNodes: true }, addressing: { ipFamily: 'dual' } });
    const copy = structuredClone(answers);
    suggestFixes(answers);
    expect(answers).toEqual(copy);
  });
});
