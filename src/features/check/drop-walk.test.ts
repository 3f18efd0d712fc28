import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { DROP_LIMITS, walkDropped, type DropEntry } from './drop-walk';
import { readCheckInput } from './read-input';
import { INPUT_LIMITS } from '../../domain/validate/parse';

const file = (path: string, text: string): DropEntry => ({
  kind: 'file',
  path,
  file: async () => {
    const bytes = strToU8(text);
    return { size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
  },
});
const dir = (path: string, children: DropEntry[]): DropEntry => ({
  kind: 'directory',
  path,
  children: async () => children,
});

describe('walkDropped: folders dropped on the /check page', () => {
  it('walks a dropped folder recursively and keeps paths relative to it', async () => {
    const root = dir('/my-cluster', [
      dir('/my-cluster/etc', [
        dir('/my-cluster/etc/rancher/rke2', [file('/my-cluster/etc/rancher/rke2/config.yaml', 'cni: calico\n')]),
      ]),
      file('/my-cluster/README.md', '# hi'),
    ]);
    const r = await walkDropped([root]);
    expect(r.ok && r.files.map((f) => f.path).sort()).toEqual([
      'my-cluster/README.md',
      'my-cluster/etc/rancher/rke2/config.yaml',
    ]);
    expect(r.ok && r.unreadable).toEqual([]);
    // Read as the page does: the dropped folder's name is stripped, findings show at their file.
    const raw = await Promise.all(
      (r.ok ? r.files : []).map(async (f) => ({ name: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()) })),
    );
    const input = readCheckInput(raw);
    expect(input.ok && input.files.map((f) => f.path)).toEqual(['README.md', 'etc/rancher/rke2/config.yaml']);
  });

  it('names what it cannot read and keeps the rest', async () => {
    const r = await walkDropped([
      file('a.yaml', 'a: 1\n'),
      { kind: 'file', path: '/locked.yaml', file: () => Promise.reject(new Error('NotReadableError')) },
      { kind: 'directory', path: '/gone', children: () => Promise.reject(new Error('NotFoundError')) },
      { kind: 'unreadable', path: 'the dragged text', why: 'not a file or folder' },
    ]);
    expect(r.ok && r.files.map((f) => f.path)).toEqual(['a.yaml']);
    expect(r.ok && r.unreadable).toEqual([
      { path: 'locked.yaml', why: 'NotReadableError' },
      { path: 'gone/', why: 'NotFoundError' },
      { path: 'the dragged text', why: 'not a file or folder' },
    ]);
  });

  it('uses the domain limits, and stops at the first one with a message', async () => {
    expect(DROP_LIMITS).toEqual({ maxEntries: INPUT_LIMITS.maxFiles, maxTotalBytes: INPUT_LIMITS.maxTotalBytes });
    const many = dir(
      '/big',
      Array.from({ length: 5 }, (_, i) => file(`/big/${i}.yaml`, 'a: 1\n')),
    );
    expect(await walkDropped([many], { maxEntries: 5, maxTotalBytes: 1000 })).toMatchObject({ ok: false });
    expect(await walkDropped([many], { maxEntries: 6, maxTotalBytes: 1000 })).toMatchObject({ ok: true });
    const heavy = await walkDropped([many], { maxEntries: 100, maxTotalBytes: 20 });
    expect(heavy.ok ? '' : heavy.message).toMatch(/KiB/);
    // A folder that holds itself (a looping link some systems show) still ends, at the entry limit.
    const loop: DropEntry = { kind: 'directory', path: '/loop', children: async () => [loop] };
    expect(await walkDropped([loop], { maxEntries: 50, maxTotalBytes: 1000 })).toMatchObject({ ok: false });
  });
});
