import { constructFromEvents, parseEvents } from 'js-yaml';

/**
 * Larger files are refused unread. Manifests are kilobytes; the largest real input is a chart's whole
 * values.yaml (rke2-cilium 1.20: 187 KB), and the doctor runs in the browser too.
 */
export const MAX_FILE_BYTES = 512 * 1024;
/**
 * What any reader of the doctor's input (the CLI's validate/upgrade, the /check page) takes at most:
 * bundles are kilobytes; anything far larger is a mistake or a zip bomb. The doctor's own budget
 * (WORK_BUDGET) stops at 3 MiB of text, so reading much more would be wasted work.
 */
export const INPUT_LIMITS = { maxFiles: 5000, maxTotalBytes: 4 * 1024 * 1024, maxFileBytes: MAX_FILE_BYTES } as const;

/** Aliases are refused beyond this, so a "billion laughs" document cannot blow up the walkers. */
const MAX_ALIASES = 50;
export const MAX_NODES = 200_000;

/**
 * js-yaml's load is parseEvents then constructFromEvents. Parsing is linear in the text; building
 * objects from the events is where a hostile document costs memory. So the events (one per node,
 * plus one per end of a collection) are counted first, and nothing is built past the cap.
 */
function loadCounted(text: string): { docs: unknown[]; nodes: number } | { tooLarge: number } {
  const events = parseEvents(text, {});
  if (events.length > MAX_NODES) return { tooLarge: events.length };
  return {
    docs: constructFromEvents(events, { source: text, maxAliases: MAX_ALIASES }) as unknown[],
    nodes: events.length,
  };
}

/** `nodes`: the YAML events parsed, counted against the doctor's work budget whether or not the file is kept. */
export type ParseResult = { ok: true; docs: unknown[]; nodes: number } | { ok: false; reason: string; nodes?: number };

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
    // One push per child: spreading a 200,000-item list into push() overflows the call stack.
    if (node && typeof node === 'object')
      for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push(child);
  }
  return false;
}

/** Every document of a YAML stream (empty documents dropped), and the nodes it took. Never throws. */
export function parseYamlDocs(text: string): ParseResult {
  try {
    const loaded = loadCounted(text);
    if ('tooLarge' in loaded)
      return { ok: false, reason: `the file has more than ${MAX_NODES} YAML nodes`, nodes: loaded.tooLarge };
    const docs = loaded.docs.filter((d) => d !== null && d !== undefined);
    // Aliases can still make a small document an exponentially large tree for the walkers.
    if (docs.some(tooLarge))
      return { ok: false, reason: `the document expands to more than ${MAX_NODES} nodes`, nodes: loaded.nodes };
    return { ok: true, docs, nodes: loaded.nodes };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

/** One YAML document (valuesContent); an empty text is an empty mapping, as Helm reads it. Never throws. */
export function parseYamlOne(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const loaded = loadCounted(text);
    if ('tooLarge' in loaded) return { ok: false, reason: `it has more than ${MAX_NODES} YAML nodes` };
    if (loaded.docs.length !== 1)
      return { ok: false, reason: `expected one YAML document, found ${loaded.docs.length}` };
    const value = loaded.docs[0];
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

/** js-yaml's reason for a key written twice in one mapping (it refuses such documents). */
export function isDuplicateKey(reason: string): boolean {
  return reason.startsWith('duplicated mapping key');
}
