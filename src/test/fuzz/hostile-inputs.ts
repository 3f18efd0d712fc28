/**
 * Hostile inputs shared by the fuzz tests (app and CLI): handmade classics of YAML/JSON abuse,
 * fast-check arbitraries that mutate real answers files, and the check that a parse outcome is
 * either valid answers or clear errors.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { answersToYaml } from '../../domain/answers/answers-text';
import { parseAnswers } from '../../domain/answers/parse-answers';
import type { ParseResult } from '../../domain/answers/types';
import { SCENARIOS } from '../scenarios';

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 10; i++)
  laughs.push(
    `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
      .fill(`*${String.fromCharCode(96 + i)}`)
      .join(',')}]`,
  );

/** Classic attacks on YAML/JSON readers, each a complete text. */
export const HOSTILE_TEXTS: Record<string, string> = {
  billionLaughs: laughs.join('\n'),
  aliasIntoAnswers: 'base: &b { size: large }\ncluster: *b\n',
  mergeKey: 'x: &x { size: large }\ncluster:\n  <<: *x\n',
  deepBlock: Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end\n',
  deepFlowSeq: '['.repeat(50_000),
  deepFlowMap: '{a: '.repeat(20_000),
  deepJson: '{"cluster":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  deepJsonArray: '['.repeat(10_000) + ']'.repeat(10_000),
  jsFunctionTag: 'cluster: !!js/function "function () { return 1 }"\n',
  jsRegexpTag: 'cluster: !!js/regexp /a/\n',
  binaryTag: 'cluster: !!binary aGVsbG8=\n',
  customTag: 'cluster: !<tag:yaml.org,2002:python/object/apply:os.system> ["id"]\n',
  protoKey: '__proto__:\n  polluted: yes\ncluster:\n  __proto__:\n    polluted: yes\n',
  constructorKey: 'constructor:\n  prototype:\n    polluted: yes\n',
  manyDocuments: 'cluster: {}\n---\n'.repeat(1_000),
  hugeKey: `${'k'.repeat(200_000)}: 1\n`,
  hugeScalar: `cluster:\n  release: "${'v'.repeat(200_000)}"\n`,
  overLimit: `# ${'x'.repeat(300 * 1024)}\n`,
  manyKeys: Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n'),
  wrongTypes: 'cluster: [1, 2]\naddressing: "text"\nnodes: 42\nsecurity: null\nchoice: {forcedCni: [cilium]}\n',
  numbersEverywhere: 'cluster:\n  size: 1e999\nnodes:\n  underlayMtu: -0x10\n  kernel: .nan\n',
  nul: 'cluster:\n  size: small\u0000\n',
  controlChars: 'cluster:\n  size: \u0007\u001b[31m\n',
  loneSurrogate: 'cluster:\n  size: "\ud800"\n',
  bomOnly: '\ufeff',
  empty: '',
  whitespace: '   \n\t\n',
  tabsIndent: 'cluster:\n\tsize: large\n',
  duplicateKeys: 'cluster:\n  size: small\n  size: large\n',
  unclosed: 'cluster: {size: large\n',
  jsonNotObject: '[1, 2, 3]',
  scalarDocument: 'just a string',
  directive: '%YAML 9.9\n---\ncluster: {}\n',
};

/** Byte sequences that are not UTF-8 text. */
export const HOSTILE_BYTES: Record<string, Uint8Array> = {
  latin1: new Uint8Array([0x63, 0x6c, 0x75, 0x73, 0x74, 0x65, 0x72, 0x3a, 0x20, 0xe9, 0x0a]),
  overlong: new Uint8Array([0xc0, 0xaf, 0x0a]),
  truncatedSequence: new Uint8Array([0x61, 0x3a, 0x20, 0xe2, 0x82]),
  utf16le: new Uint8Array([0xff, 0xfe, 0x63, 0x00, 0x3a, 0x00]),
  elf: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
  gzip: new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]),
};

/** Real answers files, the starting points that mutations break. */
export const VALID_TEXTS = Object.values(SCENARIOS).map((s) => answersToYaml(s.answers));

/** A real answers file cut short, spliced with junk, or with a random span replaced. */
export const mutatedAnswersText = fc
  .tuple(
    fc.constantFrom(...VALID_TEXTS),
    fc.nat(),
    fc.nat(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('truncate', 'insert', 'replace', 'duplicate'),
  )
  .map(([text, a, b, junk, how]) => {
    const i = a % (text.length + 1);
    const j = Math.min(text.length, i + (b % 80));
    switch (how) {
      case 'truncate':
        return text.slice(0, i);
      case 'insert':
        return text.slice(0, i) + junk + text.slice(i);
      case 'replace':
        return text.slice(0, i) + junk + text.slice(j);
      default:
        return text.slice(0, j) + text.slice(i);
    }
  });

/** Any text: random strings, random JSON, mutations, and the classics. */
export const anyAnswersText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 6 }),
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify({ cluster: v, nodes: v })),
  mutatedAnswersText,
  fc.constantFrom(...Object.values(HOSTILE_TEXTS)),
);

/** Any byte sequence a file could hold. */
export const anyAnswersBytes = fc.oneof(
  anyAnswersText.map((t) => new TextEncoder().encode(t)),
  fc.uint8Array({ maxLength: 2_000 }),
  fc.constantFrom(...Object.values(HOSTILE_BYTES)),
);

/** A parse outcome is valid answers (which parse again without error) or errors with a message each. */
export function expectValidOrClear(result: ParseResult): void {
  if (result.ok) {
    const again = parseAnswers(result.answers);
    expect(again.ok && again.dropped.length === 0, 'the answers kept are themselves valid').toBe(true);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(typeof e.message).toBe('string');
      expect(e.message.length).toBeGreaterThan(5);
      expect(e.message).not.toMatch(/\n\s+at /);
    }
    const partial = parseAnswers(result.partial);
    expect(partial.ok, 'the partial answers are valid').toBe(true);
  }
}

/** Object.prototype stays clean (no "__proto__" key reached it). */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/**
 * Runs fn and fails when it burns more than `ms` of CPU time in this process: a pathological input
 * (an alias bomb, a zip bomb, a quadratic path) shows as a failed bound. CPU time, not wall-clock
 * time: a busy machine stretches the wall clock but not the work, so the suite stays green under
 * load (issue 15). A true hang is caught by the test's own timeout.
 */
export async function withinCpu<T>(ms: number, fn: () => T | Promise<T>): Promise<T> {
  const start = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(start);
  const took = (used.user + used.system) / 1000;
  expect(took, `used ${Math.round(took)} ms of CPU`).toBeLessThan(ms);
  return value;
}
