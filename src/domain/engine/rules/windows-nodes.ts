import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { ReasonOf, FindingOf } from '../types';

const FIELDS = ['cluster.windowsNodes'];

const MESSAGES = {
  windowsUnsupported: '{{cni}} cannot run on Windows nodes: RKE2 supports only Calico and Flannel there.',
  windowsSupported: '{{cni}} runs on Windows nodes.',
  windowsNone:
    'With cni: none the Windows agent has no CNI to set up; RKE2 Windows agents fail with it (rancher/rke2#6819).',
  windowsDualStack:
    'Windows nodes support IPv4 only: {{ipFamily}} addressing is not possible with Windows workers. Choose IPv4, or drop the Windows nodes.',
  windowsTradeOff:
    'With Windows nodes, choose between Calico (enforces NetworkPolicy; Windows TCP resets led RKE2 to add Flannel, ADR 006) and Flannel (simpler VXLAN, enforces no NetworkPolicy at all).',
  windowsNoWireguard:
    'Calico cannot encrypt with WireGuard on Windows nodes: traffic to and from Windows pods stays unencrypted; only Linux nodes get WireGuard.',
  windowsKubeProxyReplacement:
    'Windows worker nodes and kube-proxy replacement cannot be combined: disable-kube-proxy reaches every agent, and a Windows agent then starts no kube-proxy, while Calico\'s eBPF dataplane does not run on Windows, so Windows pods lose Services and DNS. Turn off "Replace kube-proxy (eBPF)", or drop the Windows nodes.',
  windowsCalicoInterface:
    'With Windows workers, Calico\'s Windows agent matches the node interface "{{iface}}" as a pattern against Windows adapter names ("Ethernet", "vEthernet (…)") and aborts Calico setup when none matches. Leave "Node interface" empty and give the "Node network CIDR" instead: Calico then finds the node address in that subnet on Linux and Windows.',
  windowsMultus:
    'Multus and SR-IOV run on Linux nodes only (rke2-multus nodeSelector kubernetes.io/os: linux): Windows nodes get just the primary interface, so pods that need {{mode}} networks must be scheduled on Linux nodes.',
};

/**
 * Windows agents run only Calico or Flannel: pebinary.go maps rke2-calico and rke2-flannel to a Windows CNI
 * and fails with "unsupported CNI" for canal and cilium. The Windows CNI code has no IPv6 handling.
 */
export const windowsNodes = defineRule({
  id: 'windows-nodes',
  description: 'Windows worker nodes allow only Calico or Flannel, IPv4 only.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check({ answers }) {
    if (!answers.cluster.windowsNodes) return {};
    const reasons: ReasonOf<typeof MESSAGES>[] = [
      {
        cni: 'canal',
        messageId: 'windowsUnsupported',
        effect: 'excludes',
        data: { cni: 'Canal' },
        fields: FIELDS,
        source: SOURCES.windowsCniCode,
      },
      {
        cni: 'cilium',
        messageId: 'windowsUnsupported',
        effect: 'excludes',
        data: { cni: 'Cilium' },
        fields: FIELDS,
        source: SOURCES.windowsCniCode,
      },
      { cni: 'calico', messageId: 'windowsSupported', effect: 'favours', data: { cni: 'Calico' } },
      { cni: 'flannel', messageId: 'windowsSupported', effect: 'favours', data: { cni: 'Flannel' } },
      {
        cni: 'none',
        messageId: 'windowsNone',
        effect: 'discourages',
        fields: FIELDS,
        source: SOURCES.windowsCniNoneIssue,
      },
    ];
    const findings: FindingOf<typeof MESSAGES>[] = [
      {
        messageId: 'windowsTradeOff',
        severity: 'note',
        fields: FIELDS,
        source: SOURCES.adrFlannel,
        when: ['calico', 'flannel'],
      },
    ];
    if (answers.addressing.ipFamily !== 'ipv4') {
      findings.push({
        messageId: 'windowsDualStack',
        severity: 'blocking',
        data: { ipFamily: answers.addressing.ipFamily === 'dual' ? 'Dual-stack' : 'IPv6-only' },
        fields: ['cluster.windowsNodes', 'addressing.ipFamily'],
      });
    }
    if (answers.security.encryption === 'wireguard') {
      findings.push({
        messageId: 'windowsNoWireguard',
        severity: 'warning',
        fields: ['cluster.windowsNodes', 'security.encryption'],
        source: SOURCES.calicoWindowsLimitations,
        when: ['calico'],
      });
    }
    if (answers.performance.kubeProxyReplacement) {
      findings.push({
        messageId: 'windowsKubeProxyReplacement',
        severity: 'blocking',
        fields: ['cluster.windowsNodes', 'performance.kubeProxyReplacement'],
        source: SOURCES.kubeProxyAgentCode,
      });
    }
    const iface = answers.nodes.interface.trim();
    if (iface !== '') {
      findings.push({
        messageId: 'windowsCalicoInterface',
        severity: 'blocking',
        data: { iface },
        fields: ['nodes.interface', 'nodes.nodeCidr', 'cluster.windowsNodes'],
        source: SOURCES.windowsCalicoInterfaceCode,
        when: ['calico'],
      });
    }
    if (answers.extras.mode !== 'none') {
      // A warning, not a block: Linux nodes still get secondary networks; the rke2-multus DaemonSet is Linux-only.
      findings.push({
        messageId: 'windowsMultus',
        severity: 'warning',
        data: { mode: answers.extras.mode === 'sriov' ? 'SR-IOV' : 'Multus' },
        fields: ['cluster.windowsNodes', 'extras.mode'],
        source: SOURCES.multusValues,
      });
    }
    return { reasons, findings };
  },
});
