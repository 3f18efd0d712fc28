import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { validateBundle } from '../../domain/validate';
import { runCli } from '../../cli/main';
import type { CliIo } from '../../cli/io';
import { BROKEN_BUNDLES } from './cases';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

describe('broken-bundle catalogue', () => {
  it('has unique ids and at least the mistakes from peers.md part (b)', () => {
    const ids = BROKEN_BUNDLES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(25);
  });

  it.each(BROKEN_BUNDLES.map((c) => [c.id, c] as const))('%s: the doctor reports exactly that mistake', (_id, c) => {
    const issues = validateBundle(c.files);
    const severity = c.expect.severity ?? 'error';
    const hit = issues.filter(
      (i) => i.messageId === c.expect.messageId && i.file === c.expect.file && i.keyPath === c.expect.keyPath,
    );
    expect(hit.map((i) => i.severity)).toEqual([severity]);
    // One mistake each: no other error anywhere in the bundle.
    const otherErrors = issues.filter((i) => i.severity === 'error' && !hit.includes(i));
    expect(otherErrors.map((i) => `${i.file}: ${i.keyPath}: ${i.messageId}`)).toEqual([]);
    expect(hit[0]!.message.length).toBeGreaterThan(20);
    expect(hit[0]!.source?.url).toMatch(/^https:\/\//);
  });
});

describe('broken bundles through `cli validate`', () => {
  const viaCli = [
    'cni-comma-space',
    'hcc-cilium-in-canal-cluster',
    'kpr-strict',
    'config-unknown-key',
    'sriov-resource-name-mismatch',
  ];
  it.each(viaCli)('%s: exit 1 and a "file: keyPath" line naming the message id', async (id) => {
    const c = BROKEN_BUNDLES.find((b) => b.id === id)!;
    const dir = mkdtempSync(join(tmpdir(), 'broken-bundle-'));
    try {
      for (const f of c.files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.contents);
      }
      const io = capture();
      const code = await runCli(['validate', dir], io);
      expect(code).toBe(1);
      const text = io.out.join('\n');
      expect(text).toContain(`${c.expect.file}: ${c.expect.keyPath ? `${c.expect.keyPath}: ` : ''}error: `);
      expect(text).toContain(`[${c.expect.messageId}]`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
