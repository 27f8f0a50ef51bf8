import type { ImportCounts } from '../import-geojson';
import { MAX_LISTED_ISSUES } from '../import-geojson';
import { IssueList, type Issue } from '../issues';

/**
 * The issues a format reader finds before the converted features are read as GeoJSON (a CSV row
 * without coordinates, an XML syntax error): the first ones kept, all of them counted, as the
 * GeoJSON reader keeps its own.
 */
export class FormatIssues extends IssueList {
  private dropped = { errors: 0, warnings: 0 };

  /** Every issue found, those left out of the list too. */
  counts(): ImportCounts {
    const kept = this.items.filter((i) => i.severity === 'error').length;
    return {
      errors: kept + this.dropped.errors,
      warnings: this.items.length - kept + this.dropped.warnings,
    };
  }

  protected override add(issue: Issue): void {
    if (this.items.length < MAX_LISTED_ISSUES) super.add(issue);
    else if (issue.severity === 'error') this.dropped.errors += 1;
    else this.dropped.warnings += 1;
  }

  /** The kept issues, plus one that counts those left out. */
  list(): Issue[] {
    const dropped = this.dropped.errors + this.dropped.warnings;
    if (dropped === 0) return [...this.items];
    return [
      ...this.items,
      {
        code: 'more-issues',
        message: `${dropped} more problem(s) are not listed; fix the ones above and open the file again`,
        severity: this.dropped.errors > 0 ? 'error' : 'warning',
        file: this.file,
        path: '',
      },
    ];
  }
}

/** `"name"`, or a plain file name quoted for a shell when it holds spaces or quotes. */
export const shellQuoted = (fileName: string): string =>
  /^[\w.@%+,:=/-]+$/.test(fileName) ? fileName : `'${fileName.replace(/'/g, `'\\''`)}'`;

/** The formats that open here, for the messages that say what to do instead. */
export const OPENABLE_FORMATS = 'GeoJSON, TopoJSON, KML, KMZ, GPX or CSV';
