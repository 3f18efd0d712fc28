import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlight, languageOf, type Language } from './highlight';

const join = (lines: ReturnType<typeof highlight>) => lines.map((l) => l.map((t) => t.text).join('')).join('\n');

describe('highlight', () => {
  it('gives back the input exactly, for any text and language', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom<Language>('yaml', 'shell', 'markdown', 'text'),
        (text, lang) => {
          expect(join(highlight(text, lang))).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('marks YAML keys, values and comments', () => {
    const [line] = highlight('  kubeProxyReplacement: true # eBPF', 'yaml');
    expect(line!.map((t) => t.kind)).toEqual(['punct', 'key', 'punct', 'plain', 'keyword', 'comment']);
    expect(line!.find((t) => t.kind === 'key')!.text).toBe('kubeProxyReplacement');
  });

  it('does not take a # inside quotes for a comment', () => {
    const [line] = highlight('name: "a # b"', 'yaml');
    expect(line!.some((t) => t.kind === 'comment')).toBe(false);
  });

  it('marks shell comments, strings and variables', () => {
    const lines = highlight('# open ports\nfirewall-cmd --add-port="${PORT}/tcp" $ZONE', 'shell');
    expect(lines[0]!.map((t) => t.kind)).toEqual(['comment']);
    expect(lines[1]!.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual(['"${PORT}/tcp"']);
    expect(lines[1]!.filter((t) => t.kind === 'variable').map((t) => t.text)).toEqual(['$ZONE']);
  });

  it('picks the language from the file name', () => {
    expect(languageOf('etc/rancher/rke2/config.yaml')).toBe('yaml');
    expect(languageOf('scripts/firewall.sh')).toBe('shell');
    expect(languageOf('README.md')).toBe('markdown');
    expect(languageOf('answers.txt')).toBe('text');
  });
});
