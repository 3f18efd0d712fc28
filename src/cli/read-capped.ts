import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type CappedRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too-large' | 'directory' | 'missing' | 'denied' | 'other'; code?: string };

/**
 * Reads at most `cap + 1` bytes from a stream, then stops it: a regular file, a pipe, a FIFO, a
 * character device such as /dev/zero or stdin all cost the same bounded memory and time. One byte
 * more than the cap is enough to know the input is too large.
 */
export function readStreamCapped(stream: Readable, cap: number): Promise<CappedRead> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    let done = false;
    const finish = (result: CappedRead) => {
      if (done) return;
      done = true;
      stream.removeAllListeners('data');
      resolve(result);
    };
    stream.on('data', (chunk: Buffer | string) => {
      if (done) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const room = cap + 1 - length;
      chunks.push(bytes.length > room ? bytes.subarray(0, room) : bytes);
      length += Math.min(bytes.length, room);
      if (length > cap) {
        finish({ ok: false, reason: 'too-large' });
        // Stop reading; never wait for the end of an endless source.
        stream.pause();
        if (typeof (stream as { destroy?: () => void }).destroy === 'function' && stream !== process.stdin)
          stream.destroy();
      }
    });
    stream.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks, length) }));
    stream.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code;
      const reason =
        code === 'EISDIR' ? 'directory' : code === 'ENOENT' ? 'missing' : code === 'EACCES' ? 'denied' : 'other';
      finish(code ? { ok: false, reason, code } : { ok: false, reason });
    });
  });
}

/** `path` read with readStreamCapped; "-" is `stdin`. */
export function readCapped(path: string, cap: number, stdin: Readable = process.stdin): Promise<CappedRead> {
  if (path === '-') return readStreamCapped(stdin, cap);
  // highWaterMark bounds each read, so /dev/zero is never asked for more than one chunk past the cap.
  return readStreamCapped(createReadStream(path, { highWaterMark: Math.min(64 * 1024, cap + 1) }), cap);
}
