import type { LabelFont } from '../map-look';

/** A box on the screen in pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * Advance widths of Noto Sans, in ems, by kind of character (averages over the Latin letters of
 * the regular weight); the semibold is wider and the italic narrower. An estimate: labels are set
 * apart by their boxes, and a few per cent either way moves no box past another's padding.
 */
const ADVANCE = { upper: 0.66, lower: 0.54, digit: 0.57, space: 0.26, narrow: 0.3, other: 0.6 };
const WEIGHT: Record<LabelFont, number> = { regular: 1, italic: 0.97, semibold: 1.05 };

function advanceOf(char: string): number {
  if (char === ' ') return ADVANCE.space;
  if (/[.,:;'()\-·|!]/.test(char)) return ADVANCE.narrow;
  if (/\d/.test(char)) return ADVANCE.digit;
  if (char !== char.toLowerCase()) return ADVANCE.upper;
  if (char !== char.toUpperCase()) return ADVANCE.lower;
  return ADVANCE.other;
}

/** The estimated width of a line of text, in ems, with `letterSpacing` ems after each character. */
export function textWidthEm(line: string, font: LabelFont, letterSpacing = 0): number {
  const chars = [...line];
  const advances = chars.reduce((sum, c) => sum + advanceOf(c), 0);
  return advances * WEIGHT[font] + letterSpacing * chars.length;
}

/**
 * The lines of a label broken at spaces as MapLibre's `text-max-width` breaks them: into as many
 * lines as the label is wide in maximum widths, balanced (each line as near as it can be to the
 * same width); a single word stays whole.
 */
export function breakLines(value: string, font: LabelFont, maxWidth: number, letterSpacing = 0): string[] {
  const words = value.split(' ');
  const lines = Math.ceil(textWidthEm(value, font, letterSpacing) / maxWidth);
  if (lines <= 1 || words.length === 1) return [value];
  const target = textWidthEm(value, font, letterSpacing) / lines;
  const width = (from: number, to: number) =>
    textWidthEm(words.slice(from, to).join(' '), font, letterSpacing);
  // best[i]: the least badness (squared distance from the target width) of the first i words.
  const best: { cost: number; from: number }[] = [{ cost: 0, from: 0 }];
  for (let to = 1; to <= words.length; to += 1) {
    let choice = { cost: Infinity, from: 0 };
    for (let from = 0; from < to; from += 1) {
      const cost = (best[from]?.cost ?? Infinity) + (width(from, to) - target) ** 2;
      if (cost < choice.cost) choice = { cost, from };
    }
    best.push(choice);
  }
  const out: string[] = [];
  for (let to = words.length; to > 0; to = best[to]?.from ?? 0) {
    out.unshift(words.slice(best[to]?.from ?? 0, to).join(' '));
  }
  return out;
}

/** MapLibre's line height, in ems (`text-line-height`), and space kept clear around a label (`text-padding`, px). */
export const LINE_HEIGHT_EM = 1.2;
export const LABEL_PADDING_PX = 2;

/** A label to place: where it may go (boxes in preference order) and whether it must be drawn. */
export interface LabelCandidate<T> {
  key: T;
  boxes: readonly Box[];
  /** Drawn even where every box is taken (at the box that overlaps least); others are dropped. */
  required: boolean;
}

/**
 * Greedy placement in priority order (the list's): each label takes its first box that overlaps
 * nothing placed before it and no obstacle; a required label that finds none takes the box that
 * overlaps least, others are dropped. Returns the index of the box each placed label took.
 */
export function placeLabels<T>(
  candidates: readonly LabelCandidate<T>[],
  obstacles: readonly Box[] = [],
): { key: T; box: Box; choice: number }[] {
  const placed: { key: T; box: Box; choice: number }[] = [];
  const taken = (box: Box) => [...obstacles, ...placed.map((p) => p.box)].filter((b) => overlaps(b, box));
  for (const { key, boxes, required } of candidates) {
    const free = boxes.findIndex((box) => taken(box).length === 0);
    if (free >= 0) {
      placed.push({ key, box: boxes[free]!, choice: free });
      continue;
    }
    if (!required || boxes.length === 0) continue;
    const cost = boxes.map((box) => taken(box).reduce((sum, b) => sum + overlapArea(b, box), 0));
    const least = cost.indexOf(Math.min(...cost));
    placed.push({ key, box: boxes[least]!, choice: least });
  }
  return placed;
}
