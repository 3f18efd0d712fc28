import { describe, expect, it } from 'vitest';
import { subjectOfFiles } from './known-issues-of-files';
import { resolveRelease } from '../rke2/releases';

const release = (text: string) => {
  const r = resolveRelease(text);
  if (!r.ok) throw new Error(r.message);
  return r.release;
};
const CONFIG = { path: 'etc/rancher/rke2/config.yaml', contents: 'cni: cilium\n' };
const hcc = (values: string) => ({
  path: 'var/lib/rancher/rke2/server/manifests/rke2-cilium-config.yaml',
  contents: `apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-cilium\n  namespace: kube-system\nspec:\n  valuesContent: |-\n${values
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`,
});

describe('subjectOfFiles: what the files configure, judged on the merged values', () => {
  it("counts the chart's own defaults: rke2-cilium 1.10.402 turns Hubble on, 1.18 does not", () => {
    // charts/rke2-cilium/rke2-cilium/1.10.402/charts/cilium/values.yaml: hubble.enabled: true (under cilium:).
    expect(subjectOfFiles([CONFIG], release('v1.21.5+rke2r1')).observability).toBe(true);
    expect(subjectOfFiles([CONFIG], release('v1.33.6+rke2r1')).observability).toBe(false);
  });

  it("lets the user's values win over the defaults, in the layout the chart reads", () => {
    expect(
      subjectOfFiles([CONFIG, hcc('cilium:\n  hubble:\n    enabled: false')], release('v1.21.5+rke2r1')).observability,
    ).toBe(false);
    const modern = subjectOfFiles(
      [CONFIG, hcc('kubeProxyReplacement: true\nroutingMode: native\nencryption:\n  enabled: true\n  type: wireguard')],
      release('v1.33.6+rke2r1'),
    );
    expect(modern).toMatchObject({ kubeProxyReplacement: true, nativeRouting: true, encryption: 'wireguard' });
  });
});
