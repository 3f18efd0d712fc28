import { readAnswersImport, MAX_IMPORT_BYTES, type ImportRequest, type ImportResult } from './import-reader';

export { MAX_IMPORT_BYTES, readAnswersImport, type ImportResult } from './import-reader';

const CANCELLED: ImportResult = { ok: false, cancelled: true, message: 'Import cancelled; the answers are unchanged.' };

/**
 * Reads `file` in a Web Worker, so that unzipping and parsing never block the page; `signal` cancels
 * it (the worker is terminated). Where there is no Worker (Node, the tests), it runs in place.
 * Never throws.
 */
export async function importAnswersFile(file: File, signal?: AbortSignal): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `${file.name} is too large (${Math.round(file.size / 1024)} KB); expected an answers.yaml or a bundle zip.`,
    };
  if (signal?.aborted) return CANCELLED;
  if (typeof Worker === 'undefined') {
    try {
      return readAnswersImport(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch {
      return { ok: false, message: `${file.name} could not be read.` };
    }
  }
  return new Promise<ImportResult>((resolve) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const done = (result: ImportResult) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => done(CANCELLED);
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<ImportResult>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done({ ok: false, message: `${file.name} could not be read.` });
    };
    worker.postMessage({ file } satisfies ImportRequest);
  });
}
