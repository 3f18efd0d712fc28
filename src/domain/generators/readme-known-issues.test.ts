import { describe, expect, it } from 'vitest';
import { generateBundle } from './index';
import { answersWith, type DeepPartial } from '../../test/scenarios';
import type { Answers } from '../answers/types';

/** The README's known-issues section (issue 13 §3): the entries that apply, with affected / fixed in and links. */

function readme(patch: DeepPartial<Answers>): string {
  const r = generateBundle(answersWith(patch));
  if (!r.ok) throw new Error(`blocked: ${r.blocking.map((f) => f.messageId).join(', ')}`);
  return r.files.find((f) => f.path === 'README.md')!.contents;
}
function section(text: string, title: string): string {
  const start = text.indexOf(`## ${title}`);
  if (start < 0) return '';
  const end = text.indexOf('\n## ', start + 3);
  return text.slice(start, end < 0 ? undefined : end);
}
const ipv6Cilium = (release: string): DeepPartial<Answers> => ({
  cluster: { release },
  addressing: { ipFamily: 'ipv6' },
  choice: { forcedCni: 'cilium' },
});

describe('README known issues', () => {
  it('lists IPv6-only Cilium on an affected release with its fix and link', () => {
    const s = section(readme(ipv6Cilium('v1.33.6+rke2r1')), 'Known issues of RKE2 v1.33.6+rke2r1');
    expect(s).toContain('IPv6-only Cilium cannot tunnel');
    expect(s).toContain('affects v1.33.0+rke2r1 to v1.33.7+rke2r2; fixed in v1.33.7+rke2r3');
    expect(s).toContain('(https://github.com/rancher/rke2/issues/8033)');
  });

  it('leaves the entry out on the fixed release, and the section out when nothing applies', () => {
    expect(readme(ipv6Cilium('v1.33.7+rke2r3'))).not.toContain('IPv6-only Cilium cannot tunnel');
    expect(readme({ cluster: { release: 'v1.33.7+rke2r3' } })).not.toContain('## Known issues');
  });

  it('says where the fix is when the own minor line has none', () => {
    const s = section(readme(ipv6Cilium('v1.31.14+rke2r1')), 'Known issues');
    expect(s).toContain('no fix on this minor line; fixed from v1.32.11+rke2r3');
  });
});
