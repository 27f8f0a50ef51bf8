// The scripts the bench runs inside the pages. Strings, run as they are in the page: tsx would
// otherwise wrap the functions of a callback in helpers that exist only in Node.

/**
 * Runs before the page's scripts: times every shader compile and program link (WebGL makes the
 * main thread wait for them), and counts the frames the map draws before it has loaded. Both
 * pages hand their map out as window.articleAtlas right after creating it.
 */
export const COUNT_SHADERS_AND_FRAMES = `(() => {
  const gl = WebGL2RenderingContext.prototype;
  const stats = { programs: 0, programMs: 0, framesBeforeLoad: 0 };
  window.benchStats = stats;
  for (const name of ['compileShader', 'linkProgram', 'getShaderParameter', 'getProgramParameter']) {
    const original = gl[name];
    gl[name] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        stats.programMs += performance.now() - start;
        if (name === 'linkProgram') stats.programs += 1;
      }
    };
  }
  let handle;
  Object.defineProperty(window, 'articleAtlas', {
    configurable: true,
    get: () => handle,
    set: (value) => {
      handle = value;
      let loaded = false;
      value.map.once('load', () => (loaded = true));
      value.map.on('render', () => { if (!loaded) stats.framesBeforeLoad += 1; });
    },
  });
})()`;

/**
 * Runs before the page's scripts: records when the element marked `elementtiming="headline"` (the
 * atlas's h1) was first drawn, through a buffered Element Timing observer, as
 * window.benchHeadline (ms from navigation; never set on a page without one).
 */
export const WATCH_HEADLINE = `(() => {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'headline' && window.benchHeadline === undefined) {
        window.benchHeadline = entry.renderTime || entry.loadTime;
      }
    }
  }).observe({ type: 'element', buffered: true });
})()`;

/**
 * Three 1-second moves (pan and zoom in, pan back, zoom out; on MapLibre's map or Leaflet's) while requestAnimationFrame records
 * every frame's duration; resolves to the durations, ms.
 */
export const PAN_AND_ZOOM = `(async () => {
  const { map } = window.articleAtlas;
  const times = [];
  let running = true;
  let last = 0;
  const tick = (t) => {
    if (last) times.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // MapLibre eases in a straight line; Leaflet moves and zooms at once only by flying.
  const step = (options) => new Promise((done) => {
    map.once('moveend', () => done());
    if (map.easeTo) map.easeTo({ ...options, duration: 1000, easing: (x) => x });
    else map.flyTo([options.center[1], options.center[0]], options.zoom, { duration: 1 });
  });
  const start = map.getCenter();
  const zoom = map.getZoom();
  await step({ center: [start.lng + 2, start.lat + 0.6], zoom: zoom + 1 });
  await step({ center: [start.lng - 1.5, start.lat - 0.4], zoom: zoom + 0.5 });
  await step({ center: [start.lng, start.lat], zoom });
  running = false;
  return times;
})()`;

/**
 * Adds one layer, and the article's source, to the bare page once its map is idle (the page
 * `layers.html?add-later`), and times the map from there to its next idle. Called with the
 * layer's id; resolves to a LayerCost.
 */
export const addOneLayer = (id: string): string => `(async (id) => {
  const { map } = window.articleAtlas;
  const before = window.benchStats.programs;
  const start = performance.now();
  window.benchAddLayer(id);
  await new Promise((done) => map.once('idle', done));
  return { ms: performance.now() - start, programs: window.benchStats.programs - before };
})(${JSON.stringify(id)})`;

/** How long a page may take from the drop to drawn before its run is given up (NaN). */
export const OPEN_FILE_TIMEOUT_MS = 180_000;

/**
 * Opens a file on a loaded page and resolves to an OpenedFileRun: fetches the file (apart from
 * the time measured), then, with requestAnimationFrame recording every frame, drops it on the
 * atlas's map (a real DataTransfer, as a reader's drop) or hands it to the bare page
 * (`window.benchOpenFile`), and waits until every one of `sources` is on the map and loaded at an
 * idle of the map. The last frame gap is closed by one more frame after that.
 */
export const openFile = (options: {
  url: string;
  name: string;
  atlas: boolean;
  sources: string[];
}): string => `(async ({ url, name, atlas, sources }) => {
  const { map } = window.articleAtlas;
  const text = await (await fetch(url)).text();
  const file = new File([text], name, { type: 'application/geo+json' });
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  await frame();
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = (t) => {
    longest = Math.max(longest, t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const drawn = new Promise((done) => {
    const check = () => {
      if (sources.every((id) => map.getSource(id) && map.isSourceLoaded(id))) done();
      else map.once('idle', check);
    };
    map.once('idle', check);
  });
  const start = performance.now();
  if (atlas) {
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(file);
    const target = document.getElementById('map');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
    }
  } else {
    window.benchOpenFile(file);
  }
  // A page that never gets there (a frozen page, say) gives NaN after TIMEOUT_MS, not a hung bench.
  const timedOut = await Promise.race([
    drawn.then(() => false),
    new Promise((done) => setTimeout(() => done(true), ${OPEN_FILE_TIMEOUT_MS})),
  ]);
  const drawnMs = timedOut ? NaN : performance.now() - start;
  await frame();
  running = false;
  return { drawnMs, longestGapMs: longest };
})(${JSON.stringify(options)})`;
