import { describe, expect, it } from 'vitest';
import { defaultAnswers } from '../answers/defaults';
import type { Answers } from '../answers/types';
import { evaluate } from '../engine/evaluate';
import { CHART_ERAS } from '../facts/chart-eras';
import { RELEASES } from '../rke2/releases';
import { parseRke2Version } from '../rke2/version';
import {
  affectedReleases,
  affectedText,
  compareChartVersions,
  fixedText,
  isAffected,
  KNOWN_ISSUES,
  knownIssuesBetween,
  knownIssuesFor,
  passesLineGate,
  subjectFromAnswers,
  type KnownIssueSubject,
} from './index';

const KNOWN = new Set(RELEASES.map((r) => r.version.text));
const v = (text: string) => {
  const p = parseRke2Version(text);
  if (!p.ok) throw new Error(text);
  return p.version;
};
const row = (text: string) => RELEASES.find((r) => r.version.text === text)!;
const ids = (ms: { issue: { id: string } }[]) => ms.map((m) => m.issue.id);

const SUBJECT: KnownIssueSubject = {
  cni: 'canal',
  multus: false,
  ipFamily: 'ipv4',
  windowsNodes: false,
  cisProfile: false,
  kubeProxyReplacement: false,
  encryption: 'none',
  observability: false,
  nativeRouting: false,
};
const subject = (over: Partial<KnownIssueSubject>): KnownIssueSubject => ({ ...SUBJECT, ...over });

function answers(edit: (a: Answers) => void): Answers {
  const a = defaultAnswers();
  edit(a);
  return a;
}

