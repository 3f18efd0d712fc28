import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dump } from 'js-yaml';
import { validateBundle, isBundleValid, MESSAGES, type BundleInputFile } from './index';
import { checkCniValue } from './cni-list';
import { ciliumLineFor } from './chart-values';
import { nearest } from './suggest';
import type { Reporter } from './issues';

const yaml = (v: unknown) => dump(v, { noRefs: true, lineWidth: -1 });
const CONFIG = 'etc/rancher/rke2/config.yaml';
const MANIFESTS = 'var/lib/rancher/rke2/server/manifests';
const hcc = (name: string, values: unknown, file = `${name}-config.yaml`): BundleInputFile => ({
  path: `${MANIFESTS}/${file}`,
  contents: yaml({
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChartConfig',
    metadata: { name, namespace: 'kube-system' },
    spec: { valuesContent: yaml(values) },
  }),
});
const ids = (files: BundleInputFile[]) => validateBundle(files).map((i) => `${i.file}|${i.keyPath}|${i.messageId}`);

function cni(value: unknown) {
  const seen: string[] = [];
  const report: Reporter = (_path, id) => seen.push(id);
  const selection = checkCniValue(value, report);
  return { selection, seen };
}

describe('cni: exactly as rancher/rke2 validateCNI', () => {
  it.each([
    [undefined, 'canal', false],
    [[], 'canal', false],
    ['canal', 'canal', false],
    ['cilium', 'cilium', false],
    ['none', 'none', false],
    ['multus,canal', 'canal', true],
    [['multus', 'calico'], 'calico', true],
    [['multus,flannel'], 'flannel', true],
    [['multus', 'none'], 'none', true],
  ])('accepts %j as %s (multus %s)', (value, primary, multus) => {
    const { selection, seen } = cni(value);
    expect(seen).toEqual([]);
    expect(selection?.primary).toBe(primary);
    expect(selection?.multus).toBe(multus);
  });

  it.each([
    ['multus', 'cni.multusAlone'],
    [['canal', 'multus'], 'cni.multusNotFirst'],
    ['canal,cilium', 'cni.multusNotFirst'],
    [['multus', 'canal', 'cilium'], 'cni.tooMany'],
    ['multus,canal,none', 'cni.tooMany'],
    ['multus, canal', 'cni.invalidValue'],
    ['Canal', 'cni.invalidValue'],
    [['multus', 'multus'], 'cni.invalidValue'],
    ['weave', 'cni.invalidValue'],
    ['', 'cni.invalidValue'],
    [42, 'cni.notStringOrList'],
    [[true], 'cni.notStringOrList'],
    [{ primary: 'canal' }, 'cni.notStringOrList'],
  ])('rejects %j with %s', (value, id) => {
    const { selection, seen } = cni(value);
    expect(selection).toBeNull();
    expect(seen).toEqual([id]);
  });

  it('keeps only the charts the selection enables', () => {
    expect([...cni(['multus', 'calico']).selection!.enabledCharts].sort()).toEqual([
      'rke2-calico',
      'rke2-calico-crd',
      'rke2-multus',
      'rke2-multus-crd',
    ]);
    expect([...cni('none').selection!.enabledCharts]).toEqual([]);
  });

  it("quotes RKE2's own error text", () => {
    const [issue] = validateBundle([{ path: CONFIG, contents: 'cni: [canal, multus]\n' }]);
    expect(issue!.message).toContain('may only provide multiple values if multus is the first value');
  });
});

