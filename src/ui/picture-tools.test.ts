// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { buildPictureTools } from './picture-tools';

describe('buildPictureTools', () => {
  it('offers "Download image" and "Print" under a heading, each calling its handler', () => {
    const onPicture = vi.fn();
    const onPrint = vi.fn();
    const tools = buildPictureTools({ onPicture, onPrint });
    expect(tools.querySelector('h2')!.textContent).toBe('Picture and print');
    expect(tools.getAttribute('aria-labelledby')).toBe('picture-tools-title');
    const buttons = [...tools.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.type])).toEqual([
      ['Download image', 'button'],
      ['Print', 'button'],
    ]);
    buttons[0]!.click();
    expect([onPicture.mock.calls.length, onPrint.mock.calls.length]).toEqual([1, 0]);
    buttons[1]!.click();
    expect([onPicture.mock.calls.length, onPrint.mock.calls.length]).toEqual([1, 1]);
  });
});
