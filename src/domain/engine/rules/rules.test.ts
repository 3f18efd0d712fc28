import { describe, expect, it } from 'vitest';
import { answersWith, type DeepPartial } from '../../../test/scenarios';
import type { Answers } from '../../answers/types';
import type { PrimaryCni } from '../../facts/cni-names';
import { buildContext } from '../context';
import type { MessageData, Rule } from '../types';
import { RULES, RULES_BY_ID } from './index';

/**
 * Valid/invalid tables per rule, in the style of typescript-eslint's RuleTester: "invalid" cases must produce
 * the message (with its data), "valid" cases must not produce it.
 */
interface Case {
  name: string;
  answers: DeepPartial<Answers>;
  messageId: string;
  /** For reasons: the candidate and effect. */
  cni?: PrimaryCni;
  effect?: 'excludes' | 'discourages' | 'favours' | 'info';
  severity?: 'blocking' | 'warning' | 'note';
  data?: MessageData;
  fields?: string[];
}

function outputs(rule: Rule, patch: DeepPartial<Answers>) {
  const out = rule.check(buildContext(answersWith(patch)));
  return { reasons: out.reasons ?? [], findings: out.findings ?? [] };
}

function runTable(
  ruleId: string,
  table: { valid: Omit<Case, 'data' | 'effect' | 'severity' | 'fields'>[]; invalid: Case[] },
) {
  const rule = RULES_BY_ID[ruleId];
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => expect(rule).toBeDefined());
    for (const c of table.invalid) {
      it(`reports ${c.messageId}${c.cni ? ` on ${c.cni}` : ''}: ${c.name}`, () => {
        const { reasons, findings } = outputs(rule!, c.answers);
        const hits = c.severity
          ? findings.filter((f) => f.messageId === c.messageId && f.severity === c.severity)
          : reasons.filter(
              (r) =>
                r.messageId === c.messageId &&
                (c.cni === undefined || r.cni === c.cni) &&
                (c.effect === undefined || r.effect === c.effect),
            );
        expect(hits, JSON.stringify({ reasons, findings })).toHaveLength(1);
        if (c.data) expect(hits[0]!.data).toEqual(c.data);
        if (c.fields) expect(hits[0]!.fields).toEqual(c.fields);
        expect(rule!.messages[c.messageId]).toBeTypeOf('string');
      });
    }
    for (const c of table.valid) {
      it(`does not report ${c.messageId}${c.cni ? ` on ${c.cni}` : ''}: ${c.name}`, () => {
        const { reasons, findings } = outputs(rule!, c.answers);
        const ids = [
          ...reasons.filter((r) => c.cni === undefined || r.cni === c.cni).map((r) => r.messageId),
          ...findings.map((f) => f.messageId),
        ];
        expect(ids).not.toContain(c.messageId);
        expect(rule!.messages[c.messageId]).toBeTypeOf('string');
      });
    }
  });
}

runTable('release-resolution', {
  valid: [
    { name: 'exact release', answers: { cluster: { release: 'v1.33.6+rke2r1' } }, messageId: 'releaseNewerThanTable' },
    { name: 'exact release', answers: { cluster: { release: 'v1.33.6+rke2r1' } }, messageId: 'releaseNearestOlder' },
  ],
  invalid: [
    {
      name: 'v1.37 is newer',
      answers: { cluster: { release: 'v1.37.0+rke2r1' } },
      messageId: 'releaseNewerThanTable',
      severity: 'note',
      data: { requested: 'v1.37.0+rke2r1', used: 'v1.36.4+rke2r1' },
    },
    {
      name: 'v1.33.99 is missing',
      answers: { cluster: { release: 'v1.33.99+rke2r1' } },
      messageId: 'releaseNearestOlder',
      severity: 'note',
    },
    {
      name: 'v1.20 is older',
      answers: { cluster: { release: 'v1.20.0+rke2r1' } },
      messageId: 'releaseOlderThanTable',
      severity: 'warning',
      data: { requested: 'v1.20.0+rke2r1', used: 'v1.21.2+rke2r1' },
    },
    {
      name: 'malformed',
      answers: { cluster: { release: 'latest' } },
      messageId: 'releaseInvalid',
      severity: 'blocking',
      fields: ['cluster.release'],
    },
  ],
});