describe('validateBundle', () => {
  it('passes a correct hand-written Cilium kube-proxy-free bundle with no issue at all', () => {
    expect(
      validateBundle([
        {
          path: CONFIG,
          contents: yaml({ cni: ['multus', 'cilium'], 'disable-kube-proxy': true, 'cluster-cidr': '10.42.0.0/16' }),
        },
        hcc('rke2-cilium', {
          kubeProxyReplacement: true,
          k8sServiceHost: 'localhost',
          k8sServicePort: 6443,
          hubble: { enabled: true, relay: { enabled: true }, ui: { enabled: true } },
          operator: { replicas: 1 },
        }),
        hcc('rke2-multus', { 'rke2-whereabouts': { enabled: true } }),
        {
          path: 'kubectl-apply/net.yaml',
          contents: yaml({
            apiVersion: 'k8s.cni.cncf.io/v1',
            kind: 'NetworkAttachmentDefinition',
            metadata: { name: 'n' },
            spec: {
              config: JSON.stringify({
                cniVersion: '0.3.1',
                type: 'macvlan',
                master: 'eth1',
                ipam: { type: 'whereabouts', range: '192.168.1.0/24' },
              }),
            },
          }),
        },
      ]),
    ).toEqual([]);
  });

  it('never throws, whatever the files (fuzzed paths and contents)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.oneof(fc.string(), fc.constantFrom(CONFIG, `${MANIFESTS}/x.yaml`, 'a.json', 'answers.yaml')),
            contents: fc.string(),
          }),
          { maxLength: 4 },
        ),
        (files) => Array.isArray(validateBundle(files)),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary values in a HelmChartConfig of any CNI chart', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('rke2-canal', 'rke2-calico', 'rke2-cilium', 'rke2-flannel', 'rke2-multus'),
        fc.jsonValue(),
        (chart, values) =>
          Array.isArray(validateBundle([{ path: CONFIG, contents: 'cni: [multus, canal]\n' }, hcc(chart, values)])),
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('survives garbage input types', () => {
    expect(validateBundle(null as never)).toEqual([]);
    expect(Array.isArray(validateBundle([{ path: 5, contents: null } as never]))).toBe(true);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(ids([{ path: 'bomb.yaml', contents: bomb }])).toEqual(['bomb.yaml||file.yamlSyntax']);
  });

  it('refuses oversized files unread', () => {
    expect(ids([{ path: 'big.yaml', contents: 'a: 1\n'.repeat(600_000) }])).toEqual(['big.yaml||file.tooLarge']);
  });

  it('prefixes key paths with the document index in multi-document files', () => {
    const text = [
      yaml({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }),
      yaml({
        kind: 'HelmChartConfig',
        metadata: { name: 'rke2-canal', namespace: 'kube-system' },
        spec: { valuesContent: 'flannel: {iface: eth1}' },
      }),
    ].join('---\n');
    expect(ids([{ path: 'm.yaml', contents: text }])).toEqual(['m.yaml|[1].apiVersion|hcc.apiVersionMissing']);
  });

  it('suggests the nearest key for typos in config.yaml and chart values', () => {
    const issues = validateBundle([
      { path: CONFIG, contents: yaml({ cni: 'canal', 'disable-kube-prox': true }) },
      hcc('rke2-canal', { flannel: { ifaec: 'eth1' } }),
    ]);
    expect(issues.map((i) => i.messageId)).toEqual(['config.unknownKey', 'values.unknownKey']);
    expect(issues[0]!.message).toContain('"disable-kube-proxy"');
    expect(issues[1]!.message).toContain('"iface"');
  });

  it('finds a misplaced key elsewhere in the chart (calico mtu at the top level)', () => {
    const [issue] = validateBundle([hcc('rke2-calico', { mtu: 9000 })]);
    expect(issue!.messageId).toBe('values.unknownKey');
    expect(issue!.message).toContain('installation.calicoNetwork.mtu');
  });

  it('merges config.yaml.d drop-ins after config.yaml, as RKE2 does', () => {
    expect(
      ids([
        { path: CONFIG, contents: 'cni: canal\n' },
        { path: 'etc/rancher/rke2/config.yaml.d/50-cni.yaml', contents: 'cni: multus\n' },
      ]),
    ).toEqual(['etc/rancher/rke2/config.yaml.d/50-cni.yaml|cni|cni.multusAlone']);
  });

  it('warns about server-only flags in an agent config', () => {
    expect(ids([{ path: 'agent/etc/rancher/rke2/config.yaml', contents: 'cni: canal\nprofile: cis\n' }])).toEqual([
      'agent/etc/rancher/rke2/config.yaml|cni|config.serverKeyInAgent',
    ]);
  });

  it('reports int-or-string fields once, naming both types', () => {
    const [issue] = validateBundle([hcc('rke2-cilium', { k8sServicePort: true })]);
    expect(issue!.messageId).toBe('schema.type');
    expect(issue!.keyPath).toBe('spec.valuesContent.k8sServicePort');
    expect(issue!.message).toMatch(/string or integer|integer or string/);
  });

  it('checks a Rancher cluster fragment: default calico warning, server flags, chartValues', () => {
    const cluster = (rkeConfig: unknown): BundleInputFile => ({
      path: 'rancher/cluster.yaml',
      contents: yaml({
        apiVersion: 'provisioning.cattle.io/v1',
        kind: 'Cluster',
        metadata: { name: 'c' },
        spec: { rkeConfig },
      }),
    });
    expect(ids([cluster({ machineGlobalConfig: { 'cluster-cidr': '10.42.0.0/16' } })])).toEqual([
      'rancher/cluster.yaml|spec.rkeConfig.machineGlobalConfig.cni|rancher.cniDefault',
    ]);
    expect(
      ids([
        cluster({
          machineGlobalConfig: { cni: 'cilium', 'disable-kube-proxy': true },
          chartValues: { 'rke2-cilium': { kubeProxyReplacement: 'strict' } },
        }),
      ]),
    ).toEqual([
      'rancher/cluster.yaml|spec.rkeConfig.chartValues.rke2-cilium.kubeProxyReplacement|cilium.kprInvalid',
      'rancher/cluster.yaml|spec.rkeConfig.machineGlobalConfig.disable-kube-proxy|kubeProxy.disabledWithoutReplacement',
    ]);
  });

  it('treats a lone config.yaml (no folders) as the server config', () => {
    expect(ids([{ path: 'config.yaml', contents: 'cni: cilium\ndisable-kube-proxy: true\n' }])).toEqual([
      'config.yaml|disable-kube-proxy|kubeProxy.replacementNotSeen',
    ]);
  });

  it('isBundleValid allows warnings, not errors', () => {
    expect(
      isBundleValid(validateBundle([{ path: 'config.yaml', contents: 'cni: cilium\ndisable-kube-proxy: true\n' }])),
    ).toBe(true);
    expect(isBundleValid(validateBundle([{ path: 'config.yaml', contents: 'cni: multus\n' }]))).toBe(false);
  });
});

