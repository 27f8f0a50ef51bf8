import './map-key.css';
import { el } from '../dom/el';
import { DISPUTED_BADGE, type MapKeyEntry, type MapKeySymbol } from '../domain/map-key';
import { hexToRgb, PLACE_COLOURS } from '../domain/place-colours';

export interface BuildMapKeyOptions {
  /** The id of the element that names the list (the control's button, the panel's heading). */
  labelledBy?: string;
}

const rgba = (hex: string, alpha: number) => `rgb(${hexToRgb(hex).join(' ')} / ${alpha})`;

/**
 * The colours the swatches are drawn in, as the map draws its symbols (src/map/atlas-layers.ts):
 * the dots, the region's tint (fill-opacity 0.1) and hatching (fill-opacity 0.55), the clusters
 * (circle-opacity 0.85). Set as custom properties, since the stylesheet cannot read PLACE_COLOURS.
 */
export const MAP_KEY_COLOURS = {
  '--key-story': PLACE_COLOURS.story,
  '--key-reaction': PLACE_COLOURS.reaction,
  '--key-region': PLACE_COLOURS.region,
  '--key-region-tint': rgba(PLACE_COLOURS.region, 0.1),
  '--key-region-hatch': rgba(PLACE_COLOURS.region, 0.55),
  '--key-cluster': rgba(PLACE_COLOURS.reaction, 0.85),
} as const;

/** What each swatch shows inside its box: the tag's word, a cluster's count. */
const SWATCH_TEXT: Partial<Record<MapKeySymbol, string>> = {
  'disputed-badge': DISPUTED_BADGE,
  cluster: '24',
};

/**
 * The map's key as a list: each entry a swatch drawn like the map's symbol, its label and its
 * explanation. The same list serves the map's control and the panel.
 */
export function buildMapKey(entries: readonly MapKeyEntry[], options: BuildMapKeyOptions = {}): HTMLElement {
  const list = el(
    'ul',
    {
      className: 'map-key',
      ...(options.labelledBy ? { attrs: { 'aria-labelledby': options.labelledBy } } : {}),
    },
    entries.map((entry) =>
      el('li', { className: 'map-key-entry' }, [
        // The swatch repeats what the label says: screen readers skip it.
        el('span', {
          className: `map-key-swatch swatch-${entry.id}`,
          text: SWATCH_TEXT[entry.id],
          attrs: { 'aria-hidden': 'true' },
        }),
        el('span', { className: 'map-key-text' }, [
          el('span', { className: 'map-key-label', text: entry.label }),
          // Read between label and explanation, not shown: the two are on lines of their own.
          el('span', { className: 'visually-hidden', text: ': ' }),
          el('span', { className: 'map-key-explanation', text: entry.explanation }),
        ]),
      ]),
    ),
  );
  for (const [name, value] of Object.entries(MAP_KEY_COLOURS)) list.style.setProperty(name, value);
  return list;
}

/** The key as a section of the panel's text, under its own heading. */
export function buildMapKeySection(entries: readonly MapKeyEntry[]): HTMLElement {
  const headingId = 'panel-key-title';
  return el('section', { className: 'panel-section panel-key', attrs: { 'aria-labelledby': headingId } }, [
    el('h2', { text: 'Key to the map', attrs: { id: headingId } }),
    buildMapKey(entries, { labelledBy: headingId }),
  ]);
}
