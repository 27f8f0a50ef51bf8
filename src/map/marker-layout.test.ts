import { describe, expect, it } from 'vitest';
import { layoutMarkers, type Box, type LayoutItem } from './marker-layout';

const box = (left: number, top: number, width = 100, height = 30): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const frame = box(0, 0, 800, 600);
/** A basemap label at 300,100: the only obstacle. */
const label = box(300, 100, 60, 20);

describe('layoutMarkers', () => {
  const result = (placement: string, b: Box, tier: number, extra: object = {}) => ({
    placement,
    box: b,
    tier,
    distance: 0,
    named: true,
    covers: [],
    ...extra,
  });

  it('takes the first free placement that covers no label, then one that covers a label, in the fullest tier with room', () => {
    const items: LayoutItem<'card' | 'name'>[] = [
      {
        id: 'baku',
        anchor: box(500, 300, 10, 10),
        candidates: [
          { placement: 'card', tier: 0, box: box(280, 90) }, // covers the label
          { placement: 'card', tier: 0, box: box(520, 300) }, // free
          { placement: 'name', tier: 1, box: box(520, 280, 60, 16) },
        ],
      },
      {
        id: 'yerevan',
        anchor: box(320, 140, 10, 10),
        candidates: [
          { placement: 'card', tier: 0, box: box(290, 95) }, // covers the label
          { placement: 'card', tier: 0, box: box(700, 590) }, // leaves the frame
        ],
      },
    ];
    const asked: Box[] = [];
    const placed = layoutMarkers(items, frame, (b) => {
      asked.push(b);
      return b.left < label.right && label.left < b.right && b.top < label.bottom && label.top < b.bottom
        ? [{ id: 'label-1', fixed: false }]
        : [];
    });
    expect([...placed]).toEqual([
      ['baku', result('card', box(520, 300), 0)],
      ['yerevan', result('card', box(290, 95), 0, { covers: ['label-1'] })],
    ]);
    // Each candidate that is looked at asks the map for its labels once, not again once chosen:
    // baku's name in the first pass; in the second, its card over the label is not free by then
    // (yerevan's card is there), so the map is not asked about it.
    expect(asked).toEqual([box(520, 280, 60, 16), box(290, 95), box(520, 300)]);
  });

  it('falls back to the last candidate when none fits, reports the labels it covers, and keeps later items off it', () => {
    const fallback = box(-50, 10, 60, 16);
    const items: LayoutItem<'card' | 'name'>[] = [
      {
        id: 'ganja',
        candidates: [
          { placement: 'card', tier: 0, box: box(750, 10) }, // leaves the frame on the right
          { placement: 'name', tier: 1, box: fallback }, // leaves it on the left
        ],
      },
      {
        id: 'shusha',
        candidates: [
          { placement: 'card', tier: 0, box: box(0, 0) }, // overlaps ganja's fallback
          { placement: 'card', tier: 0, box: box(200, 200) },
        ],
      },
    ];
    const placed = layoutMarkers(items, frame, (b) =>
      b === fallback ? [{ id: 'label-2', fixed: false }] : [],
    );
    expect([...placed]).toEqual([
      ['ganja', result('name', fallback, 1, { covers: ['label-2'] })],
      ['shusha', result('card', box(200, 200), 0)],
    ]);
  });

  it('leaves out an item without candidates, whose anchor still keeps the others off', () => {
    const items: LayoutItem<'card'>[] = [
      { id: 'dot-only', anchor: box(10, 10, 10, 10), candidates: [] },
      {
        id: 'baku',
        candidates: [
          { placement: 'card', tier: 0, box: box(0, 0) }, // covers dot-only's anchor
          { placement: 'card', tier: 0, box: box(0, 100) },
        ],
      },
    ];
    expect([...layoutMarkers(items, frame)]).toEqual([['baku', result('card', box(0, 100), 0)]]);
  });

  it('names every item before any gets its full annotation, then upgrades where there is room', () => {
    // A full card for the first item would take the only spot where the second can be named.
    const items: LayoutItem<string>[] = [
      {
        id: 'baku',
        anchor: box(100, 100, 10, 10),
        candidates: [
          { placement: 'card', tier: 0, box: box(115, 90, 200, 40) },
          { placement: 'name', tier: 1, box: box(115, 95, 60, 16) },
          { placement: 'dot', tier: 2, box: box(100, 100, 10, 10), bare: true },
        ],
      },
      {
        id: 'stepanakert',
        anchor: box(250, 100, 10, 10),
        candidates: [
          { placement: 'card', tier: 0, box: box(265, 90, 200, 40) },
          { placement: 'name', tier: 1, box: box(200, 95, 45, 16) },
          { placement: 'dot', tier: 2, box: box(250, 100, 10, 10), bare: true },
        ],
      },
    ];
    expect([...layoutMarkers(items, frame)]).toEqual([
      ['baku', result('name', box(115, 95, 60, 16), 1)],
      ['stepanakert', result('card', box(265, 90, 200, 40), 0)],
    ]);
  });

  it('never covers a fixed obstacle: an item with no other room shows its bare dot, named false', () => {
    const party = box(300, 100, 100, 20);
    const under = (b: Box) =>
      b.left < party.right && party.left < b.right && b.top < party.bottom && party.top < b.bottom
        ? [{ id: 'Azerbaijan', fixed: true }]
        : [];
    const items: LayoutItem<string>[] = [
      {
        id: 'baku',
        anchor: box(340, 125, 10, 10),
        candidates: [
          { placement: 'name-above', tier: 1, box: box(320, 100, 60, 16) },
          { placement: 'dot', tier: 2, box: box(340, 125, 10, 10), bare: true },
        ],
      },
      {
        id: 'ganja',
        candidates: [
          { placement: 'name-on-label', tier: 1, box: box(310, 90, 60, 16) },
          { placement: 'name-leader', tier: 1, box: box(310, 60, 60, 16), leader: box(330, 76, 1, 30) },
          { placement: 'name-far', tier: 1, box: box(500, 60, 60, 16), distance: 2 },
        ],
      },
    ];
    expect([...layoutMarkers(items, frame, under)]).toEqual([
      ['baku', result('dot', box(340, 125, 10, 10), 2, { named: false })],
      // The leader line would cross the party's label.
      ['ganja', result('name-far', box(500, 60, 60, 16), 1, { distance: 2 })],
    ]);
  });

  it('upgrades an item no farther from its place than its name', () => {
    const items: LayoutItem<string>[] = [
      {
        id: 'yerevan',
        candidates: [
          { placement: 'card-far', tier: 0, box: box(400, 400, 200, 40), distance: 2 },
          { placement: 'name', tier: 1, box: box(100, 100, 60, 16) },
        ],
      },
    ];
    expect([...layoutMarkers(items, frame)]).toEqual([['yerevan', result('name', box(100, 100, 60, 16), 1)]]);
  });
});
