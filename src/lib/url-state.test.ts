import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultAnswers, FORMER_DEFAULTS } from '../domain/answers/defaults';
import {
  decodeAnswersParam,
  diffFromDefaults,
  encodeAnswersParam,
  MAX_PARAM_LENGTH,
  mergeOntoDefaults,
} from './url-state';

describe('url-state', () => {
  it('round-trips answers through ?a=', () => {
    const answers = defaultAnswers();
    answers.addressing.ipFamily = 'dual';
    answers.nodes.interface = 'ens192';
    answers.extras.secondary.name = 'ünïcode-ok';
    const param = encodeAnswersParam(answers, defaultAnswers());
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = decodeAnswersParam(param, defaultAnswers());
    expect(decoded).toEqual({ ok: true, value: answers });
  });

  it('reads a link made while the Multus and SR-IOV examples were defaults as holding them', () => {
    const b64 = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
    // Made then: Multus on, the kept defaults left out of the link.
    const old = decodeAnswersParam(b64({ extras: { mode: 'multus', secondary: { rangeEnd: '' } } }), defaultAnswers());
    if (!old.ok) throw new Error(old.message);
    expect((old.value as ReturnType<typeof defaultAnswers>).extras).toMatchObject({
      mode: 'multus',
      secondary: {
        master: FORMER_DEFAULTS['extras.secondary.master'],
        subnet: FORMER_DEFAULTS['extras.secondary.subnet'],
        rangeStart: FORMER_DEFAULTS['extras.secondary.rangeStart'],
        rangeEnd: '',
        gateway: FORMER_DEFAULTS['extras.secondary.gateway'],
      },
      sriov: { pfNames: FORMER_DEFAULTS['extras.sriov.pfNames'] },
    });
    // Without Multus or SR-IOV nothing is filled in.
    const none = decodeAnswersParam(b64({ security: { policy: 'l7' } }), defaultAnswers());
    expect(none).toEqual({ ok: true, value: { ...defaultAnswers(), security: { policy: 'l7', encryption: 'none' } } });
    // Made now: the fields are in the link even when empty, so an empty one stays empty.
    const now = defaultAnswers();
    now.extras.mode = 'sriov';
    now.extras.sriov.pfNames = 'ens2f0';
    expect(decodeAnswersParam(encodeAnswersParam(now, defaultAnswers()), defaultAnswers())).toEqual({
      ok: true,
      value: now,
    });
  });

  it('keeps only what differs from the defaults, plus the release', () => {
    const answers = defaultAnswers();
    answers.security.policy = 'l7';
    expect(diffFromDefaults(answers, defaultAnswers())).toEqual({
      cluster: { release: answers.cluster.release },
      security: { policy: 'l7' },
    });
  });

  it('refuses malformed, oversized and non-object parameters with a message', () => {
    for (const bad of ['%%%', '!!', 'bm90IGpzb24', 'WzEsMl0', 'bnVsbA', 'x'.repeat(MAX_PARAM_LENGTH + 1), '_w']) {
      const r = decodeAnswersParam(bad, defaultAnswers());
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        decodeAnswersParam(s, defaultAnswers());
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores prototype keys when merging', () => {
    const merged = mergeOntoDefaults({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}, "b": 2}')) as Record<
      string,
      unknown
    >;
    expect(merged).toEqual({ a: 1, b: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