runTable('kernel-input', {
  valid: [
    { name: 'uname -r output', answers: { nodes: { kernel: '5.14.0-427.el9.x86_64' } }, messageId: 'kernelInvalid' },
    {
      name: "empty kernel takes the OS preset's",
      answers: { nodes: { osPreset: 'rhel-9', kernel: '' } },
      messageId: 'kernelInvalid',
    },
  ],
  invalid: [
    {
      name: 'not a kernel',
      answers: { nodes: { kernel: 'five' } },
      messageId: 'kernelInvalid',
      severity: 'blocking',
      fields: ['nodes.kernel'],
    },
    {
      name: 'empty with the custom preset',
      answers: { nodes: { osPreset: 'custom', kernel: '' } },
      messageId: 'kernelInvalid',
      severity: 'blocking',
    },
  ],
});

runTable('release-charts', {
  valid: [
    {
      name: 'v1.26.14 passes the gate',
      answers: { cluster: { release: 'v1.26.14+rke2r1' } },
      messageId: 'flannelBeforeGate',
      cni: 'flannel',
    },
    {
      name: 'v1.29.2 passes the gate',
      answers: { cluster: { release: 'v1.29.2+rke2r1' } },
      messageId: 'flannelBeforeGate',
      cni: 'flannel',
    },
  ],
  invalid: [
    {
      name: 'v1.26.13',
      answers: { cluster: { release: 'v1.26.13+rke2r1' } },
      messageId: 'flannelBeforeGate',
      cni: 'flannel',
      effect: 'excludes',
      data: { release: 'v1.26.13+rke2r1', gates: 'v1.26.14 / v1.27.11 / v1.28.7 / v1.29.2', minimum: 'v1.26.14' },
    },
    {
      name: 'v1.29.1',
      answers: { cluster: { release: 'v1.29.1+rke2r1' } },
      messageId: 'flannelBeforeGate',
      cni: 'flannel',
      effect: 'excludes',
    },
    {
      name: 'chart version shown',
      answers: {},
      messageId: 'bundled',
      cni: 'cilium',
      effect: 'info',
      data: { release: 'v1.36.4+rke2r1', chart: 'rke2-cilium', version: '1.19.601' },
    },
  ],
});

runTable('windows-nodes', {
  valid: [
    { name: 'no Windows', answers: {}, messageId: 'windowsUnsupported' },
    { name: 'Windows on IPv4', answers: { cluster: { windowsNodes: true } }, messageId: 'windowsDualStack' },
    { name: 'Windows without extras', answers: { cluster: { windowsNodes: true } }, messageId: 'windowsMultus' },
    {
      name: 'Windows without encryption',
      answers: { cluster: { windowsNodes: true } },
      messageId: 'windowsNoWireguard',
    },
  ],
  invalid: [
    {
      name: 'canal on Windows',
      answers: { cluster: { windowsNodes: true } },
      messageId: 'windowsUnsupported',
      cni: 'canal',
      effect: 'excludes',
      data: { cni: 'Canal' },
      fields: ['cluster.windowsNodes'],
    },
    {
      name: 'cilium on Windows',
      answers: { cluster: { windowsNodes: true } },
      messageId: 'windowsUnsupported',
      cni: 'cilium',
      effect: 'excludes',
    },
    {
      name: 'dual-stack',
      answers: { cluster: { windowsNodes: true }, addressing: { ipFamily: 'dual' } },
      messageId: 'windowsDualStack',
      severity: 'blocking',
      data: { ipFamily: 'Dual-stack' },
      fields: ['cluster.windowsNodes', 'addressing.ipFamily'],
    },
    {
      name: 'IPv6-only',
      answers: { cluster: { windowsNodes: true }, addressing: { ipFamily: 'ipv6' } },
      messageId: 'windowsDualStack',
      severity: 'blocking',
      data: { ipFamily: 'IPv6-only' },
    },
    {
      name: 'SR-IOV',
      answers: { cluster: { windowsNodes: true }, extras: { mode: 'sriov' } },
      messageId: 'windowsMultus',
      severity: 'warning',
      data: { mode: 'SR-IOV' },
    },
    { name: 'trade-off', answers: { cluster: { windowsNodes: true } }, messageId: 'windowsTradeOff', severity: 'note' },
    {
      name: 'kube-proxy replacement',
      answers: { cluster: { windowsNodes: true }, performance: { kubeProxyReplacement: true } },
      messageId: 'windowsKubeProxyReplacement',
      severity: 'blocking',
      fields: ['cluster.windowsNodes', 'performance.kubeProxyReplacement'],
    },
    {
      name: 'a Linux interface name with Calico',
      answers: { cluster: { windowsNodes: true }, nodes: { interface: 'eth0' } },
      messageId: 'windowsCalicoInterface',
      severity: 'blocking',
      data: { iface: 'eth0' },
      fields: ['nodes.interface', 'nodes.nodeCidr', 'cluster.windowsNodes'],
    },
    {
      name: 'WireGuard',
      answers: { cluster: { windowsNodes: true }, security: { encryption: 'wireguard' } },
      messageId: 'windowsNoWireguard',
      severity: 'warning',
      fields: ['cluster.windowsNodes', 'security.encryption'],
    },
  ],
});

