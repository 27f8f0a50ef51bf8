/** The map's view: its centre and zoom, as a link holds it. */
export interface View {
  lng: number;
  lat: number;
  zoom: number;
}

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** How the map is moved to show something: the page's camera policy decides, the map adapter moves. */
export type CameraMove =
  | { kind: 'fit'; bounds: Bounds; padding: number; maxZoom: number }
  | { kind: 'jump'; center: [number, number]; zoom: number };
