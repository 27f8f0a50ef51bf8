import { el } from './dom';

/**
 * Lets the reader drop a file on an element (the map): shows where to drop while a file is dragged
 * over it, and hands the first dropped file on.
 */
export function enableFileDrop(target: HTMLElement, onFile: (file: File) => void): void {
  const hint = el('div', {
    className: 'drop-hint',
    text: 'Drop a GeoJSON file to add it to the map as a layer',
  });
  hint.hidden = true;
  target.append(hint);
  let depth = 0;
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  target.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth += 1;
    hint.hidden = false;
  });
  target.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    hint.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
}
