import type { AtlasModel } from '../domain/atlas-model';
import { formatDate } from '../domain/dates';
import type { MapKeyEntry, MapKeySymbol } from '../domain/map-key';
import { pictureFileName, pictureLayout, type PictureLayout } from '../domain/picture-layout';
import { hexToRgb, PLACE_COLOURS } from '../domain/place-colours';
import { downloadBlob } from '../io/download';
import type { MapAdapter } from '../map/map-adapter';
import type { ArticlePanel } from '../ui/article-panel';
import type { Notices } from '../ui/notices';
import { buildPictureTools } from '../ui/picture-tools';
import { mapKeyEntries } from './article-panel-options';
import type { MapPictures } from '../map/map-picture';

/** The picture is twice the map's size on the page. */
export const PICTURE_SCALE = 2;

/** The fonts' licence asks for its notice; the map's data credits come from the map's attribution. */
const FONT_CREDIT = 'Fonts: Noto Sans, SIL Open Font License 1.1.';

const NO_MAP_PICTURE =
  'A picture needs the map drawn by WebGL, which this browser does not offer. Print the page for its still map.';

const INK = '#22201b';
const INK_MUTED = '#5c5649';
const PAPER = '#ffffff';
const FONT = "'Noto Sans', system-ui, sans-serif";

interface PictureContext {
  model: AtlasModel;
  keyEntries: readonly MapKeyEntry[];
  /** MapLibre's map, once it is there (null where the browser cannot draw it). */
  adapter: Promise<MapAdapter | null>;
  notices: Notices;
  panel: ArticlePanel;
}

const rgba = (hex: string, alpha: number) => `rgb(${hexToRgb(hex).join(' ')} / ${alpha})`;

/** Draws a key entry's swatch in its box, as the map draws the symbol (src/ui/map-key.css). */
function drawSwatch(context: CanvasRenderingContext2D, id: MapKeySymbol, x: number, y: number, size: number) {
  const r = size / 2;
  context.save();
  context.setLineDash([]);
  const dot = (fill: string) => {
    context.beginPath();
    context.arc(x + r, y + r, r * 0.75, 0, 2 * Math.PI);
    context.fillStyle = fill;
    context.fill();
    context.lineWidth = r * 0.25;
    context.strokeStyle = PAPER;
    context.stroke();
  };
  const area = (fill: string, hatched: boolean) => {
    context.fillStyle = fill;
    context.fillRect(x, y, size, size);
    if (hatched) {
      context.beginPath();
      context.rect(x, y, size, size);
      context.clip();
      context.strokeStyle = rgba(PLACE_COLOURS.region, 0.55);
      context.lineWidth = size / 8;
      for (let d = -size; d < size; d += size / 3) {
        context.moveTo(x + d, y + size);
        context.lineTo(x + d + size, y);
      }
      context.stroke();
    }
    context.strokeStyle = PLACE_COLOURS.region;
    context.lineWidth = size / 10;
    context.setLineDash([size / 5, size / 8]);
    context.strokeRect(x, y, size, size);
  };
  if (id === 'story-place') dot(PLACE_COLOURS.story);
  else if (id === 'reaction-place') dot(PLACE_COLOURS.reaction);
  else if (id === 'cluster') dot(rgba(PLACE_COLOURS.reaction, 0.85));
  else if (id === 'disputed-area') area(PAPER, true);
  else if (id === 'area') area(rgba(PLACE_COLOURS.region, 0.1), false);
  else {
    context.strokeStyle = PLACE_COLOURS.story;
    context.lineWidth = size / 10;
    context.strokeRect(x, y + size / 4, size, size / 2);
  }
  context.restore();
}

/** Draws the picture: the map's frame where the layout puts it, the texts and the key's swatches. */
function compose(
  layout: PictureLayout,
  mapFrame: HTMLCanvasElement,
  key: readonly MapKeyEntry[],
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('compose: no 2D canvas');
  context.fillStyle = PAPER;
  context.fillRect(0, 0, layout.width, layout.height);
  context.drawImage(mapFrame, layout.map.x, layout.map.y, layout.map.width, layout.map.height);
  context.textBaseline = 'alphabetic';
  for (const text of layout.texts) {
    context.font = `${text.bold ? 700 : 400} ${text.size}px ${FONT}`;
    context.fillStyle = text.kind === 'headline' || text.kind === 'key' ? INK : INK_MUTED;
    context.fillText(text.text, text.x, text.y);
  }
  for (const swatch of layout.swatches) {
    const entry = key[swatch.index];
    if (entry) drawSwatch(context, entry.id, swatch.x, swatch.y, swatch.size);
  }
  return canvas;
}

