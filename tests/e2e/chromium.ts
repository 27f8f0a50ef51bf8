import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { guardCsp } from './csp-guard';

/** Flags for headless Chromium on this offline machine, with WebGL on SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/** The system Chromium: `CHROMIUM_PATH`, else /usr/bin/chromium; a clear error when there is none. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Browser tests use the system Chromium: ` +
        'install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

/** Launches the system Chromium; every context it makes reports CSP violations (see csp-guard.ts). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return guardCsp(browser);
}

/**
 * The browser for the tests of one file or describe block: launched before them and closed after.
 * Returns a stand-in that forwards to the launched browser, so that tests use it as a Browser.
 */
export function useChromium(extraArgs: string[] = []): Browser {
  let current: Browser | undefined;
  beforeAll(async () => {
    current = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Browser, {
    get(_target, property) {
      if (!current) throw new Error('the browser is used before beforeAll launched it');
      const value = Reflect.get(current, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
