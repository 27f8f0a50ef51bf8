import { firstPositionOf } from '../domain/geography';
import type { FileImportResult } from '../domain/import-file';
import { importGeoJson, MAX_IMPORT_BYTES, type ImportedLayer } from '../domain/import-geojson';
import { formatIssue } from '../domain/issues';
import type { MapAdapter } from '../map/map-adapter';
import type { ArticlePanel } from '../ui/article-panel';
import type { Notices } from '../ui/notices';
import { buildPropertyTable } from '../ui/property-table';
import { frameFeature, frameFile } from './camera';
import type { Command, PageState, Selection } from './page-state';
import type { PageStore } from './store';

export const MAX_SHOWN_ISSUES = 5;

/** The panel's key of a file's feature. */
const keyOf = (fileId: string, index: number) => `${fileId}:${index}`;

/** importFile, run in a worker of its own for each file (see formats-worker.ts). */
function importInWorker(bytes: Uint8Array, fileName: string): Promise<FileImportResult> {
  const worker = new Worker(new URL('./formats-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<FileImportResult>((done) => {
    worker.onmessage = (event: MessageEvent<FileImportResult>) => done(event.data);
    worker.onerror = (event) =>
      done({
        issues: [
          {
            code: 'import-failed',
            message: `the file could not be read (${event.message || 'the reader stopped'})`,
            severity: 'error',
            file: fileName,
            path: '',
          },
        ],
        counts: { errors: 1, warnings: 0 },
      });
    worker.postMessage({ bytes, fileName }, [bytes.buffer]);
  }).finally(() => worker.terminate());
}

/**
 * Opens GeoJSON files chosen or dropped by the reader: a valid file becomes an extra layer with its
 * features listed in the panel; a bad one leaves everything as it was and says what is wrong, where.
 * A feature chosen on the map or in the panel is a selection of the page state, shown in the popup.
 */
export class ImportedFiles {
  /** The files open now, by their id on the map. */
  private readonly files = new Map<string, { layer: ImportedLayer; section: HTMLElement }>();
  /** Where the reader clicked the feature selected from the map: its popup stands there. */
  private clickedAt: [number, number] | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PageStore,
    private readonly map: MapAdapter,
    private readonly panel: ArticlePanel,
    private readonly notices: Notices,
  ) {
    this.unsubscribe = store.subscribe((state, before, command) => this.follow(state, before, command));
  }

  /** A click on the map hit a feature of an opened file. */
  selectFromMap(fileId: string, index: number, at: [number, number]): void {
    this.clickedAt = at;
    this.store.dispatch({ type: 'select-feature', fileId, index, origin: 'map' });
  }

  async open(file: File): Promise<void> {
    // A file over the limit is refused before it is read.
    const { layer, issues, counts } =
      file.size > MAX_IMPORT_BYTES
        ? importGeoJson('', file.name, file.size)
        : await importInWorker(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!layer) {
      // The list keeps the first problems only; `counts` has them all.
      const errors = issues.filter((i) => i.severity === 'error' && i.code !== 'more-issues');
      const shown = errors.slice(0, MAX_SHOWN_ISSUES).map(formatIssue);
      const more = counts.errors > shown.length ? ` (and ${counts.errors - shown.length} more)` : '';
      this.notices.show(`${file.name} was not opened: ${shown.join('; ')}${more}`, 'error', 'import');
      return;
    }
    const fileId = this.map.addFile(layer);
    const warnings = issues.length
      ? ` ${issues.length} warning(s): ${issues.map(formatIssue).join('; ')}`
      : '';
    const atlasNote = layer.atlas
      ? ` It is an Article Atlas export of “${layer.atlas.article.headline}”: ${layer.atlas.places.length} places and ${layer.atlas.facts.length} facts.`
      : '';
    this.notices.show(
      `${file.name}: ${layer.features.length} feature(s) added as a layer.${atlasNote}${warnings}`,
      'info',
      'import',
    );
    const section = this.panel.addImported(
      file.name,
      layer.features.map((f) => ({ key: keyOf(fileId, f.index), title: f.title })),
      (key) => {
        const index = Number(key.slice(fileId.length + 1));
        this.store.dispatch({ type: 'select-feature', fileId, index, origin: 'panel' });
      },
      () => this.close(fileId),
    );
    this.files.set(fileId, { layer, section });
    this.map.move(frameFile(layer.bbox));
  }

  private follow(state: PageState, before: PageState, command: Command): void {
    const now = state.selection;
    const was = before.selection;
    if (now.kind === 'feature' && (command.type === 'select-feature' || was.kind !== 'feature')) {
      this.show(now, state.origin === 'map' ? this.clickedAt : null);
      this.clickedAt = null;
      return;
    }
    if (was.kind === 'feature' && now.kind !== 'feature') {
      this.panel.highlightImported(null);
      if (now.kind !== 'none') return;
      this.map.closePopup();
      // Focus goes back to the feature's entry in the panel, where the file is still open.
      if (this.files.has(was.fileId)) this.panel.focusImported(keyOf(was.fileId, was.index));
    }
  }

  private show(selection: Extract<Selection, { kind: 'feature' }>, clickedAt: [number, number] | null): void {
    const feature = this.files.get(selection.fileId)?.layer.features.find((f) => f.index === selection.index);
    // A feature with no position at all (an empty MultiPoint, say) has nowhere to be shown.
    const first = feature && firstPositionOf(feature.geometry);
    if (!feature || !first) return;
    const at: [number, number] = clickedAt ?? [first[0] ?? 0, first[1] ?? 0];
    if (!clickedAt) this.map.move(frameFeature(at, this.map.visible().zoom));
    const headingId = `popup-${selection.fileId}-${selection.index}-title`;
    this.panel.highlightImported(keyOf(selection.fileId, selection.index));
    this.map.openPopup({
      lngLat: at,
      content: buildPropertyTable(feature.title, feature.properties, headingId),
      labelledBy: headingId,
      keepInView: true,
      onClose: () => this.store.dispatch({ type: 'deselect' }),
    });
  }

  /** Closes a file: its layer, its panel section, and a selection of one of its features. */
  private close(fileId: string): void {
    this.files.delete(fileId);
    this.map.removeFile(fileId);
    this.store.dispatch({ type: 'file-removed', fileId });
  }

  /** Stops following the page state and closes every file. */
  remove(): void {
    this.unsubscribe();
    for (const [fileId, entry] of [...this.files]) {
      entry.section.remove();
      this.close(fileId);
    }
  }
}
