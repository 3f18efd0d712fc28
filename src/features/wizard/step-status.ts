import { parseAnswers } from '../../domain/answers/parse-answers';
import { visibleFieldErrors } from './resolver';
import { STEPS, stepIndexOfField, type AnswerPath } from './steps';

export type StepStatus = 'current' | 'error' | 'done' | 'todo';

/** The fields in error of each step, for the questions that currently apply, in screen order. */
export function stepErrors(values: unknown): AnswerPath[][] {
  const out: AnswerPath[][] = STEPS.map(() => []);
  const parsed = parseAnswers(values);
  if (parsed.ok) return out;
  for (const { field } of visibleFieldErrors(values, parsed.errors)) {
    const index = stepIndexOfField(field);
    if (index >= 0) out[index]!.push(field);
  }
  for (const [i, fields] of out.entries()) {
    const order = STEPS[i]!.fields;
    fields.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return out;
}

/**
 * What a step chip shows. An error wins (even on the current step, so it is never missed); a step
 * before the furthest one reached and without errors is done.
 */
export function stepStatus(
  index: number,
  current: number,
  reached: number,
  errors: readonly AnswerPath[][],
): StepStatus {
  if ((errors[index]?.length ?? 0) > 0) return 'error';
  if (index === current) return 'current';
  return index < reached ? 'done' : 'todo';
}

/** The first step in [from, to) with an error: where a jump forward to `to` must stop. */
export function firstErrorBefore(from: number, to: number, errors: readonly AnswerPath[][]): number {
  for (let i = from; i < to; i++) if ((errors[i]?.length ?? 0) > 0) return i;
  return -1;
}
