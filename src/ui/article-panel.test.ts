// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { validateAtlas } from '../domain/validate-atlas';
import { el } from '../dom/el';
import { ArticlePanel } from './article-panel';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);

/** A screen of `width` pixels, whose width changes can be announced to the panel. */
function screen(width: number) {
  const listeners = new Set<EventListenerOrEventListenerObject>();
  const query = {
    matches: width <= 760,
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      listeners.add(listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      listeners.delete(listener),
  };
  vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList);
  return {
    listeners,
    resize(to: number) {
      query.matches = to <= 760;
      for (const l of listeners) (typeof l === 'function' ? l : l.handleEvent.bind(l))(new Event('change'));
    },
  };
}

function panel(onChoose: (id: string) => void = () => {}) {
  const element = el('aside');
  document.body.replaceChildren(element);
  return new ArticlePanel(element, {
    article: model.atlas.article,
    places: model.orderedPlaces,
    factCount: (id) => model.factsOf(id).length,
    details: (place, headingId) => el('h3', { text: place.properties.name, attrs: { id: headingId } }),
    onChoose,
  });
}

afterEach(() => vi.restoreAllMocks());

describe('ArticlePanel', () => {
  it('marks the selected place’s link with aria-current, and only it', () => {
    screen(1280);
    const p = panel();
    p.highlight('baku');
    const current = () =>
      [...document.querySelectorAll('[aria-current="true"]')].map((n) => n.getAttribute('data-place-id'));
    expect(current()).toEqual(['baku']);
    p.highlight('yerevan');
    expect(current()).toEqual(['yerevan']);
    p.highlight(null);
    expect(current()).toEqual([]);
  });

  it('lists an opened file’s features, marks the selected one, focuses it, and says which was chosen', () => {
    screen(1280);
    const p = panel();
    const chosen: string[] = [];
    const section = p.addImported(
      'towns.geojson',
      [
        { key: 'imported-1:0', title: 'Hadrut' },
        { key: 'imported-1:1', title: 'Shusha' },
      ],
      (key) => chosen.push(key),
      () => {},
    );
    expect(section.querySelector('h2')?.textContent).toBe('Opened file: towns.geojson');
    const buttons = [...section.querySelectorAll<HTMLButtonElement>('[data-imported-key]')];
    buttons[1]!.click();
    expect(chosen).toEqual(['imported-1:1']);
    p.highlightImported('imported-1:1');
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual([null, 'true']);
    p.focusImported('imported-1:0');
    expect(document.activeElement).toBe(buttons[0]);
    p.highlightImported(null);
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual([null, null]);
  });

  it('opens on a wide screen, closes on a narrow one, and stops following the width once removed', () => {
    const display = screen(1280);
    const p = panel();
    const toggle = () => p.element.querySelector('.panel-toggle')!.getAttribute('aria-expanded');
    expect(toggle()).toBe('true');
    display.resize(375);
    expect(toggle()).toBe('false');
    expect(display.listeners.size).toBe(1);
    p.remove();
    expect(display.listeners.size).toBe(0);
    display.resize(1280);
    expect(toggle()).toBe('false');
  });
});
