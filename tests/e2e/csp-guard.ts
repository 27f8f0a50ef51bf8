import type { Browser, BrowserContext } from 'playwright-core';

/** Every Content-Security-Policy violation any page of any test reported, until taken. */
const violations: string[] = [];

/** Violations seen since the last call; the e2e setup file asserts after each test that there are none. */
export function takeCspViolations(): string[] {
  return violations.splice(0, violations.length);
}

const LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__reportCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

async function watch(context: BrowserContext): Promise<void> {
  await context.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await context.addInitScript(LISTENER);
}

/** Makes every context of the browser report CSP violations, including contexts tests make themselves. */
export function guardCsp(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await watch(context);
    return context;
  };
  return browser;
}
