import { ANSWER_FIELDS, type AnswerPath } from '../../answers/answers-schema';
import { CHARTED_CNIS, CNI_DISPLAY_NAME } from '../../facts/cni-names';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** The question's label for a field path: findings speak the user's words, not field paths. */
function label(field: string): string {
  return (
    (ANSWER_FIELDS as Readonly<Record<string, { label: string } | undefined>>)[field as AnswerPath]?.label ?? field
  );
}

/** When the answers rule out every charted CNI, say which answers conflict instead of picking something. */
export const noCniFits = defineRule({
  id: 'no-cni-fits',
  description: 'Blocks when no charted CNI can meet the requirements, naming the conflicting answers.',
  source: SOURCES.basicNetworkOptions,
  messages: {
    noCniFits:
      'No CNI that RKE2 ships can meet these requirements together: {{conflicts}}. Change one of: {{requirements}}.',
    noCniFitsBringYourOwn:
      'No CNI that RKE2 ships meets these requirements ({{requirements}}); the CNI you bring with cni: none has to cover them.',
  },
  check() {
    return {};
  },
  review(_ctx, { candidates, forced }) {
    // A forced charted CNI that cannot work is reported by forced-choice instead.
    if (forced !== null && forced !== 'none') return [];
    const charted = candidates.filter((c) => (CHARTED_CNIS as readonly string[]).includes(c.cni));
    if (charted.some((c) => c.status !== 'unavailable')) return [];
    const fields = new Set<string>();
    // Short on purpose: the full reasons are on each candidate; this names what rules each one out.
    const conflicts = charted.map((c) => {
      const own = new Set<string>();
      c.reasons
        .filter((r) => r.effect === 'excludes')
        .forEach((r) =>
          r.fields?.forEach((f) => {
            own.add(f);
            fields.add(f);
          }),
        );
      const by = [...own].sort().map((f) => `"${label(f)}"`);
      return `${CNI_DISPLAY_NAME[c.cni]} is ruled out by ${by.length ? by.join(' and ') : 'the release'}`;
    });
    const requirements = [...fields].sort();
    if (forced === 'none') {
      return [
        {
          messageId: 'noCniFitsBringYourOwn',
          severity: 'note',
          data: { requirements: requirements.map((f) => `"${label(f)}"`).join(', ') },
          fields: requirements,
        },
      ];
    }
    return [
      {
        messageId: 'noCniFits',
        severity: 'blocking',
        data: { conflicts: conflicts.join('; '), requirements: requirements.map((f) => `"${label(f)}"`).join(', ') },
        fields: requirements,
      },
    ];
  },
});
