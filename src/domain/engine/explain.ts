import { formatMessage } from './format-message';
import { RULES } from './rules';
import { defineRule } from './types';
import type { Candidate, Decision, Finding, Reason, Rule } from './types';

/** Engine-level messages that belong to no single rule (a rule that threw, input that is not answers at all). */
export const engineRule = defineRule({
  id: 'engine',
  description: 'Failures of the engine itself; never expected, always reported instead of thrown.',
  source: { title: 'rke2-cni-wizard: decision engine', url: 'https://github.com/rancher/rke2' },
  messages: {
    ruleFailed:
      'The check "{{ruleId}}" failed on these answers ({{error}}); its advice is missing, so the decision is held back.',
  },
  check: () => ({}),
});

const BY_ID: ReadonlyMap<string, Rule> = new Map([...RULES, engineRule as Rule].map((r) => [r.id, r]));

/** The template behind a message id, or undefined for an unknown id. */
export function messageTemplate(ruleId: string, messageId: string): string | undefined {
  return (BY_ID.get(ruleId)?.messages as Readonly<Record<string, string>> | undefined)?.[messageId];
}

/** Every message the engine can produce, for documentation and tests. */
export function allMessages(): { ruleId: string; messageId: string; template: string }[] {
  return [...BY_ID.values()].flatMap((r) =>
    Object.entries(r.messages as Readonly<Record<string, string>>).map(([messageId, template]) => ({
      ruleId: r.id,
      messageId,
      template,
    })),
  );
}

/** English text of a reason or finding, from its rule's template and data. */
export function explain(item: Pick<Reason | Finding, 'ruleId' | 'messageId' | 'data'>): string {
  const template = messageTemplate(item.ruleId, item.messageId);
  return template === undefined ? `${item.ruleId}/${item.messageId}` : formatMessage(template, item.data);
}

export type ExplainedReason = Reason & { text: string };
export type ExplainedFinding = Finding & { text: string };
export type ExplainedCandidate = Omit<Candidate, 'reasons'> & { reasons: ExplainedReason[] };
export type ExplainedDecision = Omit<Decision, 'candidates' | 'blocking' | 'warnings' | 'notes'> & {
  candidates: ExplainedCandidate[];
  blocking: ExplainedFinding[];
  warnings: ExplainedFinding[];
  notes: ExplainedFinding[];
};

/** The decision with the English text of every reason and finding attached (CLI --json, bundle README). */
export function explainDecision(decision: Decision): ExplainedDecision {
  const withText = <T extends Reason | Finding>(item: T): T & { text: string } => ({ ...item, text: explain(item) });
  return {
    ...decision,
    candidates: decision.candidates.map((c) => ({ ...c, reasons: c.reasons.map(withText) })),
    blocking: decision.blocking.map(withText),
    warnings: decision.warnings.map(withText),
    notes: decision.notes.map(withText),
  };
}
