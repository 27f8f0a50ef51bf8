import { describe, expect, it } from 'vitest';
import { escapeMarkup, serializeSvg, svg, text } from './svg-tree';

describe('the SVG tree writes markup with every text and attribute escaped', () => {
  it('escapes a hostile name in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'Ü'`;
    const markup = serializeSvg(
      svg('a', { href: `#place=x"onclick="y`, 'aria-label': name }, [svg('text', { x: 1.5 }, [text(name)])]),
    );
    expect(markup).toBe(
      '<a href="#place=x&quot;onclick=&quot;y" aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ü&#39;">' +
        '<text x="1.5">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ü&#39;</text></a>',
    );
  });

  it('closes empty elements itself (foreign content in HTML honours it)', () => {
    expect(serializeSvg(svg('path', { d: 'M0 0l1 1' }))).toBe('<path d="M0 0l1 1"/>');
  });

  it('refuses an element or attribute name that is not one (a programmer’s error)', () => {
    expect(() => serializeSvg(svg('a onload=x', {}))).toThrow('svg-tree: not an element or attribute name');
    expect(() => serializeSvg(svg('a', { 'x"': 1 }))).toThrow(
      'svg-tree: not an element or attribute name: "x\\""',
    );
  });

  it('escapes the five characters markup reads', () => {
    expect(escapeMarkup(`a<b>c&d"e'f`)).toBe('a&lt;b&gt;c&amp;d&quot;e&#39;f');
  });
});
