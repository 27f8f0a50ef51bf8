import { importFile } from '../domain/import-file';
import type { ImportReply, ImportRequest } from './import-messages';

// A module worker (src/io/import-reader.ts starts it): parses and checks an opened file away from
// the page's main thread, so that a large file does not stop the page's frames. The project's
// TypeScript types `self` as the page's window; its postMessage and message events are the same.
const reply = (message: ImportReply) => self.postMessage(message);

const isRequest = (data: unknown): data is ImportRequest =>
  typeof data === 'object' &&
  data !== null &&
  'fileName' in data &&
  typeof data.fileName === 'string' &&
  'bytes' in data &&
  data.bytes instanceof ArrayBuffer;

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isRequest(request)) {
    reply({ kind: 'failed', message: 'the page sent the reader something that is not a file' });
    return;
  }
  try {
    reply({ kind: 'read', result: importFile(new Uint8Array(request.bytes), request.fileName) });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
reply({ kind: 'ready' });
