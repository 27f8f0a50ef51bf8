// Takes screenshots of a running Article Atlas page with the system Chromium, at desktop and phone sizes.
//   npm run screenshot -- [URL] [OUT_PREFIX]
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../tests/e2e/chromium';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/';
const prefix = process.argv[3] ?? 'screenshot';
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});
const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, scale: 1 },
  { name: 'phone', viewport: { width: 375, height: 667 }, scale: 2 },
];
for (const { name, viewport, scale } of sizes) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: scale });
  page.on('console', (m) => console.log(`[${name}] ${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${prefix}-${name}.png` });
  console.log(`${prefix}-${name}.png`);
  await page.close();
}
await browser.close();
