/**
 * A small SVG element tree: plain data, written into the page's HTML by the build (serializeSvg) or
 * turned into nodes by a page script; data never becomes markup by any other way.
 */
export interface SvgElement {
  tag: string;
  attrs?: Readonly<Record<string, string | number>>;
  children?: readonly SvgNode[];
}

/** A text node: written escaped, never as markup. */
export interface SvgText {
  text: string;
}

export type SvgNode = SvgElement | SvgText;

/** An element with attributes and children. */
export const svg = (
  tag: string,
  attrs: Readonly<Record<string, string | number>> = {},
  children: readonly SvgNode[] = [],
): SvgElement => ({ tag, attrs, children });

/** A text node. */
export const text = (value: string): SvgText => ({ text: value });

const isText = (node: SvgNode): node is SvgText => 'text' in node;

/** Tag and attribute names the tree may use: letters, digits, hyphens, one prefix (`xml:lang`). */
const NAME = /^[A-Za-z][\w-]*(:[A-Za-z][\w-]*)?$/;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text and attribute values escaped for HTML and XML alike: `&`, `<`, `>` and both quotes. */
export const escapeMarkup = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function checkedName(name: string): string {
  // A programmer's error: names come from the code, never from data.
  if (!NAME.test(name))
    throw new Error(`svg-tree: not an element or attribute name: ${JSON.stringify(name)}`);
  return name;
}

/** Writes the tree as markup, every text and attribute value escaped. */
export function serializeSvg(node: SvgNode): string {
  if (isText(node)) return escapeMarkup(node.text);
  const tag = checkedName(node.tag);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${checkedName(name)}="${escapeMarkup(String(value))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `<${tag}${attrs}/>`;
  return `<${tag}${attrs}>${children.map(serializeSvg).join('')}</${tag}>`;
}
