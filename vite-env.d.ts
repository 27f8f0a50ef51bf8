/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional remote MapLibre style; the embedded basemap is used when unset or unreachable. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
