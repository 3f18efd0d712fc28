import { describe, expect, it } from 'vitest';
import {
  ANSWERS_STORAGE_KEY,
  clearStoredAnswers,
  hasStoredAnswers,
  loadStoredAnswers,
  MAX_STORED_LENGTH,
  saveAnswers,
} from './answers-storage';

/** A real in-memory Storage (the Web Storage interface), not a mock of our code. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
}

describe('answers-storage', () => {
  it('saves and loads JSON under the shared key', () => {
    const s = new MemoryStorage();
    expect(loadStoredAnswers(s)).toBeNull();
    expect(saveAnswers({ cluster: { size: 'large' } }, s)).toBe(true);
    expect(s.getItem(ANSWERS_STORAGE_KEY)).toBe('{"cluster":{"size":"large"}}');
    expect(loadStoredAnswers(s)).toEqual({ ok: true, value: { cluster: { size: 'large' } } });
    clearStoredAnswers(s);
    expect(loadStoredAnswers(s)).toBeNull();
  });

  it('reports broken or oversized values instead of throwing', () => {
    const s = new MemoryStorage();
    s.setItem(ANSWERS_STORAGE_KEY, '{not json');
    expect(loadStoredAnswers(s)?.ok).toBe(false);
    s.setItem(ANSWERS_STORAGE_KEY, `"${'x'.repeat(MAX_STORED_LENGTH)}"`);
    expect(loadStoredAnswers(s)?.ok).toBe(false);
  });

  it('says whether anything is saved, readable or not, and never throws', () => {
    const s = new MemoryStorage();
    expect(hasStoredAnswers(s)).toBe(false);
    s.setItem(ANSWERS_STORAGE_KEY, '{not json');
    expect(hasStoredAnswers(s)).toBe(true);
    const refusing = new MemoryStorage();
    refusing.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(hasStoredAnswers(refusing)).toBe(false);
  });

  it('returns false when storage refuses a write', () => {
    const s = new MemoryStorage();
    s.failWrites = true;
    expect(saveAnswers({}, s)).toBe(false);
  });
});
