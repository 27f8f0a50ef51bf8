import type { MapSourceDataEvent, Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LABEL_LAYERS, BASEMAP_SOURCE, PARTY_LABEL_LAYERS } from './basemap-style';
import { syncFeatureFlag } from './feature-flag';
import type { Box, Obstacle } from './marker-layout';

/**
 * Lets article markers hide the basemap labels they must sit on: finds the basemap labels placed
 * under a screen box (MapLibre answers with each label's real collision box), and fades the
 * covered ones through feature state, so that they keep their place and come back when uncovered.
 */
export class BasemapLabelCover {
  private covered = new Set<string>();

  constructor(private readonly map: MapLibreMap) {}

  /**
   * Calls `onPlaced` after each frame that placed labels from newly arrived basemap tiles, while
   * the map is still (while it first loads, and when tiles arrive after a move), and once the map
   * is idle after a move: MapLibre places the labels of a new view in the frames after the move
   * ends, so a layout made at moveend may not see them yet (a party's label that a marker must
   * move off, say).
   */
  onLabelsPlaced(onPlaced: () => void): void {
    this.removeListeners();
    let arrived = false;
    let moved = false;
    const onData = (event: MapSourceDataEvent) => {
      if (event.sourceId === BASEMAP_SOURCE.labels && event.tile) arrived = true;
    };
    const onRender = () => {
      if (!arrived || this.map.isMoving()) return;
      arrived = false;
      onPlaced();
    };
    // Labels placed during a move are laid out at its end already (the markers' own moveend), and
    // again at the next idle.
    const onMoveEnd = () => {
      arrived = false;
      moved = true;
    };
    const onIdle = () => {
      if (!moved) return;
      moved = false;
      onPlaced();
    };
    this.map.on('sourcedata', onData);
    this.map.on('render', onRender);
    this.map.on('moveend', onMoveEnd);
    this.map.on('idle', onIdle);
    this.removeListeners = () => {
      this.map.off('sourcedata', onData);
      this.map.off('render', onRender);
      this.map.off('moveend', onMoveEnd);
      this.map.off('idle', onIdle);
    };
  }

  private removeListeners = (): void => {};

  /** Stops watching the labels and uncovers the ones it covered. */
  remove(): void {
    this.removeListeners();
    this.removeListeners = () => {};
    this.setCovered(new Set());
  }

  /**
   * The basemap labels placed under a screen box, each once; the parties' labels are fixed: no
   * marker may cover them.
   */
  labelsUnder(box: Box): Obstacle[] {
    const layers = BASEMAP_LABEL_LAYERS.filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return [];
    const features = this.map.queryRenderedFeatures(
      [
        [box.left, box.top],
        [box.right, box.bottom],
      ],
      { layers },
    );
    const found = new Map<string, boolean>();
    for (const f of features) found.set(String(f.id), PARTY_LABEL_LAYERS.includes(f.layer.id));
    return [...found].map(([id, fixed]) => ({ id, fixed }));
  }

  /** A new style dropped the feature state: nothing is covered any more. */
  forgetCovered(): void {
    this.covered = new Set();
  }

  setCovered(ids: ReadonlySet<string>): void {
    if (!this.map.getSource(BASEMAP_SOURCE.labels)) return;
    const target = (id: string) => ({ source: BASEMAP_SOURCE.labels, id });
    this.covered = syncFeatureFlag(this.map, target, 'covered', this.covered, ids);
  }
}
