import { readZipBounded } from '../../lib/zip-reader';
import { INPUT_LIMITS } from '../../domain/validate/parse';
import type { BundleInputFile } from '../../domain/validate';

/** One file as the page got it: from a picker, a folder, a drop, or the paste box. */
export interface RawInput {
  /** Path as the browser gives it (webkitRelativePath for a folder), or the file name. */
  name: string;
  bytes: Uint8Array;
}

export type InputResult = { ok: true; files: BundleInputFile[] } | { ok: false; message: string };

const TEXT_FILE = /\.(ya?ml|json)$/i;

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A bundle zip has one root folder (the bundle name): paths are shown inside it, as the CLI does. */
function stripCommonRoot(files: BundleInputFile[]): BundleInputFile[] {
  const roots = new Set(files.map((f) => f.path.split('/')[0]));
  const [root] = [...roots];
  if (roots.size !== 1 || !root || !files.every((f) => f.path.startsWith(`${root}/`))) return files;
  return files.map((f) => ({ ...f, path: f.path.slice(root.length + 1) }));
}

/**
 * Turns what the user gave the page into the doctor's input, with the CLI's limits (INPUT_LIMITS):
 * zips through the bounded reader, YAML/JSON as UTF-8 text, other files listed for the file-name
 * checks. Pure and synchronous; never throws: every problem is a message.
 */
export function readCheckInput(inputs: readonly RawInput[]): InputResult {
  if (inputs.length > INPUT_LIMITS.maxFiles)
    return { ok: false, message: `That is ${inputs.length} files; the check reads at most ${INPUT_LIMITS.maxFiles}.` };
  const total = inputs.reduce((n, i) => n + i.bytes.length, 0);
  if (total > INPUT_LIMITS.maxTotalBytes)
    return {
      ok: false,
      message: `That is ${Math.round(total / 1024)} KiB; the check reads at most ${INPUT_LIMITS.maxTotalBytes / 1024} KiB in all. Choose the bundle folder or the manifests themselves.`,
    };
  const files: BundleInputFile[] = [];
  const single = inputs.length === 1;
  for (const input of inputs) {
    const name = input.name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (isZip(input.bytes)) {
      const read = readZipBounded(
        input.bytes,
        {
          maxEntries: INPUT_LIMITS.maxFiles,
          maxEntryBytes: INPUT_LIMITS.maxFileBytes,
          maxTotalBytes: INPUT_LIMITS.maxTotalBytes,
        },
        (entry) => (!entry.directory && TEXT_FILE.test(entry.name) ? 'read' : 'skip'),
      );
      if (!read.ok) return { ok: false, message: `${name} is not a readable zip file: ${read.message}.` };
      const inZip: BundleInputFile[] = [];
      for (const f of read.files) {
        const text = decode(f.bytes);
        if (text === null) return { ok: false, message: `${f.name} in ${name} is not UTF-8 text.` };
        inZip.push({ path: f.name, contents: text });
      }
      for (const e of read.entries)
        if (!e.directory && !TEXT_FILE.test(e.name)) inZip.push({ path: e.name, contents: '' });
      const stripped = stripCommonRoot(inZip);
      // Several zips: keep them apart under their own names.
      files.push(...(single ? stripped : stripped.map((f) => ({ ...f, path: `${name}/${f.path}` }))));
      continue;
    }
    if (!TEXT_FILE.test(name)) {
      files.push({ path: name, contents: '' });
      continue;
    }
    const text = decode(input.bytes);
    if (text === null) return { ok: false, message: `${name} is not UTF-8 text.` };
    files.push({ path: name, contents: text });
  }
  const sorted = stripCommonRoot(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (!sorted.some((f) => TEXT_FILE.test(f.path)))
    return { ok: false, message: 'No YAML or JSON file was given, so there is nothing to check.' };
  return { ok: true, files: sorted };
}