describe('helpers', () => {
  it('picks the rke2-cilium schema by chart version (1.19 for older charts too)', () => {
    expect(ciliumLineFor('1.20.102')).toBe('1.20');
    expect(ciliumLineFor('1.19.601')).toBe('1.19');
    expect(ciliumLineFor('1.9.808')).toBe('1.19');
    expect(ciliumLineFor(null)).toBe('1.19');
  });

  it('suggests only close names', () => {
    expect(nearest('mtu', ['MTU', 'affinity'])).toBe('MTU');
    expect(nearest('zzzzzz', ['MTU', 'affinity'])).toBeNull();
  });

  it('every message names a fix or a reason and has a source', () => {
    for (const [id, m] of Object.entries(MESSAGES)) {
      expect(m.template.length, id).toBeGreaterThan(30);
      expect(m.source.url, id).toMatch(/^https:\/\//);
    }
  });
});

describe('charts the cni list does not control', () => {
  it('leaves HelmChartConfigs for non-CNI packaged charts alone', () => {
    expect(
      ids([
        { path: CONFIG, contents: 'cni: canal\n' },
        hcc('rke2-traefik-crd', { foo: 1 }),
        hcc('rke2-coredns', { nodelocal: { enabled: true } }),
      ]),
    ).toEqual([]);
  });

  it('flags the CRD chart of a disabled CNI', () => {
    expect(ids([{ path: CONFIG, contents: 'cni: canal\n' }, hcc('rke2-calico-crd', { foo: 1 })])).toEqual([
      `${MANIFESTS}/rke2-calico-crd-config.yaml|metadata.name|hcc.chartDisabled`,
    ]);
  });
});

describe('rke2-cilium chart eras (release from answers.yaml)', () => {
  const answers = (release: string): BundleInputFile => ({
    path: 'answers.yaml',
    contents: yaml({ cluster: { release } }),
  });
  const config: BundleInputFile = { path: CONFIG, contents: yaml({ cni: 'cilium', 'disable-kube-proxy': true }) };

  it('accepts the cilium: wrapper and strict on charts before 1.11 (v1.21.2 bundles rke2-cilium 1.9.x)', () => {
    expect(
      ids([
        answers('v1.21.2+rke2r1'),
        config,
        hcc('rke2-cilium', {
          cilium: { kubeProxyReplacement: 'strict', k8sServiceHost: 'localhost', k8sServicePort: 6443 },
        }),
      ]),
    ).toEqual([]);
  });

  it('flags flat values on those old charts', () => {
    expect(
      ids([
        answers('v1.21.2+rke2r1'),
        config,
        hcc('rke2-cilium', { kubeProxyReplacement: 'strict', k8sServiceHost: 'localhost', k8sServicePort: 6443 }),
      ]),
    ).toEqual([
      `${MANIFESTS}/rke2-cilium-config.yaml|spec.valuesContent.kubeProxyReplacement|cilium.flatOnOldChart`,
      `${MANIFESTS}/rke2-cilium-config.yaml|spec.valuesContent.k8sServiceHost|cilium.flatOnOldChart`,
      `${MANIFESTS}/rke2-cilium-config.yaml|spec.valuesContent.k8sServicePort|cilium.flatOnOldChart`,
      `${CONFIG}|disable-kube-proxy|kubeProxy.disabledWithoutReplacement`,
    ]);
  });

  it('rejects strict on current charts, with or without answers.yaml', () => {
    const strict = hcc('rke2-cilium', {
      kubeProxyReplacement: 'strict',
      k8sServiceHost: 'localhost',
      k8sServicePort: 6443,
    });
    expect(ids([answers('v1.33.6+rke2r1'), config, strict])).toContain(
      `${MANIFESTS}/rke2-cilium-config.yaml|spec.valuesContent.kubeProxyReplacement|cilium.kprInvalid`,
    );
    expect(ids([config, strict])).toContain(
      `${MANIFESTS}/rke2-cilium-config.yaml|spec.valuesContent.kubeProxyReplacement|cilium.kprInvalid`,
    );
  });
});

describe('plain folders', () => {
  it('leaves YAML that is not Kubernetes alone outside the manifests directory, but not inside it', () => {
    expect(
      ids([
        { path: 'values.yaml', contents: 'replicas: 2\n' },
        { path: 'vars/main.yml', contents: '- a\n- b\n' },
      ]),
    ).toEqual([]);
    expect(ids([{ path: `${MANIFESTS}/values.yaml`, contents: 'replicas: 2\n' }])).toEqual([
      `${MANIFESTS}/values.yaml|kind|manifest.kindMissing`,
    ]);
    expect(ids([{ path: 'x.yaml', contents: 'apiVersion: v1\nmetadata: {name: a}\n' }])).toEqual([
      'x.yaml|kind|manifest.kindMissing',
    ]);
  });
});

describe('HelmChartConfigs for charts the user installs', () => {
  const own = {
    path: `${MANIFESTS}/my-app.yaml`,
    contents: yaml({
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChart',
      metadata: { name: 'my-app', namespace: 'kube-system' },
      spec: { chart: 'my-app', repo: 'https://charts.example.com' },
    }),
  };
  it('warns about an HCC for a chart nobody installs, not for one the bundle installs', () => {
    expect(ids([hcc('my-app', { replicas: 2 })])).toEqual([
      `${MANIFESTS}/my-app-config.yaml|metadata.name|hcc.nameNotPackaged`,
    ]);
    expect(ids([own, hcc('my-app', { replicas: 2 })])).toEqual([]);
  });
});

describe('key trees', () => {
  it.each([
    ['rke2-canal', 'rke2-canal/v3.32.1-build2026081900'],
    ['rke2-calico', 'rke2-calico/v3.32.100'],
    ['rke2-flannel', 'rke2-flannel/v0.28.906'],
    ['rke2-multus', 'rke2-multus/v4.3.008'],
    ['rke2-cilium', 'rke2-cilium/1.19.601'],
  ])('%s accepts every key of its own values.yaml', async (chart, dir) => {
    const { readFileSync } = await import('node:fs');
    const { load } = await import('js-yaml');
    const values = load(readFileSync(`data/upstream/rke2-charts/${dir}/values.yaml`, 'utf8')) as Record<
      string,
      unknown
    >;
    delete values.global;
    const issues = validateBundle([hcc(chart, values)]).filter(
      (i) => i.messageId === 'values.unknownKey' || i.messageId.startsWith('schema.'),
    );
    expect(issues.map((i) => i.keyPath)).toEqual([]);
  });
});

describe('rke2-calico RKE2-only installation keys', () => {
  it('checks installation.backend and natOutgoing against the IPPool enums', () => {
    expect(ids([hcc('rke2-calico', { installation: { backend: 'vxlan', natOutgoing: 'Enabled' } })])).toEqual([
      `${MANIFESTS}/rke2-calico-config.yaml|spec.valuesContent.installation.backend|schema.enum`,
    ]);
    expect(
      ids([
        hcc('rke2-calico', {
          installation: { backend: 'None', natOutgoing: 'Disabled', calicoNetwork: { bgp: 'Enabled' } },
        }),
      ]),
    ).toEqual([]);
  });
});
