// The bench's static server on localhost: the app at /, the bare pages at /bare/, the data at
// /data/, never caching, and never a file outside the folder a path is mounted on.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** A folder served under a path prefix; the first mount whose prefix starts the path serves it. */
export interface Mount {
  prefix: string;
  dir: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export const contentType = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';

/**
 * The file a request's URL names inside its mount's folder (`index.html` for the folder itself),
 * or undefined when the decoded path leaves that folder (`..%2F`, or a sibling folder whose name
 * starts like it) or cannot be decoded. Pure: whether the file exists is the server's question.
 */
export function resolveRequest(url: string, mounts: readonly Mount[]): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  const mount = mounts.find((m) => path.startsWith(m.prefix));
  if (!mount) return undefined;
  const file = normalize(join(mount.dir, path.slice(mount.prefix.length) || 'index.html'));
  return file === mount.dir || file.startsWith(mount.dir + sep) ? file : undefined;
}

/** Serves the mounts on 127.0.0.1 at a free port; a folder's own path serves its index.html. */
export function serveStatic(mounts: readonly Mount[]): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    let file = resolveRequest(req.url ?? '/', mounts);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}