runTable('network-policy', {
  valid: [
    { name: 'no policy need', answers: { security: { policy: 'none' } }, messageId: 'noNetworkPolicy', cni: 'flannel' },
    {
      name: 'Kubernetes policy does not rule out calico',
      answers: { security: { policy: 'kubernetes' } },
      messageId: 'noL7Policy',
      cni: 'calico',
    },
  ],
  invalid: [
    {
      name: 'Kubernetes policy',
      answers: { security: { policy: 'kubernetes' } },
      messageId: 'noNetworkPolicy',
      cni: 'flannel',
      effect: 'excludes',
      fields: ['security.policy'],
    },
    {
      name: 'L7 on flannel',
      answers: { security: { policy: 'l7' } },
      messageId: 'noNetworkPolicy',
      cni: 'flannel',
      effect: 'excludes',
    },
    {
      name: 'L7 on calico',
      answers: { security: { policy: 'l7' } },
      messageId: 'noL7Policy',
      cni: 'calico',
      effect: 'excludes',
      data: { cni: 'Calico' },
    },
    {
      name: 'L7 on canal',
      answers: { security: { policy: 'l7' } },
      messageId: 'noL7Policy',
      cni: 'canal',
      effect: 'excludes',
    },
    {
      name: 'L7 on cilium',
      answers: { security: { policy: 'l7' } },
      messageId: 'l7Policy',
      cni: 'cilium',
      effect: 'favours',
    },
  ],
});

const kernel = (k: string, osPreset = 'custom') => ({ nodes: { kernel: k, osPreset } }) as DeepPartial<Answers>;
runTable('cilium-kernel', {
  valid: [
    { name: '5.10 on Cilium 1.19', answers: kernel('5.10'), messageId: 'ciliumKernelTooOld', cni: 'cilium' },
    {
      name: 'RHEL 8.10 4.18 on Cilium 1.19',
      answers: kernel('4.18.0-553.el8_10.x86_64', 'rhel-8.10'),
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
    },
    {
      name: '4.19.57 on Cilium 1.13 (v1.26.3)',
      answers: { ...kernel('4.19.57'), cluster: { release: 'v1.26.3+rke2r1' } },
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
    },
    {
      name: '4.9.17 on Cilium 1.12 (v1.25.0)',
      answers: { ...kernel('4.9.17'), cluster: { release: 'v1.25.0+rke2r1' } },
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
    },
    {
      name: '5.4 on Cilium 1.16 (v1.28.13)',
      answers: { ...kernel('5.4'), cluster: { release: 'v1.28.13+rke2r1' } },
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
    },
  ],
  invalid: [
    {
      name: '5.4 on Cilium 1.19',
      answers: kernel('5.4'),
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
      effect: 'excludes',
      data: {
        release: 'v1.36.4+rke2r1',
        ciliumVersion: '1.19.6',
        minKernel: '5.10',
        rhelEquivalent: 'RHEL 8.10 (4.18)',
        kernel: '5.4',
      },
    },
    {
      name: '4.18 without the RHEL 8.10 preset',
      answers: kernel('4.18'),
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
      effect: 'excludes',
    },
    {
      name: '4.19.56 on Cilium 1.13',
      answers: { ...kernel('4.19.56'), cluster: { release: 'v1.26.3+rke2r1' } },
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
      effect: 'excludes',
      data: {
        release: 'v1.26.3+rke2r1',
        ciliumVersion: '1.13.0',
        minKernel: '4.19.57',
        rhelEquivalent: 'RHEL 8 (4.18)',
        kernel: '4.19.56',
      },
    },
    {
      name: '4.9.16 on Cilium 1.12',
      answers: { ...kernel('4.9.16'), cluster: { release: 'v1.25.0+rke2r1' } },
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
      effect: 'excludes',
      data: {
        release: 'v1.25.0+rke2r1',
        ciliumVersion: '1.12.1',
        minKernel: '4.9.17',
        rhelEquivalent: 'RHEL 8 (4.18)',
        kernel: '4.9.16',
      },
    },
    {
      name: '4.19.90 on Cilium 1.16',
      answers: { ...kernel('4.19.90'), cluster: { release: 'v1.28.13+rke2r1' } },
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
      effect: 'excludes',
    },
    {
      name: 'RHEL 8.10 backports',
      answers: kernel('4.18', 'rhel-8.10'),
      messageId: 'ciliumRhelBackports',
      cni: 'cilium',
      effect: 'info',
    },
    {
      name: 'RHEL 8.10 recognised from uname -r',
      answers: kernel('4.18.0-553.el8_10.x86_64'),
      messageId: 'ciliumRhelBackports',
      cni: 'cilium',
      effect: 'info',
    },
    {
      name: 'RHEL 8.8 is not 8.10',
      answers: kernel('4.18.0-477.el8_8.x86_64'),
      messageId: 'ciliumKernelTooOld',
      cni: 'cilium',
      effect: 'excludes',
    },
  ],
});

