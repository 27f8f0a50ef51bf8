/** Names of the font stacks the style's `text-font` may use; `fonts.ts` maps them to files. */
export const FONT = {
  regular: 'Noto Sans Regular',
  italic: 'Noto Sans Italic',
  semibold: 'Noto Sans SemiBold',
} as const;
