import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { importAnswersFile, MAX_IMPORT_BYTES, type ImportResult } from '../../features/wizard/import-answers';
import { parseAnswers } from '../../domain/answers/parse-answers';
import { generateBundle } from '../../domain/generators';
import { zipBundle } from '../../lib/zip';
import { SCENARIOS } from '../scenarios';
import { overlappingZip, sharedStreamZip } from '../zips/raw-zip';
import { HOSTILE_BYTES, HOSTILE_TEXTS, anyAnswersBytes, expectNoPollution, withinCpu } from './hostile-inputs';

/** "Import answers" takes any file the user picks: an answers.yaml, a bundle zip, or anything else. */
function file(bytes: Uint8Array, name: string): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

async function importEndsWell(bytes: Uint8Array, name: string, ms = 2_000): Promise<ImportResult> {
  const result = await withinCpu(ms, () => importAnswersFile(file(bytes, name)));
  if (result.ok) {
    expect(parseAnswers(result.loaded.answers).ok, 'imported answers are valid').toBe(true);
    expect(result.loaded.origin).toBe('import');
    for (const p of result.loaded.problems) expect(p.message.length).toBeGreaterThan(5);
  } else {
    expect(result.message).toContain(name);
    expect(result.message).not.toMatch(/\n\s+at /);
  }
  return result;
}

const bundle = generateBundle(SCENARIOS.sriovTelco.answers);
if (!bundle.ok) throw new Error('sriovTelco must produce a bundle');
const REAL_ZIP = zipBundle(bundle.files, bundle.name);

/** Offsets of the "uncompressed size" fields in local headers (PK\3\4, +22) and the central directory (PK\1\2, +24). */
function sizeFieldOffsets(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b) continue;
    if (zip[i + 2] === 3 && zip[i + 3] === 4) out.push(i + 22);
    if (zip[i + 2] === 1 && zip[i + 3] === 2) out.push(i + 24);
  }
  return out;
}

function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (const at of sizeFieldOffsets(copy)) view.setUint32(at, size >>> 0, true);
  return copy;
}

const answersZip = (contents: Uint8Array, path = 'bundle/answers.yaml') => zipSync({ [path]: contents });

describe('fuzz: Import answers (answers.yaml or bundle zip)', () => {
  it('any bytes as answers.yaml: valid answers or a clear message, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswersBytes, async (bytes) => {
        await importEndsWell(bytes, 'answers.yaml');
      }),
      { numRuns: 300 },
    );
    expectNoPollution();
  });

  it('any bytes wrapped in a zip as answers.yaml: the same', async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswersBytes, fc.boolean(), async (bytes, stored) => {
        await importEndsWell(
          stored ? zipSync({ 'b/answers.yaml': [bytes, { level: 0 }] }) : answersZip(bytes),
          'bundle.zip',
        );
      }),
      { numRuns: 200 },
    );
  });

  it('random bytes after a zip signature, truncated and bit-flipped bundle zips: a clear message or the answers', async () => {
    const zipish = fc.oneof(
      fc.uint8Array({ maxLength: 3_000 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.nat({ max: REAL_ZIP.length }).map((n) => REAL_ZIP.slice(0, n)),
      fc
        .array(fc.tuple(fc.nat({ max: REAL_ZIP.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((flips) => {
          const copy = REAL_ZIP.slice();
          for (const [at, xor] of flips) copy[at]! ^= xor;
          return copy;
        }),
    );
    await fc.assert(
      fc.asyncProperty(zipish, async (bytes) => {
        await importEndsWell(bytes, 'bundle.zip');
      }),
      { numRuns: 300 },
    );
  });

  it('a real bundle zip imports its answers', async () => {
    const result = await importEndsWell(REAL_ZIP, 'bundle.zip');
    expect(result.ok && result.loaded.problems).toEqual([]);
  });

  it('huge declared sizes: refused or bounded, never a huge allocation', async () => {
    for (const size of [0xffffffff, 0x7fffffff, 300 * 1024, 1, 0]) {
      await importEndsWell(withDeclaredSize(REAL_ZIP, size), 'lying.zip');
    }
  });

  it('a zip bomb (16 MiB of spaces as answers.yaml) is refused without inflating it', async () => {
    const bomb = answersZip(new Uint8Array(16 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    const result = await importEndsWell(bomb, 'bomb.zip', 3_000);
    expect(result.ok).toBe(false);
    // The same bomb declaring a small size must not inflate past it either.
    await importEndsWell(withDeclaredSize(bomb, 1_000), 'bomb-lying.zip', 3_000);
  });

  it('the red-team zips (entries sharing one 8 MiB stream, overlapping, lying sizes) are refused within the budget', async () => {
    const lying = withDeclaredSize(answersZip(new Uint8Array(8 * 1024 * 1024).fill(0x20)), 1_000);
    for (const [name, zip] of [
      ['shared.zip', sharedStreamZip(1000, 8 * 1024 * 1024)],
      ['shared-same-name.zip', sharedStreamZip(1000, 8 * 1024 * 1024, true)],
      ['overlap.zip', overlappingZip()],
      ['lying.zip', lying],
    ] as const) {
      const result = await importEndsWell(zip, name, 2_000);
      expect(result.ok, name).toBe(false);
    }
  });

  it('a zip whose answers.yaml is too large says so, not that it has none', async () => {
    const result = await importEndsWell(answersZip(new Uint8Array(300 * 1024).fill(0x20)), 'big-answers.zip');
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/answers\.yaml in big-answers\.zip is too large/),
    });
  });

  it('files larger than the import cap are refused unread', async () => {
    const result = await importEndsWell(new Uint8Array(MAX_IMPORT_BYTES + 1), 'big.yaml');
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
  });

  it('a file that holds no answers at all fails the import instead of yielding the defaults', async () => {
    const unreadable = {
      syntax: 'cluster: {size: large\n',
      empty: '',
      whitespace: '  \n',
      alias: 'base: &b { size: large }\ncluster: *b\n',
      twoDocuments: 'cluster: {}\n---\ncluster: {}\n',
      nul: 'cluster:\n  size: large\u0000\n',
      list: '- cluster\n',
      scalar: 'just text',
      jsonArray: '[1, 2]',
    };
    for (const [name, text] of Object.entries(unreadable)) {
      for (const [bytes, fileName] of [
        [strToU8(text), 'answers.yaml'],
        [answersZip(strToU8(text)), 'bundle.zip'],
      ] as const) {
        const result = await importEndsWell(bytes, fileName);
        expect(result.ok, `${name} in ${fileName}`).toBe(false);
        expect(!result.ok && result.message).toMatch(/cannot be read as answers/);
      }
    }
  });

  it('every classic attack, as a file and inside a zip, within two seconds', async () => {
    for (const text of Object.values(HOSTILE_TEXTS)) {
      await importEndsWell(strToU8(text), 'answers.yaml');
      await importEndsWell(answersZip(strToU8(text)), 'bundle.zip');
    }
    for (const bytes of Object.values(HOSTILE_BYTES)) {
      const result = await importEndsWell(bytes, 'answers.yaml');
      expect(result.ok ? result.loaded.problems.length : 1).toBeGreaterThan(0);
    }
    expectNoPollution();
  });
});
