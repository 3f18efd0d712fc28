import type { LoadedAnswers } from './initial-answers';
import { fromParseResult } from './initial-answers';

/** Nothing legitimate is larger: an answers.yaml is a few KB, a bundle zip a few hundred. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ANSWERS_YAML_BYTES = 256 * 1024;

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export type ImportResult = { ok: true; loaded: LoadedAnswers } | { ok: false; message: string };

/**
 * Reads an answers.yaml, or a bundle zip's answers.yaml. js-yaml and fflate load only here.
 * Never throws: every failure is a message for the user.
 */
export async function importAnswersFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `${file.name} is too large (${Math.round(file.size / 1024)} KB); expected an answers.yaml or a bundle zip.`,
    };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: `${file.name} could not be read.` };
  }
  let text: string;
  if (isZip(bytes)) {
    const { unzipSync } = await import('fflate');
    let entries: Record<string, Uint8Array>;
    // Remember an answers.yaml skipped for its size, so the message says why rather than "none found".
    let oversized = false;
    try {
      entries = unzipSync(bytes, {
        filter: (f) => {
          if (!/(^|\/)answers\.ya?ml$/.test(f.name)) return false;
          if (f.originalSize > MAX_ANSWERS_YAML_BYTES) {
            oversized = true;
            return false;
          }
          return true;
        },
      });
    } catch {
      return { ok: false, message: `${file.name} is not a readable zip file.` };
    }
    const name = Object.keys(entries).sort((a, b) => a.length - b.length)[0];
    if (!name && oversized)
      return {
        ok: false,
        message: `The answers.yaml in ${file.name} is too large for an answers file (over ${MAX_ANSWERS_YAML_BYTES / 1024} KiB).`,
      };
    if (!name)
      return {
        ok: false,
        message: `${file.name} holds no answers.yaml; import the answers.yaml of a bundle made by this wizard.`,
      };
    bytes = entries[name]!;
  }
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${file.name} is not UTF-8 text.` };
  }
  if (text.length > MAX_ANSWERS_YAML_BYTES)
    return { ok: false, message: `${file.name} is too large for an answers file.` };
  const { parseAnswersText } = await import('../../domain/answers/answers-text');
  const parsed = parseAnswersText(text);
  // A problem with the file as a whole (not YAML, empty, an alias, several documents, not a mapping)
  // means nothing in it can be kept: the import fails and the current answers stay as they are.
  const whole = parsed.ok ? undefined : parsed.errors.find((e) => e.field === '');
  if (whole) return { ok: false, message: `${file.name} cannot be read as answers: ${whole.message}` };
  return { ok: true, loaded: fromParseResult(parsed, 'import') };
}
