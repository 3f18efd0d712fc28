/**
 * The generated scripts run by bash against fixture command outputs: fake ip, uname, ethtool, ping, timeout,
 * systemd-detect-virt, systemctl, helm and kubectl first on PATH, no container and no root. Each check is driven
 * down its PASS and its FAIL (or WARN) path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBundle } from './index';
import { answersWith } from '../../test/scenarios';
import type { Answers } from '../answers/types';
import { readAnswersOrDiscovery } from '../discover';
import { PING_HEADER } from '../facts/mtu';
import { VXLAN_PORT } from '../net/ports';

function fileOf(answers: Answers, path: string): string {
  const r = generateBundle(answers);
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  const f = r.files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path}`);
  return f.contents;
}

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scripts-harness-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A node: fixture answers for each command, by environment variable (read by the fake tools below). */
interface Node {
  FX_KERNEL?: string;
  FX_HOST?: string;
  FX_IFACE?: string;
  FX_NIC_MTU?: string;
  /** Largest don't-fragment ping payload that gets through. */
  FX_PATH_PAYLOAD?: string;
  FX_VIRT?: string;
  FX_DRIVER?: string;
  FX_TX_CSUM?: 'on' | 'off';
  /** "1": every TCP connect times out (a firewall drops it). */
  FX_TCP_DROP?: string;
  FX_ADDR4?: string;
  FX_ADDR6?: string;
}

const FAKES: Record<string, string> = {
  uname: `case "$1" in -r) echo "\${FX_KERNEL:-6.8.0-45-generic}" ;; -m) echo x86_64 ;; -n) printf '%s\\n' "\${FX_HOST:-node1}" ;; *) echo Linux ;; esac`,
  ip: `args="$*"
iface="\${FX_IFACE:-ens192}"
case "$args" in
  "-4 route show default") [ -n "\${FX_ADDR4:-10.0.0.5/24}" ] && echo "default via 10.0.0.1 dev $iface proto static" ;;
  "-6 route show default") [ -n "\${FX_ADDR6:-}" ] && echo "default via fd00::1 dev $iface metric 1024" ;;
  "-o link show dev "*) echo "2: $iface: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu \${FX_NIC_MTU:-1500} qdisc mq state UP mode DEFAULT" ;;
  "-o -4 addr show dev $iface scope global") [ -n "\${FX_ADDR4:-10.0.0.5/24}" ] && echo "2: $iface    inet \${FX_ADDR4:-10.0.0.5/24} brd 10.0.0.255 scope global $iface" ;;
  "-o -6 addr show dev $iface scope global") [ -n "\${FX_ADDR6:-}" ] && echo "2: $iface    inet6 \${FX_ADDR6} scope global" ;;
  "-o "*"addr show dev "*) ;;
  "route show dev "*) [ -n "\${FX_TUNNEL_ROUTES:-}" ] && echo "$FX_TUNNEL_ROUTES" ;;
  "link show "*) case " \${FX_LINKS:-} " in *" \${args#link show } "*) echo "5: \${args#link show }: <UP>" ;; *) exit 1 ;; esac ;;
  *) exit 1 ;;
esac
exit 0`,
  ethtool: `case "$1" in -i) echo "driver: \${FX_DRIVER:-virtio_net}" ;; -k) echo "Features for $2:"; echo "tx-checksumming: \${FX_TX_CSUM:-off}" ;; esac`,
  ping: `echo "$*" >> "$STATE/ping"
case " $* " in *" -M do "*) for a; do [ "$prev" = -s ] && size="$a"; prev="$a"; done; [ "$size" -le "\${FX_PATH_PAYLOAD:-100000}" ] ;; *) exit 0 ;; esac`,
  timeout: `if [ "\${FX_TCP_DROP:-0}" = 1 ] && [ "$2" = bash ]; then exit 124; fi; shift; exec "$@"`,
  'systemd-detect-virt': `echo "\${FX_VIRT:-none}"; [ "\${FX_VIRT:-none}" != none ]`,
  systemctl: `exit 1`,
  modinfo: `exit 0`,
  sleep: `exit 0`,
  iptables: `exit 0`,
};

