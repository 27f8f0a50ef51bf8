import { countryName } from '../domain/country-names';
import { formatKm, languageName } from '../domain/fact-groups';
import type { AreaFigures, PlaceDistance } from '../domain/geography';
import type { Article, Fact, Place } from '../domain/types';
import { el } from '../dom/el';
import { buildFactGroups } from './fact-list';

export interface PlaceDetailsInput {
  place: Place;
  facts: readonly Fact[];
  article: Article;
  /** Distances to the other places, nearest first. */
  distances: readonly PlaceDistance[];
  placeName: (id: string) => string;
  area?: AreaFigures;
  /** Names of the regions the place lies in. */
  within: readonly Place[];
  /** Set while a date filter is chosen: `facts` are those it shows, of `total` in all. */
  filter?: FactFilter;
}

/** A date filter as a place's text tells it: its dates in words, and how many facts the place has in all. */
export interface FactFilter {
  label: string;
  total: number;
}

/**
 * `5 facts from the article`; while a filter is chosen `2 of its 5 facts, those of 21 September
 * 2023`, or `None of its 5 facts is of 21 September 2023`.
 */
export function factCountText(count: number, filter?: FactFilter): string {
  const facts = (n: number) => `${n} ${n === 1 ? 'fact' : 'facts'}`;
  if (!filter) return `${facts(count)} from the article`;
  if (count === 0) return `None of its ${facts(filter.total)} is of ${filter.label}`;
  return `${count} of its ${facts(filter.total)}, those of ${filter.label}`;
}

/**
 * "Khankendi (Azerbaijani name, English spelling)": each alternate name marked with its language.
 * `compact` (for a summary, in one line) gives the names alone, each still with its lang attribute.
 */
export function buildAltNames(place: Place, options: { compact?: boolean } = {}): HTMLElement | null {
  const names = place.properties.altNames;
  if (names.length === 0) return null;
  const items = names.map((n) =>
    el('li', {}, [
      el('span', { className: 'alt-name', text: n.name, attrs: { lang: n.lang } }),
      options.compact
        ? null
        : el('span', { className: 'alt-lang', text: ` (${n.note ?? languageName(n.lang)})` }),
    ]),
  );
  return el('div', { className: 'alt-names' }, [
    el('span', { className: 'label', text: 'Also known as ' }),
    el('ul', {}, items),
  ]);
}

/** The disputed status, said plainly and neutrally. */
export function buildStatus(place: Place): HTMLElement | null {
  const status = place.properties.status;
  if (!status?.disputed) return null;
  return el('div', { className: 'status-disputed', attrs: { role: 'note' } }, [
    el('p', { className: 'status-title' }, [
      el('strong', { text: 'Disputed territory.' }),
      ` Internationally recognised as part of ${countryName(status.recognisedAs)}.`,
    ]),
    el('p', { text: status.summary }),
  ]);
}

/** The disputed status in one line, for a summary: "Disputed territory, internationally recognised as part of …". */
export function buildDisputeLine(place: Place): HTMLElement | null {
  const status = place.properties.status;
  if (!status?.disputed) return null;
  return el('p', {
    className: 'status-line',
    text: `Disputed territory, internationally recognised as part of ${countryName(status.recognisedAs)}.`,
  });
}

/**
 * Everything the atlas reports about one place, as DOM nodes with text set through textContent:
 * names, status, role, derived figures, facts grouped by date with their sources, and distances.
 */
export function buildPlaceDetails(
  input: PlaceDetailsInput,
  options: { headingId: string; level: 2 | 3; actions?: readonly HTMLElement[] },
): HTMLElement {
  const { place, facts, article, distances, area, within } = input;
  const p = place.properties;
  const heading = el(options.level === 2 ? 'h2' : 'h3', {
    className: 'place-name',
    text: p.name,
    attrs: { id: options.headingId },
  });
  // `depicts` says what the outline is ("outline of the former …"): it names the outline itself,
  // so the sentence does not name it again.
  const depicts = p.coordinateSource.depicts;
  const areaNote = area
    ? el('p', { className: 'place-area' }, [
        depicts ? 'Area: ' : 'Area of the outline: ',
        el('strong', {
          className: 'figure-value',
          text: `about ${Math.round(area.areaKm2).toLocaleString('en-GB')} km²`,
        }),
        depicts ? ` within the ${depicts}.` : '.',
      ])
    : null;
  const withinNote = within.length
    ? el('p', {
        className: 'place-within',
        text: `Lies in ${within.map((r) => r.properties.name).join(', ')}.`,
      })
    : null;
  const distanceList = distances.length
    ? el('details', { className: 'place-distances' }, [
        el('summary', { text: 'Distances to the other places (great circle)' }),
        el(
          'ul',
          {},
          distances.map((d) =>
            el('li', {}, [`${input.placeName(d.to)}: `, el('strong', { text: formatKm(d.km) })]),
          ),
        ),
      ])
    : null;
  const outside = input.filter && facts.length === 0 ? ' is-outside' : '';
  return el(
    'article',
    { className: `place-details${outside}`, attrs: { 'aria-labelledby': options.headingId } },
    [
      heading,
      buildAltNames(place),
      buildStatus(place),
      el('p', { className: 'place-role', text: p.role }),
      withinNote,
      areaNote,
      el('p', { className: 'place-fact-count', text: factCountText(facts.length, input.filter) }),
      buildFactGroups(facts, article, options.level === 2 ? 3 : 4),
      distanceList,
      options.actions?.length ? el('div', { className: 'place-actions' }, [...options.actions]) : null,
    ],
  );
}
