// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeMap, stubDocumentFonts, type FakeMap } from '../../tests/helpers/fake-map';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { PlaceMarkers, type MarkerPlace, type PlaceMarkersOptions } from './place-markers';

// The fake map shows [44, 38, 52, 44] (west, south, east, north) on 800 x 600 px.
const point = (
  id: string,
  lngLat: [number, number],
  priority: number,
  extra: Partial<MarkerPlace> = {},
): MarkerPlace => ({
  id,
  kind: 'point',
  name: id,
  factCount: 2,
  priority,
  order: 0,
  lngLat,
  ...extra,
});

const STEPANAKERT = point('stepanakert', [46.75, 39.82], 10, {
  name: 'Stepanakert',
  badge: 'Disputed',
  altLine: [
    { text: 'Xankəndi', lang: 'az' },
    { text: 'Ստեփանակերտ', lang: 'hy' },
  ],
  caption: 'Capital of the breakaway region',
  factCount: 3,
});

const markerIds = (fake: FakeMap) =>
  [...fake.canvasContainer.querySelectorAll<HTMLElement>('.place-marker')].map((m) => m.dataset.placeId);
const buttonOf = (id: string) =>
  document.querySelector<HTMLButtonElement>(`.place-marker[data-place-id="${id}"] button`)!;