function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  extraFakes: Record<string, string> = {},
) {
  const dir = mkdtempSync(join(root, 'run-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const [name, body] of Object.entries({ ...FAKES, ...extraFakes })) {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const path = join(dir, 'script.sh');
  writeFileSync(path, script);
  const r = spawnSync('bash', [path, ...args], {
    encoding: 'utf8',
    timeout: 25_000,
    env: { PATH: `${bin}:/usr/bin:/bin`, STATE: dir, PROBE_TIMEOUT: '1', ...env },
  });
  const log = join(dir, 'ping');
  const pings = existsSync(log) ? readFileSync(log, 'utf8') : '';
  return { status: r.status, out: r.stdout, err: r.stderr, dir, pings };
}

const cilium = answersWith({ choice: { forcedCni: 'cilium' } });
const canalWg = answersWith({ choice: { forcedCni: 'canal' }, security: { encryption: 'wireguard' } });

describe('preflight.sh underlay and peers', () => {
  const preflight = fileOf(cilium, 'scripts/preflight.sh');
  const healthy: Node = { FX_KERNEL: '6.8.0-45-generic', FX_NIC_MTU: '1500', FX_VIRT: 'kvm', FX_DRIVER: 'virtio_net' };

  it('passes a healthy node and peer, pinging at the plan MTU without fragmenting', () => {
    const r = runScript(preflight, ['agent', '--peers', '127.0.0.1'], { ...healthy } as Record<string, string>);
    expect(r.out).toContain('PASS  ens192 MTU 1500 fits the plan (1500)');
    expect(r.out).toContain('PASS  TCP 4240 on 127.0.0.1 reachable (nothing listens yet)');
    expect(r.out).toContain('PASS  path MTU to 127.0.0.1 carries 1500 bytes unfragmented');
    expect(r.pings).toContain(`-M do -c 1 -W 2 -s ${1500 - PING_HEADER.v4} 127.0.0.1`);
    expect(r.out).not.toMatch(/WARN {2}VMware|vmxnet3/);
    expect(r.out).not.toMatch(/FAIL {2}(TCP|path MTU)/);
  });

  it('warns about VMware/NSX, vmxnet3 offload and a small NIC MTU, and fails a dropped port and a short path', () => {
    const node: Node = {
      ...healthy,
      FX_VIRT: 'vmware',
      FX_DRIVER: 'vmxnet3',
      FX_TX_CSUM: 'on',
      FX_NIC_MTU: '1400',
      FX_PATH_PAYLOAD: '1400',
      FX_TCP_DROP: '1',
    };
    const r = runScript(preflight, ['agent', '--peers', '127.0.0.1'], node as Record<string, string>);
    expect(r.out).toContain(`WARN  VMware: NSX/ESXi have silently dropped VXLAN on UDP ${VXLAN_PORT.linux}`);
    expect(r.out).toContain(`tunnelPort: ${VXLAN_PORT.iana}`);
    expect(r.out).toContain('WARN  vmxnet3 NIC ens192 has TX checksum offload on');
    expect(r.out).toContain('ethtool -K <nic> tx off');
    expect(r.out).toContain("WARN  ens192 MTU 1400 is below the plan's underlay MTU 1500");
    expect(r.out).toContain('FAIL  TCP 4240 on 127.0.0.1: no answer in 1s (dropped)');
    expect(r.out).toContain('FAIL  path MTU to 127.0.0.1 is below 1500');
    expect(r.status).toBe(1);
  });

  it('fails a UDP port nobody answers and passes it while --listen runs on the peer', () => {
    const closed = runScript(preflight, ['agent', '--peers', '127.0.0.1'], { ...healthy } as Record<string, string>);
    expect(closed.out).toContain(`WARN  UDP ${VXLAN_PORT.linux} on 127.0.0.1: port closed, nothing answered`);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.runIf(python)('--listen answers the UDP probes of --peers', { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(root, 'listen-'));
    writeFileSync(join(dir, 'p.sh'), preflight);
    // The listener and the probe in one bash: the probe waits until the listener has bound its ports.
    const r = spawnSync(
      'bash',
      [
        '-c',
        `LISTEN_SECONDS=20 bash "$1" --listen > "$2/listen.out" 2>&1 & L=$!
for i in $(seq 1 100); do python3 -c "import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.2); s.sendto(b'x', ('127.0.0.1', ${VXLAN_PORT.linux})); s.recvfrom(64)" 2>/dev/null && break; sleep 0.2; done
PROBE_TIMEOUT=2 bash "$1" agent --peers 127.0.0.1; kill $L`,
        'bash',
        join(dir, 'p.sh'),
        dir,
      ],
      { encoding: 'utf8', timeout: 28_000 },
    );
    expect(r.stdout).toContain(`PASS  UDP ${VXLAN_PORT.linux} on 127.0.0.1 answered`);
  });

  it('parses its options and refuses unknown ones', () => {
    expect(runScript(preflight, ['--phase', 'sideways'], {}).status).toBe(2);
    expect(runScript(preflight, ['--peers'], {}).status).toBe(2);
    expect(runScript(preflight, ['--help'], {}).out).toContain('--listen');
  });

  it('--phase upgrade refuses a bundle older than the installed RKE2', () => {
    const rke2 = { rke2: 'echo "rke2 version v9.99.0+rke2r1 (abc)"' };
    const r = runScript(preflight, ['--phase', 'upgrade'], { ...healthy } as Record<string, string>, rke2);
    expect(r.out).toContain('FAIL  installed RKE2 v9.99.0+rke2r1 is newer than this bundle');
    const older = runScript(preflight, ['--phase', 'upgrade'], { ...healthy } as Record<string, string>, {
      rke2: 'echo "rke2 version v1.0.0+rke2r1 (abc)"',
    });
    expect(older.out).toContain('PASS  upgrade from v1.0.0+rke2r1 to');
  });
});

describe('verify.sh silent failures', () => {
  /** kubectl: exec into cilium prints CILIUM_STATUS; everything else succeeds; wget through the probe pods works. */
  const kubectl = `case "$*" in
  *"cilium-dbg status"*) printf '%s\\n' "$FX_CILIUM_STATUS" ;;
  *"get pod web -o jsonpath="*) printf '10.42.0.5' ;;
  *"get service web -o jsonpath="*) printf '10.43.0.10' ;;
  *"apply -f -"*) cat >/dev/null ;;
  *) exit 0 ;;
esac`;
  const helm = `printf '%s' "$FX_HELM_VALUES"`;

  it('fails Canal WireGuard while pod routes stay on flannel.1 (rancher/rke2#9338), passes once they moved', () => {
    const verify = fileOf(canalWg, 'scripts/verify.sh');
    const env = { FX_LINKS: 'flannel-wg', FX_CILIUM_STATUS: '', FX_HELM_VALUES: '{}' };
    const stuck = runScript(
      verify,
      [],
      { ...env, FX_TUNNEL_ROUTES: '10.42.1.0/24 via 10.42.1.0 onlink' },
      { kubectl, helm },
    );
    expect(stuck.out).toContain('FAIL  pod routes still use flannel.1');
    expect(stuck.status).toBe(1);
    const moved = runScript(verify, [], env, { kubectl, helm });
    expect(moved.out).toContain('PASS  no pod route uses flannel.1');
    expect(moved.out).toContain('PASS  WireGuard device flannel-wg present on this node');
    const noDevice = runScript(verify, [], { ...env, FX_LINKS: '' }, { kubectl, helm });
    expect(noDevice.out).toContain('FAIL  no WireGuard device flannel-wg');
  });

  it('compares the Helm release values with the bundle (python3 and helm), and fails a value that never applied', () => {
    const verify = fileOf(canalWg, 'scripts/verify.sh');
    const python = spawnSync('python3', ['--version']).status === 0;
    if (!python) return expect(verify).toContain('needs helm and python3');
    // The release runs with the bundle's values plus chart defaults; a changed leaf must be named.
    const emitted = JSON.parse(/^compare_values rke2-canal '(.*)'$/m.exec(verify)![1]!) as { flannel: object };
    expect(emitted.flannel).toMatchObject({ backend: 'wireguard' });
    const good = JSON.stringify({ ...emitted, other: 1 });
    const env = { FX_LINKS: 'flannel-wg', FX_CILIUM_STATUS: '' };
    const ok = runScript(verify, [], { ...env, FX_HELM_VALUES: good }, { kubectl, helm });
    expect(ok.out).toContain('PASS  release rke2-canal runs with the bundle values');
    const bad = runScript(
      verify,
      [],
      { ...env, FX_HELM_VALUES: JSON.stringify({ ...emitted, flannel: { ...emitted.flannel, backend: 'vxlan' } }) },
      { kubectl, helm },
    );
    expect(bad.out).toContain(
      'FAIL  release rke2-canal does not run with the bundle values: flannel.backend: bundle "wireguard", release "vxlan"',
    );
    const noHelm = runScript(verify, [], { ...env, FX_HELM_VALUES: good }, { kubectl });
    expect(noHelm.out).toContain('WARN  values of rke2-canal not compared');
  });

  it('Multus with Cilium: fails on *.cilium_bak (rancher/rke2#7464) and on a missing second interface', () => {
    const a = answersWith({ choice: { forcedCni: 'cilium' }, extras: { mode: 'multus' } });
    const verify = fileOf(a, 'scripts/verify.sh');
    const netd = join(root, 'net.d');
    mkdirSync(netd, { recursive: true });
    writeFileSync(join(netd, '05-cilium.conflist'), '{}');
    const env = { CNI_NET_D: netd, FX_CILIUM_STATUS: '', FX_HELM_VALUES: '{}' };
    const clean = runScript(verify, [], env, { kubectl, helm });
    expect(clean.out).toContain(`PASS  no *.cilium_bak in ${netd}`);
    expect(clean.out).toContain('FAIL  example pod has no');
    writeFileSync(join(netd, '00-multus.conf.cilium_bak'), '{}');
    const renamed = runScript(verify, [], env, { kubectl, helm });
    expect(renamed.out).toContain('FAIL  Cilium renamed CNI configs away');
  });

  it('kube-proxy replacement: the CNI must report it, and DNS plus ClusterIP must answer from a pod', () => {
    const a = answersWith({
      choice: { forcedCni: 'cilium' },
      performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.5' },
    });
    const verify = fileOf(a, 'scripts/verify.sh');
    const on = runScript(
      verify,
      [],
      { FX_CILIUM_STATUS: 'KubeProxyReplacement:    True   [eth0]', FX_HELM_VALUES: '{}' },
      { kubectl, helm },
    );
    expect(on.out).toContain('PASS  Cilium reports KubeProxyReplacement True');
    expect(on.out).toContain('PASS  DNS and ClusterIP answer from a pod');
    const off = runScript(
      verify,
      [],
      { FX_CILIUM_STATUS: 'KubeProxyReplacement:    False', FX_HELM_VALUES: '{}' },
      { kubectl, helm },
    );
    expect(off.out).toContain('FAIL  Cilium does not report KubeProxyReplacement True');
    const noDns = `case "$*" in *"wget"*"http://web:"*) exit 1 ;; esac\n${kubectl}`;
    const dns = runScript(verify, [], { FX_CILIUM_STATUS: '', FX_HELM_VALUES: '{}' }, { kubectl: noDns, helm });
    expect(dns.out).toContain('FAIL  ClusterIP 10.43.0.10 answers but the name web does not resolve');
  });
});

describe('discover.sh', () => {
  const discover = fileOf(cilium, 'scripts/discover.sh');

  it('prints an answers fragment the import reads, even for a hostile host name', () => {
    const host = `n"1\\ $(touch x) 'q'`;
    const r = runScript(discover, [], {
      FX_HOST: host,
      FX_KERNEL: '5.14.0-427.13.1.el9_4.x86_64',
      FX_NIC_MTU: '9000',
      FX_ADDR6: 'fd00::5/64',
      FX_VIRT: 'vmware',
    });
    expect(r.status).toBe(0);
    const read = readAnswersOrDiscovery(r.out);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.discovery?.nodes[0]?.hostname).toBe(host);
    expect(read.answers.nodes).toMatchObject({
      kernel: '5.14.0-427.13.1.el9_4.x86_64',
      interface: 'ens192',
      underlayMtu: 9000,
    });
    // The node is dual-stack, but IPv6 pod and service ranges are the user's to type: the family waits for them.
    expect(read.discovery?.ipFamily).toBe('dual');
    expect(read.answers.addressing.ipFamily).toBe('ipv4');
    expect(read.discovery?.notes.map((n) => n.message).join('\n')).toContain('type the IPv6 pod and service ranges');
    expect(read.discovery?.notes.map((n) => n.message).join('\n')).toContain('VMware');
  });

  it('merges nodes: oldest kernel, smallest MTU, and a note when interface names differ (rancher/rke2#1889)', () => {
    const a = runScript(discover, [], {
      FX_HOST: 'a',
      FX_KERNEL: '6.8.0-45-generic',
      FX_NIC_MTU: '1500',
      FX_IFACE: 'ens192',
    });
    const b = runScript(discover, [], {
      FX_HOST: 'b',
      FX_KERNEL: '5.15.0-105-generic',
      FX_NIC_MTU: '1450',
      FX_IFACE: 'eth0',
    });
    const read = readAnswersOrDiscovery(a.out + b.out);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.answers.nodes).toMatchObject({ kernel: '5.15.0-105-generic', interface: '', underlayMtu: 1450 });
    const notes = read.discovery!.notes;
    expect(
      notes.some(
        (n) => n.source?.url.endsWith('/rancher/rke2/issues/1889') && n.message.includes('a: ens192, b: eth0'),
      ),
    ).toBe(true);
  });
});
