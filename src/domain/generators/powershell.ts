/**
 * PowerShell text helpers. Scripts are built from arrays of lines; every value that reaches a script goes
 * through psQuote, so no answer can inject a command.
 */

/** A single-quoted PowerShell string: no expansion inside; a quote is doubled ('it''s'). */
export function psQuote(value: string): string {
  // PowerShell also treats the typographic single quotes as quote characters: double them too.
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** A script: header comments, then the body lines; CRLF-free, ends with a newline. */
export function psScript(header: readonly string[], body: readonly string[]): string {
  return [...header.map((h) => `# ${h.replace(/[\r\n]+/g, ' ')}`.trimEnd()), '', ...body].join('\n') + '\n';
}
