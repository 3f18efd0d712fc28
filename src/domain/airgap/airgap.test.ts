import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { RELEASES } from '../rke2/releases';
import { compareVersions, parseRke2Version } from '../rke2/version';
import type { ChartName } from '../facts/cni-names';
import { IMAGE_RULES, SUBCHART_PREFIX, ruleKeys, type AirgapAddon } from './image-rules';
import { CHART_IMAGE_DEFAULTS, IMAGE_LISTS, RELEASE_ARTIFACTS } from './generated/airgap-data';
import { airgapArtifacts, chartImages, type AirgapInput } from './images';
import { imageRef, mergeValues, valueAt, type Values } from './values';

/**
 * The air-gap lists against two independent upstream sources: the charts' values.yaml (the oracle copies in
 * data/upstream, for the exact chart versions) and the release tarballs' image lists (rancher/rke2
 * scripts/build-images at each tag), across the whole release table.
 */

const UPSTREAM = join(__dirname, '../../../data/upstream/rke2-charts');
const helmLoad = (path: string) => (load(readFileSync(path, 'utf8'), { json: true }) ?? {}) as Values;

/** The chart's values as Helm coalesces them: subcharts under their name, the parent's values over them. */
function upstreamValues(chart: ChartName, version: string): Values | null {
  const dir = join(UPSTREAM, chart, version);
  if (!existsSync(join(dir, 'values.yaml'))) return null;
  let merged: Values = {};
  const subs = join(dir, 'charts');
  if (existsSync(subs))
    for (const sub of readdirSync(subs))
      if (existsSync(join(subs, sub, 'values.yaml')))
        merged = mergeValues(merged, { [sub]: helmLoad(join(subs, sub, 'values.yaml')) });
  return mergeValues(merged, helmLoad(join(dir, 'values.yaml')));
}

const CHARTS = Object.keys(IMAGE_RULES) as ChartName[];
const COLUMN: Record<ChartName, ChartName> = {
  'rke2-canal': 'rke2-canal',
  'rke2-calico': 'rke2-calico',
  'rke2-cilium': 'rke2-cilium',
  'rke2-flannel': 'rke2-flannel',
  'rke2-multus': 'rke2-multus',
};
const versionsInTable = (chart: ChartName) => [
  ...new Set(RELEASES.map((r) => r.charts[COLUMN[chart]]).filter((v): v is string => !!v)),
];

describe('image refs derived from the chart values', () => {
  const checked: string[] = [];
  for (const chart of CHARTS) {
    for (const version of readdirSync(join(UPSTREAM, chart)).filter((v) =>
      existsSync(join(UPSTREAM, chart, v, 'values.yaml')),
    )) {
      const data = CHART_IMAGE_DEFAULTS[chart]?.[version];
      if (!data) continue; // a chart version no release of the table bundles (e.g. a newer one)
      checked.push(`${chart} ${version}`);
      it(`${chart} ${version}: every image key and toggle matches values.yaml`, () => {
        const values = upstreamValues(chart, version)!;
        const prefix =
          SUBCHART_PREFIX[chart] && imageRef(valueAt(values, `${SUBCHART_PREFIX[chart]}image`))
            ? SUBCHART_PREFIX[chart]!
            : '';
        expect(data.prefix).toBe(prefix);
        const { images, toggles } = ruleKeys(chart);
        const expectedImages = Object.fromEntries(
          images.map((p) => [p, imageRef(valueAt(values, prefix + p))]).filter(([, r]) => r !== null),
        );
        const expectedToggles = Object.fromEntries(
          toggles.map((p) => [p, valueAt(values, prefix + p)]).filter(([, v]) => v !== undefined),
        );
        expect(data.images).toEqual(expectedImages);
        expect(data.toggles).toEqual(expectedToggles);
      });
    }
  }
  it('covers every CNI chart the oracle holds values for', () => {
    expect(checked).toEqual(
      expect.arrayContaining([
        'rke2-canal v3.32.1-build2026081900',
        'rke2-calico v3.32.100',
        'rke2-cilium 1.19.601',
        'rke2-flannel v0.28.906',
        'rke2-multus v4.3.008',
      ]),
    );
  });

  it('holds data for every chart version and every release of the table', () => {
    for (const chart of CHARTS)
      for (const v of versionsInTable(chart)) expect(CHART_IMAGE_DEFAULTS[chart]?.[v], `${chart} ${v}`).toBeDefined();
    for (const r of RELEASES) expect(RELEASE_ARTIFACTS[r.version.text], r.version.text).toBeDefined();
  });

  it('reads the exact refs of the bundled chart versions (rke2 v1.36.4: cilium 1.19.601, multus v4.3.008)', () => {
    const cilium = upstreamValues('rke2-cilium', '1.19.601')!;
    const hubble = { hubble: { enabled: true, relay: { enabled: true }, ui: { enabled: true } } };
    const refs = chartImages('rke2-cilium', '1.19.601', hubble, false).map((i) => i.ref);
    const tag = valueAt(cilium, 'image.tag') as string;
    expect(refs).toEqual([
      `${valueAt(cilium, 'image.repository') as string}:${tag}`,
      `${valueAt(cilium, 'operator.image.repository') as string}-generic:${tag}`,
      imageRef(valueAt(cilium, 'portmapPlugin.image')),
      imageRef(valueAt(cilium, 'hubble.relay.image')),
      imageRef(valueAt(cilium, 'hubble.ui.frontend.image')),
      imageRef(valueAt(cilium, 'hubble.ui.backend.image')),
    ]);
    expect(chartImages('rke2-cilium', '1.19.601', { eni: { enabled: true } }, true).map((i) => i.ref)[1]).toBe(
      `${valueAt(cilium, 'operator.image.repository') as string}-aws:${tag}`,
    );
    const multus = upstreamValues('rke2-multus', 'v4.3.008')!;
    const withWhereabouts = chartImages('rke2-multus', 'v4.3.008', { 'rke2-whereabouts': { enabled: true } }, false);
    expect(withWhereabouts.map((i) => i.ref)).toEqual([
      imageRef(valueAt(multus, 'image')),
      imageRef(valueAt(multus, 'cniplugins.image')),
      imageRef(valueAt(multus, 'rke2-whereabouts.image')),
    ]);
  });
});

