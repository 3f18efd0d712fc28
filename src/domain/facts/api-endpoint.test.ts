import { describe, expect, it } from 'vitest';
import { API_ENDPOINT, API_ENDPOINT_HELP } from './api-endpoint';
import { ANSWER_FIELDS } from '../answers/answers-schema';
import { defaultAnswers } from '../answers/defaults';
import { generateBundle } from '../generators';

/** One message about localhost: the field help and the bundle say the same thing, from the same record. */
describe('kube-proxy replacement API address', () => {
  it('the field help states both cases from the one record', () => {
    const help = ANSWER_FIELDS['performance.apiServerHost'].description;
    expect(help).toContain(API_ENDPOINT_HELP);
    expect(API_ENDPOINT.cilium.localhostWorks).toBe(true);
    expect(API_ENDPOINT.calicoEbpf.localhostWorks).toBe(false);
  });

  it('a Cilium bundle with the host left empty writes localhost and explains it with the same words', () => {
    const a = defaultAnswers();
    a.choice.forcedCni = 'cilium';
    a.performance.kubeProxyReplacement = true;
    const r = generateBundle(a);
    if (!r.ok) throw new Error('blocked');
    const hcc = r.files.find((f) => f.path.endsWith('rke2-cilium-config.yaml'))!.contents;
    expect(hcc).toMatch(/k8sServiceHost: localhost/);
    const readme = r.files.find((f) => f.path === 'README.md')!.contents;
    expect(readme).toContain(API_ENDPOINT.cilium.why);
    expect(readme).toContain(API_ENDPOINT.cilium.source.url);
  });

  it('a Calico eBPF bundle never writes localhost and says why with the same words', () => {
    const a = defaultAnswers();
    a.cluster.release = 'v1.34.10+rke2r1';
    a.choice.forcedCni = 'calico';
    a.performance.kubeProxyReplacement = true;
    expect(generateBundle(a).ok).toBe(false);
    a.performance.apiServerHost = '192.0.2.10';
    const r = generateBundle(a);
    if (!r.ok) throw new Error('blocked');
    const readme = r.files.find((f) => f.path === 'README.md')!.contents;
    expect(readme).toContain(API_ENDPOINT.calicoEbpf.why);
    expect(r.files.map((f) => f.contents).join('\n')).not.toMatch(/host: localhost/);
  });
});
