import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answersToYaml, parseAnswersText, MAX_ANSWERS_TEXT_BYTES } from './answers-text';
import { parseAnswers } from './parse-answers';
import { defaultAnswers } from './defaults';
import type { ParseResult } from './types';

function rootError(result: ParseResult): string | undefined {
  if (result.ok) return undefined;
  const e = result.errors.find((x) => x.field === '');
  return e?.messageId;
}

describe('parseAnswersText', () => {
  it('reads YAML, keeping kernels as text and coercing numbers and booleans', () => {
    const r = parseAnswersText(
      'cluster:\n  windowsNodes: true\nnodes:\n  osPreset: custom\n  kernel: 5.10\n  underlayMtu: 9000\n',
    );
    expect(r).toMatchObject({
      ok: true,
      answers: { cluster: { windowsNodes: true }, nodes: { kernel: '5.10', underlayMtu: 9000 } },
    });
  });

  it('reads JSON', () => {
    const r = parseAnswersText(
      JSON.stringify({
        security: { policy: 'l7' },
        nodes: { underlayMtu: 1450 },
        performance: { bgp: { enabled: false, peerAddress: null } },
      }),
    );
    expect(r).toMatchObject({ ok: true, answers: { security: { policy: 'l7' }, nodes: { underlayMtu: 1450 } } });
  });

  it('accepts Windows line endings', () => {
    expect(parseAnswersText('security:\r\n  policy: none\r\n')).toMatchObject({
      ok: true,
      answers: { security: { policy: 'none' } },
    });
  });

  it('never throws on a truncated answers file, and ends in answers or errors', () => {
    const a = defaultAnswers();
    a.extras.mode = 'multus';
    a.addressing.ipFamily = 'dual';
    const yaml = answersToYaml(a);
    for (let i = 0; i <= yaml.length; i++) {
      const r = parseAnswersText(yaml.slice(0, i));
      expect(r.ok ? parseAnswers(r.answers).ok : parseAnswers(r.partial).ok).toBe(true);
    }
  });

  it('accepts a UTF-8 byte order mark and comments', () => {
    expect(parseAnswersText('\ufeff# my cluster\nsecurity:\n  policy: none # no policies\n').ok).toBe(true);
  });

  it('reports field errors from parseAnswers', () => {
    const r = parseAnswersText('addressing:\n  clusterCidrV4: 10.42.0.0/33\n');
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'addressing.clusterCidrV4', messageId: 'cidrPrefix' }] });
  });

  it.each<[string, string, string]>([
    ['empty text', '', 'inputEmpty'],
    ['only comments', '# nothing here\n', 'inputEmpty'],
    ['a null document', '~\n', 'inputEmpty'],
    ['a YAML syntax error', 'cluster: [unclosed\n', 'yamlSyntax'],
    ['bad indentation', 'cluster:\n  release: v1\n bad: 1\n', 'yamlSyntax'],
    ['duplicate keys', 'cluster: {}\ncluster: {}\n', 'yamlSyntax'],
    ['several documents', 'cluster: {}\n---\nnodes: {}\n', 'yamlMultipleDocuments'],
    ['any alias', 'base: &b {policy: l7}\nsecurity: *b\n', 'yamlAliases'],
    [
      'a billion-laughs bomb',
      `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
      'yamlAliases',
    ],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'yamlTooDeep'],
    ['deep block nesting', Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n'), 'yamlTooDeep'],
    ['a NUL byte', 'cluster:\0\n', 'inputBinary'],
    ['decoded non-UTF-8 bytes', 'cluster:\n  release: v1.33.6\ufffd\n', 'inputBinary'],
    ['binary garbage', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'inputBinary'],
    ['a lone surrogate', 'a: "\ud800"\n', 'inputBinary'],
    ['a scalar document', 'just text\n', 'notAMapping'],
    ['a list document', '- a\n- b\n', 'notAMapping'],
  ])('refuses %s on the root field', (_name, text, messageId) => {
    expect(rootError(parseAnswersText(text))).toBe(messageId);
  });

  it('refuses text over the size cap before parsing it', () => {
    const big = `# ${'x'.repeat(MAX_ANSWERS_TEXT_BYTES)}\ncluster: {}\n`;
    expect(rootError(parseAnswersText(big))).toBe('inputTooLarge');
    // Multi-byte characters count as their UTF-8 size.
    const wide = `# ${'é'.repeat(MAX_ANSWERS_TEXT_BYTES / 2 + 1)}\n`;
    expect(rootError(parseAnswersText(wide))).toBe('inputTooLarge');
    expect(rootError(parseAnswersText('x'.repeat(50_000_000)))).toBe('inputTooLarge');
  });

  it('refuses non-text input without throwing', () => {
    expect(rootError(parseAnswersText(42 as unknown as string))).toBe('inputNotText');
    expect(rootError(parseAnswersText(undefined as unknown as string))).toBe('inputNotText');
  });

  it('never pollutes Object.prototype', () => {
    const r = parseAnswersText('__proto__:\n  polluted: yes\ncluster:\n  __proto__: {polluted: yes}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r).toMatchObject({ ok: true, dropped: ['__proto__', 'cluster.__proto__'] });
  });

  it('never throws on arbitrary text, and always ends in answers or errors', () => {
    const check = (text: string) => {
      const r = parseAnswersText(text);
      if (r.ok) expect(parseAnswers(r.answers).ok).toBe(true);
      else {
        expect(r.errors.length).toBeGreaterThan(0);
        expect(parseAnswers(r.partial).ok).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 1000 });
    fc.assert(
      fc.property(
        fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        check,
      ),
      { numRuns: 500 },
    );
    // YAML-ish text built from the characters that matter to YAML.
    const yamlish = fc
      .array(
        fc.constantFrom(
          'cluster:',
          'nodes:',
          '\n',
          '  ',
          '- ',
          ': ',
          '&a ',
          '*a',
          '{',
          '}',
          '[',
          ']',
          ',',
          '"',
          "'",
          '#',
          '---',
          '...',
          '!!str ',
          '!!binary ',
          '<<: ',
          '? ',
          '|',
          '>',
          'kernel',
          '5.10',
          '~',
          'true',
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(fc.property(yamlish, check), { numRuns: 1000 });
  }, 60_000);
});

describe('answersToYaml', () => {
  it('writes a commented file that loads back to the same answers', () => {
    const yaml = answersToYaml(defaultAnswers());
    expect(yaml.startsWith('# rke2-cni-wizard answers.')).toBe(true);
    expect(yaml).not.toMatch(/&|\*ref/);
    expect(parseAnswersText(yaml)).toEqual({ ok: true, answers: defaultAnswers(), dropped: [] });
  });

  it('quotes values that YAML would otherwise read as numbers or booleans', () => {
    const a = defaultAnswers();
    a.nodes.osPreset = 'custom';
    a.nodes.kernel = '5.10';
    const yaml = answersToYaml(a);
    expect(yaml).toContain("kernel: '5.10'");
    expect(parseAnswersText(yaml)).toMatchObject({ ok: true, answers: { nodes: { kernel: '5.10' } } });
  });

  it('round-trips every answer set that parses', () => {
    const a = defaultAnswers();
    fc.assert(
      fc.property(
        fc.constantFrom('ipv4', 'dual', 'ipv6'),
        fc.constantFrom('none', 'multus', 'sriov'),
        fc.boolean(),
        fc.integer({ min: 1280, max: 9216 }),
        fc.constantFrom('', 'eth0', 'bond0.100'),
        fc.constantFrom('host-local', 'whereabouts', 'dhcp', 'static'),
        (ipFamily, mode, bgp, mtu, iface, ipam) => {
          const input = {
            ...a,
            nodes: { ...a.nodes, underlayMtu: mtu, interface: iface },
            addressing: { ...a.addressing, ipFamily, clusterCidrV6: 'fd00:42::/56', serviceCidrV6: 'fd00:43::/112' },
            extras: {
              ...a.extras,
              mode,
              secondary: {
                ...a.extras.secondary,
                ipam,
                master: 'eth1',
                subnet: '192.168.100.0/24',
                rangeStart: ipam === 'static' ? '192.168.100.10' : '',
              },
              sriov: { ...a.extras.sriov, pfNames: 'ens1f0' },
            },
            performance: {
              ...a.performance,
              bgp: { ...a.performance.bgp, enabled: bgp, peerAddress: bgp ? '10.0.0.1' : '' },
            },
          };
          const parsed = parseAnswers(input);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parseAnswersText(answersToYaml(parsed.answers))).toEqual({
            ok: true,
            answers: parsed.answers,
            dropped: [],
          });
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('gives the same bytes for the same answers', () => {
    expect(answersToYaml(defaultAnswers())).toBe(answersToYaml(defaultAnswers()));
  });
});
