import { describe, expect, it } from 'vitest';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from '../../test/scenarios';
import { generateBundle } from './index';
import { parseAnswersText } from '../answers';

/**
 * Golden files: every emitted file of every named scenario that yields a bundle, so a change to
 * any generated YAML, script or README shows up as a diff. Update with `npx vitest run -u`.
 */
const GOLDEN = fileURLToPath(new URL('./__golden__', import.meta.url));

function walk(root: string, prefix = ''): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((n) =>
    statSync(join(root, n)).isDirectory() ? walk(join(root, n), `${prefix}${n}/`) : [`${prefix}${n}`],
  );
}

const produced = Object.entries(SCENARIOS).flatMap(([name, s]) => {
  const r = generateBundle(s.answers);
  return r.ok ? [{ name, files: r.files, bundle: r.name }] : [];
});

describe('golden bundles of the named scenarios', () => {
  it('covers most scenarios', () => {
    expect(produced.length).toBeGreaterThan(Object.keys(SCENARIOS).length / 2);
  });

  for (const { name, files } of produced) {
    it(name, async () => {
      for (const f of files) await expect(f.contents).toMatchFileSnapshot(join(GOLDEN, name, f.path));
    });
  }

  it('rebuilds every bundle byte for byte from its own answers.yaml', () => {
    for (const { name, files } of produced) {
      const parsed = parseAnswersText(files.find((f) => f.path === 'answers.yaml')!.contents);
      expect(parsed.ok, name).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.dropped).toEqual([]);
      const again = generateBundle(parsed.answers);
      expect(again.ok && again.files, name).toEqual(files);
    }
  });

  it('holds no stale golden files or folders', () => {
    const expected = new Set(produced.flatMap(({ name, files }) => files.map((f) => `${name}/${f.path}`)));
    const onDisk = walk(GOLDEN);
    expect(onDisk.filter((p) => !expected.has(p))).toEqual([]);
  });
});
