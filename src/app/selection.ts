// What the page needs once a map is there, a chunk apart from the first screen (AtlasView loads it
// with the map, start.ts for the timeline): the popup's summary of a selected place, the camera's
// framing of it, the timeline of the facts with what a date filter leaves out, and the picture and
// print tools.
export { framePlace, keepInSight, placeFrame, selectionFraming, showsPlace } from './camera';
export { placeSummary } from './place-summary';
export { startTimeline } from './time-filter';
export { pictureTools } from './picture-print';
