import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGeneratedFiles, GENERATED_DIR } from '../../../scripts/compile-validators';

describe('src/domain/validate/generated', () => {
  const built = buildGeneratedFiles();

  it.each(Object.keys(built))('%s matches what npm run generate:validators builds from data/upstream', (name) => {
    expect(
      readFileSync(join(GENERATED_DIR, name), 'utf8') === built[name],
      `${name} is stale: run npm run generate:validators`,
    ).toBe(true);
  });

  it('is CSP-safe: no eval, no new Function, no require, no import of ajv', () => {
    const js = built['validators.js']!;
    expect(js).not.toMatch(/new Function|\beval\(|require\(|from ["']ajv/);
  });

  it('stays small enough to lazy-load (under 1 MB raw)', () => {
    expect(built['validators.js']!.length).toBeLessThan(1_000_000);
  });
});
