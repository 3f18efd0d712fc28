import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { MAX_ANSWERS_TEXT_BYTES } from '../domain/answers';
import { readCapped } from './read-capped';
import { describeDiscovery, type Discovery } from '../domain/discover';
import type { CliIo } from './io';

/** What a discover.sh import set, and its notes, on stderr (stdout stays the command's output). */
export function reportDiscovery(io: CliIo, discovery: Discovery): void {
  io.stderr(`Node discovery: ${describeDiscovery(discovery)}`);
  for (const n of discovery.notes) io.stderr(`  note: ${n.message}${n.source ? ` (${n.source.url})` : ''}`);
}

/**
 * The --answers source as text, or why not in one line. A regular file, a pipe, a FIFO, a device or
 * "-" (stdin) are all read the same way: at most the cap plus one byte, so /dev/zero or an endless
 * pipe cost 256 KiB, not all the memory there is.
 */
export async function readAnswersSource(
  path: string,
  stdin?: Readable,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const limit = `an answers file is at most ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB (a full one is about 1.5 KiB)`;
  if (path !== '-') {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) return { ok: false, message: `${path} is a directory; give the answers file inside it.` };
      if (stat.isFile() && stat.size > MAX_ANSWERS_TEXT_BYTES)
        return { ok: false, message: `${path} is ${Math.ceil(stat.size / 1024)} KiB; ${limit}.` };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT')
        return { ok: false, message: `No such file: ${path}. Write your answers to a YAML or JSON file (see --help).` };
      if (code === 'EACCES') return { ok: false, message: `Cannot read ${path}: permission denied.` };
      return { ok: false, message: `Cannot read ${path}: ${code ?? String(error)}.` };
    }
  }
  const name = path === '-' ? 'stdin' : path;
  const read = await readCapped(path, MAX_ANSWERS_TEXT_BYTES, stdin);
  if (read.ok)
    // Decode leniently: parseAnswersText reports bytes that are not UTF-8 with their line.
    return { ok: true, text: new TextDecoder('utf-8').decode(read.bytes) };
  switch (read.reason) {
    case 'too-large':
      return { ok: false, message: `${name} holds more than ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB; ${limit}.` };
    case 'directory':
      return { ok: false, message: `${name} is a directory; give the answers file inside it.` };
    case 'missing':
      return { ok: false, message: `No such file: ${name}. Write your answers to a YAML or JSON file (see --help).` };
    case 'denied':
      return { ok: false, message: `Cannot read ${name}: permission denied.` };
    default:
      return { ok: false, message: `Cannot read ${name}: ${read.code ?? 'unknown error'}.` };
  }
}
