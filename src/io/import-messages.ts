import type { FileImportResult } from '../domain/import-file';
import type { MapTexts } from '../domain/map-features';

/** What the page sends the import worker: one opened file's bytes (transferred, not copied). */
export interface ImportRequest {
  fileName: string;
  bytes: ArrayBuffer;
}

/**
 * What the import worker answers: `ready` as soon as its code runs (so that a worker that fails
 * later is told apart from one that never started), then the file's result, or why it failed.
 */
export type ImportReply =
  | { kind: 'ready' }
  | { kind: 'read'; result: FileImportResult; map?: MapTexts }
  | { kind: 'failed'; message: string };
