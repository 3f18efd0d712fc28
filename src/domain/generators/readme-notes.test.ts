import { describe, expect, it } from 'vitest';
import { generateBundle, type BundleFile } from './index';
import { evaluate } from '../engine/evaluate';
import { SOURCES } from '../sources';
import { answersWith, SCENARIOS, type DeepPartial, type Scenario } from '../../test/scenarios';
import type { Answers } from '../answers/types';

/** README notes tailored to the answers: the API server host, Windows with BGP, the MTU arithmetic (issue 10). */

function bundle(patch: DeepPartial<Answers>): BundleFile[] {
  const r = generateBundle(answersWith(patch));
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  return r.files;
}
const readmeOf = (files: BundleFile[]) => files.find((f) => f.path === 'README.md')!.contents;
/** The README section that starts with `## title`, up to the next `## `. */
function section(readme: string, title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README k8sServiceHost note', () => {
  const row = (host: string) => {
    const readme = readmeOf(bundle({ performance: { kubeProxyReplacement: true, apiServerHost: host } }));
    return readme.split('\n').find((l) => l.startsWith('| `k8sServiceHost`'))!;
  };

  it('explains localhost when no host was given', () => {
    const r = row('');
    expect(r).toContain('`"localhost"`');
    expect(r).toContain('no API server host given');
    expect(r).toContain('localhost:6443');
  });

  it('asks for an IP to be reachable and in the certificate, with IPv6 bracketed', () => {
    const v4 = row('10.0.0.10');
    expect(v4).toContain('IPv4 address 10.0.0.10');
    expect(v4).toContain('10.0.0.10:6443');
    expect(v4).toContain('tls-san');
    expect(v4).not.toContain('localhost');
    const v6 = row('fd00::10');
    expect(v6).toContain('[fd00::10]:6443');
    expect(v6).not.toContain('fd00::10:6443');
  });

  it('asks for a DNS name to resolve without cluster DNS', () => {
    const dns = row('api.example.com');
    expect(dns).toContain('DNS name api.example.com');
    expect(dns).toContain('without cluster DNS');
    expect(dns).not.toContain('localhost');
  });
});

describe('README Windows section', () => {
  it('says windows-bgp, not VXLAN, when BGP is configured', () => {
    const bgpFiles = bundle({
      cluster: { windowsNodes: true },
      performance: { bgp: { enabled: true, peerAddress: '10.0.0.1', peerAsn: 65000, localAsn: 65001 } },
    });
    const bgp = section(readmeOf(bgpFiles), 'Windows agents');
    expect(bgp).toContain('windows-bgp');
    expect(bgp).toContain(SOURCES.windowsCalicoBgpCode.url);
    expect(bgp).not.toContain('4789');
    expect(bgp).not.toContain('use VXLAN');
    expect(section(readmeOf(bgpFiles), 'Inbound ports')).not.toContain('4789');
    const vxlan = section(readmeOf(bundle({ cluster: { windowsNodes: true } })), 'Windows agents');
    expect(vxlan).toContain('VXLAN UDP 4789');
    expect(vxlan).not.toContain('windows-bgp');
  });
});

describe('README MTU section', () => {
  const withBundles = Object.entries(SCENARIOS as Record<string, Scenario>).filter(
    ([, s]) => !s.invalidInput && generateBundle(s.answers).ok,
  );
  it.each(withBundles)('shows the plan arithmetic: %s', (_, s) => {
    const decision = evaluate(s.answers);
    const r = generateBundle(s.answers, decision);
    expect(r.ok).toBe(true);
    if (r.ok) expect(section(readmeOf(r.files), 'MTU')).toContain(`\`${decision.plan!.mtu.arithmetic}\``);
  });

  it('spells out Canal WireGuard as underlay − 80', () => {
    const mtu = section(readmeOf(bundle({ security: { encryption: 'wireguard' } })), 'MTU');
    expect(mtu).toContain('1500 − 80');
    expect(mtu).toContain('= 1420');
  });
});
