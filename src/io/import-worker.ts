import { importFile } from '../domain/import-file';
import { mapFeaturesOf, type MapTexts } from '../domain/map-features';
import type { ImportReply, ImportRequest } from './import-messages';

// A module worker (src/io/import-reader.ts starts it): parses and checks an opened file away from
// the page's main thread, so that a large file does not stop the page's frames. The project's
// TypeScript types `self` as the page's window; its postMessage and message events are the same.
const reply = (message: ImportReply, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

/**
 * The text of the file's map features, for MapLibre to fetch and parse in its own worker: the page
 * then hands the map two blob URLs, not a collection it would copy (a second or more for 100,000 points).
 */
function mapTexts(result: ReturnType<typeof importFile>): MapTexts | undefined {
  if (!result.layer) return undefined;
  const { clustered, main, points } = mapFeaturesOf(result.layer);
  const encoder = new TextEncoder();
  // A new array over a buffer of its own: the buffer is transferred as it is.
  const bytes = (value: unknown) => encoder.encode(JSON.stringify(value)).buffer;
  return { clustered, main: bytes(main), points: bytes(points) };
}

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
    const result = importFile(new Uint8Array(request.bytes), request.fileName);
    const map = mapTexts(result);
    reply(map ? { kind: 'read', result, map } : { kind: 'read', result }, map ? [map.main, map.points] : []);
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
reply({ kind: 'ready' });
