import type { KnownIssueRef } from '../domain/validate/check';

/** Terminal lines for the known issues a check found (validate and upgrade print the same). */
export function formatKnownIssues(refs: readonly KnownIssueRef[], release: string): string[] {
  if (!refs.length) return [`No known issue of RKE2 ${release} applies to this configuration.`];
  const lines = [`Known issues of RKE2 ${release} for this configuration:`];
  for (const k of refs) {
    lines.push(`  - ${k.title} [${k.id}]`);
    lines.push(`    ${k.affected}; ${k.fixed}`);
    lines.push(`    workaround: ${k.workaround}`);
    if (k.url) lines.push(`    see ${k.url}`);
  }
  return lines;
}
