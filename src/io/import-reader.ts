import type { FileImportResult } from '../domain/import-file';
import type { MapTexts } from '../domain/map-features';
import { importGeoJson, MAX_IMPORT_BYTES } from '../domain/import-geojson';
import type { ImportReply, ImportRequest } from './import-messages';

/** The part of a Worker the reader uses (a fake one in tests). */
export interface ImportWorker {
  postMessage(message: ImportRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Starts a worker; throws where the browser has none or may not start one (its CSP). */
export type StartImportWorker = () => ImportWorker;

/** The app's import worker, built by Vite as a same-origin file of its own (CSP: worker-src 'self'). */
export const startImportWorker: StartImportWorker = () =>
  new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import-file' });

/** An opened file read: its result and where it was read, or why it could not be read at all. */
export type ReadOutcome =
  | { kind: 'read'; result: FileImportResult; where: 'worker' | 'page' | 'not-read'; map?: MapTexts }
  | { kind: 'failed'; message: string };

/** What a worker's error event says, in a few words. */
function errorText(event: Event): string {
  return 'message' in event && typeof event.message === 'string' && event.message
    ? event.message
    : 'the reader stopped';
}

/**
 * A worker that has not said it is ready by then is taken for one that cannot start (its script
 * refused or lost, with no error event to say so), and the page reads the file itself.
 */
export const WORKER_START_MS = 10_000;

/** Reads the file on the page's main thread: where no worker can be started. */
async function readOnPage(file: Blob, fileName: string): Promise<ReadOutcome> {
  try {
    // Loaded only here: the readers of every format are the worker's, not the page's, code.
    const [{ importFile }, bytes] = await Promise.all([import('../domain/import-file'), file.arrayBuffer()]);
    return { kind: 'read', result: importFile(new Uint8Array(bytes), fileName), where: 'page' };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads an opened file in a worker of its own (so that each file read at the same time has its own),
 * its bytes transferred to it. A file over the limit is refused before it is read. Where a worker
 * cannot be started (none in this browser, one refused, one whose code fails to load before it says
 * it is ready) the file is read on the page instead; a worker that fails once started gives a
 * `failed` outcome with the reason, and the page keeps everything it had.
 */
export async function readOpenedFile(
  file: Blob,
  fileName: string,
  /** Starts the worker (null: none, read on the page); undefined: the app's, where the browser has workers. */
  start?: StartImportWorker | null,
): Promise<ReadOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { kind: 'read', result: importGeoJson('', fileName, file.size), where: 'not-read' };
  }
  let worker: ImportWorker;
  try {
    const starter = start === undefined ? (typeof Worker === 'undefined' ? null : startImportWorker) : start;
    if (!starter) return await readOnPage(file, fileName);
    worker = starter();
  } catch {
    return readOnPage(file, fileName);
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    worker.terminate();
    return { kind: 'failed', message: error instanceof Error ? error.message : 'the file could not be read' };
  }
  return new Promise<ReadOutcome>((done) => {
    let ready = false;
    let settled = false;
    const settle = (outcome: ReadOutcome | Promise<ReadOutcome>) => {
      if (settled) return;
      settled = true;
      clearTimeout(startTimer);
      worker.terminate();
      done(outcome);
    };
    const startTimer = setTimeout(() => {
      if (!ready) settle(readOnPage(file, fileName));
    }, WORKER_START_MS);
    worker.addEventListener('message', (event) => {
      const reply = 'data' in event ? readReply(event.data) : null;
      if (!reply) settle({ kind: 'failed', message: 'the reader answered something that is not a result' });
      else if (reply.kind === 'ready') ready = true;
      else if (reply.kind === 'read') {
        const { result, map } = reply;
        settle(
          map ? { kind: 'read', result, where: 'worker', map } : { kind: 'read', result, where: 'worker' },
        );
      } else settle({ kind: 'failed', message: reply.message });
    });
    worker.addEventListener('messageerror', () =>
      settle({ kind: 'failed', message: 'the reader’s result could not be passed to the page' }),
    );
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // A worker whose code never ran (not loaded, refused): the page reads the file itself.
      settle(ready ? { kind: 'failed', message: errorText(event) } : readOnPage(file, fileName));
    });
    const request: ImportRequest = { fileName, bytes };
    worker.postMessage(request, [bytes]);
  });
}

/** The worker's reply, checked: null for anything else. */
function readReply(data: unknown): ImportReply | null {
  if (typeof data !== 'object' || data === null || !('kind' in data)) return null;
  if (data.kind === 'ready') return { kind: 'ready' };
  if (data.kind === 'failed' && 'message' in data && typeof data.message === 'string')
    return { kind: 'failed', message: data.message };
  if (data.kind === 'read' && 'result' in data && isResult(data.result))
    return 'map' in data && isMapTexts(data.map)
      ? { kind: 'read', result: data.result, map: data.map }
      : { kind: 'read', result: data.result };
  return null;
}

/** The texts of a file's map features, as the worker makes them. */
function isMapTexts(value: unknown): value is MapTexts {
  return (
    typeof value === 'object' &&
    value !== null &&
    'clustered' in value &&
    typeof value.clustered === 'boolean' &&
    'main' in value &&
    value.main instanceof ArrayBuffer &&
    'points' in value &&
    value.points instanceof ArrayBuffer
  );
}

/** A structured clone of an ImportResult, made by the worker from the same code (its shape is trusted). */
function isResult(value: unknown): value is FileImportResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'issues' in value &&
    Array.isArray(value.issues) &&
    'counts' in value &&
    typeof value.counts === 'object'
  );
}
