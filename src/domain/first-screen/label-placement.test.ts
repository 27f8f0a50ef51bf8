import { describe, expect, it } from 'vitest';
import { breakLines, placeLabels, textWidthEm } from './label-placement';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe('greedy label placement', () => {
  it('gives each label its first free box, in priority order, and drops what finds none', () => {
    const placed = placeLabels(
      [
        { key: 'party', boxes: [box(0, 0, 10, 10)], required: true },
        { key: 'name', boxes: [box(5, 5, 15, 15), box(20, 0, 30, 10)], required: true },
        { key: 'sea', boxes: [box(25, 5, 35, 15)], required: false },
        { key: 'other', boxes: [box(40, 0, 50, 10)], required: false },
      ],
      [box(45, 5, 46, 6)],
    );
    expect(placed).toEqual([
      { key: 'party', box: box(0, 0, 10, 10), choice: 0 },
      { key: 'name', box: box(20, 0, 30, 10), choice: 1 },
    ]);
  });

  it('draws a required label that finds no free box where it overlaps least', () => {
    const placed = placeLabels([
      { key: 'a', boxes: [box(0, 0, 10, 10)], required: true },
      { key: 'b', boxes: [box(0, 0, 10, 10), box(8, 0, 18, 10)], required: true },
    ]);
    expect(placed[1]).toEqual({ key: 'b', box: box(8, 0, 18, 10), choice: 1 });
  });

  it('lets boxes that only touch stand side by side', () => {
    expect(
      placeLabels([
        { key: 'a', boxes: [box(0, 0, 10, 10)], required: false },
        { key: 'b', boxes: [box(10, 0, 20, 10)], required: false },
      ]).map((p) => p.key),
    ).toEqual(['a', 'b']);
  });
});

describe('text widths and line breaks', () => {
  it('estimates a width in ems from the characters, the weight and the letter spacing', () => {
    expect(textWidthEm('Baku', 'regular')).toBeCloseTo(0.66 + 3 * 0.54, 10);
    expect(textWidthEm('AM', 'semibold', 0.16)).toBeCloseTo(2 * 0.66 * 1.05 + 2 * 0.16, 10);
  });

  it('breaks a label at spaces into balanced lines, as many as it is wide in maximum widths', () => {
    expect(breakLines('Nakhchivan (Azerbaijan)', 'regular', 7)).toEqual(['Nakhchivan', '(Azerbaijan)']);
    // The sea's letter spacing (0.08 em) takes it past its 6 ems, as MapLibre breaks it.
    expect(breakLines('Caspian Sea', 'italic', 6, 0.08)).toEqual(['Caspian', 'Sea']);
    expect(breakLines('Caspian Sea', 'italic', 6)).toEqual(['Caspian Sea']);
    expect(breakLines('Northern Cyprus (disputed)', 'regular', 7)).toEqual(['Northern Cyprus', '(disputed)']);
    expect(breakLines('Armenia', 'regular', 2)).toEqual(['Armenia']);
    expect(breakLines('Gulf of Aden', 'regular', 8)).toEqual(['Gulf of Aden']);
  });
});
