import { el } from '../dom/el';

export interface PictureToolsOptions {
  onPicture: () => void;
  onPrint: () => void;
}

/**
 * "Download image" (the map as shown, as a PNG) and "Print", in the panel's tools. They come with
 * their code, once a map is there (src/app/picture-print.ts): the first screen does not carry them.
 */
export function buildPictureTools(options: PictureToolsOptions): HTMLElement {
  const button = (text: string, onClick: () => void) => {
    const node = el('button', { className: 'button', text, attrs: { type: 'button' } });
    node.addEventListener('click', onClick);
    return node;
  };
  return el('section', { className: 'picture-tools', attrs: { 'aria-labelledby': 'picture-tools-title' } }, [
    el('h2', { className: 'export-title', text: 'Picture and print', attrs: { id: 'picture-tools-title' } }),
    el('div', { className: 'export-buttons' }, [
      button('Download image', options.onPicture),
      button('Print', options.onPrint),
    ]),
    el('p', {
      className: 'export-note',
      text: 'A PNG of the map as shown, at twice its size, with the headline, the key and the credits.',
    }),
  ]);
}
