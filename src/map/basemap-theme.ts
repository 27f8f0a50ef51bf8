/** The basemap's palette lives with the rest of the map's look, which the first screen reads too. */
export { LOCATOR_THEME, type BasemapTheme } from '../domain/map-look';
