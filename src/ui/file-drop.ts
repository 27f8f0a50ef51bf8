import { el } from '../dom/el';

/**
 * Lets the reader drop a file on an element (the map): shows where to drop while a file is dragged
 * over it, and hands the first dropped file on. Returns the function that undoes it.
 */
export function enableFileDrop(target: HTMLElement, onFile: (file: File) => void): () => void {
  const hint = el('div', {
    className: 'drop-hint',
    text: 'Drop a GeoJSON, KML, GPX or CSV file to add it to the map as a layer',
  });
  hint.hidden = true;
  target.append(hint);
  let depth = 0;
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  // One signal removes every listener at once.
  const controller = new AbortController();
  const { signal } = controller;
  target.addEventListener(
    'dragenter',
    (event) => {
      if (!hasFiles(event)) return;
      depth += 1;
      hint.hidden = false;
    },
    { signal },
  );
  target.addEventListener(
    'dragover',
    (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    { signal },
  );
  target.addEventListener(
    'dragleave',
    () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) hint.hidden = true;
    },
    { signal },
  );
  target.addEventListener(
    'drop',
    (event) => {
      event.preventDefault();
      depth = 0;
      hint.hidden = true;
      const file = event.dataTransfer?.files[0];
      if (file) onFile(file);
    },
    { signal },
  );
  return () => {
    controller.abort();
    hint.remove();
  };
}
