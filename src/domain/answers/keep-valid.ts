/**
 * What the recommendation evaluates while some answers are not valid: the answers as typed, except
 * that each field in error (and the fields its error depends on, such as the pod CIDR of an
 * overlapping service CIDR, or the switch that makes an empty field required) takes its last valid
 * value. Nothing else moves: a cross-field error never resets the other answers to RKE2's defaults.
 * Pure; the wizard keeps `lastValid` between changes.
 */
import { parseAnswers, RELEVANCE_INPUTS } from './parse-answers';
import { ANSWER_FIELDS, ANSWER_PATHS, readPath, type AnswerPath } from './answers-schema';
import type { Answers, FieldError } from './types';

export interface KeptAnswers {
  /** Valid answers: what the user typed where it is valid, the last valid value where it is not. */
  answers: Answers;
  /** The errors of the answers as typed (empty when they are valid). */
  errors: readonly FieldError[];
  /** The fields that hold their last valid value instead of what is typed now, in table order. */
  kept: readonly AnswerPath[];
}

const PATHS: ReadonlySet<string> = new Set(ANSWER_PATHS);
/** Rounds of "use the last valid value, check again": each round adds at least one field. */
const MAX_ROUNDS = 8;

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The fields an error asks to keep at their last valid values; null when it concerns the whole input. */
function fieldsOf(error: FieldError): AnswerPath[] | null {
  const named = [error.field, ...(error.related ?? [])];
  const out: AnswerPath[] = [];
  for (const field of named) {
    if (PATHS.has(field)) out.push(field as AnswerPath);
    else if (field === '') return null;
    // A section that is not a mapping ("addressing"): every field under it.
    else out.push(...ANSWER_PATHS.filter((p) => p.startsWith(`${field}.`)));
  }
  return out;
}

/** The answers as typed, with `keep` taken from `lastValid`. Only known fields are read from the input. */
function withLastValid(values: Record<string, unknown>, lastValid: Answers, keep: ReadonlySet<AnswerPath>): unknown {
  const out: Record<string, unknown> = {};
  for (const path of ANSWER_PATHS) {
    let raw: unknown;
    try {
      raw = keep.has(path) ? readPath(lastValid, path) : readPath(values, path);
    } catch {
      raw = readPath(lastValid, path);
    }
    if (raw === undefined) continue;
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      if (!isMapping(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = raw;
  }
  return out;
}

/**
 * The valid answers to evaluate for `values` (anything), given the last valid answers. Never throws.
 * When the values parse, they are the answers. Otherwise every field in error, with the fields its
 * error names as related, takes its last valid value, repeated until the result parses (a last valid
 * service CIDR can overlap a newly typed pod CIDR); if that does not settle, the last valid answers.
 */
export function keepValidAnswers(values: unknown, lastValid: Answers): KeptAnswers {
  const parsed = parseAnswers(values);
  if (parsed.ok) return { answers: parsed.answers, errors: [], kept: [] };
  const errors = parsed.errors;
  const keepAll = (): KeptAnswers => ({ answers: lastValid, errors, kept: [...ANSWER_PATHS] });
  if (!isMapping(values)) return keepAll();

  const keep = new Set<AnswerPath>();
  const add = (list: readonly FieldError[]): boolean => {
    const before = keep.size;
    for (const error of list) {
      const fields = fieldsOf(error);
      if (fields === null) return false;
      for (const f of fields) keep.add(f);
    }
    return keep.size > before;
  };
  if (!add(errors)) return keepAll();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = parseAnswers(withLastValid(values, lastValid, keep));
    if (next.ok) return { answers: next.answers, errors, kept: ANSWER_PATHS.filter((p) => keep.has(p)) };
    if (add(next.errors)) continue;
    // A last valid value can itself fail once a switch made it used (a /64 IPv6 pod CIDR kept while
    // IPv4-only, now dual-stack): keep the switch too.
    const before = keep.size;
    for (const error of next.errors) {
      const spec = PATHS.has(error.field) ? ANSWER_FIELDS[error.field as AnswerPath] : undefined;
      for (const f of RELEVANCE_INPUTS[spec?.when ?? 'always']) keep.add(f);
    }
    if (keep.size === before) break;
  }
  return keepAll();
}
