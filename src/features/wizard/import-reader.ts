import type { LoadedAnswers } from './initial-answers';
import { fromParseResult } from './initial-answers';
import { readAnswersOrDiscovery, type Discovery } from '../../domain/discover';
import { readZipBounded } from '../../lib/zip-reader';

/** Nothing legitimate is larger: an answers.yaml is a few KB, a bundle zip a few hundred. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ANSWERS_YAML_BYTES = 256 * 1024;
/** A bundle has about 20 entries; a zip listing thousands is not one. */
const MAX_ZIP_ENTRIES = 1000;

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `discovery`: the file was discover.sh output; its node facts go over the current answers. */
export type ImportResult =
  { ok: true; loaded: LoadedAnswers; discovery?: Discovery } | { ok: false; message: string; cancelled?: boolean };

/**
 * Reads an answers.yaml, or a bundle zip's answers.yaml, from its bytes. Synchronous and pure, so it
 * runs in the import worker (and in Node for the tests). The zip goes through the bounded reader:
 * only answers.yaml entries declaring at most 256 KiB are inflated, and never past what they declare.
 * Never throws: every failure is a message for the user.
 */
export function readAnswersImport(input: Uint8Array, name: string): ImportResult {
  let bytes = input;
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `${name} is too large (${Math.round(bytes.length / 1024)} KB); expected an answers.yaml or a bundle zip.`,
    };
  if (isZip(bytes)) {
    // Remember an answers.yaml skipped for its size, so the message says why rather than "none found".
    let oversized = false;
    const read = readZipBounded(
      bytes,
      { maxEntries: MAX_ZIP_ENTRIES, maxEntryBytes: MAX_ANSWERS_YAML_BYTES, maxTotalBytes: MAX_ANSWERS_YAML_BYTES },
      (entry) => {
        if (entry.directory || !/(^|\/)answers\.ya?ml$/.test(entry.name)) return 'skip';
        if (entry.size > MAX_ANSWERS_YAML_BYTES) {
          oversized = true;
          return 'skip';
        }
        return 'read';
      },
    );
    if (!read.ok) return { ok: false, message: `${name} is not a readable zip file: ${read.message}.` };
    const found = read.files.sort((a, b) => a.name.length - b.name.length)[0];
    if (!found && oversized)
      return {
        ok: false,
        message: `The answers.yaml in ${name} is too large for an answers file (over ${MAX_ANSWERS_YAML_BYTES / 1024} KiB).`,
      };
    if (!found)
      return {
        ok: false,
        message: `${name} holds no answers.yaml; import the answers.yaml of a bundle made by this wizard.`,
      };
    bytes = found.bytes;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text.` };
  }
  if (text.length > MAX_ANSWERS_YAML_BYTES) return { ok: false, message: `${name} is too large for an answers file.` };
  // An answers.yaml, or discover.sh output of one or more nodes (merged in the domain).
  const parsed = readAnswersOrDiscovery(text);
  // A problem with the file as a whole (not YAML, empty, an alias, several documents, not a mapping)
  // means nothing in it can be kept: the import fails and the current answers stay as they are.
  const whole = parsed.ok ? undefined : parsed.errors.find((e) => e.field === '');
  if (whole) return { ok: false, message: `${name} cannot be read as answers: ${whole.message}` };
  const loaded = fromParseResult(parsed, 'import');
  return parsed.discovery ? { ok: true, loaded, discovery: parsed.discovery } : { ok: true, loaded };
}

/** What the page sends the import worker. */
export interface ImportRequest {
  file: File;
}
