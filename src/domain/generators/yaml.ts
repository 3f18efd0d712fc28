import { dump, type DumpOptions } from 'js-yaml';

/**
 * The one set of js-yaml dump options every generated file uses, so the same objects always give
 * byte-identical YAML: no anchors/aliases (noRefs), no line folding (lineWidth -1), key order as
 * written (no sorting), double quotes only where YAML needs them.
 */
export const DUMP_OPTIONS: Readonly<DumpOptions> = Object.freeze({
  indent: 2,
  noRefs: true,
  lineWidth: -1,
  quoteStyle: 'double',
  forceQuotes: false,
});

/** One YAML document from an object. */
export function toYaml(value: unknown): string {
  return dump(value, DUMP_OPTIONS);
}

/** Several YAML documents in one file; "---" is the only text this module writes itself. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map((v) => `---\n${toYaml(v)}`).join('');
}

/**
 * "# ..." comment lines put above a dumped document (YAML comments cannot be dumped from objects).
 * Each line is stripped of line breaks so a comment can never spill into YAML.
 */
export function commentLines(lines: readonly string[]): string {
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`.trimEnd()).join('\n') + '\n';
}
