// A country's name, apart from the list of codes the validator checks (countries.ts): the page's
// first screen names countries, and validates only a file the build did not.

/** Made on first use, like the language names: building it reads ICU data. */
let regionNames: Intl.DisplayNames | undefined;

/**
 * The country's English short name, from the names built into Node and the browsers (CLDR):
 * `US` -> `United States`, `AZ` -> `Azerbaijan`. A code the runtime cannot name is given as it is.
 */
export function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    return regionNames.of(code) ?? code;
  } catch {
    // A code that is not two letters makes `of` throw a RangeError.
    return code;
  }
}
