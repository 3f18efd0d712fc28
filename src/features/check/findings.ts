import type { Source } from '../../domain/sources';

/** One row the page shows: a doctor issue, an upgrade finding, or something left to rewrite. */
export interface Finding {
  file: string;
  keyPath: string;
  messageId: string;
  message: string;
  severity: 'error' | 'warning';
  source?: Source;
  kind?: string;
  rewritten?: boolean;
}

/** Findings grouped by file (files in path order, errors first within a file). */
export function groupByFile(findings: readonly Finding[]): [string, Finding[]][] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, list]) => [
      file,
      [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
    ]);
}
