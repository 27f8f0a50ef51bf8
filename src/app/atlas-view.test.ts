// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_NAMES, SECOND_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { createFakeMap, stubDocumentFonts, type FakeMap } from '../../tests/helpers/fake-map';
import { buildAtlasModel } from '../domain/atlas-model';
import { mapFeatures } from '../domain/atlas-summary';
import { validateAtlas } from '../domain/validate-atlas';
import { el } from '../dom/el';
import { planAtlasLayers } from '../map/atlas-layers';
import { MapAdapter } from '../map/map-adapter';
import { ArticlePanel } from '../ui/article-panel';
import { AtlasView } from './atlas-view';
import { parseLink } from './link';
import { initialState, type SelectionOrigin } from './page-state';
import { PageStore } from './store';

// A fixture atlas (not the seed): three points and a square around Tbilisi, Batumi and Lagodekhi.
const model = buildAtlasModel(validateAtlas(readAtlasFiles(SECOND_ATLAS_DIR), FILE_NAMES).atlas!);
const isPlace = (id: string) => model.placeById.has(id);

describe('AtlasView', () => {
  let fake: FakeMap;
  let adapter: MapAdapter;
  let store: PageStore;
  let view: AtlasView;
  let fonts: ReturnType<typeof stubDocumentFonts>;

  beforeEach(async () => {
    fonts = stubDocumentFonts();
    // The map shows Tbilisi and Lagodekhi; Batumi lies west of it.
    const created = createFakeMap({ bounds: [44, 40, 48, 44] });
    fake = created.fake;
    const plan = planAtlasLayers(mapFeatures(model));
    fake.replaceStyle({ sources: plan.sources, layers: plan.layers });
    adapter = new MapAdapter(created.map, plan);
    store = new PageStore(initialState(null, parseLink(''), isPlace), isPlace);
    const element = el('section');
    document.body.append(element);
    const panel = new ArticlePanel(element, {
      article: model.atlas.article,
      places: model.orderedPlaces,
      factCount: (id) => model.factsOf(id).length,
      details: (place, headingId) => el('h3', { text: place.properties.name, attrs: { id: headingId } }),
      onChoose: (placeId) => store.dispatch({ type: 'select-place', placeId, origin: 'panel' }),
    });
    view = new AtlasView(store, adapter, model, panel, { exportPlace: vi.fn(), showAllFacts: vi.fn() });
    // The popup's summary and the framing (a chunk the view loads once the map is there): loaded
    // here, so that each test waits for the popup's code alone.
    await import('./selection');
    await new Promise((done) => setTimeout(done, 0));
    fake.clearLog();
  });

  afterEach(() => {
    view.remove();
    adapter.remove();
    fonts.restore();
    document.body.replaceChildren();
  });

  const select = (placeId: string, origin: SelectionOrigin = 'panel') =>
    store.dispatch({ type: 'select-place', placeId, origin });
  /** The popup's heading id, or null when no popup is open. */
  const openPopup = () => document.getElementById('place-popup')?.getAttribute('aria-labelledby') ?? null;
  /** The markers that say their popup is open: their place, and the popup they point at. */
  const expanded = () =>
    [...document.querySelectorAll<HTMLElement>('.place-marker button[aria-expanded="true"]')].map((b) => [
      b.closest<HTMLElement>('.place-marker')?.dataset.placeId,
      b.getAttribute('aria-controls'),
    ]);
  /** What keepPopupInView asks of the fake map, where happy-dom lays the popup out at 0, 0. */
  const KEEP_IN_VIEW = { method: 'panBy', offset: [-8, -8], options: { duration: 0 } };

  it('selects a place at once, then opens its popup and frames it once the popup’s code is there', async () => {
    select('batumi');
    expect(fake.getFeatureState({ source: 'atlas-places', id: 'batumi' })).toEqual({ selected: true });
    expect(document.querySelector('[aria-current="true"]')?.textContent).toContain('Batumi');
    expect(openPopup()).toBe(null);
    expect(fake.cameraCalls).toEqual([]);
    await adapter.preparePopup();
    expect(openPopup()).toBe('popup-batumi-title');
    expect(document.activeElement?.id).toBe('popup-batumi-title');
    // Chosen in the panel and off the map: framed, then its popup kept in view.
    expect(fake.cameraCalls).toEqual([
      { method: 'jumpTo', options: { center: [41.6367, 41.6417], zoom: 6 } },
      KEEP_IN_VIEW,
    ]);
  });

  it('opens no popup for a place deselected before the popup’s code came', async () => {
    select('batumi');
    store.dispatch({ type: 'deselect' });
    await adapter.preparePopup();
    expect(openPopup()).toBe(null);
    expect(expanded()).toEqual([]);
    expect(fake.cameraCalls).toEqual([]);
    expect(fake.getFeatureState({ source: 'atlas-places', id: 'batumi' })).toEqual({ selected: false });
  });

  it('opens and frames only the place chosen last when another was chosen before the popup’s code came', async () => {
    select('batumi');
    select('lagodekhi');
    await adapter.preparePopup();
    expect(openPopup()).toBe('popup-lagodekhi-title');
    // Lagodekhi is on the map: not moved to, its popup kept in view; Batumi was never framed.
    expect(fake.cameraCalls).toEqual([KEEP_IN_VIEW]);
  });

  it('frames the place without a popup when the popup’s code does not load, and tries again with the next selection', async () => {
    vi.spyOn(adapter, 'preparePopup').mockRejectedValueOnce(new Error('offline'));
    select('batumi');
    await new Promise((done) => setTimeout(done, 0));
    expect(openPopup()).toBe(null);
    expect(fake.cameraCalls).toEqual([
      { method: 'jumpTo', options: { center: [41.6367, 41.6417], zoom: 6 } },
    ]);
    fake.clearLog();
    select('tbilisi', 'map');
    await adapter.preparePopup();
    expect(openPopup()).toBe('popup-tbilisi-title');
  });

  it('opens no popup once removed', async () => {
    select('batumi');
    view.remove();
    await adapter.preparePopup();
    expect(openPopup()).toBe(null);
    expect(fake.cameraCalls).toEqual([]);
  });

  it('after the first popup, opens the next one in the same turn of the event loop', async () => {
    select('batumi');
    await adapter.preparePopup();
    fake.clearLog();
    select('tbilisi', 'map');
    await Promise.resolve();
    expect(openPopup()).toBe('popup-tbilisi-title');
    expect(expanded()).toEqual([['tbilisi', 'place-popup']]);
    // Chosen on the map: not moved, its popup kept in view.
    expect(fake.cameraCalls).toEqual([KEEP_IN_VIEW]);
  });

  it('follows a date filter: the markers count its facts and dim a place with none, the open popup shows them, focus stays', async () => {
    select('tbilisi', 'map');
    await adapter.preparePopup();
    const count = (id: string) =>
      document.querySelector(`.place-marker[data-place-id="${id}"] .marker-count`)?.textContent;
    const dimmed = () =>
      [...document.querySelectorAll<HTMLElement>('.place-marker.is-outside')].map((m) => m.dataset.placeId);
    expect([count('tbilisi'), count('lagodekhi'), dimmed()]).toEqual(['5 facts', '2 facts', []]);
    const elsewhere = el('button', { text: 'On the timeline' });
    document.body.append(elsewhere);
    elsewhere.focus();
    store.dispatch({ type: 'choose-when', when: { kind: 'date', date: '2024-03-14' } });
    expect([count('tbilisi'), count('lagodekhi'), dimmed()]).toEqual([
      '2 facts',
      '0 facts',
      ['lagodekhi', 'tbilisi-test-square'],
    ]);
    expect(openPopup()).toBe('popup-tbilisi-title');
    expect(document.querySelector('#place-popup .summary-filter')?.textContent).toBe(
      '2 of its 5 facts, those of 14 March 2024.',
    );
    expect(expanded()).toEqual([['tbilisi', 'place-popup']]);
    expect(document.activeElement).toBe(elsewhere);
    store.dispatch({ type: 'choose-when', when: null });
    expect([count('tbilisi'), count('lagodekhi'), dimmed()]).toEqual(['5 facts', '2 facts', []]);
    expect(document.querySelector('#place-popup .summary-filter')).toBe(null);
  });
});
