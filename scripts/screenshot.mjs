#!/usr/bin/env node
// Takes screenshots of a running Article Atlas page with the system Chromium, at desktop and phone sizes.
//   node scripts/screenshot.mjs [URL] [OUT_PREFIX]
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/';
const prefix = process.argv[3] ?? 'screenshot';
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ],
});
for (const [name, viewport, scale] of [
  ['desktop', { width: 1280, height: 800 }, 1],
  ['phone', { width: 375, height: 667 }, 2],
]) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: scale });
  page.on('console', (m) => console.log(`[${name}] ${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, {
    timeout: 60000,
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${prefix}-${name}.png` });
  console.log(`${prefix}-${name}.png`);
  await page.close();
}
await browser.close();
