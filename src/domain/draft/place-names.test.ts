import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer';
import { findPlaceNames } from './place-names';
import {
  ANKARA,
  AZERBAIJAN,
  BAKU,
  BRUSSELS,
  NEW_YORK,
  SLAVYANSK_NA_KUBANI,
  SLOVIANSK,
  TEST_ENTRIES,
  TURKIYE,
  UNITED_STATES,
  WASHINGTON_DC,
  WASHINGTON_GB,
  XANKANDI,
} from '../../../tests/helpers/gazetteer-entries';

const gazetteer = new Gazetteer(TEST_ENTRIES);

describe('findPlaceNames', () => {
  it('finds each known name with every paragraph that names it, in the order the text names them', () => {
    const found = findPlaceNames(
      [
        'Shelling hit Stepanakert on Thursday.',
        'Baku said the road to Stepanakert was open.',
        'Nothing here.',
      ],
      gazetteer,
    );
    expect(found).toEqual({
      matches: [
        { name: 'Stepanakert', paragraphs: [1, 2], candidates: [XANKANDI] },
        { name: 'Baku', paragraphs: [2], candidates: [BAKU] },
      ],
      unknown: [],
    });
  });

  it('lists every candidate of a look-alike name, never one alone', () => {
    expect(findPlaceNames(['Fighting near Slavyansk went on.'], gazetteer).matches).toEqual([
      { name: 'Slavyansk', paragraphs: [1], candidates: [SLOVIANSK, SLAVYANSK_NA_KUBANI] },
    ]);
  });

  it('prefers the longest name: "New York" over "York"', () => {
    expect(findPlaceNames(['Diplomats met in New York on Friday.'], gazetteer).matches).toEqual([
      { name: 'New York', paragraphs: [1], candidates: [NEW_YORK] },
    ]);
  });

  it('keeps a possessive name and a name at the end of a sentence', () => {
    expect(
      findPlaceNames(["Baku's negotiators arrived. They flew from Washington."], gazetteer).matches,
    ).toEqual([
      { name: 'Baku', paragraphs: [1], candidates: [BAKU] },
      { name: 'Washington', paragraphs: [1], candidates: [WASHINGTON_DC, WASHINGTON_GB] },
    ]);
  });

  it("drafts a named country as its capital, holding the country's paragraphs, even where the text names the capital", () => {
    expect(findPlaceNames(['Turkey backed Azerbaijan.', 'Baku thanked it.'], gazetteer).matches).toEqual([
      { name: 'Turkey', paragraphs: [1], candidates: [ANKARA], seatOf: 'Türkiye' },
      { name: 'Baku', paragraphs: [1, 2], candidates: [BAKU] },
    ]);
    expect(findPlaceNames(['Turkey backed it.'], gazetteer, { capitals: false }).matches).toEqual([]);
  });

  it('drafts a named country as a place of its own only when asked, its capital too unless told not to', () => {
    expect(findPlaceNames(['Turkey backed it.'], gazetteer, { countries: true }).matches).toEqual([
      { name: 'Turkey', paragraphs: [1], candidates: [TURKIYE] },
      { name: 'Turkey', paragraphs: [1], candidates: [ANKARA], seatOf: 'Türkiye' },
    ]);
    expect(
      findPlaceNames(['Turkey backed it.'], gazetteer, { countries: true, capitals: false }).matches,
    ).toEqual([{ name: 'Turkey', paragraphs: [1], candidates: [TURKIYE] }]);
  });

  it('places an organisation at its seat, and merges the stand-ins for one city with their paragraphs', () => {
    const found = findPlaceNames(
      ['The European Union said it was ready.', 'U.S. officials agreed.', 'The White House said so.'],
      gazetteer,
    );
    expect(found.matches).toEqual([
      { name: 'European Union', paragraphs: [1], candidates: [BRUSSELS], seatOf: 'European Union' },
      { name: 'U.S.', paragraphs: [2, 3], candidates: [WASHINGTON_DC], seatOf: 'United States' },
    ]);
    expect(
      findPlaceNames(['The European Union said it was ready.'], gazetteer, { seats: false }).matches,
    ).toEqual([]);
  });

  it('adds the paragraphs of a stand-in to the city the text names itself', () => {
    expect(
      findPlaceNames(
        ['Diplomats gathered in Washington.', 'The White House said so.', 'U.S. officials agreed.'],
        gazetteer,
      ).matches,
    ).toEqual([{ name: 'Washington', paragraphs: [1, 2, 3], candidates: [WASHINGTON_DC, WASHINGTON_GB] }]);
  });

  it("reads a country's adjective as the country only before an office", () => {
    expect(findPlaceNames(['Turkish President Recep Tayyip Erdogan spoke.'], gazetteer).matches).toEqual([
      { name: 'Turkish', paragraphs: [1], candidates: [ANKARA], seatOf: 'Türkiye' },
    ]);
    expect(
      findPlaceNames(['Turkish President Recep Tayyip Erdogan spoke.'], gazetteer, {
        countries: true,
        capitals: false,
      }).matches,
    ).toEqual([{ name: 'Turkish', paragraphs: [1], candidates: [TURKIYE] }]);
    expect(findPlaceNames(['Turkish Cypriots declared independence.'], gazetteer).matches).toEqual([]);
  });

  it('makes no place of a compass word, though a town has the name, and lists a sea it does not know', () => {
    const found = findPlaceNames(
      ["The launch became the nuclear-armed North's latest failure.", 'The object fell over the Yellow Sea.'],
      gazetteer,
    );
    expect(found).toEqual({ matches: [], unknown: [{ name: 'Yellow Sea', paragraph: 2 }] });
  });

  it('never makes a place of a person, though a town has the name', () => {
    const found = findPlaceNames(
      [
        'U.S. Vice President Joe Biden called.',
        'The White House said Biden encouraged them.',
        'Biden said no.',
      ],
      gazetteer,
      { countries: true, capitals: false, seats: false },
    );
    expect(found).toEqual({
      matches: [{ name: 'U.S.', paragraphs: [1], candidates: [UNITED_STATES] }],
      unknown: [],
    });
  });

  it('skips months, weekdays and common words, and names that are not places', () => {
    expect(
      findPlaceNames(['May brought talks. On Monday the Soviet Union fell, in March.'], gazetteer).matches,
    ).toEqual([]);
  });

  it('lists an unknown name after a place preposition, once, with the paragraph it is first in', () => {
    expect(
      findPlaceNames(
        ['Troops moved into Nagorno-Karabakh.', 'Back in Nagorno-Karabakh and to Shusha.'],
        gazetteer,
      ).unknown,
    ).toEqual([
      { name: 'Nagorno-Karabakh', paragraph: 1 },
      { name: 'Shusha', paragraph: 2 },
    ]);
  });

  it('finds a known name inside a longer name only when it is a large place or a country', () => {
    expect(
      findPlaceNames(['The Union Carbide plant and the Azerbaijan State Oil Company.'], gazetteer, {
        countries: true,
        capitals: false,
      }).matches,
    ).toEqual([{ name: 'Azerbaijan', paragraphs: [1], candidates: [AZERBAIJAN] }]);
  });
});
