import { evaluate } from '../domain/engine/evaluate';
import type { AnswerPath } from '../domain/answers/answers-schema';
import { keepValid } from './last-valid';
import type { Answers, FieldError } from '../domain/answers/types';
import type { Decision } from '../domain/engine/types';

export interface Evaluation {
  /** Stable key of the form values this was computed from. */
  key: string;
  /** Valid answers: the form values when they parse, else those with the fields in error at their last valid values. */
  answers: Answers;
  /** Field errors of the form values (empty when valid). */
  errors: readonly FieldError[];
  /** The fields evaluated at their last valid value instead of what is typed. */
  kept: readonly AnswerPath[];
  decision: Decision;
}

let last: Evaluation | null = null;

/** Stable key of a value: JSON with sorted keys, so the same answers always give the same key. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

/**
 * parseAnswers + evaluate, computed once per distinct answer set and shared by every reader
 * (panel, steps, bundle view). Keeps only the latest result: the UI only ever asks for the current one.
 */
export function evaluateCached(values: unknown): Evaluation {
  const key = stableKey(values);
  if (last && last.key === key) return last;
  const { answers, errors, kept } = keepValid(values);
  last = { key, answers, errors, kept, decision: evaluate(answers) };
  return last;
}
