import { load, loadAll } from 'js-yaml';

/** Larger files are refused unread: manifests are kilobytes, and the doctor runs in the browser too. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Aliases are refused beyond this, so a "billion laughs" document cannot blow up the walkers. */
const MAX_ALIASES = 50;
const MAX_NODES = 200_000;

export type ParseResult = { ok: true; docs: unknown[] } | { ok: false; reason: string };

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'reason' in error) {
    const e = error as { reason: unknown; mark?: { line?: number; column?: number } };
    const where =
      e.mark && typeof e.mark.line === 'number' ? ` (line ${e.mark.line + 1}, column ${(e.mark.column ?? 0) + 1})` : '';
    return `${String(e.reason)}${where}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Counts nodes up to a cap: aliases can make a small document an exponentially large tree. */
function tooLarge(root: unknown): boolean {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (++count > MAX_NODES) return true;
    if (node && typeof node === 'object') stack.push(...(Array.isArray(node) ? node : Object.values(node)));
  }
  return false;
}

/** Every document of a YAML stream (empty documents dropped). Never throws. */
export function parseYamlDocs(text: string): ParseResult {
  try {
    const docs = loadAll(text, { maxAliases: MAX_ALIASES }).filter((d) => d !== null && d !== undefined);
    if (docs.some(tooLarge)) return { ok: false, reason: `the document expands to more than ${MAX_NODES} nodes` };
    return { ok: true, docs };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

/** One YAML document (valuesContent); an empty text is an empty mapping, as Helm reads it. Never throws. */
export function parseYamlOne(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const value = load(text, { maxAliases: MAX_ALIASES });
    if (tooLarge(value)) return { ok: false, reason: `the document expands to more than ${MAX_NODES} nodes` };
    return { ok: true, value: value ?? {} };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