describe('PlaceMarkers', () => {
  let fake: FakeMap;
  let map: MapLibreMap;
  let fonts: ReturnType<typeof stubDocumentFonts>;
  let markers: PlaceMarkers | undefined;

  beforeEach(() => {
    fonts = stubDocumentFonts();
    ({ fake, map } = createFakeMap());
  });

  afterEach(() => {
    markers?.remove();
    markers = undefined;
    fonts.restore();
    document.body.replaceChildren();
  });

  const show = (places: MarkerPlace[], options: Partial<PlaceMarkersOptions> = {}) => {
    markers = new PlaceMarkers(map, places, { maxMarkers: 10, onActivate: vi.fn(), ...options });
    markers.update();
    return markers;
  };

  it('creates markers for the places in view, at most maxMarkers, highest priority first', () => {
    show(
      [
        point('low', [45, 39], 1),
        point('top', [46, 40], 5),
        point('outside', [60, 40], 9),
        point('third', [47, 41], 3),
        point('second', [48, 42], 4),
      ],
      { maxMarkers: 3 },
    );
    expect(markerIds(fake)).toEqual(['top', 'second', 'third']);
  });

  it('gives a region a marker when its box overlaps the view, even with its centre outside', () => {
    show([
      { ...point('region', [53, 41], 1), kind: 'region', bbox: [51, 40, 55, 42] },
      { ...point('away', [58, 41], 1), kind: 'region', bbox: [56, 40, 60, 42] },
    ]);
    expect(markerIds(fake)).toEqual(['region']);
  });

  it('makes each marker a button whose text is its accessible name, separators visually hidden', () => {
    show([STEPANAKERT, point('baku', [49.87, 40.41], 1, { name: 'Baku', factCount: 1 })]);
    const button = buttonOf('stepanakert');
    expect(button.textContent).toBe(
      'Stepanakert Disputed. Xankəndi · Ստեփանակերտ. Capital of the breakaway region. 3 facts',
    );
    expect([...button.querySelectorAll('.visually-hidden')].map((s) => s.textContent)).toEqual([
      '. ',
      '. ',
      '. ',
    ]);
    expect(
      [...button.querySelectorAll('.marker-alt [lang]')].map((s) => [s.getAttribute('lang'), s.textContent]),
    ).toEqual([
      ['az', 'Xankəndi'],
      ['hy', 'Ստեփանակերտ'],
    ]);
    expect(button.querySelector('.marker-badge')?.textContent).toBe('Disputed');
    expect(button.querySelector('.marker-caption')?.textContent).toBe('Capital of the breakaway region');
    expect({
      type: button.getAttribute('type'),
      haspopup: button.getAttribute('aria-haspopup'),
      expanded: button.getAttribute('aria-expanded'),
      className: button.className,
    }).toEqual({ type: 'button', haspopup: 'dialog', expanded: 'false', className: 'place-marker-button' });
    // A plain place: name and count only, "fact" in the singular, no lang attributes.
    const baku = buttonOf('baku');
    expect(baku.textContent).toBe('Baku. 1 fact');
    expect(baku.querySelectorAll('[lang]').length).toBe(0);
  });

  it('gives a point a hit area and a region none', () => {
    show([point('p', [46, 40], 1), { ...point('r', [47, 41], 1), kind: 'region', bbox: [46, 40, 48, 42] }]);
    expect(buttonOf('p').querySelectorAll('.marker-hit').length).toBe(1);
    expect(buttonOf('r').querySelectorAll('.marker-hit').length).toBe(0);
    expect(buttonOf('r').closest('.place-marker')?.classList.contains('kind-region')).toBe(true);
  });

  it('calls onActivate with the place and its button on a click, which goes no further than the marker', () => {
    const onActivate = vi.fn();
    show([STEPANAKERT], { onActivate });
    const reachedMap = vi.fn();
    fake.container.addEventListener('click', reachedMap);
    buttonOf('stepanakert').click();
    expect(onActivate.mock.calls).toEqual([['stepanakert', buttonOf('stepanakert')]]);
    expect(reachedMap).toHaveBeenCalledTimes(0);
  });

  it('setSelected marks exactly one button, also one created after it', () => {
    show([point('a', [45, 39], 2), point('b', [46, 40], 1)]);
    markers!.setSelected('b');
    expect(['a', 'b'].map((id) => buttonOf(id).classList.contains('is-selected'))).toEqual([false, true]);
    markers!.setSelected('a');
    expect(['a', 'b'].map((id) => buttonOf(id).classList.contains('is-selected'))).toEqual([true, false]);
    markers!.setSelected(null);
    expect(['a', 'b'].map((id) => buttonOf(id).classList.contains('is-selected'))).toEqual([false, false]);
  });

  it('a marker created while its place is selected starts selected', () => {
    const places = [point('a', [45, 39], 2), point('later', [53, 39], 1)];
    show(places);
    markers!.setSelected('later');
    fake.bounds = [44, 38, 54, 44];
    fake.fire('moveend');
    expect(markerIds(fake)).toEqual(['a', 'later']);
    expect(buttonOf('later').classList.contains('is-selected')).toBe(true);
  });

  it('setExpanded sets aria-expanded on every button and aria-controls on the expanded one only', () => {
    show([point('a', [45, 39], 2), point('b', [46, 40], 1)]);
    const aria = () =>
      ['a', 'b'].map((id) => [
        buttonOf(id).getAttribute('aria-expanded'),
        buttonOf(id).getAttribute('aria-controls'),
      ]);
    markers!.setExpanded('b', 'place-popup');
    expect(aria()).toEqual([
      ['false', null],
      ['true', 'place-popup'],
    ]);
    markers!.setExpanded('a', 'place-popup');
    expect(aria()).toEqual([
      ['true', 'place-popup'],
      ['false', null],
    ]);
    markers!.setExpanded(null);
    expect(aria()).toEqual([
      ['false', null],
      ['false', null],
    ]);
  });

  it('follows the map: a move drops the markers that left the view, except the focused one', () => {
    show([point('west', [45, 39], 2), point('east', [51, 39], 1), point('focused', [50, 40], 1)]);
    buttonOf('focused').focus();
    fake.bounds = [44, 38, 48, 44];
    fake.fire('moveend');
    expect(markerIds(fake)).toEqual(['west', 'focused']);
    fake.bounds = [50.5, 38, 54, 44];
    fake.fire('resize');
    expect(markerIds(fake)).toEqual(['focused', 'east']);
  });

  it('reports the places whose markers name them and the obstacles they had to cover after each layout', () => {
    const onLayout = vi.fn();
    // Every box sits on a basemap label that may be faded: each marker covers it.
    show([point('a', [45, 39], 2), point('b', [50, 42], 1)], {
      onLayout,
      obstaclesUnder: () => [{ id: 'label-1', fixed: false }],
    });
    expect(onLayout.mock.calls).toEqual([[new Set(['label-1']), ['a', 'b']]]);
  });

  it('never covers a fixed label: with one under every placement, a point shows its bare dot and is not named', () => {
    const onLayout = vi.fn();
    show([point('a', [45, 39], 2)], { onLayout, obstaclesUnder: () => [{ id: 'Azerbaijan', fixed: true }] });
    expect(onLayout.mock.calls).toEqual([[new Set(), []]]);
    expect(buttonOf('a').closest('.place-marker')!.classList.contains('mode-dot')).toBe(true);
  });

  it('puts the markers in the article’s order of places, whatever their priority, keeping the focused one in place', () => {
    const places = [
      point('region', [45, 39], 9, { order: 2 }),
      point('town', [46, 40], 5, { order: 0 }),
      point('capital', [47, 41], 7, { order: 1 }),
      point('later', [53, 39], 8, { order: 3 }),
    ];
    show(places);
    expect(markerIds(fake)).toEqual(['town', 'capital', 'region']);
    buttonOf('capital').focus();
    fake.bounds = [44, 38, 54, 44];
    fake.fire('moveend');
    expect(markerIds(fake)).toEqual(['town', 'capital', 'region', 'later']);
    expect(document.activeElement).toBe(buttonOf('capital'));
  });

  it('lays out again when the markers’ own font has loaded, not for other fonts', () => {
    const onLayout = vi.fn();
    show([point('a', [45, 39], 1)], { onLayout });
    buttonOf('a').style.fontFamily = '"Noto Sans", sans-serif';
    const loaded = (family: string) =>
      fonts.fonts.dispatchEvent(Object.assign(new Event('loadingdone'), { fontfaces: [{ family }] }));
    loaded('"Noto Sans Armenian"');
    expect(onLayout).toHaveBeenCalledTimes(1);
    loaded('Noto Sans');
    expect(onLayout).toHaveBeenCalledTimes(2);
  });

  it('remove() removes every marker element and every listener it and its markers added', () => {
    show([STEPANAKERT, point('a', [45, 39], 1)]);
    expect(fonts.active()).toEqual(['loadingdone']);
    expect(fake.listenerKeys()).toEqual(
      [
        'moveend',
        'resize',
        ...['click', 'idle', 'move', 'moveend', 'projectiontransition', 'terrain'],
        ...['click', 'idle', 'move', 'moveend', 'projectiontransition', 'terrain'],
      ].sort(),
    );
    markers!.remove();
    expect(document.querySelectorAll('.place-marker').length).toBe(0);
    expect(fake.listenerKeys()).toEqual([]);
    expect(fonts.active()).toEqual([]);
    // The map moving no longer brings markers back.
    fake.fire('moveend');
    expect(document.querySelectorAll('.place-marker').length).toBe(0);
    markers = undefined;
  });
});
