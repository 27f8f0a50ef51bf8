import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { build, preview, type PreviewServer } from 'vite';
import { startRemoteBasemapMock } from './remote-basemap-mock';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A second build whose remote basemap is the failing mock (tests/e2e/remote-basemap-mock.ts). */
    remoteBaseUrl: string;
    remoteMockUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

let server: PreviewServer | undefined;
let remoteServer: PreviewServer | undefined;
let mock: Server | undefined;

/** Serves the production build (`dist/`, made by `vite build` before the run) on localhost. */
export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // fail at once, with the install hint, when there is no browser
  if (!existsSync(resolve('dist/index.html'))) {
    throw new Error('dist/ is missing: browser tests run against the build. Run `npm run test:e2e`.');
  }
  const port = await freePort();
  server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);

  // The same app built with a remote basemap that fails, served apart, for the fallback tests.
  const mockPort = await freePort();
  mock = await startRemoteBasemapMock(mockPort);
  const remoteDist = resolve('dist-remote-basemap');
  // As a deployment would: the variable set for the build, which also puts the origin in the CSP.
  process.env.VITE_BASEMAP_STYLE_URL = `http://127.0.0.1:${mockPort}/style.json`;
  try {
    await build({ logLevel: 'warn', build: { outDir: remoteDist, emptyOutDir: true, sourcemap: false } });
  } finally {
    delete process.env.VITE_BASEMAP_STYLE_URL;
  }
  const remotePort = await freePort();
  remoteServer = await preview({
    logLevel: 'warn',
    build: { outDir: remoteDist },
    preview: { host: '127.0.0.1', port: remotePort, strictPort: true, open: false },
  });
  project.provide('remoteBaseUrl', `http://127.0.0.1:${remotePort}/`);
  project.provide('remoteMockUrl', `http://127.0.0.1:${mockPort}`);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await remoteServer?.close();
  mock?.close();
}
