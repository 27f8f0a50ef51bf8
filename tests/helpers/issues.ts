import type { Issue } from '../../src/domain/issues';

/** An error issue as the validator reports it, for tests that expect exact issues. */
export const errorIssue = (file: string, code: string, path: string, message: string): Issue => ({
  code,
  message,
  severity: 'error',
  file,
  path,
});
