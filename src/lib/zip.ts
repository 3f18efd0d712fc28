import { zipSync, strToU8, type Zippable } from 'fflate';
import type { BundleFile } from '../domain/generators/types';
import { downloadBlob } from './download';

/**
 * Deterministic zip of a bundle: fixed timestamps, unix modes, files in path order, fixed
 * compression level, so the same files always give the same bytes.
 */

/** 1980-01-01 00:00, the earliest DOS time. Built from local components because zip stores local time. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const REGULAR_FILE = 0o100000;

function unixAttrs(mode: number): number {
  return ((REGULAR_FILE | mode) << 16) >>> 0;
}

export function zipBundle(files: readonly BundleFile[], rootFolder?: string): Uint8Array {
  const prefix = rootFolder ? `${rootFolder.replace(/\/+$/, '')}/` : '';
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: Zippable = {};
  for (const f of sorted) {
    const name = `${prefix}${f.path}`;
    if (name in entries) throw new Error(`duplicate path in bundle: ${f.path}`);
    entries[name] = [
      strToU8(f.contents),
      { mtime: FIXED_MTIME, os: UNIX, attrs: unixAttrs(f.executable ? 0o755 : 0o644), level: 6 },
    ];
  }
  return zipSync(entries, { level: 6, mtime: FIXED_MTIME });
}

/** The zip as a Blob for a download link (browser and Node 20 both have Blob). */
export function bundleBlob(files: readonly BundleFile[], rootFolder?: string): Blob {
  const bytes = zipBundle(files, rootFolder);
  return new Blob([bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer], {
    type: 'application/zip',
  });
}

/** Saves the bundle as "<name>.zip" with a root folder of the same name (browser only). */
export function downloadBundleZip(files: readonly BundleFile[], name: string): void {
  downloadBlob(`${name}.zip`, bundleBlob(files, name));
}
