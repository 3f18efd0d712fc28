import type { FeatureId } from './features';
import { cellText, type Matrix, type MatrixColumnKey } from './matrix';

export interface ExportSelection {
  /** Columns in display order; defaults to every column. */
  columns?: readonly MatrixColumnKey[];
  /** Features to keep; defaults to every feature. */
  features?: readonly FeatureId[];
}

function selected(matrix: Matrix, sel: ExportSelection) {
  const cols = (sel.columns ?? matrix.columns.map((c) => c.id))
    .map((id) => matrix.columns.find((c) => c.id === id)!)
    .filter(Boolean);
  const keep = sel.features ? new Set(sel.features) : null;
  const rows = matrix.groups.flatMap((g) =>
    g.features.filter((f) => !keep || keep.has(f.id)).map((f) => ({ group: g.label, feature: f })),
  );
  return { cols, rows };
}

function columnHeader(col: Matrix['columns'][number]): string {
  return col.offered ? col.label : `${col.label} (not offered: ${col.notOffered?.reason ?? 'not in this release'})`;
}

/** RFC 4180: quote every field, double the quotes, CRLF line ends. */
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The table as CSV (RFC 4180): one row per feature, a text and a source column per CNI; the release goes in the file name. */
export function matrixToCsv(matrix: Matrix, sel: ExportSelection = {}): string {
  const { cols, rows } = selected(matrix, sel);
  const header = ['Group', 'Feature', ...cols.flatMap((c) => [columnHeader(c), `${c.label} source`])];
  const lines = [
    header,
    ...rows.map(({ group, feature }) => [
      group,
      feature.label,
      ...cols.flatMap((c) => {
        const cell = matrix.cells[feature.id][c.id];
        return [cellText(cell), cell.source.url];
      }),
    ]),
  ];
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The table as GitHub Markdown, with each cell's source as a link and the release in the title. */
export function matrixToMarkdown(matrix: Matrix, sel: ExportSelection = {}): string {
  const { cols, rows } = selected(matrix, sel);
  const out = [
    `## CNI comparison for RKE2 ${matrix.release.requested.text}`,
    '',
    `| Group | Feature | ${cols.map((c) => mdEscape(columnHeader(c))).join(' | ')} |`,
    `| --- | --- | ${cols.map(() => '---').join(' | ')} |`,
    ...rows.map(
      ({ group, feature }) =>
        `| ${mdEscape(group)} | ${mdEscape(feature.label)} | ${cols
          .map((c) => {
            const cell = matrix.cells[feature.id][c.id];
            return `${mdEscape(cellText(cell))} [source](${cell.source.url})`;
          })
          .join(' | ')} |`,
    ),
    '',
  ];
  return out.join('\n');
}
