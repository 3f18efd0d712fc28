import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { ANSWERS_STORAGE_KEY, MAX_STORED_LENGTH, loadStoredAnswers, saveAnswers } from '../../lib/answers-storage';
import { loadInitialAnswers } from '../../features/wizard/initial-answers';
import { parseAnswers } from '../../domain/answers/parse-answers';
import { defaultAnswers } from '../../domain/answers/defaults';
import { HOSTILE_TEXTS, anyAnswersText, expectNoPollution, expectValidOrClear, withinCpu } from './hostile-inputs';

/**
 * localStorage is outside input too: another version of the app, an extension or a user with
 * DevTools can put anything there. The fake is an in-memory stand-in for the browser's Storage.
 */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(
    initial: Record<string, string> = {},
    private readonly failing: { get?: boolean; set?: boolean } = {},
  ) {
    for (const [k, v] of Object.entries(initial)) this.items.set(k, v);
  }
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    if (this.failing.get) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failing.set) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
}

const storedValue = fc.oneof(
  anyAnswersText,
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ ...defaultAnswers(), cluster: v })),
  fc.constantFrom(...Object.values(HOSTILE_TEXTS)),
);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fuzz: saved answers in localStorage', () => {
  it('loadStoredAnswers never throws: a value, null, or a clear message', () => {
    fc.assert(
      fc.property(storedValue, (text) => {
        const stored = loadStoredAnswers(new MemoryStorage({ [ANSWERS_STORAGE_KEY]: text }));
        expect(stored).not.toBeNull();
        if (stored!.ok) expectValidOrClear(parseAnswers(stored!.value));
        else expect(stored!.message).toMatch(/^The saved answers /);
      }),
      { numRuns: 500 },
    );
    expectNoPollution();
  });

  it('the wizard starts from valid answers whatever is stored, and says what it ignored', () => {
    fc.assert(
      fc.property(storedValue, (text) => {
        vi.stubGlobal('localStorage', new MemoryStorage({ [ANSWERS_STORAGE_KEY]: text }));
        const loaded = loadInitialAnswers('');
        expect(parseAnswers(loaded.answers).ok).toBe(true);
        expect(['saved', 'defaults']).toContain(loaded.origin);
        if (loaded.origin === 'defaults') expect(loaded.problems.map((p) => p.field)).toEqual(['saved answers']);
      }),
      { numRuns: 300 },
    );
    expectNoPollution();
  });

  it('oversized values are ignored unparsed, quickly', async () => {
    const huge = `{"cluster":${'['.repeat(MAX_STORED_LENGTH)}`;
    const stored = await withinCpu(200, () => loadStoredAnswers(new MemoryStorage({ [ANSWERS_STORAGE_KEY]: huge })));
    expect(stored).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
  });

  it('storage that throws (forbidden, full) is no answers, and saving reports failure', () => {
    expect(loadStoredAnswers(new MemoryStorage({ [ANSWERS_STORAGE_KEY]: '{}' }, { get: true }))).toBeNull();
    expect(saveAnswers(defaultAnswers(), new MemoryStorage({}, { set: true }))).toBe(false);
    vi.stubGlobal('localStorage', new MemoryStorage({ [ANSWERS_STORAGE_KEY]: '{}' }, { get: true }));
    expect(loadInitialAnswers('')).toMatchObject({ origin: 'defaults', problems: [] });
  });
});
