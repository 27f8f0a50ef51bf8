/** The map's view: its centre and zoom, as a link holds it. */
export interface View {
  lng: number;
  lat: number;
  zoom: number;
}

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** Pixels kept clear on each side of the map: a margin, plus what covers the map there (a popup sheet). */
export interface Inset {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSET: Inset = { top: 0, right: 0, bottom: 0, left: 0 };

/** How the map is moved to show something: the page's camera policy decides, the map adapter moves. */
export type CameraMove =
  | { kind: 'fit'; bounds: Bounds; padding: Inset; maxZoom: number }
  /** `offset`: where `center` goes, in pixels from the map's centre (the middle of the part left clear). */
  | { kind: 'jump'; center: [number, number]; zoom: number; offset?: [number, number] };
