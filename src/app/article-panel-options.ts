import type { AtlasModel } from '../domain/atlas-model';
import { factsInWhen, type DateFilter } from '../domain/date-filter';
import { isCrowded } from '../domain/crowd';
import type { ExportChoice } from '../domain/export-shapes';
import { mapKey, type MapKeyEntry } from '../domain/map-key';
import { el } from '../dom/el';
import type { ArticlePanelOptions } from '../ui/article-panel';
import type { AtlasLink } from '../ui/atlas-list';
import { buildExportControl } from '../ui/export-control';
import { buildMapKeySection } from '../ui/map-key';
import { placeDetails } from './place-details';

/** What the panel's controls ask of the page. */
export interface ArticlePanelHandlers {
  onChoose: (placeId: string) => void;
  onDownload: (choice: ExportChoice) => void;
  onCopy: (choice: ExportChoice) => void;
  onOpenFile: (file: File) => void;
  /** The date filter chosen now (none: the whole story, as the build prerenders it). */
  when?: () => DateFilter | null;
}

/** The entries of the map's key: the symbols the map draws, clusters only where it clusters the crowd. */
export const mapKeyEntries = (model: AtlasModel): MapKeyEntry[] =>
  mapKey(model.atlas, { clustered: isCrowded(model.atlas.places) });

/**
 * What the article panel shows for an atlas: the article, its places with their details, the key
 * and the export tools. The page builds its panel from it, and the build prerenders the same panel
 * into each atlas's HTML (scripts/prerender-page.ts), so that the two cannot differ.
 */
export function articlePanelOptions(
  model: AtlasModel,
  keyEntries: readonly MapKeyEntry[],
  atlases: readonly AtlasLink[],
  handlers: ArticlePanelHandlers,
): ArticlePanelOptions {
  const when = handlers.when ?? (() => null);
  return {
    article: model.atlas.article,
    key: buildMapKeySection(keyEntries),
    places: model.orderedPlaces,
    factCount: (id) => factsInWhen(model.factsOf(id), when()).length,
    details: (place, headingId) => placeDetails(model, place, headingId, 3, undefined, when()),
    onChoose: handlers.onChoose,
    atlases,
    tools: [
      // The link to what the reader sees now; its code loads on the first click (src/main.ts).
      el('button', {
        className: 'button',
        text: 'Copy link',
        attrs: { type: 'button', 'data-action': 'share' },
      }),
      buildExportControl({
        onDownload: handlers.onDownload,
        onCopy: handlers.onCopy,
        onOpenFile: handlers.onOpenFile,
      }),
    ],
  };
}
