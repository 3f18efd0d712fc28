import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, statSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipBundle, bundleBlob } from './zip';
import type { BundleFile } from '../domain/generators/types';

const FILES: BundleFile[] = [
  { path: 'scripts/preflight.sh', contents: '#!/usr/bin/env bash\necho ok\n', description: 'script', executable: true },
  { path: 'etc/rancher/rke2/config.yaml', contents: 'cni:\n  - canal\n', description: 'config' },
  { path: 'README.md', contents: '# Bundle – with ünïcödé\n', description: 'readme' },
];

describe('zipBundle', () => {
  it('gives identical bytes for the same files, whatever their order', () => {
    const a = zipBundle(FILES, 'rke2-cni-canal-v1.33.6-rke2r1');
    const b = zipBundle([...FILES].reverse(), 'rke2-cni-canal-v1.33.6-rke2r1');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('unzips back to the same contents under the root folder', () => {
    const out = unzipSync(zipBundle(FILES, 'root'));
    expect(Object.keys(out).sort()).toEqual(FILES.map((f) => `root/${f.path}`).sort());
    for (const f of FILES) expect(strFromU8(out[`root/${f.path}`]!)).toBe(f.contents);
  });

  it('changes bytes when a file changes', () => {
    const changed = FILES.map((f) => (f.path === 'README.md' ? { ...f, contents: '# other\n' } : f));
    expect(Buffer.from(zipBundle(changed)).equals(Buffer.from(zipBundle(FILES)))).toBe(false);
  });

  it('stores unix modes (0755 for scripts) and a fixed 1980-01-01 timestamp, as unzip sees them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const zipPath = join(dir, 'b.zip');
      writeFileSync(zipPath, zipBundle(FILES, 'root'));
      let unzip = true;
      try {
        execFileSync('unzip', ['-v'], { stdio: 'ignore' });
      } catch {
        unzip = false;
      }
      if (unzip) {
        execFileSync('unzip', ['-q', zipPath, '-d', dir]);
        expect(statSync(join(dir, 'root/scripts/preflight.sh')).mode & 0o777).toBe(0o755);
        expect(statSync(join(dir, 'root/README.md')).mode & 0o777).toBe(0o644);
        expect(readFileSync(join(dir, 'root/README.md'), 'utf8')).toBe(FILES[2]!.contents);
      }
      // Central directory: "version made by" high byte 3 = unix, external attrs carry the mode.
      const bytes = readFileSync(zipPath);
      const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      expect(cd).toBeGreaterThan(0);
      const modes: number[] = [];
      const dates: number[] = [];
      for (
        let at = cd;
        at >= 0 && at < bytes.length;
        at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
      ) {
        expect(bytes[at + 5]).toBe(3);
        modes.push((bytes.readUInt32LE(at + 38) >>> 16) & 0o777);
        dates.push(bytes.readUInt16LE(at + 14));
      }
      expect(modes.sort()).toEqual([0o644, 0o644, 0o755]);
      // DOS date 1980-01-01: ((1980-1980) << 9) | (1 << 5) | 1
      expect(new Set(dates)).toEqual(new Set([(1 << 5) | 1]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses duplicate paths', () => {
    expect(() => zipBundle([FILES[0]!, FILES[0]!])).toThrow(/duplicate/);
  });

  it('bundleBlob wraps the same bytes', async () => {
    const blob = bundleBlob(FILES, 'root');
    expect(blob.type).toBe('application/zip');
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(zipBundle(FILES, 'root')))).toBe(true);
  });
});
