/**
 * The wizard's last valid answers, shared by the panel, the bundle view and what is saved: while an
 * answer is not valid, each of them evaluates the answers as typed with the fields in error (and their
 * pairs) at their last valid values (domain/answers/keep-valid.ts), never RKE2's defaults.
 * Light on purpose: the form imports it on first load, the engine stays in its own chunk.
 */
import { defaultAnswers } from '../domain/answers/defaults';
import { keepValidAnswers, type KeptAnswers } from '../domain/answers/keep-valid';
import type { Answers } from '../domain/answers/types';

let lastValid: Answers | null = null;

/** Starts from answers known to be valid (the loaded, imported or reset answers). */
export function rememberValidAnswers(answers: Answers): void {
  lastValid = answers;
}

/** The valid answers for the form's values; valid values become the new last valid answers. */
export function keepValid(values: unknown): KeptAnswers {
  const kept = keepValidAnswers(values, lastValid ?? defaultAnswers());
  if (kept.errors.length === 0) lastValid = kept.answers;
  return kept;
}
