/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional remote MapLibre style; the embedded basemap is used when unset or unreachable. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module 'virtual:atlas-fonts' {
  /** The map's font list (JSON), relative to the base URL (scripts/vite-plugin-atlas-fonts.ts). */
  export const fontListPath: string;
}

declare module 'virtual:atlas-fonts.css';

declare module 'virtual:validated-atlas-files' {
  /** The atlas files the build validated, by digest (scripts/vite-plugin-atlas-data.ts). */
  // An ambient module may not import a relative path: the type is named where it is used.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const files: import('./src/domain/load-atlas').ValidatedFiles;
  export default files;
}
