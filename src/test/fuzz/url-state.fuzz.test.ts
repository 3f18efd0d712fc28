import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAnswersParam, encodeAnswersParam, MAX_PARAM_LENGTH, mergeOntoDefaults } from '../../lib/url-state';
import { loadInitialAnswers } from '../../features/wizard/initial-answers';
import { defaultAnswers } from '../../domain/answers/defaults';
import { parseAnswers } from '../../domain/answers/parse-answers';
import { CLUSTER_SIZES } from '../../domain/answers/types';
import { HOSTILE_TEXTS, expectNoPollution, expectValidOrClear, withinCpu } from './hostile-inputs';

/** What a shared link can hold: `?a=` is attacker-controlled (anyone can send a link). */
const b64url = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');

const anyParam = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => encodeURIComponent(s)),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/),
  fc.json({ maxDepth: 8 }).map(b64url),
  fc.uint8Array({ maxLength: 300 }).map(b64url),
  fc
    .jsonValue({ maxDepth: 5 })
    .map((v) => b64url(JSON.stringify({ cluster: v, addressing: { clusterCidrV4: v }, nodes: { underlayMtu: v } }))),
  fc.constantFrom(...Object.values(HOSTILE_TEXTS)).map(b64url),
);

function expectDecodedEndsWell(param: string): void {
  const decoded = decodeAnswersParam(param, defaultAnswers());
  if (decoded.ok) expectValidOrClear(parseAnswers(decoded.value));
  else expect(decoded.message).toMatch(/^The link's answers /);
}

describe('fuzz: ?a= links', () => {
  it('decodeAnswersParam never throws and ends in valid answers or a clear message', () => {
    fc.assert(
      fc.property(anyParam, (param) => {
        expectDecodedEndsWell(param);
      }),
      { numRuns: 600 },
    );
    expectNoPollution();
  });

  it('loadInitialAnswers never throws: valid answers, and every dropped part listed', () => {
    fc.assert(
      fc.property(anyParam, (param) => {
        const loaded = loadInitialAnswers(`?a=${encodeURIComponent(param)}`);
        expect(parseAnswers(loaded.answers).ok).toBe(true);
        if (loaded.origin === 'defaults') expect(loaded.problems.length).toBeGreaterThan(0);
        for (const p of loaded.problems) expect(p.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 400 },
    );
    expectNoPollution();
  });

  it('each classic attack, base64url-encoded, is handled within a second', async () => {
    for (const text of Object.values(HOSTILE_TEXTS)) await withinCpu(1_000, () => expectDecodedEndsWell(b64url(text)));
  });

  it('oversized and wrong-alphabet links are refused before decoding', () => {
    expect(decodeAnswersParam('A'.repeat(MAX_PARAM_LENGTH + 1), defaultAnswers())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too long/),
    });
    expect(decodeAnswersParam('ab+c/==', defaultAnswers())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/format/),
    });
    expect(decodeAnswersParam(b64url(new Uint8Array([0xff, 0xfe, 0x80])), defaultAnswers())).toMatchObject({
      ok: false,
    });
  });

  it('a link at the length limit made of deep nesting decodes quickly', async () => {
    const deep = '{"cluster":'.repeat(1_000) + '{}' + '}'.repeat(1_000);
    const param = b64url(deep);
    expect(param.length).toBeLessThanOrEqual(MAX_PARAM_LENGTH);
    await withinCpu(1_000, () => expectDecodedEndsWell(param));
  });

  it('__proto__ and constructor keys never reach Object.prototype', () => {
    for (const text of [
      '{"__proto__":{"polluted":1}}',
      '{"cluster":{"__proto__":{"polluted":1}}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
    ]) {
      expectDecodedEndsWell(b64url(text));
      mergeOntoDefaults(defaultAnswers(), JSON.parse(text));
    }
    expectNoPollution();
  });

  it('round trip: any valid answers survive encode then decode', () => {
    const sizes = fc.constantFrom(...CLUSTER_SIZES);
    fc.assert(
      fc.property(sizes, fc.integer({ min: 1280, max: 9000 }), (size, mtu) => {
        const answers = defaultAnswers();
        (answers.cluster as Record<string, unknown>).size = size;
        (answers.nodes as Record<string, unknown>).underlayMtu = mtu;
        const parsed = parseAnswers(answers);
        if (!parsed.ok) throw new Error(`size ${size} and MTU ${mtu} are valid answers`);
        const decoded = decodeAnswersParam(encodeAnswersParam(parsed.answers, defaultAnswers()), defaultAnswers());
        expect(decoded.ok && parseAnswers(decoded.value)).toEqual(parsed);
      }),
      { numRuns: 50 },
    );
  });
});