/** A picture of the view as it is on screen, with the headline, the key, the credits and the source line. */
async function pictureOf(context: PictureContext, map: MapAdapter): Promise<HTMLCanvasElement> {
  const { article } = context.model.atlas;
  const shot = await (await map.pictures()).take(PICTURE_SCALE);
  const { width, height } = (await map.pictures()).container.getBoundingClientRect();
  const measuring = document.createElement('canvas').getContext('2d');
  const layout = pictureLayout(
    {
      map: { width, height },
      scale: PICTURE_SCALE,
      sourceLine: `${article.agency} · ${article.outlet} · ${formatDate(article.published)}`,
      headline: article.headline,
      key: context.keyEntries.map((e) => `${e.label}: ${e.explanation}`),
      credits: `Map data: ${shot.attribution}. ${FONT_CREDIT}`,
    },
    (text, size, bold) => {
      if (!measuring) return text.length * size * 0.55;
      measuring.font = `${bold ? 700 : 400} ${size}px ${FONT}`;
      return measuring.measureText(text).width;
    },
  );
  return compose(layout, shot.canvas, context.keyEntries);
}

async function downloadPicture(context: PictureContext): Promise<void> {
  const map = await context.adapter;
  if (!map) {
    context.notices.show(NO_MAP_PICTURE, 'warning', 'picture');
    return;
  }
  const canvas = await pictureOf(context, map);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) {
    context.notices.show('The browser could not make the picture.', 'error', 'picture');
    return;
  }
  const fileName = pictureFileName(context.model.atlas.article.slug);
  downloadBlob(blob, fileName);
  context.notices.show(
    `Downloading ${fileName}: the map as shown, ${canvas.width} × ${canvas.height} pixels, with the headline, the key and the credits.`,
    'info',
    'picture',
  );
}

/**
 * Readies the page for print: every place's entry drawn, every disclosure open, and in the map's
 * place a still picture of the view (a canvas printed as it is can come out blank). Returns the
 * function that undoes it.
 */
function preparePrint(context: PictureContext, pictures: MapPictures | null): () => void {
  context.panel.drawAll();
  const closed = [...context.panel.element.querySelectorAll('details')].filter((d) => !d.open);
  for (const details of closed) details.open = true;
  const frame = pictures?.now();
  const still = frame
    ? Object.assign(document.createElement('img'), {
        className: 'print-map',
        src: frame.toDataURL('image/png'),
        alt: `The map: ${context.model.atlas.article.headline}`,
      })
    : null;
  if (still) pictures?.container.prepend(still);
  return () => {
    still?.remove();
    for (const details of closed) details.open = false;
  };
}

let started = false;

/**
 * Adds "Download image" and "Print" to the panel's tools, and readies the page for any print (the
 * Print button, the browser's menu, Ctrl+P, a PDF) on `beforeprint` and on the print media query.
 * Once for the page.
 */
export function pictureTools(
  model: AtlasModel,
  adapter: Promise<MapAdapter | null>,
  notices: Notices,
  panel: ArticlePanel,
): void {
  if (started) return;
  started = true;
  const context: PictureContext = { model, keyEntries: mapKeyEntries(model), adapter, notices, panel };
  // The pictures' code is loaded before a print asks for it: a print's preparation cannot wait.
  let pictures: MapPictures | null = null;
  void context.adapter.then(async (map) => {
    pictures = (await map?.pictures().catch(() => null)) ?? null;
  });
  let undo: (() => void) | null = null;
  const before = () => {
    undo ??= preparePrint(context, pictures);
  };
  const after = () => {
    undo?.();
    undo = null;
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  window.matchMedia('print').addEventListener('change', (query) => (query.matches ? before() : after()));
  panel.element.querySelector('.panel-tools')?.append(
    buildPictureTools({
      onPicture: () => void downloadPicture(context),
      onPrint: () => {
        before();
        window.print();
      },
    }),
  );
}
