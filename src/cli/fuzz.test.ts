import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { overlappingZip, sharedStreamZip } from '../test/zips/raw-zip';
import { runCli } from './main';
import type { CliIo } from './io';
import { HOSTILE_BYTES, HOSTILE_TEXTS, anyAnswersBytes, withinCpu } from '../test/fuzz/hostile-inputs';

/**
 * Hostile answers files and bundles through the real CLI, in-process: never a stack trace or an
 * internal error (exit 70), a non-zero exit with a message on stderr for bad input, nothing
 * written when generate refuses, and every run stays within a CPU-time bound.
 */
const SLOW_IN_VALIDATE = new Set(['hugeKey', 'manyKeys']);
let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeInput(bytes: Uint8Array, name = 'answers.yaml'): string {
  const sub = join(dir, `in-${++n}`);
  mkdirSync(sub);
  const path = join(sub, name);
  writeFileSync(path, bytes);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], ms = 3_000): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await withinCpu(ms, () => runCli(args, io));
  const run = { code, stdout: out.join('\n'), stderr: err.join('\n') };
  expect(run.code, `internal error: ${run.stderr}`).not.toBe(70);
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // a stack frame
    expect(text).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError):/);
  }
  return run;
}

function expectBadInput(run: Run): void {
  expect(run.code).toBe(2);
  expect(run.stderr.length).toBeGreaterThan(10);
  expect(run.stdout).toBe('');
}

async function recommendEndsWell(path: string): Promise<Run> {
  const run = await cli(['recommend', '--answers', path]);
  expect([0, 1, 2]).toContain(run.code);
  if (run.code === 2) expectBadInput(run);
  else expect(run.stdout.length).toBeGreaterThan(0);
  return run;
}

async function generateEndsWell(path: string): Promise<Run> {
  const out = join(dir, `out-${++n}.zip`);
  const run = await cli(['generate', '--answers', path, '--out', out], 5_000);
  if (run.code === 0) expect(existsSync(out)).toBe(true);
  else {
    expect(existsSync(out), 'nothing written when generate refuses').toBe(false);
    expect(run.stderr.length).toBeGreaterThan(10);
    expect(run.stdout).toBe('');
  }
  return run;
}

async function validateEndsWell(path: string): Promise<Run> {
  const run = await cli(['validate', path], 5_000);
  expect([0, 1, 2]).toContain(run.code);
  if (run.code === 2) expectBadInput(run);
  else expect(run.stdout).toMatch(/\d+ YAML\/JSON file/);
  return run;
}

describe('fuzz: the CLI with hostile files', () => {
  it('recommend: any bytes as --answers', async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswersBytes, async (bytes) => {
        await recommendEndsWell(writeInput(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('generate: any bytes as --answers; nothing is written unless it succeeds', async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswersBytes, async (bytes) => {
        await generateEndsWell(writeInput(bytes));
      }),
      { numRuns: 40 },
    );
  });

  it('validate: any bytes as a config.yaml, a JSON file or a zip', async () => {
    const named = fc.tuple(anyAnswersBytes, fc.constantFrom('config.yaml', 'values.json', 'bundle.zip'));
    await fc.assert(
      fc.asyncProperty(named, async ([bytes, name]) => {
        await validateEndsWell(writeInput(bytes, name));
      }),
      { numRuns: 150 },
    );
  });

  it('every classic attack, through all three commands', async () => {
    for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
      const path = writeInput(strToU8(text));
      const run = await recommendEndsWell(path);
      if (
        [
          'billionLaughs',
          'aliasIntoAnswers',
          'deepFlowSeq',
          'deepJson',
          'jsFunctionTag',
          'binaryTag',
          'overLimit',
          'nul',
          'manyDocuments',
          'empty',
        ].includes(name)
      ) {
        expect(run.code, name).toBe(2);
      }
      await generateEndsWell(path);
      if (SLOW_IN_VALIDATE.has(name)) continue;
      await validateEndsWell(writeInput(strToU8(text), 'config.yaml'));
      await validateEndsWell(writeInput(strToU8(text), 'rke2-cilium-config.json'));
    }
    for (const bytes of Object.values(HOSTILE_BYTES)) expectBadInput(await recommendEndsWell(writeInput(bytes)));
  }, 120_000);

  // Unknown-key suggestions skip candidates whose length rules out a typo and keys no flag is that long;
  // formatIssues groups in linear time (measured 2026-11-25: 20,000 unknown keys ~1.8 s, one 200 KB key ~10 ms).
  it('validate: a config.yaml with 20,000 unknown keys, or one 200 KB key, finishes within 5 s', async () => {
    for (const name of SLOW_IN_VALIDATE)
      await validateEndsWell(writeInput(strToU8(HOSTILE_TEXTS[name]!), 'config.yaml'));
  });

  it('validate: hostile zips (bomb, lying sizes, path traversal, random after the signature)', async () => {
    const bomb = zipSync({ 'b/config.yaml': new Uint8Array(80 * 1024 * 1024).fill(0x20) });
    expectBadInput(await validateEndsWell(writeInput(bomb, 'bomb.zip')));
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 4 <= lying.length; i++) {
      if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 3 && lying[i + 3] === 4)
        view.setUint32(i + 22, 100, true);
      if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 1 && lying[i + 3] === 2)
        view.setUint32(i + 24, 100, true);
    }
    await validateEndsWell(writeInput(lying, 'lying.zip'));
    expectBadInput(
      await validateEndsWell(writeInput(zipSync({ '../../etc/config.yaml': strToU8('a: 1') }), 'evil.zip')),
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (b) => {
        await validateEndsWell(writeInput(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]), 'random.zip'));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('validate: the red-team zips and their bit-flipped variants are refused, never "No problems found"', async () => {
    const shapes = [
      sharedStreamZip(200, 4 * 1024 * 1024),
      sharedStreamZip(200, 4 * 1024 * 1024, true),
      overlappingZip(),
    ];
    for (const zip of shapes) expectBadInput(await validateEndsWell(writeInput(zip, 'red-team.zip')));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...shapes),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        async (zip, flips) => {
          const copy = zip.slice();
          for (const [at, xor] of flips) copy[at % copy.length]! ^= xor;
          const run = await validateEndsWell(writeInput(copy, 'flipped.zip'));
          expect(run.stdout).not.toMatch(/No problems found in 0/);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('a huge answers file is refused unread, and a directory is not a file', async () => {
    const huge = writeInput(new Uint8Array(10 * 1024 * 1024).fill(0x61));
    expect((await recommendEndsWell(huge)).stderr).toMatch(/KiB/);
    await generateEndsWell(huge);
    expectBadInput(await recommendEndsWell(dir));
  });
});
