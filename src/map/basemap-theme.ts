/** Colours and type of the embedded basemap, kept apart from the layer structure. */
export interface BasemapTheme {
  water: string;
  land: string;
  landFocus: string;
  border: string;
  borderCasing: string;
  coast: string;
  countryLabel: string;
  seaLabel: string;
  labelHalo: string;
}

/** A calm newspaper-locator palette: muted land, clear water, borders that read at every zoom. */
export const LOCATOR_THEME: BasemapTheme = {
  water: '#c9dde8',
  land: '#ebe8df',
  landFocus: '#f8f6f0',
  border: '#857f72',
  borderCasing: '#ffffff',
  coast: '#8eaabb',
  countryLabel: '#5c5649',
  seaLabel: '#4f7189',
  labelHalo: '#ffffff',
};
