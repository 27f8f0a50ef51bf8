import { foldersToKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import { buildAtlasModel, type AtlasModel } from './atlas-model';
import { coordinateCredit, exportAtlas } from './export-atlas';
import type { ExportShape } from './export-shapes';
import { articleSource, formatFigure, sourceLine } from './fact-groups';
import { PLACE_COLOURS } from './place-colours';
import type { Atlas, Fact } from './types';

/** The KML styles of the map's colours: a story place, a reaction, a region. */
type KmlStyle = 'story' | 'reaction' | 'region';

/** `#b3261e` at opacity 1 -> `ff1e26b3`: KML writes colours alpha, blue, green, red. */
const kmlColour = (hex: string, opacity = 1) =>
  `${Math.round(opacity * 255)
    .toString(16)
    .padStart(2, '0')}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`;

/** The simplestyle region fill opacity of the GeoJSON export, as KML's polygon style. */
const REGION_FILL_OPACITY = 0.15;

const STYLES = [
  `<Style id="story"><IconStyle><color>${kmlColour(PLACE_COLOURS.story)}</color></IconStyle></Style>`,
  `<Style id="reaction"><IconStyle><color>${kmlColour(PLACE_COLOURS.reaction)}</color></IconStyle></Style>`,
  `<Style id="region"><LineStyle><color>${kmlColour(PLACE_COLOURS.region)}</color><width>2</width></LineStyle>` +
    `<PolyStyle><color>${kmlColour(PLACE_COLOURS.region, REGION_FILL_OPACITY)}</color></PolyStyle></Style>`,
].join('\n');

/** `2023-09-21 (Thursday)`: the fact's date, and the article's words for it where they differ. */
const factWhen = (fact: Fact) =>
  fact.date === null
    ? fact.dateText
    : fact.dateText && fact.dateText !== fact.date
      ? `${fact.date} (${fact.dateText})`
      : fact.date;

/** One fact as lines of plain text: what, when, the quotation verbatim with its speaker, the source. */
function factLines(atlas: Atlas, fact: Fact): string[] {
  const figures = fact.figures?.map((f) => `${formatFigure(f)} (${f.label})`).join('; ');
  return [
    [factWhen(fact), fact.text].filter(Boolean).join(': '),
    ...(fact.quote
      ? [
          `“${fact.quote.text}” — ${fact.quote.speaker}${fact.quote.speakerRole ? `, ${fact.quote.speakerRole}` : ''}`,
        ]
      : []),
    ...(figures ? [`Figures: ${figures}`] : []),
    `Source: ${sourceLine(atlas.article, fact)}`,
  ];
}

/** A placemark's name and plain-text description: a place with all its facts, or one fact. */
function describe(
  model: AtlasModel,
  shape: ExportShape,
  feature: Feature,
): { name: string; description: string } {
  const { atlas } = model;
  const place = model.placeById.get(String(feature.id));
  if (place) {
    // In the facts shape each fact is a placemark of its own, and a region only its area.
    const facts = shape === 'places' ? model.factsOf(place.id) : [];
    return {
      name: place.properties.name,
      description: [
        `${place.properties.role}\nCoordinates: ${coordinateCredit(place)}`,
        ...facts.map((fact) => factLines(atlas, fact).join('\n')),
      ].join('\n\n'),
    };
  }
  const fact = atlas.facts.find((f) => f.id === feature.id)!;
  return {
    name: `${model.placeById.get(fact.placeIds[0]!)!.properties.name}: ${fact.text}`,
    description: factLines(atlas, fact).join('\n'),
  };
}

/** simplestyle properties, which the KML carries as its styles instead. */
const SIMPLESTYLE = new Set([
  'marker-color',
  'marker-size',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'fill',
  'fill-opacity',
  'title',
]);

/** The feature's scalar properties, which KML carries as ExtendedData (nested ones are in the description). */
const scalarProperties = (feature: Feature) =>
  Object.fromEntries(
    Object.entries(feature.properties ?? {}).filter(
      ([key, value]) =>
        !SIMPLESTYLE.has(key) &&
        key !== 'name' &&
        (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'),
    ),
  );

const styleOf = (feature: Feature<Geometry>): KmlStyle =>
  feature.geometry.type !== 'Point'
    ? 'region'
    : feature.properties?.['marker-color'] === PLACE_COLOURS.story
      ? 'story'
      : 'reaction';

/**
 * The atlas as KML 2.2, written by @placemarkio/tokml from the GeoJSON export of `shape`: one
 * placemark per place (`places`, its facts in its description) or per fact and region (`facts`),
 * named, described in plain text with every fact's source, styled in the map's colours, in one
 * folder named after the headline and described with the article's source and credit.
 */
export function exportKml(
  atlas: Atlas,
  shape: ExportShape,
  options: { placeIds?: readonly string[]; model?: AtlasModel } = {},
): string {
  const model = options.model ?? buildAtlasModel(atlas);
  const { features } = exportAtlas(atlas, shape, { ...options, model });
  const { article } = atlas;
  const kml = foldersToKML({
    type: 'root',
    children: [
      {
        type: 'folder',
        meta: {
          name: article.headline,
          description: [
            `${articleSource(article)}. ${article.summary}`,
            `Coordinates: ${[...new Set(atlas.places.map(coordinateCredit))].join('; ')}.`,
            'Made with Article Atlas.',
          ].join('\n'),
        },
        children: features.map((feature) => ({
          ...feature,
          properties: { ...describe(model, shape, feature), ...scalarProperties(feature) },
        })),
      },
    ],
  });
  // tokml writes no styles. The styles are fixed text; each placemark's styleUrl goes where KML
  // wants it, before its ExtendedData (tokml escapes every `<` of the atlas's text, so that
  // `<Placemark` and `<ExtendedData` are only ever its own tags).
  const [head, ...placemarks] = kml
    // XML forbids `]]>` in text, which tokml leaves as it is (it writes no CDATA section here).
    .replaceAll(']]>', ']]&gt;')
    .replace('<Document>', `<Document>\n${STYLES}`)
    .split('<Placemark');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>\n${head}`,
    ...placemarks.map((p, i) =>
      p.replace('<ExtendedData', `<styleUrl>#${styleOf(features[i]!)}</styleUrl>\n<ExtendedData`),
    ),
  ].join('<Placemark');
}
