import { INPUT_LIMITS } from '../../domain/validate/parse';

/**
 * Walking what was dropped on the /check page: files and whole folders (DataTransferItem.webkitGetAsEntry,
 * FileSystemDirectoryEntry), with the same work limits as the zip and folder paths (INPUT_LIMITS): at most
 * maxFiles entries (files and folders) and maxTotalBytes in all, counted from the sizes before a byte is read.
 * The walk itself works on DropEntry, so it runs in Node tests; `fromFileSystemEntry` adapts the browser's entries.
 */
export interface DropFile {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type DropEntry =
  | { kind: 'file'; path: string; file(): Promise<DropFile> }
  | { kind: 'directory'; path: string; children(): Promise<DropEntry[]> }
  /** Something the browser hands over that is neither (dragged text, a link), or an entry it refused. */
  | { kind: 'unreadable'; path: string; why: string };

export interface WalkedFile {
  /** Path relative to what was dropped, with the dropped folder's name first ("my-cluster/etc/…/config.yaml"). */
  path: string;
  file: DropFile;
}

export type WalkResult =
  { ok: true; files: WalkedFile[]; unreadable: { path: string; why: string }[] } | { ok: false; message: string };

export interface WalkLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

export const DROP_LIMITS: WalkLimits = { maxEntries: INPUT_LIMITS.maxFiles, maxTotalBytes: INPUT_LIMITS.maxTotalBytes };

const reason = (e: unknown) => (e instanceof Error && e.message ? e.message : String(e || 'the browser refused it'));

/** Walks the dropped entries breadth-first; stops with a message at the first limit. Never throws. */
export async function walkDropped(roots: readonly DropEntry[], limits: WalkLimits = DROP_LIMITS): Promise<WalkResult> {
  const files: WalkedFile[] = [];
  const unreadable: { path: string; why: string }[] = [];
  const queue: DropEntry[] = [...roots];
  let entries = 0;
  let bytes = 0;
  while (queue.length) {
    const entry = queue.shift()!;
    const path = entry.path.replace(/\\/g, '/').replace(/^\/+/, '');
    entries++;
    if (entries > limits.maxEntries)
      return {
        ok: false,
        message: `What you dropped holds more than ${limits.maxEntries} files and folders; the check reads at most ${limits.maxEntries}. Drop the bundle folder or the manifests themselves.`,
      };
    if (entry.kind === 'unreadable') {
      unreadable.push({ path: path || '(an item without a name)', why: entry.why });
      continue;
    }
    if (entry.kind === 'directory') {
      try {
        queue.push(...(await entry.children()));
      } catch (e) {
        unreadable.push({ path: `${path}/`, why: reason(e) });
      }
      continue;
    }
    let file: DropFile;
    try {
      file = await entry.file();
    } catch (e) {
      unreadable.push({ path, why: reason(e) });
      continue;
    }
    bytes += file.size;
    if (bytes > limits.maxTotalBytes)
      return {
        ok: false,
        message: `What you dropped is more than ${Math.round(limits.maxTotalBytes / 1024)} KiB; the check reads at most ${Math.round(limits.maxTotalBytes / 1024)} KiB in all. Drop the bundle folder or the manifests themselves.`,
      };
    files.push({ path, file });
  }
  return { ok: true, files, unreadable };
}

/** "a.yaml (why), b/ (why)": the dropped things the page could not read, for the notice. */
export function describeUnreadable(list: readonly { path: string; why: string }[]): string {
  return list.map((u) => `${u.path} (${u.why})`).join(', ');
}

// ---- the browser's File and Directory Entries API, adapted ----

interface FsEntry {
  name: string;
  fullPath: string;
  isFile: boolean;
  isDirectory: boolean;
}
interface FsFileEntry extends FsEntry {
  file(success: (f: File) => void, failure?: (e: unknown) => void): void;
}
interface FsDirectoryEntry extends FsEntry {
  createReader(): { readEntries(success: (batch: FsEntry[]) => void, failure?: (e: unknown) => void): void };
}

/** One browser entry as a DropEntry. readEntries hands out batches: read until an empty one. */
export function fromFileSystemEntry(entry: FsEntry): DropEntry {
  const path = entry.fullPath || entry.name;
  if (entry.isFile)
    return {
      kind: 'file',
      path,
      file: () => new Promise<File>((resolve, reject) => (entry as FsFileEntry).file(resolve, reject)),
    };
  if (entry.isDirectory)
    return {
      kind: 'directory',
      path,
      children: async () => {
        const reader = (entry as FsDirectoryEntry).createReader();
        const all: DropEntry[] = [];
        for (;;) {
          const batch = await new Promise<FsEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
          if (!batch.length) return all;
          all.push(...batch.map(fromFileSystemEntry));
          // The walk's own limit stops the count; this only keeps a huge folder from being listed whole.
          if (all.length > DROP_LIMITS.maxEntries) return all;
        }
      },
    };
  return { kind: 'unreadable', path, why: 'neither a file nor a folder' };
}

/**
 * The drop's items as DropEntries. Must run inside the drop event: the browser empties the DataTransfer after.
 * Items without an entry (some browsers, synthetic drops) fall back to getAsFile; what is neither is named.
 */
export function droppedEntries(dt: DataTransfer): DropEntry[] {
  const items = [...dt.items];
  if (!items.length) return [...dt.files].map((f) => ({ kind: 'file', path: f.name, file: async () => f }));
  const fileItems = items.filter((item) => item.kind === 'file');
  if (!fileItems.length)
    return [
      { kind: 'unreadable', path: 'the dragged text', why: 'not a file or folder: paste YAML into the box below' },
    ];
  return fileItems.flatMap((item, i): DropEntry[] => {
    const entry = (item as DataTransferItem & { webkitGetAsEntry?: () => FsEntry | null }).webkitGetAsEntry?.();
    if (entry) return [fromFileSystemEntry(entry)];
    const file = item.getAsFile();
    if (file) return [{ kind: 'file', path: file.name, file: async () => file }];
    return [{ kind: 'unreadable', path: `item ${i + 1}`, why: 'the browser gave no file for it' }];
  });
}
