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
