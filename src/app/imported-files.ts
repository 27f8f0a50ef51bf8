import { firstPositionOf } from '../domain/geography';
import type { FileImportResult } from '../domain/import-file';
import type { ImportedFeature, ImportedLayer, ImportResult } from '../domain/import-geojson';
import { formatIssue, type Issue } from '../domain/issues';
import { readOpenedFile, type StartImportWorker } from '../io/import-reader';
import type { MapAdapter } from '../map/map-adapter';
import type { ArticlePanel } from '../ui/article-panel';
import { ImportedList } from '../ui/imported-list';
import type { Notices } from '../ui/notices';
import { buildPropertyTable } from '../ui/property-table';
import { frameFeature, frameFile } from './camera';
import { FeatureList, PAGE_SIZE } from './feature-list';
import type { Command, PageState, Selection } from './page-state';
import type { PageStore } from './store';

export const MAX_SHOWN_ISSUES = 5;

/** Files at least this large say that they are being read (a 20 MB file takes a moment). */
const READING_NOTICE_BYTES = 1024 * 1024;

/** The panel's key of a file's feature. */
const keyOf = (fileId: string, index: number) => `${fileId}:${index}`;

/** `shown` issues as the notice lists them, with "(and N more)" when `total` is more. */
function listIssues(shown: readonly Issue[], total: number): string {
  const listed = shown.slice(0, MAX_SHOWN_ISSUES);
  const more = total > listed.length ? ` (and ${total - listed.length} more)` : '';
  return `${listed.map(formatIssue).join('; ')}${more}`;
}

/**
 * The notice for a file that was opened: the importer's own summary (features read and drawn, the
 * true count of warnings), what it was converted from, what it is, and its first warnings.
 */
export function openedNotice(fileName: string, result: FileImportResult & { layer: ImportedLayer }): string {
  const { layer, issues, counts, summary, conversion } = result;
  // The list keeps the first problems only; `counts` has them all.
  const warnings = issues.filter((i) => i.severity === 'warning' && i.code !== 'more-issues');
  const warningNote = counts.warnings ? ` Warnings: ${listIssues(warnings, counts.warnings)}` : '';
  const atlasNote = layer.atlas
    ? ` It is an Article Atlas export of “${layer.atlas.article.headline}”: ${layer.atlas.places.length} places and ${layer.atlas.facts.length} facts.`
    : '';
  const converted = conversion ? `; ${conversion}` : '';
  return `${fileName}: ${summary}${converted}; added as a layer.${atlasNote}${warningNote}`;
}

/** The notice for a file that was not opened: its first errors and their count. */
export function refusedNotice(fileName: string, result: ImportResult): string {
  const errors = result.issues.filter((i) => i.severity === 'error' && i.code !== 'more-issues');
  return `${fileName} was not opened: ${listIssues(errors, result.counts.errors)}`;
}

interface OpenFile {
  layer: ImportedLayer;
  /** The file's features by their index in the file. */
  byIndex: Map<number, ImportedFeature>;
  list: FeatureList;
  section: ImportedList;
}

/**
 * Opens GeoJSON files chosen or dropped by the reader: a valid file becomes an extra layer with its
 * features listed in the panel, a page at a time; a bad one leaves everything as it was and says
 * what is wrong, where. Files are read in a worker (src/io/import-reader.ts), so that a large one
 * does not stop the page. A feature chosen on the map or in the panel is a selection of the page
 * state, shown in the popup.
 */
export class ImportedFiles {
  /** The files open now, by their id on the map. */
  private readonly files = new Map<string, OpenFile>();
  /** Where the reader clicked the feature selected from the map: its popup stands there. */
  private clickedAt: [number, number] | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PageStore,
    private readonly map: MapAdapter,
    private readonly panel: ArticlePanel,
    private readonly notices: Notices,
    /** Starts the import worker (null: read on the page); the app's own by default. */
    private readonly startWorker?: StartImportWorker | null,
  ) {
    this.unsubscribe = store.subscribe((state, before, command) => this.follow(state, before, command));
  }

  /** A click on the map hit a feature of an opened file. */
  selectFromMap(fileId: string, index: number, at: [number, number]): void {
    this.clickedAt = at;
    this.store.dispatch({ type: 'select-feature', fileId, index, origin: 'map' });
  }

  async open(file: File): Promise<void> {
    const reading =
      file.size >= READING_NOTICE_BYTES ? this.notices.show(`Reading ${file.name}…`, 'info') : null;
    const outcome = await readOpenedFile(file, file.name, this.startWorker);
    reading?.remove();
    if (outcome.kind === 'failed') {
      this.notices.show(
        `${file.name} was not opened: it could not be read (${outcome.message}).`,
        'error',
        'import',
      );
      return;
    }
    const { result } = outcome;
    const { layer } = result;
    if (!layer) {
      this.notices.show(refusedNotice(file.name, result), 'error', 'import');
      return;
    }
    const fileId = this.map.addFile(layer, outcome.map);
    this.notices.show(openedNotice(file.name, { ...result, layer }), 'info', 'import');
    const list = new FeatureList(
      layer.features.map((f) => ({ key: keyOf(fileId, f.index), title: f.title })),
      PAGE_SIZE,
    );
    const section = new ImportedList({
      id: `panel-${fileId}`,
      fileName: file.name,
      pageSize: PAGE_SIZE,
      onQuery: (query) => {
        list.filter(query);
        section.render(list.view());
      },
      onTurn: (by) => {
        list.turn(by);
        section.render(list.view());
      },
      onChoose: (key) => {
        const index = Number(key.slice(fileId.length + 1));
        this.panel.closeOnPhone();
        this.store.dispatch({ type: 'select-feature', fileId, index, origin: 'panel' });
      },
      onRemove: () => this.close(fileId),
    });
    section.render(list.view());
    this.panel.addImported(section.element);
    this.files.set(fileId, {
      layer,
      byIndex: new Map(layer.features.map((f) => [f.index, f])),
      list,
      section,
    });
    this.map.move(frameFile(layer.bbox));
  }

  /** Marks a file's feature in its list (going to its page), or none in any. */
  private highlight(selection: { fileId: string; index: number } | null): void {
    for (const [fileId, entry] of this.files) {
      const key = selection?.fileId === fileId ? keyOf(fileId, selection.index) : null;
      entry.list.select(key);
      entry.section.render(entry.list.view());
      if (key) entry.section.scrollToEntry(key);
    }
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
      this.highlight(null);
      if (now.kind !== 'none') return;
      this.map.closePopup();
      // Focus goes back to the feature's entry in the panel, where the file is still open: its
      // page is shown (the filter emptied, if it hides the feature).
      const entry = this.files.get(was.fileId);
      const key = keyOf(was.fileId, was.index);
      if (entry?.list.reveal(key)) {
        if (!entry.list.filterText) entry.section.clearQuery();
        entry.section.render(entry.list.view());
        entry.section.focusEntry(key);
      }
    }
  }

  private show(selection: Extract<Selection, { kind: 'feature' }>, clickedAt: [number, number] | null): void {
    const feature = this.files.get(selection.fileId)?.byIndex.get(selection.index);
    // A feature with no position at all (an empty MultiPoint, say) has nowhere to be shown.
    const first = feature && firstPositionOf(feature.geometry);
    if (!feature || !first) return;
    const at: [number, number] = clickedAt ?? [first[0] ?? 0, first[1] ?? 0];
    if (!clickedAt) this.map.move(frameFeature(at, this.map.visible().zoom));
    const headingId = `popup-${selection.fileId}-${selection.index}-title`;
    this.highlight(selection);
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
