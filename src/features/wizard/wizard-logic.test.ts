import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANSWER_PATHS } from '../../domain/answers/answers-schema';
import { defaultAnswers } from '../../domain/answers/defaults';
import { parseAnswers } from '../../domain/answers/parse-answers';
import { answersWith } from '../../test/scenarios';
import { BAD_INPUT_CATALOGUE, badInputAnswers } from '../../test/bad-input-catalogue';
import { mergeOntoDefaults } from '../../lib/url-state';
import { STEPS, stepIndexOfField, type AnswerPath } from './steps';
import { QUESTIONS, questionFor } from './questions';
import { applicability, ipFamilyOptionReason } from './applicability';
import { answersResolver, visibleFieldErrors } from './resolver';
import { fromParseResult, loadInitialAnswers } from './initial-answers';

describe('steps and questions', () => {
  it('ask every answer exactly once, each with a label, a reason and a source', () => {
    const asked = STEPS.flatMap((s) => s.fields);
    expect([...asked].sort()).toEqual([...ANSWER_PATHS].sort());
    expect(new Set(asked).size).toBe(asked.length);
    for (const path of asked) {
      expect(QUESTIONS[path], path).toBeDefined();
      const q = questionFor(path);
      expect(q!.label.length).toBeGreaterThan(3);
      expect(q!.why.length).toBeGreaterThan(10);
      expect(q!.source.url).toMatch(/^https:\/\//);
    }
  });

  it('finds the step of a field named by a finding', () => {
    expect(STEPS[stepIndexOfField('addressing.ipFamily')]!.id).toBe('addressing');
    expect(STEPS[stepIndexOfField('performance.bgp.peerAddress')]!.id).toBe('performance');
    expect(stepIndexOfField('nosuch.field')).toBe(-1);
  });
});

describe('applicability', () => {
  it('hides questions the answers do not use', () => {
    const a = defaultAnswers();
    expect(applicability('addressing.clusterCidrV6', a, null).kind).toBe('hidden');
    expect(applicability('extras.secondary.name', a, null).kind).toBe('hidden');
    expect(applicability('performance.apiServerHost', a, null).kind).toBe('hidden');
    const dual = answersWith({
      addressing: { ipFamily: 'dual' },
      extras: { mode: 'sriov' },
      performance: { kubeProxyReplacement: true },
    });
    expect(applicability('addressing.clusterCidrV6', dual, null).kind).toBe('shown');
    expect(applicability('extras.sriov.pfNames', dual, null).kind).toBe('shown');
    expect(applicability('extras.secondary.master', dual, null).kind).toBe('hidden');
    expect(applicability('performance.apiServerHost', dual, null).kind).toBe('shown');
  });

  it('disables Hubble with another CNI forced, and dual-stack with Windows, saying why', () => {
    const forced = answersWith({ choice: { forcedCni: 'calico' } });
    const hubble = applicability('performance.observability', forced, 'calico');
    expect(hubble.kind).toBe('disabled');
    expect(applicability('performance.observability', defaultAnswers(), 'canal').kind).toBe('shown');
    expect(ipFamilyOptionReason('dual', answersWith({ cluster: { windowsNodes: true } }))).toMatch(/Windows/);
    expect(ipFamilyOptionReason('ipv4', answersWith({ cluster: { windowsNodes: true } }))).toBeUndefined();
  });
});

describe('resolver', () => {
  it("puts each catalogue error at its field with the parser's message", async () => {
    let checked = 0;
    for (const entry of BAD_INPUT_CATALOGUE) {
      const values = mergeOntoDefaults(defaultAnswers(), badInputAnswers(entry));
      const result = await answersResolver(values as never, undefined, {
        fields: {},
        shouldUseNativeValidation: false,
      });
      const parsed = parseAnswers(values);
      if (parsed.ok) throw new Error('must fail');
      const visible = visibleFieldErrors(values, parsed.errors).find((v) => v.field === entry.field);
      if (!visible) continue; // the question is hidden for these answers: no message can be shown there
      const node = entry.field
        .split('.')
        .reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], result.errors);
      expect((node as { message?: string } | undefined)?.message, entry.why).toBe(visible.error.message);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(BAD_INPUT_CATALOGUE.length - 5);
  });

  it('passes valid answers through', async () => {
    const result = await answersResolver(defaultAnswers(), undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(defaultAnswers());
  });
});

describe('initial answers', () => {
  it('keeps the valid part of a broken answer set and lists what was dropped', () => {
    const loaded = fromParseResult(parseAnswers({ cluster: { size: 'large' }, nodes: { underlayMtu: 5 } }), 'import');
    expect(loaded.answers.cluster.size).toBe('large');
    expect(loaded.problems.map((p) => p.field)).toEqual(['nodes.underlayMtu']);
  });

  it('falls back to defaults with a message for an unreadable link', () => {
    const loaded = loadInitialAnswers('?a=%%%');
    expect(loaded.answers).toEqual(defaultAnswers());
    expect(loaded.problems).toHaveLength(1);
  });

  it('fields of a step are leaf answers', () => {
    for (const f of STEPS.flatMap((s) => s.fields)) expect(ANSWER_PATHS).toContain(f as AnswerPath);
  });
});

describe('the review step can never point at a hidden field', () => {
  it('every error parseAnswers reports is at a question the wizard shows, for any mix of answers and bad values', () => {
    const toggles = fc.record({
      ipFamily: fc.constantFrom('ipv4', 'dual', 'ipv6'),
      mode: fc.constantFrom('none', 'multus', 'sriov'),
      ipam: fc.constantFrom('host-local', 'whereabouts', 'dhcp', 'static'),
      kpr: fc.boolean(),
      bgp: fc.boolean(),
      windows: fc.boolean(),
      bad: fc.subarray([...BAD_INPUT_CATALOGUE], { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(toggles, (t) => {
        let values: Record<string, unknown> = answersWith({
          addressing: { ipFamily: t.ipFamily },
          extras: { mode: t.mode, secondary: { ipam: t.ipam } },
          performance: { kubeProxyReplacement: t.kpr, bgp: { enabled: t.bgp } },
          cluster: { windowsNodes: t.windows },
        }) as unknown as Record<string, unknown>;
        // Write each bad value at its field, without its setup: the other answers decide whether it is used.
        for (const entry of t.bad) {
          const keys = entry.field.split('.');
          const copy = structuredClone(values);
          let node = copy;
          for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
          node[keys[keys.length - 1]!] = entry.value;
          values = copy;
        }
        const parsed = parseAnswers(values);
        if (parsed.ok) return;
        const visible = visibleFieldErrors(values, parsed.errors);
        expect(visible.map((v) => v.field).sort()).toEqual(parsed.errors.map((e) => e.field).sort());
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
