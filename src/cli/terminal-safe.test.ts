import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './main';
import type { CliIo } from './io';
import { escapeForTerminal } from './terminal-safe';

/**
 * Issue 11: YAML escapes ("\e", "\x9b", "\0", "\u202e") must not reach the terminal raw through
 * error messages or validate output, where they could retitle the window or fake a clean result.
 */

// Every C0 control but tab and newline, DEL, every C1 control, and the bidi formatting characters.
const UNSAFE_CHARS = [
  ...Array.from({ length: 32 }, (_, i) => i).filter((c) => c !== 9 && c !== 10),
  ...Array.from({ length: 33 }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((c) => String.fromCharCode(c));

function hasUnsafe(text: string): string | undefined {
  return UNSAFE_CHARS.find((c) => text.includes(c));
}

function capture(): CliIo & { all: () => string } {
  const lines: string[] = [];
  return { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t), all: () => lines.join('\n') };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-escape-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const FAKE = '\u001b[2K\r\u001b[1A\u001b[2KNo problems found in 9 YAML/JSON files.\u0007';

describe('the CLI never prints raw control or bidi characters', () => {
  it('escapeForTerminal shows each as \\uXXXX and keeps newlines, tabs and ordinary text', () => {
    for (const c of UNSAFE_CHARS)
      expect(hasUnsafe(escapeForTerminal(`a${c}b`)), c.charCodeAt(0).toString(16)).toBeUndefined();
    expect(escapeForTerminal('\u001b]0;pwned\u0007')).toBe('\\u001b]0;pwned\\u0007');
    expect(escapeForTerminal('line 1\n\tline 2 — ✓ é 日本')).toBe('line 1\n\tline 2 — ✓ é 日本');
    // The escape is valid JSON: --json output keeps its meaning.
    expect(JSON.parse(`"${escapeForTerminal('\u009b\u202e')}"`)).toBe('\u009b\u202e');
  });

  it('recommend: escapes in an answers file are shown, not sent to the terminal', async () => {
    const path = join(dir, 'answers.yaml');
    writeFileSync(
      path,
      'cluster:\n  size: "\\e]0;pwned\\a\\x9b31m\\0"\n  "\\u202eevil\\e[2J": 1\nnodes:\n  interface: "\\x1b[8m"\n',
    );
    for (const extra of [[], ['--json']]) {
      const io = capture();
      await runCli(['recommend', '--answers', path, ...extra], io);
      expect(io.all().length).toBeGreaterThan(0);
      expect(hasUnsafe(io.all())).toBeUndefined();
      expect(io.all()).toMatch(/\\u001b|\\u009b|\\u202e/);
    }
  });

  it('validate: a key or file name that fakes "No problems found" is escaped', async () => {
    const bundle = join(dir, 'bundle');
    mkdirSync(join(bundle, 'etc/rancher/rke2'), { recursive: true });
    writeFileSync(
      join(bundle, 'etc/rancher/rke2/config.yaml'),
      `cni: canal\n"${FAKE.replaceAll('\u001b', '\\e').replaceAll('\r', '\\r').replaceAll('\u0007', '\\a')}": true\n`,
    );
    writeFileSync(join(bundle, `evil\u001b[31m\u202e.yaml`), 'a: [unclosed\n');
    for (const extra of [[], ['--json']]) {
      const io = capture();
      expect(await runCli(['validate', bundle, ...extra], io)).toBe(1);
      expect(hasUnsafe(io.all())).toBeUndefined();
      expect(io.all()).toContain('\\u001b[2K');
    }
  });

  it('generate: a bad answer with escapes is reported escaped', async () => {
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'addressing:\n  clusterCidrV4: "\\e[2J\\x9b10.0.0.0/33"\n');
    const io = capture();
    expect(await runCli(['generate', '--answers', path, '--out', join(dir, 'out')], io)).toBe(2);
    expect(hasUnsafe(io.all())).toBeUndefined();
  });
});
