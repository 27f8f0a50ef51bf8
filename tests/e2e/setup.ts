import { afterEach, expect } from 'vitest';
import { takeCspViolations } from './csp-guard';

// The production build runs under a strict Content-Security-Policy: no path of any browser test
// may trigger a violation.
afterEach(() => {
  expect(takeCspViolations()).toEqual([]);
});
