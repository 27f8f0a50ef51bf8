import type { FontFacesSpecification, MLFontFace } from 'maplibre-gl';

const isFace = (face: unknown): face is MLFontFace =>
  typeof face === 'object' &&
  face !== null &&
  'url' in face &&
  typeof face.url === 'string' &&
  'unicode-range' in face &&
  Array.isArray(face['unicode-range']) &&
  face['unicode-range'].every((range) => typeof range === 'string');

/**
 * Whether a value is the map's font list as the build writes it (scripts/vite-plugin-atlas-fonts.ts):
 * the style's `font-faces`, for each FONT name the files of the subsets the atlases need, Latin
 * first, each with the unicode-range its package declares.
 */
export const isFontList = (list: unknown): list is FontFacesSpecification =>
  typeof list === 'object' &&
  list !== null &&
  !Array.isArray(list) &&
  Object.values(list).every((faces) => Array.isArray(faces) && faces.every(isFace));
