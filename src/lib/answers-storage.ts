/**
 * The answers kept in this browser. The comparison page reads the same key.
 * Storage may be missing, full or forbidden (private mode, sandboxed iframes): never throw.
 */
export const ANSWERS_STORAGE_KEY = 'rke2-cni-wizard.answers';
/** Larger values are ignored on read: nothing real is this big. */
export const MAX_STORED_LENGTH = 65_536;

function storage(given?: Storage): Storage | null {
  if (given) return given;
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export type StoredAnswers = { ok: true; value: unknown } | { ok: false; message: string } | null;

/** The stored (unvalidated) answers, null when none, or why they could not be read. */
export function loadStoredAnswers(given?: Storage): StoredAnswers {
  const s = storage(given);
  if (!s) return null;
  let text: string | null;
  try {
    text = s.getItem(ANSWERS_STORAGE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  if (text.length > MAX_STORED_LENGTH)
    return { ok: false, message: 'The saved answers are too large and were ignored.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'The saved answers were not valid JSON and were ignored.' };
  }
}

/** Whether answers are saved at all (read or not): cheap enough for the entry script (main.tsx). */
export function hasStoredAnswers(given?: Storage): boolean {
  try {
    return storage(given)?.getItem(ANSWERS_STORAGE_KEY) != null;
  } catch {
    return false;
  }
}

export function saveAnswers(answers: unknown, given?: Storage): boolean {
  const s = storage(given);
  if (!s) return false;
  try {
    s.setItem(ANSWERS_STORAGE_KEY, JSON.stringify(answers));
    return true;
  } catch {
    return false;
  }
}

export function clearStoredAnswers(given?: Storage): void {
  try {
    storage(given)?.removeItem(ANSWERS_STORAGE_KEY);
  } catch {
    // Nothing to clear when storage is forbidden.
  }
}
