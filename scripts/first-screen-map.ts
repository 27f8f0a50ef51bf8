// The first screen's map of an atlas as SVG markup, for the build to write into the atlas's page
// (the prerender plugin): its default view drawn without MapLibre, as MapLibre frames it.
import { buildAtlasModel } from '../src/domain/atlas-model';
import { contestedNames, focusCountries, mapFeatures, partyCountries } from '../src/domain/atlas-summary';
import { countryName } from '../src/domain/country-names';
import { firstViewFrame } from '../src/domain/first-screen/first-view';
import { renderFirstScreen, type FirstScreenInput } from '../src/domain/first-screen/render';
import { serializeSvg } from '../src/domain/first-screen/svg-tree';
import { cameraForBounds, type Size } from '../src/domain/first-screen/web-mercator';
import type { Atlas } from '../src/domain/types';
import { firstScreenBasemap } from './first-screen-basemap';

/**
 * The map element's size in the desktop layout at 1280x800 (src/ui/styles.css): the window less
 * the article panel (380 px and its 1 px border), the full height.
 */
export const DESKTOP_MAP_SIZE: Size = { width: 899, height: 800 };

/** "Azerbaijan and Armenia", "Cyprus, Greece and Turkey": the story's countries by name. */
function namesInProse(codes: readonly string[]): string {
  const names = codes.map(countryName);
  return names.length <= 1
    ? (names[0] ?? 'the story')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the first screen of an atlas is drawn from, for a map element of `size`. */
export function firstScreenInput(atlas: Atlas, size: Size): FirstScreenInput {
  const frame = firstViewFrame(atlas, size.width);
  return {
    basemap: firstScreenBasemap(frame, cameraForBounds(frame, size).zoom),
    places: mapFeatures(buildAtlasModel(atlas)),
    focusCountries: focusCountries(atlas),
    partyCountries: partyCountries(atlas),
    // Every side's name, as the markers show them (src/app/marker-places.ts).
    otherNames: new Map(
      atlas.places.flatMap((p) => {
        const names = contestedNames(p);
        return names.length ? [[p.id, names.map((n) => n.name).join(' · ')] as const] : [];
      }),
    ),
    frame,
    size,
    title: namesInProse(partyCountries(atlas)),
  };
}

/**
 * The complete `<svg>` of an atlas's default view for a map element of `width` x `height` (the
 * desktop's by default): to sit in `#map`, inset by the fit padding (src/ui/first-screen-map.css).
 */
export function firstScreenMap(atlas: Atlas, options: { width?: number; height?: number } = {}): string {
  const size = {
    width: options.width ?? DESKTOP_MAP_SIZE.width,
    height: options.height ?? DESKTOP_MAP_SIZE.height,
  };
  return serializeSvg(renderFirstScreen(firstScreenInput(atlas, size)));
}
