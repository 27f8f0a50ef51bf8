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
  /** Every error reported, also one a subclass leaves out of `items`: checkers compare it before and after. */
  errorCount = 0;

  constructor(readonly file: string) {}

  error(code: string, path: string, message: string): void {
    this.errorCount += 1;
    this.add({ code, message, severity: 'error', file: this.file, path });
  }

  warning(code: string, path: string, message: string): void {
    this.add({ code, message, severity: 'warning', file: this.file, path });
  }

  protected add(issue: Issue): void {
    this.items.push(issue);
  }
}

/** `file: path: message [code]`, the form the validator prints. */
export function formatIssue(issue: Issue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  return `${where}: ${issue.message} [${issue.code}]`;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

/** A text on one line, cut to `max` characters with an ellipsis: a message quotes it, not a whole page. */
export const shorten = (text: string, max = 40): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  // By code points: a cut never splits a character outside the BMP (an emoji) in two.
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
};
