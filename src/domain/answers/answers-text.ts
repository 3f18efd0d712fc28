/**
 * Answers as text: the CLI's --answers file, the UI's import, and the bundle's answers.yaml.
 * Loading is defensive (size cap, no aliases, depth cap, one document, text only) and then goes
 * through parseAnswers; whole-file problems are reported on the root field "".
 *
 * Scalars are loaded as strings (YAML failsafe schema, plus null), and parseAnswers coerces numbers
 * and booleans. So `kernel: 5.10` stays "5.10" instead of becoming the number 5.1.
 * Nothing here runs at import time, so bundlers can leave js-yaml out until it is needed.
 */
import { dump, FAILSAFE_SCHEMA, loadAll, nullCoreTag } from 'js-yaml';
import { defaultAnswers } from './defaults';
import { parseAnswers, type AnswerMessageId } from './parse-answers';
import type { Answers, ParseResult } from './types';

/** Largest answers text accepted, in UTF-8 bytes. A full answers file is about 1.5 KiB. */
export const MAX_ANSWERS_TEXT_BYTES = 256 * 1024;
/** Answers nest three levels deep; anything much deeper is not an answers file. */
const MAX_DEPTH = 20;

/** Strings, lists, mappings and null; built on first use so that importing this module runs nothing. */
let loadSchema: ReturnType<typeof FAILSAFE_SCHEMA.withTags> | undefined;

function rootError(messageId: AnswerMessageId, message: string): ParseResult {
  return { ok: false, errors: [{ field: '', messageId, message }], partial: defaultAnswers(), dropped: [] };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Finds what a text decoder leaves behind when given a binary or non-UTF-8 file. */
function firstNonText(text: string): { index: number; what: string } | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) return { index: i, what: 'a byte that is not UTF-8' };
    if (c === 0) return { index: i, what: 'a NUL byte' };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f)
      return { index: i, what: `the control character 0x${c.toString(16).padStart(2, '0')}` };
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair =
        c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
      if (!pair) return { index: i, what: 'a broken UTF-16 surrogate' };
      i++;
    }
  }
  return null;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function yamlError(error: unknown): ParseResult {
  const e = error as { reason?: unknown; mark?: { line?: unknown; column?: unknown } } | null;
  const reason = typeof e?.reason === 'string' ? e.reason : 'the text could not be read as YAML or JSON';
  const line = typeof e?.mark?.line === 'number' ? e.mark.line + 1 : null;
  const column = typeof e?.mark?.column === 'number' ? e.mark.column + 1 : null;
  const at = line !== null ? ` at line ${line}${column !== null ? `, column ${column}` : ''}` : '';
  if (reason.includes('maxAliases')) {
    return rootError('yamlAliases', `Answers files do not use YAML aliases (*name)${at}; write each value out.`);
  }
  if (reason.includes('maxDepth')) {
    return rootError(
      'yamlTooDeep',
      `The YAML is nested more than ${MAX_DEPTH} levels deep${at}; answers are at most three levels deep.`,
    );
  }
  return rootError('yamlSyntax', `YAML/JSON syntax error${at}: ${reason.slice(0, 200)}.`);
}

/**
 * The YAML (or JSON) documents of a text, loaded defensively, or the whole-text error. Never throws.
 * Refuses: more than MAX_ANSWERS_TEXT_BYTES, binary or non-UTF-8 text, any alias, nesting deeper than 20.
 * Used by parseAnswersText (one document) and by the node-discovery import (one document per node).
 */
export function loadAnswersDocuments(
  text: string,
): { ok: true; documents: unknown[] } | { ok: false; result: ParseResult & { ok: false } } {
  const refuse = (r: ParseResult) => ({ ok: false as const, result: r as ParseResult & { ok: false } });
  try {
    if (typeof text !== 'string')
      return refuse(rootError('inputNotText', 'The answers must be given as YAML or JSON text.'));
    // UTF-8 never takes fewer bytes than UTF-16 code units, so the cheap test comes first.
    if (text.length > MAX_ANSWERS_TEXT_BYTES || utf8Length(text) > MAX_ANSWERS_TEXT_BYTES) {
      return refuse(
        rootError(
          'inputTooLarge',
          `The answers text is larger than ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB; an answers file is a few KiB.`,
        ),
      );
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const bad = firstNonText(body);
    if (bad)
      return refuse(
        rootError('inputBinary', `This is not a UTF-8 text file: ${bad.what} at line ${lineOf(body, bad.index)}.`),
      );
    loadSchema ??= FAILSAFE_SCHEMA.withTags(nullCoreTag);
    const options = { schema: loadSchema, maxAliases: 0, maxDepth: MAX_DEPTH };
    return { ok: true, documents: loadAll(body, options) };
  } catch (error) {
    return refuse(yamlError(error));
  }
}

/** One loaded answers document through parseAnswers; several documents, or none, are refused. */
export function parseAnswersDocuments(documents: readonly unknown[]): ParseResult {
  if (documents.length > 1) {
    return rootError(
      'yamlMultipleDocuments',
      `The text holds ${documents.length} YAML documents (separated by ---); an answers file is one document.`,
    );
  }
  const [doc] = documents;
  if (documents.length === 0 || doc === null || doc === undefined) {
    return rootError(
      'inputEmpty',
      'The answers text is empty. Write the sections you want to set, or {} for all defaults.',
    );
  }
  return parseAnswers(doc);
}

/**
 * Loads answers from YAML or JSON text, then parseAnswers. Never throws.
 * Refuses what loadAnswersDocuments refuses, several documents, and empty text.
 */
export function parseAnswersText(text: string): ParseResult {
  try {
    const loaded = loadAnswersDocuments(text);
    if (!loaded.ok) return loaded.result;
    return parseAnswersDocuments(loaded.documents);
  } catch (error) {
    return yamlError(error);
  }
}

/** Pinned dump options: the same answers always give the same bytes. */
const DUMP_OPTIONS = { noRefs: true, lineWidth: -1, sortKeys: false } as const;

const HEADER = [
  '# rke2-cni-wizard answers. Load them back with',
  '#   npm run cli -- recommend --answers answers.yaml',
  '# or with "Import answers" in the web app. Every field is optional: a missing one takes',
  "# RKE2's default. The format is described by schema/answers.schema.json and by --help.",
  '',
].join('\n');

/** Answers as a commented YAML file that parseAnswersText reads back to the same answers. */
export function answersToYaml(answers: Answers): string {
  return `${HEADER}${dump(answers, DUMP_OPTIONS)}`;
}
