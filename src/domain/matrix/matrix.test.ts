import { describe, expect, it } from 'vitest';
import { RELEASES, resolveRelease, type ResolvedRelease } from '../rke2/releases';
import { SUPPORT_LEVELS } from '../facts/cni-names';
import { FEATURES, FEATURE_IDS } from './features';
import { MATRIX_COLUMNS, cellText, matrixFor } from './matrix';
import { matrixToMarkdown } from './export';

function release(text: string): ResolvedRelease {
  const r = resolveRelease(text);
  if (!r.ok) throw new Error(r.message);
  return r.release;
}

describe('feature matrix', () => {
  it('has a level, a note and an https source for every cell of every column in every release', () => {
    let checked = 0;
    // Collect problems and assert once: ~47,000 cells make per-cell expect() calls slow.
    const problems: string[] = [];
    for (const row of RELEASES) {
      const m = matrixFor(release(row.version.text));
      expect(m.columns.map((c) => c.id)).toEqual([...MATRIX_COLUMNS]);
      for (const f of FEATURE_IDS) {
        for (const col of MATRIX_COLUMNS) {
          const cell = m.cells[f][col];
          const at = `${row.version.text} ${f} ${col}`;
          if (!SUPPORT_LEVELS.includes(cell?.level)) problems.push(`${at}: level ${String(cell?.level)}`);
          else if (!cell.note.trim()) problems.push(`${at}: empty note`);
          else if (!cell.source.title.trim()) problems.push(`${at}: source without title`);
          else if (!/^https:\/\/\S+$/.test(cell.source.url)) problems.push(`${at}: source url ${cell.source.url}`);
          checked++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(RELEASES.length * FEATURE_IDS.length * MATRIX_COLUMNS.length);
  });

  it('groups every feature exactly once', () => {
    const m = matrixFor(release(RELEASES[RELEASES.length - 1]!.version.text));
    expect(m.groups.flatMap((g) => g.features.map((f) => f.id)).sort()).toEqual([...FEATURE_IDS].sort());
    expect(FEATURES).toHaveLength(FEATURE_IDS.length);
  });

  it('gives Cilium VXLAN as UDP 8472, never TCP', () => {
    const ports = matrixFor(release('v1.33.6+rke2r1')).cells.requiredPorts.cilium.value;
    expect(ports).toContain('UDP 8472');
    expect(ports).not.toContain('TCP 8472');
  });

  it('separates rke2-flannel UDP 4789 from canal UDP 8472', () => {
    const m = matrixFor(release('v1.33.6+rke2r1'));
    expect(m.cells.requiredPorts.flannel.value).toContain('UDP 4789');
    expect(m.cells.requiredPorts.flannel.value).not.toContain('8472');
    expect(m.cells.requiredPorts.canal.value).toContain('UDP 8472');
  });

  it('offers Flannel only from its gate', () => {
    const before = matrixFor(release('v1.26.13+rke2r1'));
    const flannelBefore = before.columns.find((c) => c.id === 'flannel')!;
    expect(flannelBefore.offered).toBe(false);
    expect(flannelBefore.notOffered?.reason).toContain('v1.26.14');
    expect(FEATURE_IDS.every((f) => before.cells[f].flannel.level === 'no')).toBe(true);
    for (const text of ['v1.26.14+rke2r1', 'v1.29.2+rke2r1']) {
      const m = matrixFor(release(text));
      const col = m.columns.find((c) => c.id === 'flannel')!;
      expect(col.offered, text).toBe(true);
      expect(col.chartVersion, text).not.toBeNull();
      expect(m.cells.windowsNodes.flannel.level, text).toBe('yes');
      expect(m.cells.networkPolicies.flannel.level, text).toBe('no');
    }
    expect(matrixFor(release('v1.29.1+rke2r1')).columns.find((c) => c.id === 'flannel')!.offered).toBe(false);
  });

  it('enables Calico eBPF and kube-proxy replacement from v1.33.8', () => {
    const before = matrixFor(release('v1.33.7+rke2r1')).cells;
    const after = matrixFor(release('v1.33.8+rke2r1')).cells;
    expect(before.ebpfDataplane.calico.level).toBe('no');
    expect(before.kubeProxyReplacement.calico.level).toBe('no');
    expect(after.ebpfDataplane.calico.level).toBe('yes');
    expect(after.kubeProxyReplacement.calico.level).toBe('yes');
    expect(after.ebpfDataplane.calico.since).toBe('from v1.33.8');
    expect(matrixFor(release('v1.34.3+rke2r1')).cells.ebpfDataplane.calico.level).toBe('no');
    expect(matrixFor(release('v1.35.1+rke2r1')).cells.ebpfDataplane.calico.level).toBe('yes');
  });

  it('takes the Cilium minimum kernel from the bundled Cilium version', () => {
    const kernelOf = (text: string) => matrixFor(release(text)).cells.minimumKernel.cilium.kernel;
    expect(kernelOf('v1.21.2+rke2r1')).toEqual({ minimum: '4.9.17' }); // Cilium 1.9
    expect(kernelOf('v1.26.14+rke2r1')).toEqual({ minimum: '4.19.57', rhel8: '4.18' }); // Cilium 1.15
    expect(kernelOf('v1.28.13+rke2r1')).toEqual({ minimum: '5.4', rhel8: '4.18' }); // Cilium 1.16
    expect(kernelOf(RELEASES[RELEASES.length - 1]!.version.text)).toEqual({ minimum: '5.10', rhel8: '4.18' }); // Cilium 1.19
  });

  it('no longer says Calico dual-stack switches to BGP', () => {
    const newest = matrixFor(release(RELEASES[RELEASES.length - 1]!.version.text)).cells.dualStack.calico;
    expect(newest.level).toBe('yes');
    expect(newest.note).toMatch(/no longer switches to BGP/);
    // rke2-calico v3.19 left the IPv6 pool unencapsulated.
    expect(matrixFor(release('v1.21.2+rke2r1')).cells.dualStack.calico.level).toBe('partial');
  });

  it('needs cni.exclusive: false for Cilium with Multus only before the November 2025 releases', () => {
    expect(matrixFor(release('v1.33.5+rke2r1')).cells.multipleInterfaces.cilium.source.url).toContain('9040');
    expect(matrixFor(release('v1.33.6+rke2r1')).cells.multipleInterfaces.cilium.note).toContain('already false');
  });

  it('marks comparison-only columns as not offered, with why', () => {
    const m = matrixFor(release('v1.33.6+rke2r1'));
    const weave = m.columns.find((c) => c.id === 'weave')!;
    const aws = m.columns.find((c) => c.id === 'aws-vpc-cni')!;
    expect(weave).toMatchObject({ kind: 'comparison-only', offered: false });
    expect(weave.notOffered?.reason).toMatch(/RKE1 only.*archived/);
    expect(aws.notOffered?.reason).toMatch(/EKS/);
  });

  it('writes one line per cell with its release dependency', () => {
    const cell = matrixFor(release('v1.33.8+rke2r1')).cells.ebpfDataplane.calico;
    expect(cellText(cell)).toMatch(/^Yes — .*\(from v1\.33\.8\)$/);
  });

  // Every fact change shows up as a diff in these files.
  it('matches the snapshot for the newest release', async () => {
    const text = RELEASES[RELEASES.length - 1]!.version.text;
    await expect(matrixToMarkdown(matrixFor(release(text)))).toMatchFileSnapshot('./__snapshots__/matrix-newest.md');
  });

  it('matches the snapshot for an old release (before Flannel)', async () => {
    await expect(matrixToMarkdown(matrixFor(release('v1.26.13+rke2r1')))).toMatchFileSnapshot(
      './__snapshots__/matrix-v1.26.13.md',
    );
  });
});
