import type { ExportChoice } from '../domain/export-shapes';
import { el } from '../dom/el';

export interface ExportControlOptions {
  onDownload: (choice: ExportChoice) => void;
  onCopy: (choice: ExportChoice) => void;
  onOpenFile: (file: File) => void;
}

/**
 * What the reader may export: GeoJSON in either shape, KML (one placemark per place, as Google
 * Earth shows it best; the command line also writes it by fact) or CSV (always one row per fact).
 */
const CHOICES: Record<string, { label: string; hint: string; choice: ExportChoice }> = {
  places: {
    label: 'Places',
    hint: 'GeoJSON, one feature per place, its facts nested',
    choice: { shape: 'places' },
  },
  facts: {
    label: 'Facts',
    hint: 'GeoJSON, one row per fact, flat columns for QGIS',
    choice: { shape: 'facts' },
  },
  kml: {
    label: 'KML',
    hint: 'one placemark per place, for Google Earth',
    choice: { shape: 'places', format: 'kml' },
  },
  csv: {
    label: 'CSV',
    hint: 'one row per fact, for a spreadsheet',
    choice: { shape: 'facts', format: 'csv' },
  },
};

/**
 * Export and import in one group: what to export (GeoJSON by place or by fact, KML, CSV), export
 * and copy buttons, and the "Open GeoJSON" file picker.
 */
export function buildExportControl(options: ExportControlOptions): HTMLElement {
  const radios = Object.entries(CHOICES).map(([value, { label, hint, choice }], i) => {
    const input = el('input', {
      attrs: { type: 'radio', name: 'export-shape', id: `export-shape-${value}` },
    });
    input.checked = i === 0;
    const row = el('div', { className: 'export-shape' }, [
      input,
      el('label', { attrs: { for: `export-shape-${value}` } }, [el('strong', { text: label }), ` — ${hint}`]),
    ]);
    return { choice, input, row };
  });
  const chosen = (): ExportChoice => (radios.find((r) => r.input.checked) ?? radios[0]!).choice;
  const download = el('button', { className: 'button', text: 'Export', attrs: { type: 'button' } });
  download.addEventListener('click', () => options.onDownload(chosen()));
  const copy = el('button', { className: 'button', text: 'Copy', attrs: { type: 'button' } });
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
    el('fieldset', {}, [el('legend', { text: 'Export as' }), ...radios.map((r) => r.row)]),
    el('div', { className: 'export-buttons' }, [download, copy, open]),
    el('p', {
      className: 'export-note',
      text: 'Every fact with its source. Drop a .geojson file on the map to add it as a layer.',
    }),
  ]);
}
