/** A problem found in input data: a value, never an exception. */
export interface Issue {
  /** Stable, kebab-case: tests and tools match on it. */
  code: string;
  message: string;
  severity: 'error' | 'warning';
  /** The file the problem is in, as given to the validator. */
  file: string;
  /** Where in the file: a JSON path such as `facts[12].placeIds[0]`, or `` for the whole file. */
  path: string;
}

/** Collects issues for one file. */
export class IssueList {
  readonly items: Issue[] = [];

  constructor(readonly file: string) {}

  error(code: string, path: string, message: string): void {
    this.items.push({ code, message, severity: 'error', file: this.file, path });
  }

  warning(code: string, path: string, message: string): void {
    this.items.push({ code, message, severity: 'warning', file: this.file, path });
  }
}

/** `file: path: message [code]`, the form the validator prints. */
export function formatIssue(issue: Issue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  return `${where}: ${issue.message} [${issue.code}]`;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');
