import { describe, expect, it } from 'vitest';
import { resolveRelease } from '../rke2/releases';
import { matrixFor, cellText } from './matrix';
import { matrixToCsv, matrixToMarkdown } from './export';

const m = (() => {
  const r = resolveRelease('v1.33.6+rke2r1');
  if (!r.ok) throw new Error(r.message);
  return matrixFor(r.release);
})();

/** Minimal RFC 4180 reader, enough to prove the CSV round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r') {
      /* CRLF */
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  return rows;
}

describe('matrix export', () => {
  it('writes CSV with one row per feature and a text and source column per CNI', () => {
    const rows = parseCsv(matrixToCsv(m, { columns: ['calico', 'cilium'], features: ['wireguard', 'ipsec'] }));
    expect(rows[0]).toEqual(['Group', 'Feature', 'Calico', 'Calico source', 'Cilium', 'Cilium source']);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows[2]).toEqual([
      'Policy and encryption',
      'IPsec',
      cellText(m.cells.ipsec.calico),
      m.cells.ipsec.calico.source.url,
      cellText(m.cells.ipsec.cilium),
      m.cells.ipsec.cilium.source.url,
    ]);
  });

  it('quotes fields that hold quotes and commas', () => {
    const csv = matrixToCsv(m, { columns: ['cilium'], features: ['kubeProxyReplacement'] });
    expect(parseCsv(csv)[1]![2]).toBe(cellText(m.cells.kubeProxyReplacement.cilium));
    expect(cellText(m.cells.kubeProxyReplacement.cilium)).toContain('"strict"');
  });

  it('exports every feature and column by default, and says why a column is not offered', () => {
    const rows = parseCsv(matrixToCsv(m));
    expect(rows).toHaveLength(1 + 22);
    expect(rows[0]!.find((h) => h.startsWith('Weave Net'))).toMatch(/not offered: .*RKE1/);
  });

  it('writes Markdown with the release, escaped pipes and a source link per cell', () => {
    const md = matrixToMarkdown(m, { columns: ['canal'], features: ['networkPolicies'] });
    expect(md).toContain('## CNI comparison for RKE2 v1.33.6+rke2r1');
    expect(md).toContain('| Group | Feature | Canal |');
    expect(md).toContain(`[source](${m.cells.networkPolicies.canal.source.url})`);
    expect(md.split('\n').filter((l) => l.startsWith('| Policy'))).toHaveLength(1);
  });
});
