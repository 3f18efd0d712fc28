/**
 * A tiny, safe syntax highlighter for the bundle preview: it splits text into typed tokens that the
 * view renders as React <span>s (never HTML). Concatenating the tokens gives back the input exactly,
 * so the preview is byte-for-byte what is downloaded.
 */
export type TokenKind =
  'plain' | 'comment' | 'key' | 'string' | 'number' | 'keyword' | 'punct' | 'variable' | 'heading' | 'code';

export interface Token {
  kind: TokenKind;
  text: string;
}

export type Language = 'yaml' | 'shell' | 'markdown' | 'text';

export function languageOf(path: string): Language {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.(sh|bash)$/i.test(path)) return 'shell';
  if (/\.md$/i.test(path)) return 'markdown';
  return 'text';
}

const YAML_SCALAR_KEYWORD = /^(true|false|null|~|yes|no|on|off)$/i;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function scalarKind(text: string): TokenKind {
  const t = text.trim();
  if (t.startsWith('"') || t.startsWith("'")) return 'string';
  if (YAML_SCALAR_KEYWORD.test(t)) return 'keyword';
  if (NUMBER.test(t)) return 'number';
  return 'plain';
}

/** Index of a " #" comment outside quotes, or -1. */
function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return i;
  }
  return -1;
}

function yamlLine(line: string): Token[] {
  const out: Token[] = [];
  const hash = commentStart(line);
  const body = hash >= 0 ? line.slice(0, hash) : line;
  const comment = hash >= 0 ? line.slice(hash) : '';
  if (/^---\s*$|^\.\.\.\s*$/.test(body)) {
    out.push({ kind: 'punct', text: body });
  } else {
    const m = /^(\s*(?:-\s+)*)([^\s:'"][^:]*?|"[^"]*"|'[^']*')(:)(\s.*|$)/.exec(body);
    if (m) {
      out.push({ kind: 'punct', text: m[1]! });
      out.push({ kind: 'key', text: m[2]! });
      out.push({ kind: 'punct', text: m[3]! });
      const rest = m[4]!;
      const lead = /^\s*/.exec(rest)![0];
      if (lead) out.push({ kind: 'plain', text: lead });
      const value = rest.slice(lead.length);
      if (value) out.push({ kind: /^[|>][-+]?\d*\s*$/.test(value) ? 'punct' : scalarKind(value), text: value });
    } else {
      const item = /^(\s*-\s+)(.*)$/.exec(body);
      if (item) {
        out.push({ kind: 'punct', text: item[1]! });
        if (item[2]) out.push({ kind: scalarKind(item[2]), text: item[2] });
      } else if (body) {
        out.push({ kind: 'plain', text: body });
      }
    }
  }
  if (comment) out.push({ kind: 'comment', text: comment });
  return out;
}

const SHELL_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'function',
  'return',
  'exit',
  'set',
  'export',
  'local',
  'readonly',
]);

function shellLine(line: string): Token[] {
  const out: Token[] = [];
  const re =
    /(#.*$)|("(?:[^"\\]|\\.)*"?|'[^']*'?)|(\$\{[^}]*\}?|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9#?@*$!-])|([A-Za-z_][A-Za-z0-9_-]*)|(\s+)|([^\sA-Za-z_"'$#]+|.)/g;
  let m: RegExpExecArray | null;
  let atWordStart = true;
  while ((m = re.exec(line)) !== null) {
    const [text] = m;
    if (text === '') break;
    if (m[1] !== undefined && atWordStart) {
      out.push({ kind: 'comment', text });
      break;
    }
    if (m[1] !== undefined) {
      out.push({ kind: 'plain', text });
      re.lastIndex = m.index + 1;
      out[out.length - 1] = { kind: 'plain', text: '#' };
      continue;
    }
    if (m[2] !== undefined) out.push({ kind: 'string', text });
    else if (m[3] !== undefined) out.push({ kind: 'variable', text });
    else if (m[4] !== undefined) out.push({ kind: SHELL_KEYWORDS.has(text) ? 'keyword' : 'plain', text });
    else if (m[5] !== undefined) out.push({ kind: 'plain', text });
    else out.push({ kind: 'punct', text });
    atWordStart = m[5] !== undefined || /[;&|(]$/.test(text);
  }
  return out;
}

function markdownLine(line: string, inFence: boolean): Token[] {
  if (inFence || /^\s*```/.test(line)) return [{ kind: 'code', text: line }];
  if (/^#{1,6}\s/.test(line)) return [{ kind: 'heading', text: line }];
  const out: Token[] = [];
  const re = /(`[^`]*`)|([^`]+|`)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push({ kind: m[1] !== undefined ? 'code' : 'plain', text: m[0] });
  return out;
}

/** Tokens per line (without the line breaks). Joining each line's tokens and the lines with "\n" gives the input. */
export function highlight(text: string, language: Language): Token[][] {
  const lines = text.split('\n');
  let inFence = false;
  return lines.map((line) => {
    switch (language) {
      case 'yaml':
        return yamlLine(line);
      case 'shell':
        return shellLine(line);
      case 'markdown': {
        const tokens = markdownLine(line, inFence);
        if (/^\s*```/.test(line)) inFence = !inFence;
        return tokens;
      }
      case 'text':
        return line ? [{ kind: 'plain', text: line }] : [];
      default: {
        const never: never = language;
        return never;
      }
    }
  });
}
