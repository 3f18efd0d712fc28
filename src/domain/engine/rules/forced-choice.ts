import { CNI_DISPLAY_NAME } from '../../facts/cni-names';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { FindingOf } from '../types';

const MESSAGES = {
  forcedUnavailable: 'You forced {{cni}}, but it cannot work here: {{why}} Change those answers or choose another CNI.',
  forcedDiscouraged: 'You forced {{cni}}: {{consequence}}',
  forcedOverride: 'You chose {{cni}} over the recommended {{recommended}}.',
};

/** A forced CNI is honoured, but never silently: what rules it out blocks, what argues against it warns. */
export const forcedChoice = defineRule({
  id: 'forced-choice',
  description: 'Reports the consequences of overriding the recommendation with a forced CNI.',
  source: SOURCES.basicNetworkOptions,
  messages: MESSAGES,

  check() {
    return {};
  },
  review(_ctx, { candidates, forced, best, explain }) {
    if (forced === null) return [];
    const candidate = candidates.find((c) => c.cni === forced);
    if (!candidate) return [];
    const fields = ['choice.forcedCni'];
    if (candidate.status === 'unavailable') {
      const excluding = candidate.reasons.filter((r) => r.effect === 'excludes');
      excluding.forEach((r) =>
        r.fields?.forEach((f) => {
          if (!fields.includes(f)) fields.push(f);
        }),
      );
      return [
        {
          messageId: 'forcedUnavailable',
          severity: 'blocking',
          data: { cni: CNI_DISPLAY_NAME[forced], why: excluding.map(explain).join(' ') },
          fields,
        },
      ];
    }
    const out: FindingOf<typeof MESSAGES>[] = candidate.reasons
      .filter((r) => r.effect === 'discourages')
      .map((r) => ({
        messageId: 'forcedDiscouraged',
        severity: 'warning',
        data: { cni: CNI_DISPLAY_NAME[forced], consequence: explain(r), because: r.messageId },
        fields: [...new Set([...fields, ...(r.fields ?? [])])],
        source: r.source,
      }));
    if (best !== null && best !== forced) {
      out.push({
        messageId: 'forcedOverride',
        severity: 'note',
        data: { cni: CNI_DISPLAY_NAME[forced], recommended: CNI_DISPLAY_NAME[best] },
        fields,
      });
    }
    return out;
  },
});
