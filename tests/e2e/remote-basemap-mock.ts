import { createServer, type Server } from 'node:http';

/** How the mock remote basemap answers: the style 404s, never answers, or loads with failing tiles. */
export type RemoteMode = 'not-found' | 'hang' | 'tiles-fail';

/**
 * A remote basemap on localhost that fails in the ways a real one can. The test sets its mode at
 * /mode?set=…; the page's build names this server as VITE_BASEMAP_STYLE_URL.
 */
export function startRemoteBasemapMock(port: number): Promise<Server> {
  let mode: RemoteMode = 'not-found';
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname === '/mode') {
      mode = (url.searchParams.get('set') as RemoteMode) ?? mode;
      res.end(mode);
      return;
    }
    if (url.pathname === '/style.json') {
      if (mode === 'not-found') {
        res.writeHead(404).end('no such style');
        return;
      }
      if (mode === 'hang') return; // never answers: the page must give up by itself
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          version: 8,
          sources: { remote: { type: 'vector', tiles: [`${origin}/tiles/{z}/{x}/{y}.pbf`], maxzoom: 14 } },
          layers: [
            { id: 'bg', type: 'background', paint: { 'background-color': '#000000' } },
            {
              id: 'water',
              type: 'fill',
              source: 'remote',
              'source-layer': 'water',
              paint: { 'fill-color': '#0000ff' },
            },
          ],
        }),
      );
      return;
    }
    if (url.pathname.startsWith('/tiles/')) {
      res.writeHead(500).end('tile server down');
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