runTable('kube-proxy-replacement', {
  valid: [
    { name: 'no KPR', answers: {}, messageId: 'noKubeProxyReplacement' },
    {
      name: 'KPR on 5.8',
      answers: { performance: { kubeProxyReplacement: true }, ...kernel('5.8') },
      messageId: 'ciliumKprOldKernel',
    },
    {
      name: 'KPR with a host',
      answers: { performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' } },
      messageId: 'ciliumKprDefaultEndpoint',
    },
  ],
  invalid: [
    {
      name: 'canal',
      answers: { performance: { kubeProxyReplacement: true } },
      messageId: 'noKubeProxyReplacement',
      cni: 'canal',
      effect: 'excludes',
      fields: ['performance.kubeProxyReplacement'],
    },
    {
      name: 'flannel',
      answers: { performance: { kubeProxyReplacement: true } },
      messageId: 'noKubeProxyReplacement',
      cni: 'flannel',
      effect: 'excludes',
    },
    {
      name: 'cilium',
      answers: { performance: { kubeProxyReplacement: true } },
      messageId: 'ciliumKpr',
      cni: 'cilium',
      effect: 'favours',
    },
    {
      name: 'kernel 5.7',
      answers: { performance: { kubeProxyReplacement: true }, ...kernel('5.7.19') },
      messageId: 'ciliumKprOldKernel',
      severity: 'warning',
      data: { kernel: '5.7.19', minKernel: '5.8' },
    },
    {
      name: 'empty host',
      answers: { performance: { kubeProxyReplacement: true } },
      messageId: 'ciliumKprDefaultEndpoint',
      severity: 'warning',
      data: { port: 6443 },
    },
  ],
});

runTable('calico-ebpf', {
  valid: [
    {
      name: 'v1.33.8 passes',
      answers: { cluster: { release: 'v1.33.8+rke2r1' }, performance: { kubeProxyReplacement: true } },
      messageId: 'calicoEbpfBeforeGate',
    },
    {
      name: 'v1.35.1 passes',
      answers: { cluster: { release: 'v1.35.1+rke2r1' }, performance: { kubeProxyReplacement: true } },
      messageId: 'calicoEbpfBeforeGate',
    },
    {
      name: 'a reachable host',
      answers: { performance: { kubeProxyReplacement: true, apiServerHost: 'rke2.example.com' } },
      messageId: 'calicoEbpfEndpoint',
    },
    { name: 'no KPR', answers: {}, messageId: 'calicoEbpfEndpoint' },
  ],
  invalid: [
    {
      name: 'v1.33.7',
      answers: { cluster: { release: 'v1.33.7+rke2r1' }, performance: { kubeProxyReplacement: true } },
      messageId: 'calicoEbpfBeforeGate',
      cni: 'calico',
      effect: 'excludes',
      data: { release: 'v1.33.7+rke2r1', gates: 'v1.33.8 / v1.34.4 / v1.35.1', minimum: 'v1.33.8' },
    },
    {
      name: 'v1.32.12',
      answers: { cluster: { release: 'v1.32.12+rke2r1' }, performance: { kubeProxyReplacement: true } },
      messageId: 'calicoEbpfBeforeGate',
      cni: 'calico',
      effect: 'excludes',
    },
    {
      name: 'localhost',
      answers: { performance: { kubeProxyReplacement: true, apiServerHost: 'localhost' } },
      messageId: 'calicoEbpfEndpoint',
      severity: 'blocking',
      data: { host: 'localhost' },
      fields: ['performance.apiServerHost'],
    },
    {
      name: 'empty host',
      answers: { performance: { kubeProxyReplacement: true, apiServerHost: '' } },
      messageId: 'calicoEbpfEndpoint',
      severity: 'blocking',
      data: { host: 'localhost (the default)' },
    },
    {
      name: '127.0.0.1',
      answers: { performance: { kubeProxyReplacement: true, apiServerHost: '127.0.0.1' } },
      messageId: 'calicoEbpfEndpoint',
      severity: 'blocking',
    },
  ],
});

runTable('calico-checksum-offload', {
  valid: [
    { name: '5.7 is not above 5.7', answers: kernel('5.7'), messageId: 'checksumOffloadReenabled' },
    { name: '5.8 is above', answers: kernel('5.8'), messageId: 'checksumOffloadDisabled' },
  ],
  invalid: [
    {
      name: '5.7.1 is above 5.7',
      answers: kernel('5.7.1'),
      messageId: 'checksumOffloadReenabled',
      severity: 'note',
      data: { kernel: '5.7.1', reenable: true, threshold: '5.7' },
    },
    {
      name: '5.4',
      answers: kernel('5.4'),
      messageId: 'checksumOffloadDisabled',
      severity: 'note',
      data: { kernel: '5.4', reenable: false, threshold: '5.7' },
    },
  ],
});

runTable('encryption', {
  valid: [
    { name: 'no encryption', answers: {}, messageId: 'flannelVxlanOnly' },
    {
      name: 'WireGuard in kernel 5.6',
      answers: { security: { encryption: 'wireguard' }, ...kernel('5.6') },
      messageId: 'wireguardModuleNeeded',
    },
    {
      name: 'Canal WireGuard on v1.23',
      answers: { security: { encryption: 'wireguard' }, cluster: { release: 'v1.23.1+rke2r1' } },
      messageId: 'canalWireguardBeforeGate',
    },
  ],
  invalid: [
    {
      name: 'flannel wireguard',
      answers: { security: { encryption: 'wireguard' } },
      messageId: 'flannelVxlanOnly',
      cni: 'flannel',
      effect: 'excludes',
    },
    {
      name: 'canal before v1.23',
      answers: { security: { encryption: 'wireguard' }, cluster: { release: 'v1.22.8+rke2r1' } },
      messageId: 'canalWireguardBeforeGate',
      cni: 'canal',
      effect: 'excludes',
      data: { gates: 'v1.23.0', release: 'v1.22.8+rke2r1' },
    },
    {
      name: 'IPsec on calico',
      answers: { security: { encryption: 'ipsec' } },
      messageId: 'noIpsec',
      cni: 'calico',
      effect: 'excludes',
      data: { cni: 'Calico' },
    },
    {
      name: 'IPsec on cilium',
      answers: { security: { encryption: 'ipsec' } },
      messageId: 'ipsecCilium',
      cni: 'cilium',
      effect: 'favours',
    },
    {
      name: 'kernel 5.5',
      answers: { security: { encryption: 'wireguard' }, ...kernel('5.5') },
      messageId: 'wireguardModuleNeeded',
      severity: 'warning',
      data: { kernel: '5.5', minKernel: '5.6' },
    },
  ],
});

runTable('observability', {
  valid: [{ name: 'not wanted', answers: {}, messageId: 'hubble' }],
  invalid: [
    {
      name: 'cilium',
      answers: { performance: { observability: true } },
      messageId: 'hubble',
      cni: 'cilium',
      effect: 'favours',
    },
    {
      name: 'calico is discouraged, not excluded',
      answers: { performance: { observability: true } },
      messageId: 'noHubble',
      cni: 'calico',
      effect: 'discourages',
      data: { cni: 'Calico' },
    },
  ],
});

runTable('bgp', {
  valid: [{ name: 'no BGP', answers: {}, messageId: 'noBgp' }],
  invalid: [
    {
      name: 'calico',
      answers: { performance: { bgp: { enabled: true } } },
      messageId: 'calicoBgp',
      cni: 'calico',
      effect: 'favours',
    },
    {
      name: 'cilium partial',
      answers: { performance: { bgp: { enabled: true } } },
      messageId: 'ciliumBgp',
      cni: 'cilium',
      effect: 'favours',
    },
    {
      name: 'canal',
      answers: { performance: { bgp: { enabled: true } } },
      messageId: 'noBgp',
      cni: 'canal',
      effect: 'excludes',
      data: { cni: 'Canal' },
    },
    {
      name: 'flannel',
      answers: { performance: { bgp: { enabled: true } } },
      messageId: 'noBgp',
      cni: 'flannel',
      effect: 'excludes',
    },
  ],
});

runTable('aws-eni', {
  valid: [{ name: 'no ENI', answers: {}, messageId: 'noEni' }],
  invalid: [
    {
      name: 'cilium',
      answers: { performance: { awsEni: true } },
      messageId: 'ciliumEni',
      cni: 'cilium',
      effect: 'favours',
    },
    {
      name: 'calico',
      answers: { performance: { awsEni: true } },
      messageId: 'noEni',
      cni: 'calico',
      effect: 'excludes',
      fields: ['performance.awsEni'],
    },
  ],
});

runTable('bandwidth-manager', {
  valid: [{ name: 'not wanted', answers: {}, messageId: 'ciliumBandwidth' }],
  invalid: [
    {
      name: 'cilium',
      answers: { performance: { bandwidthManager: true } },
      messageId: 'ciliumBandwidth',
      cni: 'cilium',
      effect: 'favours',
    },
    {
      name: 'canal',
      answers: { performance: { bandwidthManager: true } },
      messageId: 'bandwidthPluginOnly',
      cni: 'canal',
      effect: 'discourages',
    },
    {
      name: 'fq qdisc',
      answers: { performance: { bandwidthManager: true } },
      messageId: 'fqKernelConfig',
      severity: 'note',
    },
  ],
});

runTable('multus-secondary', {
  valid: [
    { name: 'no extras', answers: {}, messageId: 'multusFirst' },
    {
      name: 'v1.33.6 has the fix',
      answers: { cluster: { release: 'v1.33.6+rke2r1' }, extras: { mode: 'multus' } },
      messageId: 'ciliumExclusiveFalse',
    },
    {
      name: 'v1.34.2 has the fix',
      answers: { cluster: { release: 'v1.34.2+rke2r1' }, extras: { mode: 'multus' } },
      messageId: 'ciliumExclusiveFalse',
    },
    {
      name: 'DHCP daemon on v1.29.1',
      answers: { cluster: { release: 'v1.29.1+rke2r1' }, extras: { mode: 'multus', secondary: { ipam: 'dhcp' } } },
      messageId: 'dhcpDaemonBeforeGate',
    },
    {
      name: 'whereabouts',
      answers: { extras: { mode: 'multus', secondary: { ipam: 'whereabouts' } } },
      messageId: 'hostLocalMultiNode',
    },
  ],
  invalid: [
    { name: 'multus', answers: { extras: { mode: 'multus' } }, messageId: 'multusFirst', severity: 'note' },
    { name: 'sriov', answers: { extras: { mode: 'sriov' } }, messageId: 'sriovSecondaryOnly', severity: 'note' },
    {
      name: 'v1.33.5 needs exclusive false',
      answers: { cluster: { release: 'v1.33.5+rke2r1' }, extras: { mode: 'multus' } },
      messageId: 'ciliumExclusiveFalse',
      cni: 'cilium',
      effect: 'info',
      data: { release: 'v1.33.5+rke2r1', gates: 'v1.31.14 / v1.32.10 / v1.33.6 / v1.34.2' },
    },
    {
      name: 'v1.30 needs exclusive false',
      answers: { cluster: { release: 'v1.30.14+rke2r4' }, extras: { mode: 'sriov' } },
      messageId: 'ciliumExclusiveFalse',
      cni: 'cilium',
      effect: 'info',
    },
    {
      name: 'DHCP daemon before v1.29.1',
      answers: { cluster: { release: 'v1.29.0+rke2r1' }, extras: { mode: 'multus', secondary: { ipam: 'dhcp' } } },
      messageId: 'dhcpDaemonBeforeGate',
      severity: 'warning',
    },
    {
      name: 'SR-IOV experimental',
      answers: { cluster: { release: 'v1.24.12+rke2r1' }, extras: { mode: 'sriov' } },
      messageId: 'sriovExperimental',
      severity: 'warning',
    },
    {
      name: 'host-local on several nodes',
      answers: { extras: { mode: 'multus', secondary: { ipam: 'host-local' } } },
      messageId: 'hostLocalMultiNode',
      severity: 'warning',
    },
  ],
});

runTable('cis-profile', {
  valid: [{ name: 'no CIS', answers: {}, messageId: 'cisPolicyControllerCanalOnly' }],
  invalid: [
    {
      name: 'warning for non-canal',
      answers: { cluster: { cisProfile: true } },
      messageId: 'cisPolicyControllerCanalOnly',
      severity: 'warning',
      fields: ['cluster.cisProfile'],
    },
    {
      name: 'flannel',
      answers: { cluster: { cisProfile: true } },
      messageId: 'cisFlannel',
      cni: 'flannel',
      effect: 'discourages',
    },
    {
      name: 'canal',
      answers: { cluster: { cisProfile: true } },
      messageId: 'cisCanal',
      cni: 'canal',
      effect: 'favours',
    },
  ],
});

runTable('irreversible-choices', {
  valid: [],
  invalid: [
    { name: 'CNI', answers: {}, messageId: 'cniIrreversible', severity: 'note' },
    {
      name: 'CIDRs IPv4',
      answers: {},
      messageId: 'cidrsIrreversible',
      severity: 'note',
      data: { clusterCidr: '10.42.0.0/16', serviceCidr: '10.43.0.0/16' },
    },
    {
      name: 'CIDRs dual-stack',
      answers: { addressing: { ipFamily: 'dual' } },
      messageId: 'cidrsIrreversible',
      severity: 'note',
      data: { clusterCidr: '10.42.0.0/16,2001:cafe:42::/56', serviceCidr: '10.43.0.0/16,2001:cafe:43::/112' },
    },
    {
      name: 'IP family',
      answers: { addressing: { ipFamily: 'ipv6' } },
      messageId: 'ipFamilyIrreversible',
      severity: 'note',
      data: { ipFamily: 'IPv6-only' },
    },
  ],
});

runTable('rancher-managed', {
  valid: [{ name: 'standalone', answers: {}, messageId: 'rancherDefaultCalico' }],
  invalid: [
    {
      name: 'rancher',
      answers: { cluster: { management: 'rancher' } },
      messageId: 'rancherDefaultCalico',
      severity: 'note',
      fields: ['cluster.management'],
    },
  ],
});

runTable('rke2-default', {
  valid: [{ name: 'rancher-managed', answers: { cluster: { management: 'rancher' } }, messageId: 'rke2Default' }],
  invalid: [{ name: 'standalone', answers: {}, messageId: 'rke2Default', cni: 'canal', effect: 'info' }],
});

runTable('single-node', {
  valid: [{ name: 'small cluster', answers: {}, messageId: 'ciliumOperatorSingleReplica' }],
  invalid: [
    {
      name: 'single node',
      answers: { cluster: { size: 'single' } },
      messageId: 'ciliumOperatorSingleReplica',
      cni: 'cilium',
      effect: 'info',
    },
  ],
});

runTable('ipv6-addressing', {
  valid: [{ name: 'dual-stack', answers: { addressing: { ipFamily: 'dual' } }, messageId: 'ipv6LocalhostHosts' }],
  invalid: [
    {
      name: 'IPv6-only hosts file',
      answers: { addressing: { ipFamily: 'ipv6' } },
      messageId: 'ipv6LocalhostHosts',
      severity: 'note',
    },
    {
      name: 'IPv6-only cilium',
      answers: { addressing: { ipFamily: 'ipv6' } },
      messageId: 'ciliumIpv6NativeRouting',
      cni: 'cilium',
      effect: 'info',
    },
  ],
});

runTable('bring-your-own', {
  valid: [],
  invalid: [{ name: 'always discouraged', answers: {}, messageId: 'bringYourOwn', cni: 'none', effect: 'discourages' }],
});

describe('the registry', () => {
  it('has unique rule ids, each with messages and a source', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      expect(rule.source.title.length).toBeGreaterThan(0);
      expect(rule.source.url).toMatch(/^https:\/\//);
    }
  });
});
