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
  it('takes the first free placement that covers no label, then one that covers a label over a smaller tier', () => {
    const items: LayoutItem<'card' | 'name'>[] = [
      {
        id: 'baku',
        anchor: box(500, 300, 10, 10),
        candidates: [
          { mode: 'card', tier: 0, box: box(280, 90) }, // covers the label
          { mode: 'card', tier: 0, box: box(520, 300) }, // free
          { mode: 'name', tier: 1, box: box(520, 280, 60, 16) },
        ],
      },
      {
        id: 'yerevan',
        anchor: box(320, 140, 10, 10),
        candidates: [
          { mode: 'card', tier: 0, box: box(290, 95) }, // covers the label
          { mode: 'card', tier: 0, box: box(700, 590) }, // leaves the frame
        ],
      },
    ];
    const asked: Box[] = [];
    const result = layoutMarkers(items, frame, (b) => {
      asked.push(b);
      return b.left < label.right && label.left < b.right && b.top < label.bottom && label.top < b.bottom
        ? ['label-1']
        : [];
    });
    expect([...result]).toEqual([
      ['baku', { mode: 'card', box: box(520, 300), covers: [] }],
      ['yerevan', { mode: 'card', box: box(290, 95), covers: ['label-1'] }],
    ]);
    // Each candidate that is looked at asks the map for its labels once, not again once chosen.
    expect(asked).toEqual([box(280, 90), box(520, 300), box(290, 95)]);
  });

  it('falls back to the last candidate when none fits, reports the labels it covers, and keeps later items off it', () => {
    const fallback = box(-50, 10, 60, 16);
    const items: LayoutItem<'card' | 'name'>[] = [
      {
        id: 'ganja',
        candidates: [
          { mode: 'card', tier: 0, box: box(750, 10) }, // leaves the frame on the right
          { mode: 'name', tier: 1, box: fallback }, // leaves it on the left
        ],
      },
      {
        id: 'shusha',
        candidates: [
          { mode: 'card', tier: 0, box: box(0, 0) }, // overlaps ganja's fallback
          { mode: 'card', tier: 0, box: box(200, 200) },
        ],
      },
    ];
    const result = layoutMarkers(items, frame, (b) => (b === fallback ? ['label-2'] : []));
    expect([...result]).toEqual([
      ['ganja', { mode: 'name', box: fallback, covers: ['label-2'] }],
      ['shusha', { mode: 'card', box: box(200, 200), covers: [] }],
    ]);
  });

  it('leaves out an item without candidates, whose anchor still keeps the others off', () => {
    const items: LayoutItem<'card'>[] = [
      { id: 'dot-only', anchor: box(10, 10, 10, 10), candidates: [] },
      {
        id: 'baku',
        candidates: [
          { mode: 'card', tier: 0, box: box(0, 0) }, // covers dot-only's anchor
          { mode: 'card', tier: 0, box: box(0, 100) },
        ],
      },
    ];
    expect([...layoutMarkers(items, frame)]).toEqual([
      ['baku', { mode: 'card', box: box(0, 100), covers: [] }],
    ]);
  });
});