describe('the known-issue registry', () => {
  it('holds at least 15 entries with unique ids, a date, words and a link each', () => {
    expect(KNOWN_ISSUES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(KNOWN_ISSUES.map((i) => i.id)).size).toBe(KNOWN_ISSUES.length);
    for (const i of KNOWN_ISSUES) {
      expect(i.id, i.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(i.date, i.id).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      expect(i.title.length, i.id).toBeGreaterThan(20);
      expect(i.workaround.length, i.id).toBeGreaterThan(20);
      expect(i.concerns.length, i.id).toBeGreaterThan(3);
      expect(i.links.length, i.id).toBeGreaterThan(0);
      for (const l of i.links) {
        expect(l.url, i.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
        expect(l.title.length, i.id).toBeGreaterThan(5);
      }
    }
  });

  it('names only releases of the release table as range endpoints, one per minor line', () => {
    for (const i of KNOWN_ISSUES) {
      const a = i.affected;
      if (a.kind !== 'releases') continue;
      const endpoints = [...(a.since ?? []), ...(a.fixedIn ?? []), ...(a.through ? [a.through] : [])];
      for (const e of endpoints) expect(KNOWN.has(e), `${i.id}: ${e}`).toBe(true);
      for (const list of [a.since ?? [], a.fixedIn ?? []]) {
        const lines = list.map((e) => v(e).minor);
        expect(new Set(lines).size, i.id).toBe(lines.length);
        // No gap: every minor line between the oldest and newest listed is listed (the gate rule needs it).
        if (lines.length) {
          for (let m = Math.min(...lines); m <= Math.max(...lines); m++) expect(lines, `${i.id} 1.${m}`).toContain(m);
        }
      }
    }
  });

  it('bounds chart ranges by chart versions some release of the table bundles (or a chart-era fact)', () => {
    const eras = new Set(Object.values(CHART_ERAS).map((e) => `${e.chart} ${e.from}`));
    for (const i of KNOWN_ISSUES) {
      const a = i.affected;
      if (a.kind !== 'chart') continue;
      const bundled = new Set(RELEASES.map((r) => r.charts[a.chart]));
      for (const e of eras) if (e.startsWith(`${a.chart} `)) bundled.add(e.slice(a.chart.length + 1));
      for (const end of [a.from, a.fixed])
        if (end !== undefined) expect(bundled.has(end), `${i.id}: ${end}`).toBe(true);
    }
  });

  it('affects at least one release of the table, and a fixed entry leaves a later release unaffected', () => {
    for (const i of KNOWN_ISSUES) {
      const hit = affectedReleases(i);
      expect(hit.length, i.id).toBeGreaterThan(0);
      const fixable =
        i.affected.kind === 'chart' ? i.affected.fixed : i.affected.kind === 'releases' && i.affected.fixedIn;
      if (fixable) {
        const last = hit[hit.length - 1]!.version;
        expect(
          RELEASES.some((r) => r.version.minor >= last.minor - 10 && !isAffected(i.affected, r.version, r)),
          i.id,
        ).toBe(true);
      }
    }
  });
});

describe('range logic', () => {
  it('reads a per-line list like an RKE2 version gate, with the rke2 revision', () => {
    const list = ['v1.32.11+rke2r3', 'v1.33.7+rke2r3'];
    expect(passesLineGate(v('v1.32.11+rke2r1'), list)).toBe(false);
    expect(passesLineGate(v('v1.32.11+rke2r3'), list)).toBe(true);
    expect(passesLineGate(v('v1.33.8+rke2r1'), list)).toBe(true);
    expect(passesLineGate(v('v1.34.0+rke2r1'), list)).toBe(true); // newer line
    expect(passesLineGate(v('v1.31.14+rke2r2'), list)).toBe(false); // older line
  });

  it('orders chart versions by number, then by build text', () => {
    expect(compareChartVersions('v4.0.2-build2023081100', 'v4.0.2-build2023070703')).toBeGreaterThan(0);
    expect(compareChartVersions('v4.0.2-build2023081100', 'v4.0.202')).toBeLessThan(0);
    expect(compareChartVersions('v3.29.101', 'v3.29.101')).toBe(0);
    expect(compareChartVersions('1.18.601', '1.19.0')).toBeLessThan(0);
    expect(compareChartVersions('v3.1906', 'v3.20.101')).toBeNull();
  });

  it('judges chart ranges on the chart the release bundles', () => {
    const spec = { kind: 'chart', chart: 'rke2-calico', from: 'v3.26.300', fixed: 'v3.29.101' } as const;
    expect(isAffected(spec, v('v1.28.3+rke2r1'), row('v1.28.3+rke2r1'))).toBe(false);
    expect(isAffected(spec, v('v1.28.4+rke2r1'), row('v1.28.4+rke2r1'))).toBe(true);
    expect(isAffected(spec, v('v1.31.4+rke2r1'), row('v1.31.4+rke2r1'))).toBe(true);
    expect(isAffected(spec, v('v1.31.5+rke2r1'), row('v1.31.5+rke2r1'))).toBe(false);
  });

  it('caps a reported-only range at its last release', () => {
    const spec = { kind: 'releases', since: ['v1.28.8+rke2r1'], through: 'v1.28.8+rke2r1' } as const;
    expect(isAffected(spec, v('v1.28.7+rke2r1'), row('v1.28.7+rke2r1'))).toBe(false);
    expect(isAffected(spec, v('v1.28.8+rke2r1'), row('v1.28.8+rke2r1'))).toBe(true);
    expect(isAffected(spec, v('v1.29.0+rke2r1'), row('v1.29.0+rke2r1'))).toBe(false);
  });
});

describe('knownIssuesFor', () => {
  it('IPv6-only Cilium before the 2026-02-04 releases: affected, fixed in the own line', () => {
    const m = knownIssuesFor({ release: 'v1.33.6+rke2r1', subject: subject({ cni: 'cilium', ipFamily: 'ipv6' }) });
    const hit = m.find((x) => x.issue.id === 'cilium-ipv6-only-tunnel');
    expect(hit?.fixedIn).toBe('v1.33.7+rke2r3');
    expect(hit?.affectedOnLine).toEqual({ first: 'v1.33.0+rke2r1', last: 'v1.33.7+rke2r2' });
    expect(fixedText(hit!)).toBe('fixed in v1.33.7+rke2r3');
    expect(affectedText(hit!)).toBe('affects v1.33.0+rke2r1 to v1.33.7+rke2r2');
    // On the fixed release, and with dual-stack, the entry is gone.
    expect(
      ids(knownIssuesFor({ release: 'v1.33.7+rke2r3', subject: subject({ cni: 'cilium', ipFamily: 'ipv6' }) })),
    ).not.toContain('cilium-ipv6-only-tunnel');
    expect(
      ids(knownIssuesFor({ release: 'v1.33.6+rke2r1', subject: subject({ cni: 'cilium', ipFamily: 'dual' }) })),
    ).not.toContain('cilium-ipv6-only-tunnel');
  });

  it('a line without a fix points to the first fixed release of a newer minor', () => {
    const m = knownIssuesFor({ release: 'v1.31.14+rke2r1', subject: subject({ cni: 'cilium', ipFamily: 'ipv6' }) });
    const hit = m.find((x) => x.issue.id === 'cilium-ipv6-only-tunnel')!;
    expect(hit.fixedIn).toBeNull();
    expect(hit.fixedOnNewerLine).toBe('v1.32.11+rke2r3');
    expect(fixedText(hit)).toContain('no fix on this minor line');
  });

  it('Calico IPv6-only follows the bundled chart: fixed in v1.31.5, none on 1.28', () => {
    const s = subject({ cni: 'calico', ipFamily: 'ipv6' });
    expect(
      knownIssuesFor({ release: 'v1.31.4+rke2r1', subject: s }).find(
        (x) => x.issue.id === 'calico-ipv6-only-autodetect',
      )?.fixedIn,
    ).toBe('v1.31.5+rke2r1');
    const old = knownIssuesFor({ release: 'v1.28.15+rke2r1', subject: s }).find(
      (x) => x.issue.id === 'calico-ipv6-only-autodetect',
    )!;
    expect(old.fixedIn).toBeNull();
    expect(old.fixedOnNewerLine).toBe('v1.29.13+rke2r1');
    expect(ids(knownIssuesFor({ release: 'v1.28.3+rke2r1', subject: s }))).not.toContain('calico-ipv6-only-autodetect');
  });

  it('predicates pick entries by CNI and options', () => {
    const release = 'v1.31.11+rke2r1';
    expect(ids(knownIssuesFor({ release, subject: subject({ cni: 'canal' }) }))).toEqual([]);
    expect(ids(knownIssuesFor({ release, subject: subject({ cni: 'canal', multus: true }) }))).toEqual([
      'multus-namespace-isolation-arg',
    ]);
    const cm = ids(knownIssuesFor({ release, subject: subject({ cni: 'cilium', multus: true }) }));
    expect(cm).toContain('cilium-multus-exclusive');
    expect(ids(knownIssuesFor({ release, subject: subject({ cni: 'calico', windowsNodes: true }) }))).toContain(
      'windows-calico-startup-race',
    );
    expect(ids(knownIssuesFor({ release, subject: subject({ cni: 'calico' }) }))).not.toContain(
      'windows-calico-startup-race',
    );
  });

  it('says so when upstream dates no start of the range', () => {
    const m = knownIssuesFor({ release: 'v1.31.10+rke2r1', subject: subject({ cni: 'calico', windowsNodes: true }) });
    const race = m.find((x) => x.issue.id === 'windows-calico-startup-race')!;
    expect(affectedText(race)).toBe(
      'affects v1.31.0+rke2r1 to v1.31.13+rke2r1 (upstream dates no first affected release)',
    );
    expect(race.fixedIn).toBe('v1.31.14+rke2r1');
  });

  it('kinds filter leaves out lasting changes for a fresh bundle', () => {
    const s = subject({ cni: 'cilium', kubeProxyReplacement: true });
    expect(ids(knownIssuesFor({ release: 'v1.33.6+rke2r1', subject: s }))).toContain('cilium-kpr-strict-rejected');
    expect(ids(knownIssuesFor({ release: 'v1.33.6+rke2r1', subject: s, kinds: ['bug', 'upgrade'] }))).not.toContain(
      'cilium-kpr-strict-rejected',
    );
  });

  it('judges the decision plan: the engine picks the CNI, the answers add observability', () => {
    const a = answers((x) => {
      x.cluster.release = 'v1.33.6+rke2r1';
      x.addressing.ipFamily = 'ipv6';
      x.choice.forcedCni = 'cilium';
    });
    const d = evaluate(a);
    expect(d.plan?.cni).toBe('cilium');
    expect(ids(knownIssuesFor({ release: d.release, plan: d.plan, answers: a }))).toContain('cilium-ipv6-only-tunnel');
    // From the answers alone (no plan) the forced CNI is used too.
    expect(subjectFromAnswers(a).cni).toBe('cilium');
  });

  it('without a subject lists every entry of the release; a bad release gives none', () => {
    const all = knownIssuesFor({ release: 'v1.28.8+rke2r1' });
    expect(ids(all)).toContain('calico-crd-upgrade-loop');
    expect(ids(all)).toContain('cis-netpol-webhook-start-failure');
    expect(knownIssuesFor({ release: 'not a release' })).toEqual([]);
  });

  it('an upgrade-kind entry names no fixed release', () => {
    const m = knownIssuesFor({ release: 'v1.28.8+rke2r1', subject: subject({ cni: 'calico' }) }).find(
      (x) => x.issue.id === 'calico-crd-upgrade-loop',
    )!;
    expect(m.fixedIn).toBeNull();
    expect(m.fixedOnNewerLine).toBeNull();
    expect(fixedText(m)).toBe('no fixed release named upstream');
  });
});

describe('knownIssuesBetween', () => {
  it('lists what an upgrade fixes and introduces', () => {
    const calico = knownIssuesBetween('v1.31.4+rke2r1', 'v1.31.5+rke2r1', {
      subject: subject({ cni: 'calico', ipFamily: 'ipv6' }),
    })!;
    expect(ids(calico.fixed)).toContain('calico-ipv6-only-autodetect');
    const cilium = knownIssuesBetween('v1.26.13+rke2r1', 'v1.26.14+rke2r1', {
      subject: subject({ cni: 'cilium', kubeProxyReplacement: true }),
    })!;
    expect(ids(cilium.introduced)).toEqual(['cilium-kpr-strict-rejected']);
    expect(ids(cilium.remaining)).toContain('cilium-wrapper-ignored');
  });

  it('flags upgrade-kind entries when leaving an affected release, not on a downgrade', () => {
    const s = { subject: subject({ cni: 'calico' }) };
    expect(ids(knownIssuesBetween('v1.28.8+rke2r1', 'v1.28.12+rke2r1', s)!.upgradeRisks)).toEqual([
      'calico-crd-upgrade-loop',
    ]);
    expect(knownIssuesBetween('v1.28.8+rke2r1', 'v1.28.7+rke2r1', s)!.upgradeRisks).toEqual([]);
    expect(knownIssuesBetween('v1.28.8+rke2r1', 'nope', s)).toBeNull();
  });
});
