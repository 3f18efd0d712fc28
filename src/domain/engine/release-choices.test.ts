import { describe, expect, it } from 'vitest';
import { RELEASES, parseReleaseInput } from '../rke2/releases';
import { parseAnswers } from '../answers/parse-answers';
import { answersWith } from '../../test/scenarios';
import { releaseChoices } from './release-choices';
import { evaluate } from './evaluate';

describe('release input', () => {
  it('takes "1.33" and "v1.33" as the newest known patch of that minor, and says so', () => {
    const line = RELEASES.filter((r) => r.version.minor === 33);
    const newest = line[line.length - 1]!.version.text;
    for (const text of ['1.33', 'v1.33', ' v1.33 ']) {
      expect(parseReleaseInput(text)).toEqual({ ok: true, text: newest, minorOnly: true, minor: 'v1.33' });
      const parsed = parseAnswers({ cluster: { release: text } });
      expect(parsed.ok && parsed.answers.cluster.release).toBe(newest);
    }
    expect(parseReleaseInput('1.33.6')).toEqual({ ok: true, text: 'v1.33.6+rke2r1', minorOnly: false });
  });

  it('refuses a minor line it knows no release of, naming the range it knows', () => {
    const r = parseReleaseInput('v1.19');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/no v1\.19 release .*v1\.21 to v1\.\d+/);
  });
});

describe('releaseChoices', () => {
  it('lists every known patch release, newest first', () => {
    const choices = releaseChoices(answersWith({}));
    expect(choices.map((c) => c.release)).toEqual([...RELEASES].reverse().map((r) => r.version.text));
    expect(choices.filter((c) => c.minor === 'v1.33').length).toBeGreaterThan(1);
  });

  it('marks the releases that rule out what was asked, with the engine reasons', () => {
    // Flannel forced: releases before its gate rule it out, the others fit.
    const choices = releaseChoices(answersWith({ choice: { forcedCni: 'flannel' }, security: { policy: 'none' } }));
    const ruledOut = choices.filter((c) => c.rulesOut !== null);
    expect(choices.filter((c) => c.rulesOut === null).length).toBeGreaterThan(0);
    expect(ruledOut.length).toBeGreaterThan(0);
    for (const c of ruledOut) {
      expect(c.rulesOut!.cni).toBe('flannel');
      expect(c.rulesOut!.reasons.join(' ')).toMatch(/Flannel is a primary CNI only from/);
    }
    // A stock cluster fits every release.
    expect(releaseChoices(answersWith({})).every((c) => c.rulesOut === null)).toBe(true);
  });

  it('marks the releases whose bundled Cilium needs a newer kernel than 5.4 when Cilium is chosen', () => {
    const choices = releaseChoices(
      answersWith({ nodes: { osPreset: 'custom', kernel: '5.4' }, choice: { forcedCni: 'cilium' } }),
    );
    const out = choices.filter((c) => c.rulesOut?.cni === 'cilium');
    expect(out.length).toBeGreaterThan(0);
    expect(choices.some((c) => c.rulesOut === null)).toBe(true);
    for (const c of out) expect(c.rulesOut!.reasons.join(' ')).toMatch(/needs Linux 5\.10 or newer/);
  });
});

describe('releaseChoices judges without the plan', () => {
  it('gives every release the verdict evaluate() gives it', () => {
    for (const a of [
      answersWith({ choice: { forcedCni: 'flannel' }, security: { policy: 'none' } }),
      answersWith({ nodes: { osPreset: 'custom', kernel: '5.4' }, choice: { forcedCni: 'cilium' } }),
      answersWith({ cluster: { windowsNodes: true }, security: { encryption: 'wireguard' } }),
    ]) {
      const choices = releaseChoices(a);
      expect(choices.length).toBe(RELEASES.length);
      for (const c of choices) {
        const full = evaluate({ ...a, cluster: { ...a.cluster, release: c.release } });
        expect(c.chosen, c.release).toBe(full.chosen);
        expect(c.rulesOut === null, c.release).toBe(
          full.blocking.length === 0 &&
            full.candidates.find((x) => x.cni === evaluate(a).chosen)?.status !== 'unavailable',
        );
      }
    }
  });
});
