import { describe, expect, it } from 'vitest';
import { CROWD_THRESHOLD, isCrowded, isCrowdPlace } from './crowd';

const point = (group: 'story' | 'reaction') => ({ geometry: { type: 'Point' }, properties: { group } });
const area = (group: 'story' | 'reaction') => ({ geometry: { type: 'Polygon' }, properties: { group } });

describe('the crowd', () => {
  it('is the points outside the story', () => {
    expect([point('reaction'), point('story'), area('reaction'), area('story')].map(isCrowdPlace)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('is clustered beyond 200 of them, story places and areas not counted', () => {
    expect(CROWD_THRESHOLD).toBe(200);
    const atlas = (crowd: number) => [
      point('story'),
      area('reaction'),
      ...Array.from({ length: crowd }, () => point('reaction')),
    ];
    expect([isCrowded(atlas(200)), isCrowded(atlas(201))]).toEqual([false, true]);
    expect(isCrowded(Array.from({ length: 300 }, () => point('story')))).toBe(false);
  });
});
