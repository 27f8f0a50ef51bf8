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
 * What the file picker offers: the formats that open (GeoJSON, TopoJSON, KML and KMZ, GPX, CSV and
 * TSV) by name and type, and text. Any file can still be chosen or dropped: it is read by its content.
 */
export const OPENABLE_FILES =
  '.geojson,.json,.topojson,.kml,.kmz,.gpx,.csv,.tsv,.txt,application/geo+json,application/json,' +
  'application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz,application/gpx+xml,text/csv,' +
  'text/tab-separated-values,text/plain';

/**
 * Export and import in one group: what to export (GeoJSON by place or by fact, KML, CSV), export
 * and copy buttons, and the file picker that opens a file as a layer.
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
      accept: OPENABLE_FILES,
    },
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) options.onOpenFile(file);
    input.value = '';
  });
  const open = el('label', { className: 'button button-file' }, ['Open GeoJSON, KML, GPX, CSV', input]);
  return el('section', { className: 'export-control', attrs: { 'aria-labelledby': 'export-title' } }, [
    el('h2', { className: 'export-title', text: 'Data', attrs: { id: 'export-title' } }),
    el('fieldset', {}, [el('legend', { text: 'Export as' }), ...radios.map((r) => r.row)]),
    el('div', { className: 'export-buttons' }, [download, copy, open]),
    el('p', {
      className: 'export-note',
      text: 'Every fact with its source. Drop a file on the map to add it as a layer.',
    }),
  ]);
}
