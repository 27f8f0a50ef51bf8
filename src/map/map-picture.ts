import type { Map as MapLibreMap } from 'maplibre-gl';

/** A picture of the map as the reader sees it, and the credits its attribution control shows. */
export interface MapPicture {
  canvas: HTMLCanvasElement;
  attribution: string;
}

/** Pictures of a map's view: drawn at a scale, or now as it is on screen. */
export interface MapPictures {
  take(scale: number): Promise<MapPicture>;
  /** At once (a page about to be printed cannot wait), at the map's pixel ratio. */
  now(): HTMLCanvasElement;
  /** The map's element on the page. */
  container: HTMLElement;
}

export const mapPictures = (map: MapLibreMap): MapPictures => ({
  take: (scale) => takePicture(map, scale),
  now: () => pictureNow(map),
  container: map.getContainer(),
});

/**
 * The view at `scale` times its CSS size: MapLibre draws it again at that pixel ratio (its size on
 * the page does not change, so the resize this makes moves nothing), then the frame is copied and
 * the markers drawn over it; the ratio is put back.
 */
async function takePicture(map: MapLibreMap, scale: number): Promise<MapPicture> {
  await document.fonts.ready;
  const ratio = map.getPixelRatio();
  try {
    if (ratio !== scale) map.setPixelRatio(scale);
    await new Promise<void>((done) => {
      map.once('idle', () => done());
      map.triggerRepaint();
    });
    return { canvas: pictureNow(map), attribution: attributionOf(map) };
  } finally {
    if (ratio !== scale) map.setPixelRatio(ratio);
  }
}

/**
 * The view drawn now at the map's pixel ratio, markers and all: the map draws a frame at once
 * (redraw), copied before the browser presents it, while the drawing buffer still holds it.
 */
function pictureNow(map: MapLibreMap): HTMLCanvasElement {
  const source = map.getCanvas();
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height;
  const context = out.getContext('2d');
  if (!context) return out;
  map.redraw();
  context.drawImage(source, 0, 0);
  drawMarkers(context, map.getContainer(), map.getPixelRatio());
  return out;
}

/** The map's credits as its attribution control shows them, on one line. */
function attributionOf(map: MapLibreMap): string {
  const shown = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner');
  return (shown?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Draws the place markers (HTML laid over MapLibre's canvas, see place-markers.ts) onto a picture
 * of the map, as the reader sees them: each visible annotation's box, its leader line and its
 * text, with the fonts and colours the page gives them, at `scale` times their CSS size.
 */
export function drawMarkers(context: CanvasRenderingContext2D, container: HTMLElement, scale: number): void {
  for (const marker of container.querySelectorAll<HTMLElement>('.place-marker')) {
    // Where MapLibre put the marker on the map (its transform), which holds while the page is laid
    // out for print; its parts are placed from it as they are from the marker on the page.
    const place = new DOMMatrix(getComputedStyle(marker).transform);
    const origin = marker.getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [
      (place.e + x - origin.left) * scale,
      (place.f + y - origin.top) * scale,
    ];
    drawLeader(context, marker, at, scale);
    const annotation = marker.querySelector<HTMLElement>('.marker-annotation');
    if (!annotation || !shown(annotation)) continue;
    const style = getComputedStyle(annotation);
    const box = annotation.getBoundingClientRect();
    const [x, y] = at(box.left, box.top);
    context.save();
    context.globalAlpha = Number(getComputedStyle(marker.querySelector('button') ?? marker).opacity) || 1;
    context.beginPath();
    context.roundRect(x, y, box.width * scale, box.height * scale, 5 * scale);
    context.fillStyle = style.backgroundColor;
    context.fill();
    if (style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0) {
      context.lineWidth = parseFloat(style.borderTopWidth) * scale;
      context.strokeStyle = style.borderTopColor;
      if (style.borderTopStyle === 'dashed') context.setLineDash([4 * scale, 3 * scale]);
      context.stroke();
      context.setLineDash([]);
    }
    drawText(context, annotation, at, scale, style.textShadow !== 'none');
    context.restore();
  }
}

/** Whether an element is drawn on the screen (not visually hidden, not display: none). */
function shown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility !== 'hidden';
}

/** Whether an element and each of its ancestors up to `root` are drawn (a visually hidden part is 1 px, clipped). */
function shownWithin(element: HTMLElement, root: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node && node !== root; node = node.parentElement) {
    if (!shown(node)) return false;
  }
  return true;
}

function drawLeader(
  context: CanvasRenderingContext2D,
  marker: HTMLElement,
  at: (x: number, y: number) => [number, number],
  scale: number,
): void {
  const leader = marker.querySelector('.marker-leader');
  if (!marker.classList.contains('has-leader') || !leader) return;
  const read = (name: string) => parseFloat(marker.style.getPropertyValue(name)) || 0;
  const origin = marker.getBoundingClientRect();
  const [x, y] = at(origin.left + read('--leader-x'), origin.top + read('--leader-y'));
  const length = read('--leader-length') * scale;
  const angle = read('--leader-angle');
  context.save();
  context.strokeStyle = getComputedStyle(leader).backgroundColor;
  context.lineWidth = 1.5 * scale;
  context.beginPath();
  context.moveTo(x, y);
  context.lineTo(x + Math.cos(angle) * length, y + Math.sin(angle) * length);
  context.stroke();
  context.restore();
}

/**
 * Each visible text of the annotation where the page set it: a text that wraps is drawn line by
 * line, its words split over the line boxes the browser laid out.
 */
function drawText(
  context: CanvasRenderingContext2D,
  annotation: HTMLElement,
  at: (x: number, y: number) => [number, number],
  scale: number,
  halo: boolean,
): void {
  const walker = document.createTreeWalker(annotation, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim() ?? '';
    if (!parent || !text || !shownWithin(parent, annotation)) continue;
    const style = getComputedStyle(parent);
    const size = parseFloat(style.fontSize);
    context.font = `${style.fontStyle} ${style.fontWeight} ${size * scale}px ${style.fontFamily}`;
    context.textBaseline = 'middle';
    context.fillStyle = style.color;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const words = text.split(/\s+/);
    lines.forEach((line, i) => {
      let lineText = '';
      if (i === lines.length - 1) lineText = words.splice(0).join(' ');
      else
        while (words.length > 0) {
          const next = lineText ? `${lineText} ${words[0]}` : (words[0] ?? '');
          if (lineText && context.measureText(next).width > line.width * scale + scale) break;
          lineText = next;
          words.shift();
        }
      const [x, y] = at(line.left, line.top + line.height / 2);
      if (halo) {
        context.lineWidth = 3 * scale;
        context.strokeStyle = '#fff';
        context.lineJoin = 'round';
        context.strokeText(lineText, x, y);
      }
      context.fillText(lineText, x, y);
    });
  }
}
