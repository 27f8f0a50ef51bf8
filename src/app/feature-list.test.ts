import { describe, expect, it } from 'vitest';
import { FeatureList, matchingPositions, PAGE_SIZE, pageCount, pageOf } from './feature-list';

/** `count` features keyed f:0… and titled "Point 0"…. */
const points = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `f:${i}`, title: `Point ${i}` }));
const titles = (list: FeatureList) => list.view().rows.map((r) => r.title);

describe('matchingPositions', () => {
  it('finds the titles that contain the text, whatever its case, and every one for a blank text', () => {
    expect(matchingPositions(['baku', 'shusha', 'lachin road'], 'SHU')).toEqual([1]);
    expect(matchingPositions(['baku', 'shusha', 'lachin road'], '  a ')).toEqual([0, 1, 2]);
    expect(matchingPositions(['baku', 'shusha'], '')).toEqual([0, 1]);
    expect(matchingPositions(['baku', 'shusha'], 'yerevan')).toEqual([]);
  });
});

describe('pages', () => {
  it('holds 100 features a page', () => {
    expect(PAGE_SIZE).toBe(100);
    expect([pageOf(0), pageOf(99), pageOf(100), pageOf(99_999)]).toEqual([0, 0, 1, 999]);
    expect([pageCount(0), pageCount(1), pageCount(100), pageCount(101), pageCount(100_000)]).toEqual([
      1, 1, 1, 2, 1000,
    ]);
  });
});

describe('FeatureList', () => {
  it('shows the first 100 of 100,000 features with the count, and turns the pages within their range', () => {
    const list = new FeatureList(points(100_000));
    expect(list.view()).toEqual({
      count: '100,000 features',
      showing: 'Showing 1–100 of 100,000',
      announcement: '',
      rows: points(100).map((p) => ({ ...p, selected: false })),
      previous: false,
      next: true,
    });
    list.turn(-1);
    expect(list.view().showing).toBe('Showing 1–100 of 100,000');
    list.turn(1);
    expect(list.view()).toMatchObject({ showing: 'Showing 101–200 of 100,000', previous: true, next: true });
    expect(titles(list)[0]).toBe('Point 100');
    for (let i = 0; i < 1000; i += 1) list.turn(1);
    expect(list.view()).toMatchObject({
      showing: 'Showing 99,901–100,000 of 100,000',
      previous: true,
      next: false,
    });
    expect(list.view().rows.length).toBe(100);
  });

  it('ends on a short last page', () => {
    const list = new FeatureList(points(250));
    list.turn(1);
    list.turn(1);
    expect(list.view()).toMatchObject({ showing: 'Showing 201–250 of 250', next: false });
    expect(list.view().rows.length).toBe(50);
  });

  it('filters by title, case-insensitive, from the first page, and says how many match', () => {
    const list = new FeatureList(points(100_000));
    list.turn(1);
    list.filter(' POINT 1234 ');
    expect(list.view()).toEqual({
      count: '100,000 features',
      showing: 'Showing 1–11 of 11',
      announcement: '11 of 100,000 features match “POINT 1234”',
      rows: ['f:1234', ...Array.from({ length: 10 }, (_, i) => `f:1234${i}`)].map((key) => ({
        key,
        title: `Point ${key.slice(2)}`,
        selected: false,
      })),
      previous: false,
      next: false,
    });
    expect(list.filterText).toBe('POINT 1234');
    list.filter('Point 99999');
    expect(list.view().announcement).toBe('1 of 100,000 features matches “Point 99999”');
    list.filter('nowhere');
    expect(list.view()).toMatchObject({
      showing: 'No feature matches “nowhere”',
      announcement: '0 of 100,000 features match “nowhere”',
      rows: [],
      previous: false,
      next: false,
    });
    list.filter('');
    expect(list.view()).toMatchObject({ showing: 'Showing 1–100 of 100,000', announcement: '' });
  });

  it('says a single feature and an empty file in their own words', () => {
    expect(new FeatureList(points(1)).view()).toMatchObject({
      count: '1 feature',
      showing: 'Showing 1–1 of 1',
    });
    expect(new FeatureList([]).view()).toMatchObject({
      count: '0 features',
      showing: 'No features to list',
      rows: [],
      previous: false,
      next: false,
    });
  });

  it('goes to the page of a feature selected on the map and marks it; one the filter hides is marked when shown', () => {
    const list = new FeatureList(points(10_000));
    list.select('f:4321');
    expect(list.view().showing).toBe('Showing 4,301–4,400 of 10,000');
    expect(list.view().rows.filter((r) => r.selected)).toEqual([
      { key: 'f:4321', title: 'Point 4321', selected: true },
    ]);
    list.filter('Point 7');
    list.select('f:4321');
    // Hidden by the filter: the page stays where it is.
    expect(list.view().showing).toBe('Showing 1–100 of 1,111');
    expect(list.view().rows.some((r) => r.selected)).toBe(false);
    list.select('f:7000');
    expect(list.view().showing).toBe('Showing 101–200 of 1,111');
    list.select(null);
    expect(list.view().rows.some((r) => r.selected)).toBe(false);
  });

  it('reveals a feature for focus: its page, the filter emptied when it hides it; false for a feature it does not list', () => {
    const list = new FeatureList(points(10_000));
    expect(list.reveal('f:250')).toBe(true);
    expect(list.view().showing).toBe('Showing 201–300 of 10,000');
    list.filter('Point 9');
    expect(list.reveal('f:9050')).toBe(true);
    expect(list.filterText).toBe('Point 9');
    expect(list.view().showing).toBe('Showing 101–200 of 1,111');
    expect(list.reveal('f:250')).toBe(true);
    expect(list.filterText).toBe('');
    expect(list.view().showing).toBe('Showing 201–300 of 10,000');
    expect(list.reveal('g:1')).toBe(false);
  });
});
