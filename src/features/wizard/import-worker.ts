/// <reference lib="webworker" />
/**
 * The import worker: reads the picked file, unzips and parses it off the main thread, and posts the
 * ImportResult back. The page terminates it to cancel.
 */
import { readAnswersImport, type ImportRequest, type ImportResult } from './import-reader';

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { file } = event.data;
  let result: ImportResult;
  try {
    result = readAnswersImport(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch {
    result = { ok: false, message: `${file.name} could not be read.` };
  }
  self.postMessage(result);
};
