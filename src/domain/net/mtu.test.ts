import { describe, expect, it } from 'vitest';
import { planMtu } from './mtu';

describe('planMtu', () => {
  it('canal on a standard IPv4 underlay keeps the chart default (1450) and writes nothing', () => {
    const p = planMtu({
      cni: 'canal',
      underlayMtu: 1500,
      encryption: 'none',
      ipFamily: 'ipv4',
      encapsulation: 'vxlan',
    });
    expect(p.podMtu).toBe(1450);
    expect(p.chartKey).toBe('calico.vethuMTU');
    expect(p.chartValue).toBeNull();
  });

  it('canal IPv6 VXLAN needs 1430, below the fixed 1450 default, so it is written', () => {
    const p = planMtu({
      cni: 'canal',
      underlayMtu: 1500,
      encryption: 'none',
      ipFamily: 'ipv6',
      encapsulation: 'vxlan',
    });
    expect(p.podMtu).toBe(1430);
    expect(p.chartValue).toBe(1430);
  });

  it('calico leaves a standard underlay to autodetection (rke2-charts#670)', () => {
    const p = planMtu({
      cni: 'calico',
      underlayMtu: 1500,
      encryption: 'none',
      ipFamily: 'ipv4',
      encapsulation: 'vxlan',
    });
    expect(p.chartValue).toBeNull();
    expect(p.podMtu).toBe(1450);
  });

  it('calico jumbo frames: pod MTU 8950 under installation.calicoNetwork.mtu', () => {
    const p = planMtu({
      cni: 'calico',
      underlayMtu: 9000,
      encryption: 'none',
      ipFamily: 'ipv4',
      encapsulation: 'vxlan',
    });
    expect(p).toMatchObject({
      podMtu: 8950,
      chartKey: 'installation.calicoNetwork.mtu',
      chartValue: 8950,
      keyMeaning: 'pod',
    });
  });

  it('calico WireGuard replaces the tunnel: 1500 - 60 = 1440, written', () => {
    const p = planMtu({
      cni: 'calico',
      underlayMtu: 1500,
      encryption: 'wireguard',
      ipFamily: 'ipv4',
      encapsulation: 'vxlan',
    });
    expect(p).toMatchObject({ podMtu: 1440, chartValue: 1440, stacking: 'replaces-tunnel' });
  });

  it('cilium stacks WireGuard on VXLAN, and its MTU key takes the underlay figure', () => {
    const p = planMtu({
      cni: 'cilium',
      underlayMtu: 9000,
      encryption: 'wireguard',
      ipFamily: 'ipv4',
      encapsulation: 'vxlan',
    });
    expect(p).toMatchObject({
      podMtu: 9000 - 50 - 60,
      chartKey: 'MTU',
      chartValue: 9000,
      keyMeaning: 'underlay',
      stacking: 'adds-to-tunnel',
    });
    const std = planMtu({
      cni: 'cilium',
      underlayMtu: 1500,
      encryption: 'ipsec',
      ipFamily: 'ipv4',
      encapsulation: 'vxlan',
    });
    expect(std.podMtu).toBe(1500 - 50 - 73);
    expect(std.chartValue).toBeNull();
  });

  it('dual-stack counts the larger IPv6 headers; no tunnel means no tunnel overhead', () => {
    expect(
      planMtu({ cni: 'flannel', underlayMtu: 1500, encryption: 'none', ipFamily: 'dual', encapsulation: 'vxlan' })
        .podMtu,
    ).toBe(1430);
    expect(
      planMtu({ cni: 'calico', underlayMtu: 1500, encryption: 'none', ipFamily: 'ipv4', encapsulation: 'none' }).podMtu,
    ).toBe(1500);
  });

  it('cni none has no chart key', () => {
    const p = planMtu({ cni: 'none', underlayMtu: 9000, encryption: 'none', ipFamily: 'ipv4', encapsulation: 'none' });
    expect(p.chartKey).toBeNull();
    expect(p.chartValue).toBeNull();
  });
});
