import { describe, expect, it } from 'vitest';
import { loadAll } from 'js-yaml';
import { generateBundle, type BundleFile } from './index';
import { evaluate } from '../engine/evaluate';
import { SOURCES } from '../sources';
import { GATES } from '../facts/gates';
import { answersWith, type DeepPartial } from '../../test/scenarios';
import type { Answers } from '../answers/types';

/** CIS NetworkPolicies: what RKE2 creates itself for the CNI and release, and what the bundle adds (issue 10). */

function bundle(patch: DeepPartial<Answers>): BundleFile[] {
  const r = generateBundle(answersWith(patch));
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  return r.files;
}
const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path);
const readmeOf = (files: BundleFile[]) => file(files, 'README.md')!.contents;
/** The README section that starts with `## title`, up to the next `## `. */
function section(readme: string, title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, end < 0 ? undefined : end);
}

const BEFORE_WEBHOOK_GATE = 'v1.29.1+rke2r1';
const AFTER_WEBHOOK_GATE = 'v1.29.2+rke2r1';
const NGINX_RELEASE = 'v1.35.7+rke2r1';
const TRAEFIK_RELEASE = 'v1.36.4+rke2r1';

describe('CIS default network policies', () => {
  it('the rule says RKE2 creates them for every CNI, and warns only where a CNI enforces policy', () => {
    const calico = evaluate(answersWith({ cluster: { cisProfile: true }, choice: { forcedCni: 'calico' } }));
    const warning = calico.warnings.find((f) => f.messageId === 'cisPolicyControllerCanalOnly')!;
    expect(warning.source).toEqual(SOURCES.cisNetworkPoliciesCode);
    expect(warning.appliesTo).toEqual(['calico', 'cilium', 'none']);
    const flannel = evaluate(
      answersWith({ cluster: { cisProfile: true }, choice: { forcedCni: 'flannel' }, security: { policy: 'none' } }),
    );
    expect(flannel.warnings.map((f) => f.messageId)).not.toContain('cisPolicyControllerCanalOnly');
  });

  it('emits the ingress webhook policy only before RKE2 adds it itself (ingressWebhookPolicy gate)', () => {
    expect(GATES.ingressWebhookPolicy.minimums).toContain('1.29.2');
    const before = bundle({
      cluster: { cisProfile: true, release: BEFORE_WEBHOOK_GATE },
      choice: { forcedCni: 'calico' },
    });
    const policies = loadAll(file(before, 'kubectl-apply/cis-baseline-policies.yaml')!.contents) as {
      kind: string;
      metadata: { name: string };
      spec: { podSelector: { matchLabels: Record<string, string> } };
    }[];
    expect(policies.map((p) => [p.kind, p.metadata.name])).toEqual([
      ['NetworkPolicy', 'cis-ingress-nginx-admission-webhook'],
    ]);
    expect(policies[0]!.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'rke2-ingress-nginx' });
    expect(section(readmeOf(before), 'CIS network policies')).toContain(
      'does not create the ingress webhook policy yet',
    );

    const after = bundle({
      cluster: { cisProfile: true, release: AFTER_WEBHOOK_GATE },
      choice: { forcedCni: 'calico' },
    });
    expect(file(after, 'kubectl-apply/cis-baseline-policies.yaml')).toBeUndefined();
    expect(readmeOf(after)).not.toContain('cis-baseline-policies.yaml');
    expect(section(readmeOf(after), 'CIS network policies')).toContain('also creates the policy');
  });

  it('keeps Cilium host networking after the gate, without a webhook policy', () => {
    const files = bundle({
      cluster: { cisProfile: true, release: AFTER_WEBHOOK_GATE },
      choice: { forcedCni: 'cilium' },
    });
    const kinds = (
      loadAll(file(files, 'kubectl-apply/cis-baseline-policies.yaml')!.contents) as { kind: string }[]
    ).map((o) => o.kind);
    expect(kinds).toEqual(['CiliumNetworkPolicy', 'CiliumNetworkPolicy', 'CiliumNetworkPolicy']);
    expect(file(files, 'kubectl-apply/cis-baseline-policies.yaml')!.description).toContain('host networking');
    expect(file(files, 'kubectl-apply/cis-baseline-policies.yaml')!.description).not.toContain('webhook');
  });

  it('names the ingress controller the release installs (traefikDefault gate)', () => {
    const nginx = section(
      readmeOf(bundle({ cluster: { cisProfile: true, release: NGINX_RELEASE } })),
      'CIS network policies',
    );
    expect(nginx).toContain('installs is ingress-nginx (`rke2-ingress-nginx`');
    const traefik = section(
      readmeOf(bundle({ cluster: { cisProfile: true, release: TRAEFIK_RELEASE } })),
      'CIS network policies',
    );
    expect(traefik).toContain('installs is Traefik (`rke2-traefik`');
    expect(traefik).not.toContain('nginx');
    for (const release of [NGINX_RELEASE, TRAEFIK_RELEASE]) {
      const readme = readmeOf(bundle({ cluster: { cisProfile: true, release }, choice: { forcedCni: 'cilium' } }));
      expect(readme.includes('nginx'), release).toBe(release === NGINX_RELEASE);
    }
  });
});
