import { EXPORT_SHAPES, type ExportShape } from '../domain/export-shapes';
import { el } from '../dom/el';

export interface ExportControlOptions {
  onDownload: (shape: ExportShape) => void;
  onCopy: (shape: ExportShape) => void;
  onOpenFile: (file: File) => void;
}

const SHAPE_LABELS: Record<ExportShape, { label: string; hint: string }> = {
  places: { label: 'Places', hint: 'one feature per place, its facts nested' },
  facts: { label: 'Facts', hint: 'one row per fact, flat columns for QGIS or a spreadsheet' },
};

/**
 * Export and import in one group: the shape to export (places with nested facts, or one row per
 * fact), download and copy buttons, and the "Open GeoJSON" file picker.
 */
export function buildExportControl(options: ExportControlOptions): HTMLElement {
  const radios = EXPORT_SHAPES.map((value, i) => {
    const input = el('input', {
      attrs: { type: 'radio', name: 'export-shape', value, id: `export-shape-${value}` },
    });
    input.checked = i === 0;
    const row = el('div', { className: 'export-shape' }, [
      input,
      el('label', { attrs: { for: `export-shape-${value}` } }, [
        el('strong', { text: SHAPE_LABELS[value].label }),
        ` — ${SHAPE_LABELS[value].hint}`,
      ]),
    ]);
    return { value, input, row };
  });
  const chosen = (): ExportShape => radios.find((r) => r.input.checked)?.value ?? EXPORT_SHAPES[0];
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
    el('fieldset', {}, [el('legend', { text: 'Export shape' }), ...radios.map((r) => r.row)]),
    el('div', { className: 'export-buttons' }, [download, copy, open]),
    el('p', {
      className: 'export-note',
      text: 'RFC 7946 GeoJSON with every fact’s source. Drop a .geojson file on the map to add it as a layer.',
    }),
  ]);
}
