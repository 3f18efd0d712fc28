/**
 * Shell text helpers. Scripts are built from arrays of lines; every user value that reaches a
 * script goes through shellQuote, so no answer can inject a command.
 */

/** POSIX single-quoting: 'it'\''s'. Safe for any string, including newlines and $(...). */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_./:=,+@%-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A script: shebang, header comments, `set -u`, then the body lines; ends with a newline. */
export function script(header: readonly string[], body: readonly string[]): string {
  return (
    [
      '#!/usr/bin/env bash',
      ...header.map((h) => `# ${h.replace(/[\r\n]+/g, ' ')}`.trimEnd()),
      'set -u',
      '',
      ...body,
    ].join('\n') + '\n'
  );
}

/** Lines of a quoted heredoc (no expansion inside): `cmd <<'EOF'` ... `EOF`. The text must not contain the marker line. */
export function heredoc(command: string, text: string, marker = 'RKE2_CNI_EOF'): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.includes(marker)) throw new Error(`heredoc text contains its marker ${marker}`);
  return [`${command} <<'${marker}'`, ...lines, marker];
}
