import { describe, expect, it } from 'vitest';
import { load, loadAll } from 'js-yaml';
import { generateBundle, type BundleFile } from './index';
import { answersWith, SCENARIOS, type DeepPartial, type Scenario } from '../../test/scenarios';
import type { Answers } from '../answers/types';
import { windowsAgentPorts } from '../net/ports';
import { WINDOWS, LINUX_NODE_SELECTOR } from '../facts/windows';
import { WINDOWS_AGENT_CONFIG_PATH, WINDOWS_PREFLIGHT_PATH } from './windows';
import { emittedChartValues, valueAt } from './readme';
import { psQuote } from './powershell';

/** Issue 12 §5: Windows clusters get Windows outputs; the README states only what the files hold. */

function filesOf(answers: Answers): BundleFile[] {
  const r = generateBundle(answers);
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  return r.files;
}
const bundle = (patch: DeepPartial<Answers>) => filesOf(answersWith(patch));
const fileOf = (files: BundleFile[], path: string) => files.find((f) => f.path === path);
const readmeOf = (files: BundleFile[]) => fileOf(files, 'README.md')!.contents;
const BGP = { enabled: true, peerAddress: '192.0.2.1' };

describe('Windows files', () => {
  it('are in the bundle exactly when there are Windows nodes (config only when not Rancher-managed)', () => {
    for (const windowsNodes of [false, true])
      for (const management of ['standalone', 'rancher'] as const)
        for (const policy of ['kubernetes', 'none'] as const) {
          const paths = bundle({ cluster: { windowsNodes, management }, security: { policy } }).map((f) => f.path);
          const label = `${windowsNodes}/${management}/${policy}`;
          expect(paths.includes(WINDOWS_PREFLIGHT_PATH), label).toBe(windowsNodes);
          expect(paths.includes(WINDOWS_AGENT_CONFIG_PATH), label).toBe(windowsNodes && management === 'standalone');
        }
  });

  it('the Windows agent config holds only server and token, as placeholders the README and preflight name', () => {
    const files = bundle({ cluster: { windowsNodes: true } });
    const config = fileOf(files, WINDOWS_AGENT_CONFIG_PATH)!;
    const parsed = load(config.contents) as Record<string, string>;
    expect(Object.keys(parsed)).toEqual(['server', 'token']);
    expect(config.fillIn).toEqual(['server', 'token']);
    for (const key of config.fillIn ?? []) expect(parsed[key]).toMatch(/<[^>]+>/);
    expect(parsed.server).toMatch(/^https:\/\/<[^>]+>:9345$/);
    expect(config.contents).toContain(WINDOWS.configPath);
    expect(readmeOf(files)).toContain(
      `Fill in before use: \`${WINDOWS_AGENT_CONFIG_PATH}\` (\`server\`, \`token\`). Nothing else needs editing.`,
    );
    expect(fileOf(files, WINDOWS_PREFLIGHT_PATH)!.contents).toContain(`$config = ${psQuote(WINDOWS.configPath)}`);
  });

  it('the PowerShell preflight checks the documented builds, the Containers feature and exactly the Windows ports', () => {
    for (const bgp of [false, true]) {
      const files = bundle({ cluster: { windowsNodes: true }, performance: { bgp: { ...BGP, enabled: bgp } } });
      const ps = fileOf(files, WINDOWS_PREFLIGHT_PATH)!.contents;
      for (const b of WINDOWS.builds)
        expect(ps).toContain(`@{ Name = ${psQuote(b.name)}; Build = ${b.build}; MinRevision = ${b.minRevision} }`);
      expect(ps).toContain(`Get-WindowsOptionalFeature -Online -FeatureName ${psQuote(WINDOWS.containersFeature)}`);
      const checked = [...ps.matchAll(/Test-InboundAllowed '(\w+)' (\d+) (\d+)\)/g)].map(
        (m) => `${m[1]} ${m[2]}-${m[3]}`,
      );
      const expected = windowsAgentPorts({ bgp }).map((r) => {
        const [low, high] = String(r.port).split('-');
        return `${r.protocol} ${low}-${high ?? low}`;
      });
      expect(checked).toEqual(expected);
      expect(
        checked.some((c) => c.startsWith('UDP 4789')),
        `bgp ${bgp}`,
      ).toBe(!bgp);
      expect(
        checked.some((c) => c.startsWith('TCP 179')),
        `bgp ${bgp}`,
      ).toBe(bgp);
      for (const f of WINDOWS.bgpFeatures) expect(ps.includes(`Get-WindowsFeature -Name ${psQuote(f)}`)).toBe(bgp);
      // Windows agents open no server-only port (etcd, supervisor, API).
      expect(checked.some((c) => /^TCP (2379|2380|2381|9345|6443)-/.test(c))).toBe(false);
    }
  });

  it('psQuote doubles every quote PowerShell honours, so nothing expands or ends the string', () => {
    expect(psQuote("it's")).toBe("'it''s'");
    expect(psQuote('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(psQuote('$(Remove-Item C:\\)')).toBe("'$(Remove-Item C:\\)'");
  });

  it('verify.sh pins its probe pods to Linux nodes', () => {
    const verify = fileOf(bundle({ cluster: { windowsNodes: true } }), 'scripts/verify.sh')!.contents;
    const start = verify.indexOf("<<'RKE2_CNI_EOF'\n") + "<<'RKE2_CNI_EOF'\n".length;
    const docs = loadAll(verify.slice(start, verify.indexOf('\nRKE2_CNI_EOF', start))) as {
      kind: string;
      spec?: { nodeSelector?: Record<string, string> };
    }[];
    const pods = docs.filter((d) => d.kind === 'Pod');
    expect(pods).toHaveLength(2);
    for (const pod of pods) expect(pod.spec?.nodeSelector).toEqual(LINUX_NODE_SELECTOR);
  });

  it('the README gives the Windows steps in order, after the servers start', () => {
    const readme = readmeOf(bundle({ cluster: { windowsNodes: true } }));
    const steps = readme.slice(readme.indexOf('## Steps, in order'), readme.indexOf('## Files'));
    const order = [
      'Start `rke2-server`',
      `-FeatureName ${WINDOWS.containersFeature}`,
      `copy \`${WINDOWS_AGENT_CONFIG_PATH}\``,
      'preflight.ps1',
      'rke2.exe agent service --add',
    ].map((s) => steps.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });
});

/** Bundle paths the README names in backticks. */
const PATH_IN_README =
  /`((?:etc|agent|windows-agent|var|kubectl-apply|scripts|firewall|rancher)\/[^`\s]+|answers\.yaml)`/g;

describe('README claims match the files', () => {
  const cases = Object.entries(SCENARIOS as Record<string, Scenario>).filter(([, s]) => !s.invalidInput);

  it('names only files the bundle holds, lists every file, and states only values the files hold', () => {
    let checkedRows = 0;
    for (const [name, s] of cases) {
      const r = generateBundle(s.answers);
      if (!r.ok) continue;
      const paths = new Set(r.files.map((f) => f.path));
      const readme = readmeOf(r.files);
      for (const m of readme.matchAll(PATH_IN_README)) {
        // HCC names in the copy step are relative to the manifests folder.
        const p = m[1]!;
        expect(paths.has(p) || [...paths].some((x) => x.endsWith(`/${p}`)), `${name}: ${p}`).toBe(true);
      }
      for (const f of r.files) expect(readme, `${name}: ${f.path}`).toContain(`| \`${f.path}\` |`);
      const emitted = emittedChartValues(r.files);
      // Every "| `key` | `value` |" row of a chart's values table is read back from that chart's file.
      for (const block of readme.split('\n### ').slice(1)) {
        const chart = block.slice(0, block.indexOf('\n'));
        if (!/^rke2-/.test(chart)) continue;
        for (const row of block.matchAll(/^\| `([^`]+)` \| `(.+?)` \|/gm)) {
          expect(emitted.has(chart), `${name}: ${chart}`).toBe(true);
          expect(JSON.stringify(valueAt(emitted.get(chart), row[1]!)), `${name}: ${chart} ${row[1]}`).toBe(row[2]);
          checkedRows++;
        }
      }
      const toFill = r.files.filter((f) => f.fillIn?.length);
      expect(readme.includes('Nothing here needs editing.'), name).toBe(toFill.length === 0);
      // No YAML file holds a <...> placeholder unless it says so.
      for (const f of r.files.filter((x) => /\.yaml$/.test(x.path) && !x.fillIn)) {
        const scalars = JSON.stringify(loadAll(f.contents));
        expect(/"<[^"]*>"/.test(scalars), `${name}: ${f.path}`).toBe(false);
      }
    }
    expect(checkedRows).toBeGreaterThan(20);
  });

  it('says what a Windows Calico agent reads only when the rke2-calico file holds it', () => {
    const withCidr = readmeOf(bundle({ cluster: { windowsNodes: true }, nodes: { nodeCidr: '192.168.0.0/24' } }));
    const files = bundle({ cluster: { windowsNodes: true }, nodes: { nodeCidr: '192.168.0.0/24' } });
    const calico = emittedChartValues(files).get('rke2-calico');
    expect(valueAt(calico, 'installation.calicoNetwork.nodeAddressAutodetectionV4')).toBeDefined();
    expect(withCidr).toContain('this bundle sets `installation.calicoNetwork.nodeAddressAutodetectionV4`');
    const without = readmeOf(bundle({ cluster: { windowsNodes: true } }));
    expect(without).not.toContain('this bundle sets');
  });
});
