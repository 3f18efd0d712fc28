import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dump, loadAll } from 'js-yaml';
import { validateBundle } from './index';
import { generateBundle } from '../generators';
import { isDns1123Label, isDns1123Subdomain } from '../k8s-names';
import { answersWith } from '../../test/scenarios';

/**
 * Issue 11, section 4: an SR-IOV resource name with a leading "_" or 62 characters gave a
 * SriovNetworkNodePolicy named "-intel-policy" or ending in "-"; generate exited 0 and the doctor
 * found nothing, but kubectl apply rejects both.
 */

const policy = (name: unknown) =>
  dump({
    apiVersion: 'sriovnetwork.openshift.io/v1',
    kind: 'SriovNetworkNodePolicy',
    metadata: { name, namespace: 'sriov-network-operator' },
    spec: {
      nodeSelector: { 'feature.node.kubernetes.io/network-sriov.capable': 'true' },
      resourceName: 'intel',
      priority: 99,
      numVfs: 4,
      nicSelector: { pfNames: ['ens1f0'] },
      deviceType: 'netdevice',
    },
  });

const nameIssues = (files: { path: string; contents: string }[]) =>
  validateBundle(files)
    .filter((i) => i.messageId.startsWith('manifest.name'))
    .map((i) => `${i.file}|${i.keyPath}|${i.messageId}`);

const sriovAnswers = (resourceName: string, name = 'sriov-net') =>
  answersWith({
    extras: { mode: 'sriov', secondary: { name }, sriov: { resourceName, pfNames: 'ens1f0' } },
  });

describe('the doctor checks metadata.name of every object', () => {
  it('refuses the red-team names, and names that are not strings or missing', () => {
    for (const bad of ['-intel-policy', `${'a'.repeat(62)}-`, 'Intel_Policy', 'a'.repeat(254), 42]) {
      expect(nameIssues([{ path: 'kubectl-apply/sriov.yaml', contents: policy(bad) }]), String(bad)).toEqual([
        'kubectl-apply/sriov.yaml|metadata.name|manifest.nameInvalid',
      ]);
    }
    expect(nameIssues([{ path: 'kubectl-apply/sriov.yaml', contents: policy(undefined) }])).toEqual([
      'kubectl-apply/sriov.yaml|metadata.name|manifest.nameMissing',
    ]);
    expect(nameIssues([{ path: 'kubectl-apply/sriov.yaml', contents: policy('intel-policy') }])).toEqual([]);
    // Namespaces and Services need a label: no dots.
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}\n';
    expect(nameIssues([{ path: 'kubectl-apply/ns.yaml', contents: ns }])).toEqual([
      'kubectl-apply/ns.yaml|metadata.name|manifest.nameInvalid',
    ]);
  });

  it('generate derives valid names from the red-team resource names, and the doctor agrees', () => {
    for (const resourceName of ['_intel', 'a'.repeat(62), `${'b'.repeat(61)}_`, '___', 'A'.repeat(63)]) {
      const bundle = generateBundle(sriovAnswers(resourceName, 'x'.repeat(62)));
      expect(bundle.ok, resourceName).toBe(true);
      if (!bundle.ok) continue;
      expect(nameIssues(bundle.files), resourceName).toEqual([]);
      expect(
        validateBundle(bundle.files).filter((i) => i.severity === 'error'),
        resourceName,
      ).toEqual([]);
    }
  });

  it('every object of any SR-IOV bundle has a valid name', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_]{1,63}$/),
        fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/),
        (resourceName, name) => {
          const bundle = generateBundle(sriovAnswers(resourceName, name));
          if (!bundle.ok) return;
          for (const f of bundle.files.filter((f) => f.path.startsWith('kubectl-apply/'))) {
            for (const doc of loadAll(f.contents) as { kind?: string; metadata?: { name?: string } }[]) {
              const n = doc?.metadata?.name ?? '';
              const valid = doc?.kind === 'Namespace' ? isDns1123Label(n) : isDns1123Subdomain(n);
              expect(valid, `${f.path} ${doc?.kind} ${n}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
