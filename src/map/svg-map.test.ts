// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { el } from '../dom/el';
import { lngLatOf, worldPoint } from '../domain/first-screen/web-mercator';
import { SvgMap } from './svg-map';

const SVG_NS = 'http://www.w3.org/2000/svg';

const mercator = { project: worldPoint, unproject: lngLatOf };

/** A map region of 800x500 px holding an SVG with two place links. */
function setUp() {
  const container = el('div', { attrs: { id: 'map' } });
  container.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 800, height: 500 });
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [id, name] of [
    ['baku', 'Baku'],
    ['yerevan', 'Yerevan'],
  ] as const) {
    const a = document.createElementNS(SVG_NS, 'a');
    a.setAttribute('href', `#place=${id}`);
    a.dataset.place = id;
    a.textContent = name;
    svg.append(a);
  }
  container.append(svg);
  document.body.append(container);
  const map = new SvgMap({
    container,
    svg,
    view: { lng: 47, lat: 40, zoom: 5 },
  });
  return {
    container,
    svg,
    map,
    link: (id: string) => svg.querySelector<SVGAElement>(`a[data-place="${id}"]`)!,
  };
}

const summary = (headingId: string) =>
  el('div', {}, [
    el('h2', { text: 'Baku', attrs: { id: headingId } }),
    el('p', { text: 'Talks were held.' }),
  ]);

