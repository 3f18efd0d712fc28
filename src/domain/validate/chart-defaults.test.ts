import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { RELEASE_ROWS } from '../rke2/generated/release-table';
import { chartHasEra, ciliumEraFor } from '../facts/chart-eras';
import type { ChartName } from '../facts/cni-names';
import { mergeValues, valueAt, type Values } from '../airgap/values';
import { DEFAULT_KEYS, defaultKeysFingerprint } from './chart-default-keys';
import { CHART_DEFAULT_INDEX, DEFAULT_KEYS_FINGERPRINT, DEFAULT_SETS } from './generated/chart-defaults';
import { chartDefaults, defaultAt, helmMerge, latestChart, mergedValues } from './chart-defaults';
import { buildChartDefaults, OUT } from '../../../scripts/generate-chart-defaults';

/**
 * src/domain/validate/generated/chart-defaults.ts (npm run generate:chart-defaults) against the key list it was
 * built for, the release table it must cover, and the oracle copies of values.yaml in data/upstream.
 */
const COLUMN: Record<ChartName, number> = {
  'rke2-canal': 1,
  'rke2-calico': 2,
  'rke2-cilium': 3,
  'rke2-flannel': 4,
  'rke2-multus': 5,
};
const CHARTS = Object.keys(DEFAULT_KEYS) as ChartName[];
const V4 = 'installation.calicoNetwork.nodeAddressAutodetectionV4';

function leaves(v: unknown, prefix = ''): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [prefix];
  return Object.entries(v).flatMap(([k, x]) => leaves(x, prefix ? `${prefix}.${k}` : k));
}

describe('generated chart defaults', () => {
  it('were built from the current key list (else: npm run generate:chart-defaults -- <rke2-charts git dir>)', () => {
    expect(DEFAULT_KEYS_FINGERPRINT).toBe(defaultKeysFingerprint());
  });

  // Needs a local rancher/rke2-charts git mirror: RKE2_CHARTS_GIT=<git dir> npx vitest run <this file>.
  it.skipIf(!process.env.RKE2_CHARTS_GIT)(
    'match what the generator builds from the mirror, byte for byte',
    () => {
      const built = buildChartDefaults(process.env.RKE2_CHARTS_GIT!);
      expect(readFileSync(join(__dirname, '../../..', OUT), 'utf8') === built, `${OUT} is stale`).toBe(true);
    },
    120_000,
  );

  it('cover every CNI chart version of the release table', () => {
    for (const chart of CHARTS)
      for (const row of RELEASE_ROWS) {
        const version = row[COLUMN[chart]];
        if (version) expect(chartDefaults(chart, version), `${chart} ${version} (${row[0]})`).not.toBeNull();
      }
  });

  it('hold only the listed subtrees, each set once, and stay small', () => {
    const seen = new Set<string>();
    for (const [chart, versions] of Object.entries(CHART_DEFAULT_INDEX)) {
      const keys = DEFAULT_KEYS[chart as ChartName];
      for (const id of Object.values(versions)) {
        const set = DEFAULT_SETS[id]!;
        for (const leaf of leaves(set.values).filter(Boolean)) {
          const path = leaf.replace(/^cilium\./, chart === 'rke2-cilium' ? '' : 'cilium.');
          expect(
            keys.some((k) => path === k || path.startsWith(`${k}.`)),
            `${chart}: ${leaf}`,
          ).toBe(true);
        }
      }
    }
    for (const set of DEFAULT_SETS) {
      const key = JSON.stringify(set);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(JSON.stringify([DEFAULT_SETS, CHART_DEFAULT_INDEX]).length).toBeLessThan(30_000);
  });

  it('agree with the oracle copies of values.yaml in data/upstream', () => {
    const upstream = join(__dirname, '../../../data/upstream/rke2-charts');
    const load2 = (p: string) => (load(readFileSync(p, 'utf8'), { json: true }) ?? {}) as Values;
    let compared = 0;
    for (const chart of CHARTS) {
      const dir = join(upstream, chart);
      if (!existsSync(dir)) continue;
      for (const version of readdirSync(dir)) {
        if (!chartDefaults(chart, version) || !existsSync(join(dir, version, 'values.yaml'))) continue;
        let values: Values = {};
        const subs = join(dir, version, 'charts');
        if (existsSync(subs))
          for (const sub of readdirSync(subs))
            if (existsSync(join(subs, sub, 'values.yaml')))
              values = mergeValues(values, { [sub]: load2(join(subs, sub, 'values.yaml')) });
        values = mergeValues(values, load2(join(dir, version, 'values.yaml')));
        for (const key of DEFAULT_KEYS[chart]) {
          expect(defaultAt(chart, version, key), `${chart} ${version} ${key}`).toEqual(valueAt(values, key));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('say where rke2-cilium wraps its values (under cilium:) exactly where the chart eras do', () => {
    for (const version of Object.keys(CHART_DEFAULT_INDEX['rke2-cilium']!)) {
      const wrapped = Object.keys(chartDefaults('rke2-cilium', version)!.values).includes('cilium');
      expect(wrapped, version).toBe(ciliumEraFor(version) === 'wrapped');
    }
  });

  it('say where the rke2-calico template fills firstFound exactly where the chart eras do', () => {
    for (const version of Object.keys(CHART_DEFAULT_INDEX['rke2-calico']!)) {
      const filled = chartDefaults('rke2-calico', version)!.filledByTemplate.includes(V4);
      expect(filled, version).toBe(chartHasEra(version, 'calicoAutodetectFromTemplate'));
      // No rke2-calico values.yaml sets an autodetection method itself.
      expect(defaultAt('rke2-calico', version, V4), version).toBeUndefined();
    }
  });

  it('agree with the rke2-cilium eras that are about defaults (portmap, tunnel, userspaceFallback)', () => {
    for (const version of Object.keys(CHART_DEFAULT_INDEX['rke2-cilium']!)) {
      if (ciliumEraFor(version) === 'wrapped') continue;
      const at = (p: string) => defaultAt('rke2-cilium', version, p);
      expect(at('cni.chainingMode') === 'portmap', `${version} chainingMode`).toBe(
        chartHasEra(version, 'ciliumPortmapDefault'),
      );
      expect(at('tunnel') === undefined, `${version} tunnel`).toBe(chartHasEra(version, 'ciliumModernValues'));
      expect(at('encryption.wireguard.userspaceFallback') === undefined, `${version} userspaceFallback`).toBe(
        chartHasEra(version, 'ciliumNoUserspaceFallback'),
      );
    }
  });

  it('merge as Helm does: maps deeply, null deletes a default, unknown versions leave the values alone', () => {
    expect(helmMerge({ a: { b: 1, c: 2 } }, { a: { c: null, d: 3 } })).toEqual({ a: { b: 1, d: 3 } });
    expect(mergedValues('rke2-cilium', '1.16.0-not-in-table', { x: 1 })).toEqual({ x: 1 });
    const merged = mergedValues('rke2-cilium', '1.18.300', { cni: { chainingMode: 'none' } });
    expect(valueAt(merged, 'cni.exclusive')).toBe(false);
    expect(valueAt(merged, 'cni.chainingMode')).toBe('none');
    expect(latestChart('rke2-flannel')).toBe(
      RELEASE_ROWS.map((r) => r[COLUMN['rke2-flannel']])
        .filter((v): v is string => !!v)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .at(-1),
    );
  });
});
