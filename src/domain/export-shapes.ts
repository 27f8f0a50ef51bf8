/** The shapes of an export: one feature per place with its facts nested, or one point per fact. */
export const EXPORT_SHAPES = ['places', 'facts'] as const;
export type ExportShape = (typeof EXPORT_SHAPES)[number];
