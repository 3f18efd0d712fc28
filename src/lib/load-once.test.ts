import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once';

describe('loadOnce', () => {
  it('starts the load once for every caller and keeps the module once it has arrived', async () => {
    let calls = 0;
    const once = loadOnce(async () => {
      calls++;
      return { name: 'module' };
    });
    expect(once.ifLoaded()).toBeNull();
    const [a, b] = await Promise.all([once.load(), once.load()]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(once.ifLoaded()).toBe(a);
    expect(await once.load()).toBe(a);
    expect(calls).toBe(1);
  });
});