const base = (release: string, over: Partial<AirgapInput> = {}): AirgapInput => ({
  release,
  cni: 'canal',
  multus: false,
  sriov: false,
  arch: 'amd64',
  windowsNodes: false,
  awsEni: false,
  emitted: {},
  ...over,
});
const hubbleValues = (chartVersion: string): Values => {
  const h = { hubble: { enabled: true, relay: { enabled: true }, ui: { enabled: true } } };
  return CHART_IMAGE_DEFAULTS['rke2-cilium']![chartVersion]!.prefix ? { cilium: h } : h;
};
const atLeast = (text: string, min: string) => {
  const a = parseRke2Version(text);
  const b = parseRke2Version(min);
  return a.ok && b.ok && compareVersions(a.version, b.version) >= 0;
};

describe('air-gap artifacts across the release table', () => {
  const CNIS = ['canal', 'calico', 'cilium', 'flannel'] as const;

  it('names rke2-images-core plus each CNI tarball (and multus) for the node architecture', () => {
    for (const r of RELEASES)
      for (const cni of CNIS) {
        if (cni === 'flannel' && !r.charts['rke2-flannel']) continue;
        for (const arch of ['amd64', 'arm64'] as const) {
          const a = airgapArtifacts(base(r.version.text, { cni, multus: true, arch }), r.charts)!;
          const names = a.linuxTarballs.map((t) => t.name);
          expect(names[0]).toBe(`rke2-images-core.linux-${arch}`);
          expect(names).toContain(`rke2-images-multus.linux-${arch}`);
          expect(names).toContain(`rke2-images-${cni}.linux-${arch}`);
          const noArm = arch === 'arm64' && !atLeast(r.version.text, 'v1.27.3+rke2r1');
          expect(
            a.notes.some((n) => n.text.includes('no arm64 artifacts')),
            r.version.text,
          ).toBe(noArm);
        }
      }
  });

  it('every CNI image the charts pull is in the release tarballs, except the gaps upstream really had', () => {
    const gaps = new Set<string>();
    for (const r of RELEASES)
      for (const cni of CNIS) {
        if (cni === 'flannel' && !r.charts['rke2-flannel']) continue;
        const a = airgapArtifacts(base(r.version.text, { cni }), r.charts)!;
        expect(a.images.filter((i) => i.chart !== 'rke2-multus').length, `${r.version.text} ${cni}`).toBeGreaterThan(0);
        for (const i of a.images) if (!i.tarball) gaps.add(`${i.chart} ${i.component}`);
      }
    // Base images (no add-on) the tarball lacks: rke2-cilium's chart and build-images disagreed on a tag for a
    // few 2021-2023 releases. Nothing else, and nothing in canal, calico or flannel.
    expect([...gaps].sort()).toEqual([
      'rke2-cilium cilium-agent',
      'rke2-cilium cilium-operator',
      'rke2-cilium install-portmap-cni-plugin',
    ]);
  });

  it('Hubble relay and UI images are missing from the tarballs until the rancher/rke2#3556 fix (v1.23.15, v1.24.9, v1.25.5)', () => {
    const fixed: Record<number, string> = { 23: 'v1.23.15+rke2r1', 24: 'v1.24.9+rke2r1', 25: 'v1.25.5+rke2r1' };
    for (const r of RELEASES) {
      const version = r.charts['rke2-cilium']!;
      const a = airgapArtifacts(
        base(r.version.text, { cni: 'cilium', emitted: { 'rke2-cilium': hubbleValues(version) } }),
        r.charts,
      )!;
      const hubble = a.images.filter((i) => i.addon === 'hubble-relay' || i.addon === 'hubble-ui');
      expect(
        hubble.map((i) => i.component),
        r.version.text,
      ).toEqual(['hubble-relay', 'hubble-ui', 'hubble-ui-backend']);
      const gap = hubble.some((i) => i.tarball === null);
      const minor = r.version.minor;
      if (minor >= 26 || (fixed[minor] && atLeast(r.version.text, fixed[minor]!)))
        expect(gap, r.version.text).toBe(false);
      if (minor <= 22) expect(gap, r.version.text).toBe(true);
      if (gap) expect(a.notes.some((n) => n.source.url.endsWith('/3556'))).toBe(true);
    }
  });

  it('switches each add-on image on and off with the values the bundle emits', () => {
    const addons = (input: AirgapInput, charts: (typeof RELEASES)[number]['charts']) =>
      new Set<AirgapAddon>(airgapArtifacts(input, charts)!.images.map((i) => i.addon));
    for (const r of RELEASES.filter((x) => atLeast(x.version.text, 'v1.26.0+rke2r1'))) {
      const t = r.version.text;
      const cilium = r.charts['rke2-cilium']!;
      expect(addons(base(t, { cni: 'cilium' }), r.charts), t).toEqual(new Set(['base']));
      expect(addons(base(t, { cni: 'cilium', emitted: { 'rke2-cilium': hubbleValues(cilium) } }), r.charts)).toEqual(
        new Set(['base', 'hubble-relay', 'hubble-ui']),
      );
      expect(addons(base(t, { multus: true }), r.charts)).toEqual(new Set(['base', 'multus']));
      expect(
        addons(
          base(t, { multus: true, emitted: { 'rke2-multus': { 'rke2-whereabouts': { enabled: true } } } }),
          r.charts,
        ),
      ).toEqual(new Set(['base', 'multus', 'whereabouts']));
      const multusDefaults = CHART_IMAGE_DEFAULTS['rke2-multus']![r.charts['rke2-multus']!]!;
      const dhcp = addons(
        base(t, { multus: true, emitted: { 'rke2-multus': { manifests: { dhcpDaemonSet: true } } } }),
        r.charts,
      );
      expect(dhcp.has('multus-dhcp'), t).toBe('dhcpDaemonSet.image' in multusDefaults.images);
      // Calico's eBPF dataplane runs in the same calico-node image: no image of its own.
      const ebpf = airgapArtifacts(
        base(t, {
          cni: 'calico',
          emitted: { 'rke2-calico': { installation: { calicoNetwork: { linuxDataplane: 'BPF' } } } },
        }),
        r.charts,
      )!;
      expect(ebpf.images).toEqual(airgapArtifacts(base(t, { cni: 'calico' }), r.charts)!.images);
    }
  });

  it('lists the Windows tarballs only with Windows workers, and SR-IOV images only where the multus tarball has them', () => {
    const r = RELEASES[RELEASES.length - 1]!;
    const t = r.version.text;
    expect(airgapArtifacts(base(t, { cni: 'calico' }), r.charts)!.windowsTarballs).toEqual([]);
    const win = airgapArtifacts(base(t, { cni: 'calico', windowsNodes: true }), r.charts)!.windowsTarballs.map(
      (w) => w.name,
    );
    expect(win).toEqual(RELEASE_ARTIFACTS[t]!.windows);
    expect(win).toContain('rke2-windows-ltsc2022-amd64-images');
    const old = RELEASES.find((x) => x.version.text === 'v1.24.9+rke2r1')!;
    const multusList = IMAGE_LISTS[RELEASE_ARTIFACTS['v1.24.9+rke2r1']!.tarballs.multus!]!;
    const sriov = airgapArtifacts(base('v1.24.9+rke2r1', { multus: true, sriov: true }), old.charts)!;
    expect(sriov.sriovImages).toEqual(multusList.filter((i) => i.includes('sriov')));
    expect(sriov.sriovImages.length).toBeGreaterThan(3);
    const now = airgapArtifacts(base(t, { multus: true, sriov: true }), r.charts)!;
    expect(now.sriovImages).toEqual([]);
    expect(now.notes.some((n) => n.text.includes('No RKE2 tarball'))).toBe(true);
  });

  it('says so when arm64 has no CNI tarball (v1.27.3: only canal and core were built for arm64)', () => {
    const r = RELEASES.find((x) => x.version.text === 'v1.27.3+rke2r1')!;
    const a = airgapArtifacts(base(r.version.text, { cni: 'cilium', arch: 'arm64' }), r.charts)!;
    expect(a.notes.map((n) => n.text).join('\n')).toContain('no arm64 rke2-images-cilium tarball');
    const canal = airgapArtifacts(base(r.version.text, { arch: 'arm64' }), r.charts)!;
    expect(canal.notes).toEqual([]);
  });
});
