import type { FieldErrors, Resolver } from 'react-hook-form';
import { parseAnswers } from '../../domain/answers/parse-answers';
import type { Answers, FieldError } from '../../domain/answers/types';
import { applicability } from './applicability';
import { STEPS, type AnswerPath } from './steps';

const KNOWN_FIELDS = new Set<string>(STEPS.flatMap((s) => s.fields));

/** Where a parser error is shown: its own field if the wizard asks it, else the nearest asked field. */
function fieldForError(field: string): AnswerPath | null {
  if (KNOWN_FIELDS.has(field)) return field as AnswerPath;
  const prefix = [...KNOWN_FIELDS].find((f) => f.startsWith(`${field}.`) || field.startsWith(`${f}.`));
  return (prefix as AnswerPath | undefined) ?? null;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The parser's field errors for the questions that currently apply (a hidden question cannot be fixed). */
export function visibleFieldErrors(
  values: unknown,
  errors: readonly FieldError[],
): { field: AnswerPath; error: FieldError }[] {
  const out: { field: AnswerPath; error: FieldError }[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const field = fieldForError(error.field);
    if (!field || seen.has(field)) continue;
    if (applicability(field, values as Partial<Answers>, null).kind === 'hidden') continue;
    seen.add(field);
    out.push({ field, error });
  }
  return out;
}

/**
 * react-hook-form resolver over parseAnswers: the same parser as URL, storage, import and the CLI,
 * so a message at the field is exactly what the CLI would say.
 */
export const answersResolver: Resolver<Answers> = (values) => {
  const result = parseAnswers(values);
  if (result.ok) return { values: result.answers, errors: {} };
  const visible = visibleFieldErrors(values, result.errors);
  if (visible.length === 0) return { values, errors: {} };
  const errors: Record<string, unknown> = {};
  for (const { field, error } of visible) setPath(errors, field, { type: error.messageId, message: error.message });
  return { values: {}, errors: errors as FieldErrors<Answers> };
};
