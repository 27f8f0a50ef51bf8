import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveRequest, serveStatic, type Mount } from './serve';

const DIST = join('/srv', 'dist');
const BARE = join('/srv', 'dist-bench');
const DATA = join('/srv', 'cache', 'data');
const MOUNTS: Mount[] = [
  { prefix: '/bare/', dir: BARE },
  { prefix: '/data/', dir: DATA },
  { prefix: '/', dir: DIST },
];

describe('resolveRequest', () => {
  it('finds a file under the first mount whose prefix starts the path, ignoring query and hash', () => {
    expect(resolveRequest('/', MOUNTS)).toBe(join(DIST, 'index.html'));
    expect(resolveRequest('/?atlas=synthetic-1000#map=5.6/40.0/46.6', MOUNTS)).toBe(join(DIST, 'index.html'));
    expect(resolveRequest('/bare/', MOUNTS)).toBe(join(BARE, 'index.html'));
    expect(resolveRequest('/bare/layers.html?add-later#map=5/40/46', MOUNTS)).toBe(join(BARE, 'layers.html'));
    expect(resolveRequest('/data/atlases/index.json', MOUNTS)).toBe(join(DATA, 'atlases/index.json'));
    expect(resolveRequest('/assets/index-OxzZxcri.js', MOUNTS)).toBe(join(DIST, 'assets/index-OxzZxcri.js'));
  });

  it('decodes the path', () => {
    expect(resolveRequest('/data/atlases/a%20b.json', MOUNTS)).toBe(join(DATA, 'atlases/a b.json'));
  });

  it('keeps a plain ../ inside the site: the URL resolves it before the path is mapped', () => {
    expect(resolveRequest('/bare/../package.json', MOUNTS)).toBe(join(DIST, 'package.json'));
    expect(resolveRequest('/data/%2e%2e/%2e%2e/package.json', MOUNTS)).toBe(join(DIST, 'package.json'));
  });

  it('refuses an encoded ../ that leaves the mount’s folder', () => {
    expect(resolveRequest('/..%2Fpackage.json', MOUNTS)).toBeUndefined();
    expect(resolveRequest('/data/..%2F..%2F..%2Fetc%2Fpasswd', MOUNTS)).toBeUndefined();
    expect(resolveRequest('/bare/..%2F', MOUNTS)).toBeUndefined();
    expect(resolveRequest('/data/..%2Fdata%2F..%2F..%2Fdist%2Findex.html', MOUNTS)).toBeUndefined();
  });

  it('refuses a sibling folder whose name starts like the mount’s (dist-bench beside dist)', () => {
    expect(resolveRequest('/..%2Fdist-bench%2Findex.html', MOUNTS)).toBeUndefined();
  });

  it('refuses a path it cannot decode, or that no mount serves', () => {
    expect(resolveRequest('/%E0%A4%A', MOUNTS)).toBeUndefined();
    expect(resolveRequest('/x', MOUNTS.slice(0, 2))).toBeUndefined();
  });
});

describe('contentType', () => {
  it('names the bench’s file types, and bytes for the rest', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('places.geojson')).toBe('application/geo+json');
    expect(contentType('noto-sans.woff2')).toBe('font/woff2');
    expect(contentType('basemap.pbf')).toBe('application/octet-stream');
  });
});

describe('serveStatic', () => {
  let root = '';
  let base = '';
  let close = () => {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bench-serve-'));
    mkdirSync(join(root, 'site', 'sub'), { recursive: true });
    writeFileSync(join(root, 'site', 'index.html'), '<p>site</p>');
    writeFileSync(join(root, 'site', 'sub', 'index.html'), '<p>sub</p>');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    const served = await serveStatic([{ prefix: '/', dir: join(root, 'site') }]);
    base = served.base;
    close = () => served.server.close();
  });

  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a file with its type and no caching, and a folder’s index.html', async () => {
    const page = await fetch(`${base}/`);
    expect([page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-store',
    ]);
    expect(await page.text()).toBe('<p>site</p>');
    const sub = await fetch(`${base}/sub`);
    expect([sub.status, await sub.text()]).toEqual([200, '<p>sub</p>']);
  });

  it('answers 404 for a missing file and for a file outside its folder', async () => {
    expect((await fetch(`${base}/missing.html`)).status).toBe(404);
    expect((await fetch(`${base}/..%2Fsecret.txt`)).status).toBe(404);
  });
});
