import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { resolveRelease } from '../../domain/rke2/releases';
import { bundleSnippet, installSnippet } from './install-snippet';

const rel = (t: string) => {
  const r = resolveRelease(t);
  if (!r.ok) throw new Error(r.message);
  return r.release;
};

describe('installSnippet', () => {
  it('writes the cni key as YAML that parses back', () => {
    expect(load(installSnippet('cilium', rel('v1.33.6+rke2r1'))!.configYaml)).toEqual({ cni: 'cilium' });
    expect(load(installSnippet('multus', rel('v1.33.6+rke2r1'))!.configYaml)).toEqual({ cni: ['multus', 'canal'] });
  });

  it('offers no snippet for flannel before its gate', () => {
    expect(installSnippet('flannel', rel('v1.26.13+rke2r1'))).toBeNull();
    expect(installSnippet('flannel', rel('v1.26.14+rke2r1'))).not.toBeNull();
  });

  it('mentions cni.exclusive for Cilium only on releases that need it', () => {
    expect(installSnippet('cilium', rel('v1.33.5+rke2r1'))!.notes.join(' ')).toContain('cni.exclusive: false');
    expect(installSnippet('cilium', rel('v1.33.6+rke2r1'))!.notes.join(' ')).not.toContain('cni.exclusive');
  });
});

describe('bundleSnippet', () => {
  it('uses the generators: config.yaml with the chosen cni for each offered CNI', () => {
    for (const id of ['canal', 'calico', 'cilium', 'flannel', 'none', 'multus', 'sriov'] as const) {
      const s = bundleSnippet(id, rel('v1.33.6+rke2r1'));
      expect(s.ok, id).toBe(true);
      if (!s.ok) continue;
      const config = s.files.find((f) => f.path === 'etc/rancher/rke2/config.yaml');
      expect(config, id).toBeDefined();
      const cni = (load(config!.contents) as { cni: unknown }).cni;
      const list = Array.isArray(cni) ? cni : String(cni).split(',');
      if (id === 'multus' || id === 'sriov') expect(list[0], id).toBe('multus');
      else expect(list, id).toContain(id);
    }
  });

  it('gives no files for flannel before its gate', () => {
    expect(bundleSnippet('flannel', rel('v1.26.13+rke2r1')).ok).toBe(false);
  });
});