describe('SvgMap', () => {
  let ctx: ReturnType<typeof setUp>;
  beforeEach(() => {
    ctx = setUp();
  });
  afterEach(() => {
    ctx.map.remove();
    document.body.replaceChildren();
  });

  it('shows its view as the viewBox: the container at the zoom, around the centre', () => {
    const [x, y] = mercator.project([47, 40]);
    // 800x500 px at zoom 5 are 25x15.625 units of the zoom-0 world.
    expect(ctx.svg.getAttribute('viewBox')).toBe(
      [x - 12.5, y - 7.8125, 25, 15.625].map((n) => n.toFixed(3)).join(' '),
    );
    expect(ctx.svg.style.getPropertyValue('--fs-k')).toBe('32');
    expect(ctx.svg.classList.contains('is-live')).toBe(true);
    const view = ctx.map.view();
    expect(view.lng).toBeCloseTo(47, 9);
    expect(view.lat).toBeCloseTo(40, 9);
    expect(view.zoom).toBe(5);
  });

  it('tells what it shows, less an inset', () => {
    const { bounds, zoom, size } = ctx.map.visible({ top: 0, right: 0, bottom: 100, left: 0 });
    expect(zoom).toBe(5);
    expect(size).toEqual({ width: 800, height: 500 });
    // 400 px each side of the centre at 2^5 px per unit: 12.5 units, 8.7890625 degrees.
    expect(bounds[0]).toBeCloseTo(47 - 8.7890625, 9);
    expect(bounds[2]).toBeCloseTo(47 + 8.7890625, 9);
    // 250 px up, 150 px down (100 px kept clear at the bottom).
    expect(bounds[3]).toBeCloseTo(
      mercator.unproject([mercator.project([47, 40])[0], mercator.project([47, 40])[1] - 250 / 32])[1],
      9,
    );
    expect(bounds[1]).toBeCloseTo(
      mercator.unproject([mercator.project([47, 40])[0], mercator.project([47, 40])[1] + 150 / 32])[1],
      9,
    );
  });

  it('fits bounds in the room the padding leaves, no closer than maxZoom, and reports the move', () => {
    const moved = vi.fn();
    ctx.map.onViewChange(moved);
    // 10 degrees of longitude are 14.222 units: 700 px of room give 2^5.621 px per unit.
    ctx.map.move({
      kind: 'fit',
      bounds: [40, 38, 50, 42],
      padding: { top: 50, right: 50, bottom: 50, left: 50 },
      maxZoom: 9,
    });
    const fitted = ctx.map.view();
    const [x0, y0] = mercator.project([40, 42]);
    const [x1, y1] = mercator.project([50, 38]);
    const expected = Math.log2(Math.min(700 / (x1 - x0), 400 / (y1 - y0)));
    expect(fitted.zoom).toBeCloseTo(expected, 9);
    expect(fitted.lng).toBeCloseTo(45, 9);
    expect(moved).toHaveBeenCalledTimes(1);
    ctx.map.move({
      kind: 'fit',
      bounds: [44.9, 39.9, 45.1, 40.1],
      padding: { top: 0, right: 0, bottom: 0, left: 0 },
      maxZoom: 9,
    });
    expect(ctx.map.view().zoom).toBe(9);
    ctx.map.move({ kind: 'jump', center: [10, 10], zoom: 30 });
    expect(ctx.map.view().zoom).toBe(12);
    ctx.map.move({ kind: 'jump', center: [10, 10], zoom: 0 });
    expect(ctx.map.view().zoom).toBe(1.5);
  });

  it("puts a jump's centre `offset` pixels from the map's centre", () => {
    ctx.map.move({ kind: 'jump', center: [47, 40], zoom: 5, offset: [100, 0] });
    // The place is 100 px right of the centre: the centre is 100 px (3.125 units) left of it.
    expect(ctx.map.view().lng).toBeCloseTo(47 - (3.125 / 512) * 360, 9);
  });

  it('chooses a place when its link is pressed, without the browser following the link', () => {
    const chosen = vi.fn();
    const hits = vi.fn();
    ctx.map.showMarkers([], { maxMarkers: 12, onActivate: chosen });
    ctx.map.onClick(hits);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    ctx.link('yerevan').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(chosen).toHaveBeenCalledWith('yerevan');
    expect(hits).toHaveBeenCalledWith({ kind: 'place', placeId: 'yerevan' });
  });

  it('dims the links of places with no fact in the chosen dates, and only those', () => {
    const place = (id: string, outside?: boolean) => ({
      id,
      kind: 'point' as const,
      name: id,
      factCount: outside ? 0 : 3,
      priority: 0,
      order: 0,
      lngLat: [0, 0] as [number, number],
      ...(outside ? { outside } : {}),
    });
    ctx.map.showMarkers([place('baku'), place('yerevan', true)], { maxMarkers: 12, onActivate: vi.fn() });
    expect(ctx.link('yerevan').classList.contains('is-outside')).toBe(true);
    expect(ctx.link('baku').classList.contains('is-outside')).toBe(false);
    ctx.map.showMarkers([place('baku'), place('yerevan')], { maxMarkers: 12, onActivate: vi.fn() });
    expect(ctx.link('yerevan').classList.contains('is-outside')).toBe(false);
  });

  it('marks the selected and expanded place on its link', () => {
    ctx.map.setSelectedPlace('baku');
    ctx.map.setExpandedPlace('baku');
    expect(ctx.link('baku').classList.contains('is-selected')).toBe(true);
    expect(ctx.link('yerevan').classList.contains('is-selected')).toBe(false);
    expect(ctx.link('baku').getAttribute('aria-expanded')).toBe('true');
    expect(ctx.link('yerevan').getAttribute('aria-expanded')).toBe('false');
    expect(ctx.map.markerButton('baku')).toBe(ctx.link('baku'));
    expect(ctx.map.markerButton('nowhere')).toBeUndefined();
  });

  it('opens a labelled dialog with focus on its heading; Escape closes it and tells the page', async () => {
    await ctx.map.preparePopup();
    const onClose = vi.fn();
    ctx.map.openPopup(
      {
        lngLat: [49.87, 40.41],
        content: summary('popup-baku-title'),
        labelledBy: 'popup-baku-title',
        keepInView: false,
        onClose,
      },
      'baku',
    );
    const dialog = document.getElementById('place-popup')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBe('popup-baku-title');
    expect(document.activeElement?.id).toBe('popup-baku-title');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(document.getElementById('place-popup')).toBeNull();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes the popup by code without telling the page, and by its button telling it', () => {
    const onClose = vi.fn();
    const request = {
      lngLat: [49.87, 40.41] as [number, number],
      labelledBy: 'h',
      keepInView: false,
      onClose,
    };
    ctx.map.openPopup({ ...request, content: summary('h') });
    ctx.map.closePopup();
    expect(document.getElementById('place-popup')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    ctx.map.openPopup({ ...request, content: summary('h') });
    document.querySelector<HTMLButtonElement>('.svg-popup-close')!.click();
    expect(document.getElementById('place-popup')).toBeNull();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows the key in the map and takes it and its listeners away on remove', () => {
    ctx.map.showKey(el('ul', { className: 'map-key' }, [el('li', { text: 'Place in the story' })]));
    expect(ctx.container.querySelector('.svg-map-key .key-control-button')?.textContent).toBe('Key');
    const chosen = vi.fn();
    ctx.map.showMarkers([], { maxMarkers: 12, onActivate: chosen });
    ctx.map.remove();
    expect(ctx.container.querySelector('.svg-map-key')).toBeNull();
    ctx.link('baku').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(chosen).not.toHaveBeenCalled();
    // The SVG itself stays (the caller fades it out).
    expect(ctx.container.querySelector('svg')).not.toBeNull();
  });

  it('takes its places out of the Tab order as it starts to leave, and is off the screen after its fade', async () => {
    vi.useFakeTimers();
    try {
      ctx.map.remove();
      const retired = ctx.map.retire();
      expect(ctx.svg.getAttribute('class')).toBe('is-live is-leaving');
      expect(['baku', 'yerevan'].map((id) => ctx.link(id).getAttribute('tabindex'))).toEqual(['-1', '-1']);
      await vi.advanceTimersByTimeAsync(249);
      expect(ctx.svg.classList.contains('is-retired')).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await retired;
      expect(ctx.svg.getAttribute('class')).toBe('is-live is-leaving is-retired');
    } finally {
      vi.useRealTimers();
    }
  });
});
