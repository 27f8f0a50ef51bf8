/** A skip link and what it does: moves focus to its target; false when the target is not there. */
export interface SkipLink {
  link: HTMLAnchorElement;
  go: () => boolean;
}

/**
 * The page's skip links ("Skip to the map", "Skip to the places"), the first Tab stops. Each moves
 * focus itself rather than following its href: the page's address holds the link to a place and a
 * view (`#place=…&map=…`), which a fragment such as `#map` would replace.
 */
export class SkipLinks {
  private readonly targets = new Map<HTMLAnchorElement, () => boolean>();
  private readonly onClick = (event: MouseEvent): void => {
    const link = event.currentTarget as HTMLAnchorElement;
    event.preventDefault();
    this.targets.get(link)?.();
  };

  constructor(links: readonly SkipLink[]) {
    for (const link of links) this.set(link);
  }

  /** Gives a link its target (a target that exists only later, such as the panel's places, is set then). */
  set({ link, go }: SkipLink): void {
    if (!this.targets.has(link)) link.addEventListener('click', this.onClick);
    this.targets.set(link, go);
  }

  /** Stops handling the links. */
  remove(): void {
    for (const link of this.targets.keys()) link.removeEventListener('click', this.onClick);
    this.targets.clear();
  }
}

/** Focuses the map's canvas, where the arrow keys move the map (or the picture's first place); false when no map is drawn. */
export function focusMap(container: HTMLElement): boolean {
  // Until MapLibre's map takes over (or where it cannot be drawn), the build's picture is the
  // map: its first place.
  const still = container.querySelector<SVGAElement>('svg.is-live:not(.is-leaving) a[data-place]');
  if (still) {
    still.focus();
    return true;
  }
  const canvas = container.querySelector<HTMLElement>('canvas');
  if (!canvas || container.classList.contains('map-unavailable')) return false;
  canvas.focus();
  return true;
}
