/**
 * discover.sh output for a made-up node, in the exact layout the script prints (scripts-harness.test.ts runs the
 * real script against fake tools; this is for tests that need the text without bash: CLI and e2e).
 */
export interface FixtureNode {
  hostname: string;
  kernel: string;
  iface: string;
  mtu: number;
  family: 'ipv4' | 'dual' | 'ipv6';
  warnings?: string[];
}

export function discoverOutput(n: FixtureNode): string {
  const warnings = n.warnings ?? [];
  return [
    `# rke2-cni-wizard node discovery of ${n.hostname} (discover.sh: read-only).`,
    '---',
    'discover:',
    '  format: "1"',
    `  hostname: "${n.hostname}"`,
    '  os: "Ubuntu 24.04.1 LTS"',
    `  kernel: "${n.kernel}"`,
    '  arch: "x86_64"',
    '  hypervisor: "kvm"',
    `  defaultInterface: "${n.iface}"`,
    '  interfaces:',
    `    - name: "${n.iface}"`,
    `      mtu: "${n.mtu}"`,
    '      driver: "virtio_net"',
    '      addresses:',
    '        - "10.0.0.5/24"',
    '  rke2Config: ""',
    '  manifests: []',
    warnings.length ? '  warnings:' : '  warnings: []',
    ...warnings.map((w) => `    - "${w}"`),
    'nodes:',
    '  osPreset: custom',
    `  kernel: "${n.kernel}"`,
    `  interface: "${n.iface}"`,
    `  underlayMtu: ${n.mtu}`,
    'addressing:',
    `  ipFamily: ${n.family}`,
    '',
  ].join('\n');
}
