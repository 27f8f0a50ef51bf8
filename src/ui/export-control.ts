import type { ExportShape } from '../domain/export-atlas';
import { el } from './dom';

export interface ExportControlOptions {
  onDownload: (shape: ExportShape) => void;
  onCopy: (shape: ExportShape) => void;
  onOpenFile: (file: File) => void;
}

/**
 * Export and import in one group: the shape to export (places with nested facts, or one row per
 * fact), download and copy buttons, and the "Open GeoJSON" file picker.
 */
export function buildExportControl(options: ExportControlOptions): HTMLElement {
  const shapes: { value: ExportShape; label: string; hint: string }[] = [
    { value: 'places', label: 'Places', hint: 'one feature per place, its facts nested' },
    { value: 'facts', label: 'Facts', hint: 'one row per fact, flat columns for QGIS or a spreadsheet' },
  ];
  const radios = shapes.map((shape, i) => {
    const input = el('input', {
      attrs: { type: 'radio', name: 'export-shape', value: shape.value, id: `export-shape-${shape.value}` },
    });
    input.checked = i === 0;
    return el('div', { className: 'export-shape' }, [
      input,
      el('label', { attrs: { for: `export-shape-${shape.value}` } }, [
        el('strong', { text: shape.label }),
        ` — ${shape.hint}`,
      ]),
    ]);
  });
  const chosen = (): ExportShape =>
    (document.querySelector<HTMLInputElement>('input[name="export-shape"]:checked')?.value as ExportShape) ??
    'places';
  const download = el('button', { className: 'button', text: 'Export GeoJSON', attrs: { type: 'button' } });
  download.addEventListener('click', () => options.onDownload(chosen()));
  const copy = el('button', { className: 'button', text: 'Copy GeoJSON', attrs: { type: 'button' } });
  copy.addEventListener('click', () => options.onCopy(chosen()));
  const input = el('input', {
    className: 'visually-hidden',
    attrs: {
      type: 'file',
      id: 'open-geojson',
      accept: '.geojson,.json,application/geo+json,application/json',
    },
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) options.onOpenFile(file);
    input.value = '';
  });
  const open = el('label', { className: 'button button-file' }, ['Open GeoJSON', input]);
  return el('section', { className: 'export-control', attrs: { 'aria-labelledby': 'export-title' } }, [
    el('h2', { className: 'export-title', text: 'Data', attrs: { id: 'export-title' } }),
    el('fieldset', {}, [el('legend', { text: 'Export shape' }), ...radios]),
    el('div', { className: 'export-buttons' }, [download, copy, open]),
    el('p', {
      className: 'export-note',
      text: 'RFC 7946 GeoJSON with every fact’s source. Drop a .geojson file on the map to add it as a layer.',
    }),
  ]);
}
