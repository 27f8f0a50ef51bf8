import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
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
}

export async function teardown(): Promise<void> {
  await server?.close();
}
