// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { MapKeyEntry } from '../domain/map-key';
import { buildMapKey, MAP_KEY_COLOURS } from './map-key';

const PAYLOAD = '<img src=x onerror=alert(1)>';

const entries: MapKeyEntry[] = [
  { id: 'story-place', label: 'Place in the story', explanation: 'Red dot: events' },
  { id: 'disputed-area', label: 'Disputed area', explanation: 'Hatched' },
  { id: 'disputed-badge', label: '“Disputed” tag', explanation: 'Beside a name' },
  { id: 'cluster', label: 'Group of places', explanation: 'Blue circle' },
];

/** Each item as [swatch class, swatch text, label, explanation]. */
const itemsOf = (list: HTMLElement) =>
  [...list.querySelectorAll('li')].map((li) => [
    li.querySelector('.map-key-swatch')?.className,
    li.querySelector('.map-key-swatch')?.textContent,
    li.querySelector('.map-key-label')?.textContent,
    li.querySelector('.map-key-explanation')?.textContent,
  ]);

describe('buildMapKey', () => {
  it('lists each entry with its swatch, label and explanation, in order', () => {
    const list = buildMapKey(entries);
    expect(list.tagName).toBe('UL');
    expect(itemsOf(list)).toEqual([
      ['map-key-swatch swatch-story-place', '', 'Place in the story', 'Red dot: events'],
      ['map-key-swatch swatch-disputed-area', '', 'Disputed area', 'Hatched'],
      ['map-key-swatch swatch-disputed-badge', 'Disputed', '“Disputed” tag', 'Beside a name'],
      ['map-key-swatch swatch-cluster', '24', 'Group of places', 'Blue circle'],
    ]);
    // What a screen reader reads: the swatches are hidden, label and explanation are separated.
    expect([...list.querySelectorAll('[aria-hidden="true"]')].map((n) => n.className)).toEqual([
      'map-key-swatch swatch-story-place',
      'map-key-swatch swatch-disputed-area',
      'map-key-swatch swatch-disputed-badge',
      'map-key-swatch swatch-cluster',
    ]);
    expect([...list.querySelectorAll('.map-key-text')].map((n) => n.textContent)).toEqual([
      'Place in the story: Red dot: events',
      'Disputed area: Hatched',
      '“Disputed” tag: Beside a name',
      'Group of places: Blue circle',
    ]);
  });

  it('draws the swatches in the map colours', () => {
    expect(MAP_KEY_COLOURS).toEqual({
      '--key-story': '#b3261e',
      '--key-reaction': '#1a5fb4',
      '--key-region': '#b3261e',
      '--key-region-tint': 'rgb(179 38 30 / 0.1)',
      '--key-region-hatch': 'rgb(179 38 30 / 0.55)',
      '--key-cluster': 'rgb(26 95 180 / 0.85)',
    });
    const list = buildMapKey(entries);
    expect(Object.keys(MAP_KEY_COLOURS).map((name) => list.style.getPropertyValue(name))).toEqual(
      Object.values(MAP_KEY_COLOURS),
    );
  });

  it('is named by the element given, and by nothing without one', () => {
    expect(buildMapKey(entries, { labelledBy: 'key-title' }).getAttribute('aria-labelledby')).toBe(
      'key-title',
    );
    expect(buildMapKey(entries).hasAttribute('aria-labelledby')).toBe(false);
  });

  it('shows markup in a label or an explanation as text', () => {
    const list = buildMapKey([{ id: 'area', label: PAYLOAD, explanation: `<b>${PAYLOAD}</b>` }]);
    expect(itemsOf(list)).toEqual([['map-key-swatch swatch-area', '', PAYLOAD, `<b>${PAYLOAD}</b>`]]);
    expect(list.querySelectorAll('img, b').length).toBe(0);
  });

  it('gives an empty list for no entries', () => {
    expect(buildMapKey([]).children.length).toBe(0);
  });
});
