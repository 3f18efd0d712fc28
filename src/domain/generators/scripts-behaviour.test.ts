import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBundle } from './index';
import { answersWith } from '../../test/scenarios';
import type { Answers } from '../answers/types';

/**
 * The scripts' shell logic, run by bash: the generated functions against fixture /etc/hosts files, and the whole
 * verify.sh against a fake kubectl that answers with chosen pod IPs and behaves like busybox wget on the URL.
 */

function files(answers: Answers) {
  const r = generateBundle(answers);
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  return r.files;
}
const fileOf = (answers: Answers, path: string) => files(answers).find((f) => f.path === path)?.contents ?? '';

/** The one-line shell function `name() { ... }` exactly as the script defines it. */
function shellFunction(text: string, name: string): string {
  const lines = text.split('\n').filter((l) => l.trimStart().startsWith(`${name}() {`));
  expect(lines, name).toHaveLength(1);
  return lines[0]!.trim();
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scripts-behaviour-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ipv6Only = answersWith({ addressing: { ipFamily: 'ipv6' }, security: { policy: 'l7' } });
const dual = answersWith({ addressing: { ipFamily: 'dual' } });
const ipv4 = answersWith({});

describe('preflight.sh ::1 localhost check', () => {
  const HOSTS: [string, boolean][] = [
    ['127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n', true],
    ['::1\tlocalhost\n', true],
    ['  ::1   ip6-localhost   localhost  \n', true],
    ['::1 localhost.localdomain localhost # loopback\n', true],
    ['::1 localhost#inline comment\n', true],
    ['0:0:0:0:0:0:0:1 localhost\n', true],
    ['127.0.0.1 localhost\n::1 localhost6 localhost6.localdomain6\n', false],
    ['::1 mylocalhostname\n', false],
    ['::1 ip6-localhost ip6-loopback\n', false],
    ['# ::1 localhost\n', false],
    ['::1 # localhost\n', false],
    ['::10 localhost\n', false],
    ['fe80::1 localhost\n', false],
    ['127.0.0.1 localhost\n', false],
    ['', false],
  ];
  const preflight = fileOf(ipv6Only, 'scripts/preflight.sh');

  it.each(HOSTS)('judges %j as %s', (hosts, expected) => {
    const fn = shellFunction(preflight, 'has_ipv6_localhost');
    const path = join(dir, 'hosts');
    writeFileSync(path, hosts);
    const r = spawnSync('bash', ['-c', `${fn}\nhas_ipv6_localhost "$1"`, 'bash', path]);
    expect(r.status).toBe(expected ? 0 : 1);
  });

  it('is checked on IPv6-only clusters only, not on dual-stack or IPv4 ones', () => {
    const count = (a: Answers) =>
      fileOf(a, 'scripts/preflight.sh')
        .split('\n')
        .filter((l) => l.startsWith('if has_ipv6_localhost /etc/hosts')).length;
    expect(count(ipv6Only)).toBe(1);
    expect(count(dual)).toBe(0);
    expect(count(ipv4)).toBe(0);
  });
});

describe('verify.sh NetworkPolicy probe', () => {
  it('brackets IPv6 literals in the probe URL (RFC 3986 §3.2.2)', () => {
    const fn = shellFunction(fileOf(ipv6Only, 'scripts/verify.sh'), 'web_url');
    const url = (ip: string) =>
      spawnSync('bash', ['-c', `${fn}\nweb_url "$1"`, 'bash', ip], { encoding: 'utf8' }).stdout;
    expect(url('10.42.0.5')).toBe('http://10.42.0.5:8080/hostname');
    expect(url('fd00:42::5')).toBe('http://[fd00:42::5]:8080/hostname');
    expect(url('::ffff:10.0.0.1')).toBe('http://[::ffff:10.0.0.1]:8080/hostname');
  });

  /**
   * A fake kubectl: pod IPs come from FAKE_IPS; `exec client -- wget ... URL` logs the URL and fails, as wget does,
   * on a malformed host (a bare IPv6 literal) and, once the deny policy is applied, when FAKE_ENFORCE=1.
   */
  const FAKE_KUBECTL = `#!/usr/bin/env bash
state="$FAKE_STATE"
args="$*"
case "$args" in
  *"get pod web -o jsonpath="*) printf '%s' "$FAKE_IPS"; exit 0 ;;
  *"apply -f -"*) if grep -q 'kind: NetworkPolicy' /dev/stdin; then touch "$state/policy"; fi; exit 0 ;;
  *"exec client -- wget"*)
    url="\${!#}"
    echo "$url" >> "$state/urls"
    if [[ ! "$url" =~ ^http://([0-9.]+|web|\\[[0-9a-fA-F:.]+\\]):8080/hostname$ ]]; then exit 1; fi
    if [ -e "$state/policy" ] && [ "$FAKE_ENFORCE" = 1 ]; then exit 1; fi
    exit 0 ;;
  *) exit 0 ;;
esac
`;

  function runVerify(script: string, ips: string, enforce: boolean) {
    const run = mkdtempSync(join(dir, 'run-'));
    const bin = join(run, 'bin');
    spawnSync('mkdir', [bin]);
    writeFileSync(join(bin, 'kubectl'), FAKE_KUBECTL);
    writeFileSync(join(bin, 'sleep'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'kubectl'), 0o755);
    chmodSync(join(bin, 'sleep'), 0o755);
    const path = join(run, 'verify.sh');
    writeFileSync(path, script);
    const r = spawnSync('bash', [path], {
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        FAKE_STATE: run,
        FAKE_IPS: ips,
        FAKE_ENFORCE: enforce ? '1' : '0',
      },
    });
    let urls: string[];
    try {
      urls = readFileSync(join(run, 'urls'), 'utf8').trim().split('\n');
    } catch {
      urls = [];
    }
    return { status: r.status, out: r.stdout, urls };
  }

  const CASES: [string, Answers, string, string[]][] = [
    ['IPv4', ipv4, '10.42.0.5', ['http://10.42.0.5:8080/hostname']],
    [
      'dual-stack',
      dual,
      '10.42.0.5 fd00:42::5',
      ['http://10.42.0.5:8080/hostname', 'http://[fd00:42::5]:8080/hostname'],
    ],
    ['IPv6-only', ipv6Only, 'fd00:42::5', ['http://[fd00:42::5]:8080/hostname']],
  ];

  it.each(CASES)('%s: reports enforcement when the policy blocks every family', (_, answers, ips, urls) => {
    const r = runVerify(fileOf(answers, 'scripts/verify.sh'), ips, true);
    expect(r.out).not.toContain('FAIL');
    for (const ip of ips.split(' ')) {
      expect(r.out).toContain(`PASS  pod-to-pod traffic flows to ${ip}`);
      expect(r.out).toContain(`PASS  NetworkPolicy enforced for ${ip}`);
    }
    // The Service by name first (DNS and ClusterIP), then each pod address.
    expect(new Set(r.urls)).toEqual(new Set(['http://web:8080/hostname', ...urls]));
    expect(r.status).toBe(0);
  });

  it.each(CASES)('%s: reports no enforcement when traffic still flows', (_, answers, ips) => {
    const r = runVerify(fileOf(answers, 'scripts/verify.sh'), ips, false);
    for (const ip of ips.split(' '))
      expect(r.out).toContain(`FAIL  NetworkPolicy not enforced: traffic to ${ip} still flows`);
    expect(r.out).not.toContain('PASS  NetworkPolicy enforced');
    expect(r.status).toBe(1);
  });

  it('never claims enforcement when no traffic flowed before the policy', () => {
    const r = runVerify(fileOf(ipv4, 'scripts/verify.sh'), '', true);
    expect(r.out).toContain('FAIL  NetworkPolicy not checked');
    expect(r.out).not.toContain('PASS  NetworkPolicy enforced');
    expect(r.status).toBe(1);
  });
});
