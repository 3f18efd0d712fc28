import { describe, expect, it } from 'vitest';
import { validateBundle, WORK_BUDGET } from './index';
import { MAX_FILE_BYTES, MAX_NODES, parseYamlDocs } from './parse';

/**
 * Issue 11, section 2: the doctor's work is bounded whatever it is given. Nodes are counted before
 * any object is built, one file is at most what real manifests need, and a run has an overall budget
 * that ends in a clear message. Timings are in `npm run bench`; here only the outcomes.
 */

const ids = (files: { path: string; contents: string }[]) =>
  validateBundle(files).map((i) => `${i.file}|${i.messageId}`);

describe('doctor work limits', () => {
  it('counts YAML nodes before building them', () => {
    const wide = `[${'a,'.repeat(MAX_NODES + 10)}a]`;
    expect(wide.length).toBeLessThan(MAX_FILE_BYTES);
    const r = parseYamlDocs(wide);
    expect(r).toMatchObject({ ok: false, reason: `the file has more than ${MAX_NODES} YAML nodes` });
    // The refused file's nodes still count against the run's budget.
    expect(!r.ok && r.nodes).toBeGreaterThan(MAX_NODES);
    const ok = parseYamlDocs('a: [1, 2]\n---\nb: 3\n');
    expect(ok.ok && ok.docs).toEqual([{ a: [1, 2] }, { b: 3 }]);
  });

  it('a list just under the node cap is read (the alias walk no longer overflows the call stack)', () => {
    const r = parseYamlDocs(`[${'a,'.repeat(150_000)}a]`);
    expect(r.ok).toBe(true);
    expect(r.ok && (r.docs[0] as unknown[]).length).toBe(150_001);
  });

  it('a file larger than real manifests need is refused unread', () => {
    expect(MAX_FILE_BYTES).toBe(512 * 1024);
    const big = `a: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    expect(ids([{ path: 'kubectl-apply/big.yaml', contents: big }])).toEqual(['kubectl-apply/big.yaml|file.tooLarge']);
  });

  it('stops at the overall budget with a clear message instead of working on', () => {
    // Each file is under the per-file cap and the node cap; together they are far over the budget.
    const file = `items:\n${'  - k: v\n'.repeat(40_000)}`;
    const count = Math.ceil(WORK_BUDGET.bytes / file.length) + 5;
    const files = Array.from({ length: count }, (_, i) => ({ path: `kubectl-apply/f${i}.yaml`, contents: file }));
    const issues = validateBundle(files);
    const budget = issues.filter((i) => i.messageId === 'doctor.budgetExceeded');
    expect(budget).toHaveLength(1);
    expect(budget[0]!.severity).toBe('error');
    expect(budget[0]!.message).toMatch(/stopped after \d+ of \d+ files/);
  }, 20_000);
});
