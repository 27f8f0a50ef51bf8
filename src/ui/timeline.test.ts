// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFilterNote, Timeline, type TimelineItem } from './timeline';

const ITEMS: TimelineItem[] = [
  { label: '2020', year: '2020', spoken: ', 2 facts', size: 2 },
  { label: '20 Sep', year: '2023', spoken: ' 2023, 4 facts', size: 4 },
  { label: 'Sep', year: '2023', spoken: ' 2023, 16 facts', size: 16 },
];

const groups = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLButtonElement>('.timeline-group'),
];
const key = (target: Element, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('Timeline', () => {
  afterEach(() => document.body.replaceChildren());

  function make() {
    const container = document.createElement('div');
    document.body.append(container);
    const onChoose = vi.fn();
    const timeline = new Timeline(container, { items: ITEMS, onChoose });
    return { container, onChoose, timeline };
  }

  it('draws the groups under their years, named by their dates and counts, with the whole story pressed', () => {
    const { container } = make();
    // The name is the text: the label shown, then the rest visually hidden.
    expect(
      groups(container).map((b) => [
        b.textContent,
        b.querySelector('.timeline-label')?.textContent,
        b.tabIndex,
      ]),
    ).toEqual([
      ['2020, 2 facts', '2020', 0],
      ['20 Sep 2023, 4 facts', '20 Sep', -1],
      ['Sep 2023, 16 facts', 'Sep', -1],
    ]);
    expect(groups(container).every((b) => !b.hasAttribute('aria-label'))).toBe(true);
    expect([...container.querySelectorAll('.timeline-year-label')].map((y) => y.textContent)).toEqual([
      '2020',
      '2023',
    ]);
    expect(groups(container).map((b) => b.style.getPropertyValue('--share'))).toEqual([
      '0.125',
      '0.250',
      '1.000',
    ]);
    expect(container.querySelector('.timeline-whole')?.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('moves between the groups with the arrow keys, Home and End, and chooses with a press', () => {
    const { container, onChoose } = make();
    const [first, second, third] = groups(container);
    first!.focus();
    key(first!, 'ArrowRight');
    expect(document.activeElement).toBe(second);
    expect(groups(container).map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    key(second!, 'End');
    expect(document.activeElement).toBe(third);
    key(third!, 'ArrowRight');
    expect(document.activeElement).toBe(third);
    key(third!, 'Home');
    expect(document.activeElement).toBe(first);
    key(first!, 'ArrowLeft');
    expect(document.activeElement).toBe(first);
    second!.click();
    expect(onChoose).toHaveBeenLastCalledWith(1);
    container.querySelector<HTMLButtonElement>('.timeline-whole')!.click();
    expect(onChoose).toHaveBeenLastCalledWith(null);
  });

  it('marks the chosen group pressed, none for dates that are no group, and announces', () => {
    const { container, timeline } = make();
    const pressed = () =>
      [...container.querySelectorAll('[aria-pressed="true"]')].map(
        (b) => b.getAttribute('aria-label') ?? b.textContent,
      );
    timeline.setChosen(2);
    expect(pressed()).toEqual(['Sep 2023, 16 facts']);
    expect(groups(container).map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
    timeline.setChosen(-1);
    expect(pressed()).toEqual([]);
    expect(groups(container).map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
    timeline.setChosen(null);
    expect(pressed()).toEqual(['Whole story']);
    timeline.announce('Showing 36 facts of September 2023; 8 outside');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Showing 36 facts of September 2023; 8 outside',
    );
    timeline.remove();
    expect(container.children.length).toBe(0);
  });
});

describe('buildFilterNote', () => {
  it('says what the filter leaves out, with a reset button', () => {
    const onReset = vi.fn();
    const note = buildFilterNote(
      '11 facts lie outside 21 September 2023; 6 undated facts are hidden.',
      onReset,
    );
    expect(note.querySelector('p')?.textContent).toBe(
      '11 facts lie outside 21 September 2023; 6 undated facts are hidden.',
    );
    note.querySelector('button')!.click();
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});
