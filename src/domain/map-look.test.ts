import { describe, expect, it } from 'vitest';
import { BORDER_WIDTH, valueAtZoom } from './map-look';

describe('zoom stops read as MapLibre interpolates them', () => {
  it('is linear between stops and constant outside them', () => {
    expect(valueAtZoom(BORDER_WIDTH, 1)).toBe(0.5);
    expect(valueAtZoom(BORDER_WIDTH, 4)).toBeCloseTo(0.75, 12);
    expect(valueAtZoom(BORDER_WIDTH, 6)).toBe(1);
    expect(valueAtZoom(BORDER_WIDTH, 9)).toBeCloseTo(1.6, 12);
    expect(valueAtZoom(BORDER_WIDTH, 14)).toBe(2.2);
  });

  it('refuses stops with a zoom and no value (a programmer’s error)', () => {
    expect(() => valueAtZoom([2, 1, 6], 7)).toThrow('zoom stops: no value at 3 of 3');
  });
});
