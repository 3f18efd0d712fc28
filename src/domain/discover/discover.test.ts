import { describe, expect, it } from 'vitest';
import { applyDiscovery, mergeDiscovered, readAnswersOrDiscovery, type DiscoveredNode } from './discover';
import { defaultAnswers } from '../answers/defaults';
import { discoverOutput } from '../../test/discover-fixture';

const node = (p: Partial<DiscoveredNode>): DiscoveredNode => ({
  hostname: 'n',
  kernel: '6.8.0',
  interface: 'eth0',
  underlayMtu: 1500,
  ipFamily: 'ipv4',
  os: '',
  hypervisor: '',
  warnings: [],
  ...p,
});

describe('mergeDiscovered', () => {
  it('takes the oldest kernel (by version, not text), the smallest MTU and the families every node has', () => {
    const d = mergeDiscovered([
      node({ hostname: 'a', kernel: '5.14.0-427.el9.x86_64', underlayMtu: 9000, ipFamily: 'dual' }),
      node({ hostname: 'b', kernel: '5.4.0-200-generic', underlayMtu: 1450, ipFamily: 'dual' }),
      node({ hostname: 'c', kernel: '6.8.0-45-generic', underlayMtu: 1500, ipFamily: 'dual' }),
    ]);
    expect(d).toMatchObject({ kernel: '5.4.0-200-generic', underlayMtu: 1450, ipFamily: 'dual', interface: 'eth0' });
    expect(d.notes.map((n) => n.message).join('\n')).toContain('the smallest, 1450 on b');
  });

  it('leaves the interface to autodetection and says why when names differ (rancher/rke2#1889)', () => {
    const d = mergeDiscovered([node({ hostname: 'a' }), node({ hostname: 'b', interface: 'ens192' })]);
    expect(d.interface).toBe('');
    expect(d.notes[0]!.source!.url).toBe('https://github.com/rancher/rke2/issues/1889');
  });

  it('falls back to the family all nodes share', () => {
    expect(mergeDiscovered([node({ ipFamily: 'dual' }), node({ ipFamily: 'ipv6' })]).ipFamily).toBe('ipv6');
    expect(mergeDiscovered([node({ ipFamily: 'dual' }), node({ ipFamily: 'ipv4' })]).ipFamily).toBe('ipv4');
  });
});

describe('readAnswersOrDiscovery', () => {
  it('reads a plain answers file as before', () => {
    const r = readAnswersOrDiscovery('cluster: {size: large}\n');
    expect(r.ok && r.answers.cluster.size).toBe('large');
    expect(r.discovery).toBeUndefined();
  });

  it('sets only the node facts over the given answers', () => {
    const base = defaultAnswers();
    base.cluster.size = 'large';
    base.security.encryption = 'wireguard';
    base.addressing.clusterCidrV6 = '2001:db8:42::/56';
    base.addressing.serviceCidrV6 = '2001:db8:43::/112';
    const r = readAnswersOrDiscovery(
      discoverOutput({ hostname: 'a', kernel: '5.14.0-427.el9.x86_64', iface: 'eth0', mtu: 9000, family: 'dual' }),
      base,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers.cluster.size).toBe('large');
    expect(r.answers.security.encryption).toBe('wireguard');
    expect(r.answers.nodes).toMatchObject({ osPreset: 'custom', kernel: '5.14.0-427.el9.x86_64', underlayMtu: 9000 });
    expect(applyDiscovery(base, r.discovery!).addressing.ipFamily).toBe('dual');
  });

  it.each([
    ['a wrong format', 'discover: {format: "2"}\n', 'format "2"'],
    [
      'an MTU out of range',
      discoverOutput({ hostname: 'x', kernel: '6.8', iface: 'eth0', mtu: 100, family: 'ipv4' }),
      'x:',
    ],
    ['a bad kernel', 'discover: {format: "1", hostname: h}\nnodes: {kernel: banana}\n', 'h:'],
    ['a hostile interface', 'discover: {format: "1"}\nnodes: {kernel: "6.8", interface: "$(id)"}\n', 'node 1'],
  ])('refuses %s with a message, never a throw', (_, text, says) => {
    const r = readAnswersOrDiscovery(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.messageId).toBe('discoverInvalid');
    expect(r.errors[0]!.message).toContain(says);
  });
});
