import { describe, expect, it } from 'vitest';
import { load, loadAll } from 'js-yaml';
import { generateBundle, type BundleFile } from './index';
import { validateBundle, isBundleValid } from '../validate';
import { answersWith, type DeepPartial } from '../../test/scenarios';
import type { Answers } from '../answers/types';

/** The secondary network's name in every object and script that refers to it (issue 10). */

function bundle(patch: DeepPartial<Answers>): BundleFile[] {
  const r = generateBundle(answersWith(patch));
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  return r.files;
}
const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path);

describe('secondary network names', () => {
  const objects = (files: BundleFile[]) => ({
    nad: file(files, 'kubectl-apply/secondary-network.yaml')
      ? (load(file(files, 'kubectl-apply/secondary-network.yaml')!.contents) as {
          metadata: { name: string };
          spec: { config: string };
        })
      : null,
    pod: load(file(files, 'kubectl-apply/example-pod.yaml')!.contents) as {
      metadata: { name: string; annotations: Record<string, string> };
    },
    verify: file(files, 'scripts/verify.sh')!.contents,
  });

  it.each(['macvlan', 'ipvlan', 'bridge', 'host-device'] as const)(
    'follow the type (%s) when the name is the default answer',
    (type) => {
      const files = bundle({ extras: { mode: 'multus', secondary: { type } } });
      const { nad, pod, verify } = objects(files);
      expect(nad!.metadata.name).toBe(`${type}-net`);
      expect(JSON.parse(nad!.spec.config).name).toBe(`${type}-net`);
      expect(pod.metadata.name).toBe(`${type}-net-example`);
      expect(pod.metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe(`${type}-net`);
      expect(verify).toContain(`get network-attachment-definitions.k8s.cni.cncf.io ${type}-net`);
      expect(isBundleValid(validateBundle(files))).toBe(true);
    },
  );

  it("keep the user's own name", () => {
    const files = bundle({ extras: { mode: 'multus', secondary: { type: 'ipvlan', name: 'storage' } } });
    const { nad, pod } = objects(files);
    expect(nad!.metadata.name).toBe('storage');
    expect(pod.metadata.name).toBe('storage-example');
    expect(pod.metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe('storage');
  });

  it('call an SR-IOV network sriov-net by default, in the SriovNetwork, the pod and verify.sh', () => {
    const files = bundle({ extras: { mode: 'sriov' } });
    const network = (
      loadAll(file(files, 'kubectl-apply/sriov.yaml')!.contents) as {
        kind: string;
        metadata: { name: string };
      }[]
    ).find((o) => o.kind === 'SriovNetwork')!;
    expect(network.metadata.name).toBe('sriov-net');
    const { pod, verify } = objects(files);
    expect(pod.metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe('sriov-net');
    expect(verify).toContain('get sriovnetworks.sriovnetwork.openshift.io sriov-net');
    expect(isBundleValid(validateBundle(files))).toBe(true);
  });
});
