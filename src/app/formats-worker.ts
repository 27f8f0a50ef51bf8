// Reads an opened file off the main thread: importFile and its format libraries are bundled with
// this worker only (papaparse and @xmldom/xmldom are CommonJS: in the page's own bundle, their interop
// helpers would join the runtime chunk that the start bundle loads). A stand-in for the importer's
// worker of issue 21, which replaces it.
import { importFile } from '../domain/import-file';

self.onmessage = (event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  self.postMessage(importFile(event.data.bytes, event.data.fileName));
};
