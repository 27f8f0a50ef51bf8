// The atlas editor's page: the article's paragraphs beside the map, the drafted items with their
// review notes, each item's form, the live problem list and Save. The state is editor-state.ts's
// pure draft; every control sends it a command and the views follow.
import { el } from '../dom/el';
import type { GazetteerEntry } from '../domain/draft/types';
import type { Issue } from '../domain/issues';
import {
  FACT_KINDS,
  FIGURE_QUALIFIERS,
  PLACE_GROUPS,
  type AltName,
  type FactKind,
  type Figure,
  type FigureQualifier,
  type PlaceGroup,
} from '../domain/types';
import { EditorMap, type EditorMapPlace } from '../map/editor-map';
import { saveAtlas, searchGazetteer, type OpenedAtlas } from './editor-api';
import {
  addPlace,
  confirmItem,
  draftFiles,
  issueTarget,
  stillToWrite,
  makeQuotation,
  movePoint,
  paragraphHighlights,
  paragraphTexts,
  pickCandidate,
  rejectItem,
  reviewOf,
  uncoveredParagraphs,
  updateFact,
  updatePlace,
  validateDraft,
  type Draft,
  type DraftFact,
  type DraftPlace,
  type ItemRef,
  type TextSelection,
} from './editor-state';
import { readDraft } from './read-draft';

/** How long the editor waits after the last keystroke before it validates again. */
const VALIDATION_DELAY_MS = 300;

const sameRef = (a: ItemRef | undefined, b: ItemRef): boolean =>
  a !== undefined && a.kind === b.kind && (a.kind === 'article' || (b.kind !== 'article' && a.id === b.id));

const refKey = (ref: ItemRef): string => (ref.kind === 'article' ? 'article' : `${ref.kind}:${ref.id}`);

let fieldCount = 0;
/** A labelled field: the label names the control, which carries `data-field` for the problem list. */
function field(label: string, control: HTMLElement, path: string): HTMLElement {
  fieldCount += 1;
  const id = `editor-field-${fieldCount}`;
  control.id = id;
  control.dataset.field = path;
  return el('div', { className: 'editor-field' }, [
    el('label', { text: label, attrs: { for: id } }),
    control,
  ]);
}

function textInput(value: string, onInput: (value: string) => void): HTMLInputElement {
  const input = el('input', { attrs: { type: 'text' } });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

function textArea(value: string, onInput: (value: string) => void, rows = 3): HTMLTextAreaElement {
  const area = el('textarea', { attrs: { rows: String(rows) } });
  area.value = value;
  area.addEventListener('input', () => onInput(area.value));
  return area;
}

function select<T extends string>(
  values: readonly T[],
  value: T,
  onChange: (value: T) => void,
): HTMLSelectElement {
  const control = el(
    'select',
    {},
    values.map((v) => el('option', { text: v, attrs: { value: v } })),
  );
  control.value = value;
  control.addEventListener('change', () => {
    const chosen = values.find((v) => v === control.value);
    if (chosen !== undefined) onChange(chosen);
  });
  return control;
}

function button(text: string, onClick: () => void, className = 'editor-button'): HTMLButtonElement {
  const b = el('button', { className, text, attrs: { type: 'button' } });
  b.addEventListener('click', onClick);
  return b;
}

/** Alternative names as lines "lang | name | note" (the note optional). */
export const altNamesText = (names: readonly AltName[]): string =>
  names.map((n) => [n.lang, n.name, ...(n.note ? [n.note] : [])].join(' | ')).join('\n');

export function parseAltNames(text: string): AltName[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts.some((p) => p !== ''))
    .map(([lang = '', name = '', ...note]) => {
      const n = note.join(' | ');
      return n ? { name, lang, note: n } : { name, lang };
    });
}

const mapPlaces = (draft: Draft): EditorMapPlace[] =>
  draft.places.map((p) => ({ id: p.id, name: p.properties.name || p.id, geometry: p.geometry }));

const countText = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The paragraph element that holds a node, if any. */
const paragraphOf = (node: Node): HTMLElement | null | undefined =>
  (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-paragraph]');

/** The offset in `paragraph`'s text of a DOM point (`node`, `at`) inside it. */
function textOffset(paragraph: HTMLElement, node: Node, at: number): number {
  const before = document.createRange();
  before.selectNodeContents(paragraph);
  before.setEnd(node, at);
  return before.toString().length;
}

/** The DOM point of a text offset in `paragraph`: the text node that holds it and the offset within. */
function domPoint(paragraph: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (left <= length) return [node, left];
    left -= length;
  }
  return [paragraph, paragraph.childNodes.length];
}

/** A caret or selection in one paragraph, as text offsets: where it started (anchor) and where it is. */
interface ParagraphCaret {
  paragraph: string;
  anchor: number;
  focus: number;
}

function caretInParagraph(selection: Selection | null): ParagraphCaret | undefined {
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode) return undefined;
  const paragraph = paragraphOf(anchorNode);
  if (!paragraph || paragraph !== paragraphOf(focusNode)) return undefined;
  return {
    paragraph: paragraph.dataset.paragraph ?? '',
    anchor: textOffset(paragraph, anchorNode, selection.anchorOffset),
    focus: textOffset(paragraph, focusNode, selection.focusOffset),
  };
}

/** The characters selected inside one paragraph element, as offsets in its text; undefined otherwise. */
function selectionInParagraph(selection: Selection | null): TextSelection | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const startEl = paragraphOf(range.startContainer);
  if (!startEl || startEl !== paragraphOf(range.endContainer)) return undefined;
  return {
    paragraph: Number(startEl.dataset.paragraph),
    start: textOffset(startEl, range.startContainer, range.startOffset),
    end: textOffset(startEl, range.endContainer, range.endOffset),
  };
}

/** The editor of one atlas. */
export class EditorPage {
  private draft: Draft;
  private readonly text: string;
  private selected: ItemRef | undefined;
  private dirty = false;
  private issues: Issue[] = [];
  private lastSelection: TextSelection | undefined;
  private validationTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly map: EditorMap;
  private readonly paragraphs = el('div', { className: 'editor-paragraphs' });
  private readonly items = el('div', { className: 'editor-items' });
  private readonly problems = el('ul', { className: 'editor-problems' });
  private readonly counts = el('p', { className: 'editor-counts' });
  private readonly status = el('p', {
    className: 'editor-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  private readonly saveResult = el('ul', { className: 'editor-save-issues' });
  private readonly quoteButton: HTMLButtonElement;
  private readonly quoteHint = el('span', { className: 'editor-hint', attrs: { id: 'quote-hint' } });
  private readonly onSelectionChange = () => {
    const inParagraph = selectionInParagraph(document.getSelection());
    if (inParagraph) this.lastSelection = inParagraph;
    this.showQuoteHint();
  };
  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty) event.preventDefault();
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly id: string,
    opened: OpenedAtlas,
  ) {
    this.draft = readDraft(opened.files);
    this.text = opened.text ?? '';
    this.quoteButton = button('Quote selection', () => this.quoteSelection());
    this.quoteButton.setAttribute('aria-describedby', 'quote-hint');
    // Pressing the button must not take the text's selection away before it is read.
    this.quoteButton.addEventListener('mousedown', (e) => e.preventDefault());
    const saveButton = button('Save', () => void this.save(), 'editor-button editor-button--primary');
    const mapBox = el('div', {
      className: 'editor-map',
      attrs: { role: 'region', 'aria-label': 'Map of the places' },
    });
    root.replaceChildren(
      el('header', { className: 'editor-header' }, [
        el('h1', {}, ['Atlas editor: ', el('span', { text: this.draft.article.headline || id })]),
        el('div', { className: 'editor-header__actions' }, [saveButton, this.status]),
      ]),
      el('div', { className: 'editor-columns' }, [
        el('section', { className: 'editor-article', attrs: { 'aria-labelledby': 'article-heading' } }, [
          el('div', { className: 'editor-toolbar' }, [
            el('h2', { text: 'Article', attrs: { id: 'article-heading' } }),
            this.quoteButton,
            this.quoteHint,
          ]),
          opened.text === null
            ? el('p', {
                className: 'editor-failure',
                text: 'The article’s text could not be read: see the problems.',
              })
            : null,
          this.paragraphs,
        ]),
        el('div', { className: 'editor-side' }, [
          mapBox,
          el(
            'section',
            { className: 'editor-problem-box', attrs: { 'aria-labelledby': 'problems-heading' } },
            [
              el('h2', { text: 'Problems', attrs: { id: 'problems-heading' } }),
              this.counts,
              this.problems,
              this.saveResult,
            ],
          ),
          el('section', { attrs: { 'aria-labelledby': 'items-heading' } }, [
            el('h2', { text: 'Drafted items', attrs: { id: 'items-heading' } }),
            this.items,
          ]),
          this.searchBox(),
        ]),
      ]),
    );
    this.map = new EditorMap({
      container: mapBox,
      places: mapPlaces(this.draft),
      onSelect: (placeId) => this.select({ kind: 'place', id: placeId }, true),
      onMove: (placeId, lngLat) => {
        this.change(movePoint(this.draft, placeId, lngLat), { items: true });
        this.select({ kind: 'place', id: placeId }, false);
      },
    });
    document.addEventListener('selectionchange', this.onSelectionChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this.renderParagraphs();
    this.renderItems();
    this.validate();
    this.showQuoteHint();
  }

  /** Takes a new draft; `items` redraws the list (a form being typed in is left as it is). */
  private change(draft: Draft, redraw: { items?: boolean } = {}): void {
    this.draft = draft;
    this.dirty = true;
    this.status.textContent = 'Unsaved changes.';
    if (redraw.items) this.renderItems();
    this.map.setPlaces(mapPlaces(this.draft));
    clearTimeout(this.validationTimer);
    this.validationTimer = setTimeout(() => {
      this.renderParagraphs();
      this.validate();
    }, VALIDATION_DELAY_MS);
  }

  private validate(): void {
    this.issues = validateDraft(this.draft, this.text);
    const errors = this.issues.filter((i) => i.severity === 'error').length;
    const warnings = this.issues.length - errors;
    this.counts.textContent = `${countText(errors, 'error')}, ${countText(warnings, 'warning')}`;
    this.problems.replaceChildren(
      ...this.issues.map((issue) => {
        const target = issueTarget(this.draft, issue);
        const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
        return el('li', { className: `editor-problem editor-problem--${issue.severity}` }, [
          button(
            `${issue.severity}: ${issue.message} (${where})`,
            () => this.jumpTo(target.item, target.field),
            'editor-link',
          ),
        ]);
      }),
    );
  }

  private showQuoteHint(): void {
    const s = this.lastSelection;
    this.quoteHint.textContent = s
      ? `Selected: ${s.end - s.start} characters in paragraph ${s.paragraph}`
      : 'Select words in a paragraph (mouse, or Shift and the arrow keys), then quote them.';
  }

  private quoteSelection(): void {
    const selection = selectionInParagraph(document.getSelection()) ?? this.lastSelection;
    const next = selection && makeQuotation(this.draft, this.text, selection);
    if (!next) {
      this.status.textContent = 'Select the words of a quotation inside one paragraph first.';
      return;
    }
    const added = next.facts.find((f) => !this.draft.facts.some((g) => g.id === f.id));
    this.lastSelection = undefined;
    document.getSelection()?.removeAllRanges();
    this.change(next, { items: true });
    this.renderParagraphs();
    if (added) {
      this.status.textContent = `Quotation added to paragraph ${added.paragraph}: write its speaker and paraphrase.`;
      this.select({ kind: 'fact', id: added.id }, false);
      this.focusField({ kind: 'fact', id: added.id }, 'quote.speaker');
    }
  }

  /**
   * Draws the paragraphs again (their highlights follow the draft). A caret or selection in one of
   * them, and its focus, are put back in the new paragraph: a redraw after a change, while someone
   * is selecting with the keyboard, must not take their selection away.
   */
  private renderParagraphs(): void {
    const selection = document.getSelection();
    const caret = caretInParagraph(selection);
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const hadFocus = caret !== undefined && focused !== null && this.paragraphs.contains(focused);
    this.drawParagraphs();
    if (!caret || !selection) return;
    const body = this.paragraphs.querySelector<HTMLElement>(
      `[data-paragraph="${CSS.escape(caret.paragraph)}"]`,
    );
    if (!body) return;
    if (hadFocus) body.focus({ preventScroll: true });
    selection.setBaseAndExtent(...domPoint(body, caret.anchor), ...domPoint(body, caret.focus));
  }

  private drawParagraphs(): void {
    const texts = paragraphTexts(this.draft, this.text);
    const uncovered = new Set(uncoveredParagraphs(this.draft));
    this.paragraphs.replaceChildren(
      ...this.draft.article.paragraphs.map((p) => {
        const paragraphText = texts.get(p.n) ?? '';
        const body = el('div', {
          className: 'editor-paragraph__text',
          attrs: {
            'data-paragraph': String(p.n),
            // Editable only so that a keyboard can move a caret and select (Shift and the arrows);
            // every change to the text is refused, so its characters stay the article's.
            contenteditable: 'true',
            role: 'textbox',
            'aria-readonly': 'true',
            'aria-multiline': 'true',
            'aria-label': `Paragraph ${p.n}`,
            spellcheck: 'false',
          },
        });
        for (const type of ['beforeinput', 'paste', 'drop', 'cut'])
          body.addEventListener(type, (e) => e.preventDefault());
        let at = 0;
        for (const h of paragraphHighlights(this.draft, p.n, paragraphText)) {
          if (h.start > at) body.append(paragraphText.slice(at, h.start));
          body.append(
            el('mark', {
              className: `editor-highlight editor-highlight--${h.kind}`,
              text: paragraphText.slice(h.start, h.end),
              attrs: { 'data-fact-id': h.factId, title: `${h.kind}: ${h.factId}` },
            }),
          );
          at = h.end;
        }
        if (at < paragraphText.length) body.append(paragraphText.slice(at));
        return el(
          'div',
          { className: `editor-paragraph${uncovered.has(p.n) ? ' editor-paragraph--uncovered' : ''}` },
          [
            el('p', { className: 'editor-paragraph__number' }, [
              `¶ ${p.n}`,
              p.section ? ` · ${p.section}` : null,
              uncovered.has(p.n) ? el('span', { className: 'editor-badge', text: 'no fact yet' }) : null,
            ]),
            body,
          ],
        );
      }),
    );
  }

  private select(ref: ItemRef, focus: boolean): void {
    this.selected = ref;
    this.renderItems();
    this.map.select(ref.kind === 'place' ? ref.id : undefined);
    if (focus)
      this.items
        .querySelector<HTMLElement>(`[data-item="${CSS.escape(refKey(ref))}"] .editor-item__title`)
        ?.focus();
  }

  private jumpTo(ref: ItemRef, path: string): void {
    this.select(ref, true);
    this.focusField(ref, path);
  }

  private focusField(ref: ItemRef, path: string): void {
    const item = this.items.querySelector<HTMLElement>(`[data-item="${CSS.escape(refKey(ref))}"]`);
    if (!item) return;
    const controls = [...item.querySelectorAll<HTMLElement>('[data-field]')];
    // The control of the field, or of the nearest field that holds it (`quote.text` → `quote`).
    const best = controls
      .filter((c) => {
        const f = c.dataset.field ?? '';
        return path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`) || f.startsWith(`${path}.`);
      })
      .sort((a, b) => (b.dataset.field ?? '').length - (a.dataset.field ?? '').length)[0];
    (best ?? item.querySelector<HTMLElement>('.editor-item__title'))?.focus();
    // A drafted value to write over is selected whole: typing replaces it.
    if (best instanceof HTMLInputElement && best.type === 'text') best.select();
  }

  private renderItems(): void {
    const d = this.draft;
    const group = (title: string, nodes: HTMLElement[]) =>
      el('div', { className: 'editor-item-group' }, [
        el('h3', { text: title }),
        el('ul', { className: 'editor-item-list' }, nodes),
      ]);
    this.items.replaceChildren(
      group('Article', [
        this.itemNode({ kind: 'article' }, d.article.headline || 'Article', this.articleForm()),
      ]),
      group(
        `Places (${d.places.length})`,
        d.places.map((p) =>
          this.itemNode({ kind: 'place', id: p.id }, p.properties.name || p.id, this.placeForm(p)),
        ),
      ),
      group(
        `Facts (${d.facts.length})`,
        d.facts.map((f) =>
          this.itemNode(
            { kind: 'fact', id: f.id },
            `¶ ${f.paragraph} · ${f.kind} · ${f.id}`,
            this.factForm(f),
          ),
        ),
      ),
    );
  }

  private itemNode(ref: ItemRef, title: string, form: () => HTMLElement): HTMLElement {
    const review = reviewOf(this.draft, ref);
    const open = sameRef(this.selected, ref);
    const titleButton = button(
      title,
      () => (open ? this.closeItem() : this.select(ref, true)),
      'editor-item__title',
    );
    titleButton.setAttribute('aria-expanded', String(open));
    const notes = review?.confirm ?? [];
    return el(
      'li',
      { className: `editor-item${review ? ' editor-item--draft' : ''}`, attrs: { 'data-item': refKey(ref) } },
      [
        el('div', { className: 'editor-item__head' }, [
          titleButton,
          el('span', {
            className: 'editor-badge',
            text: review ? `draft: ${countText(notes.length, 'note')}` : 'confirmed',
          }),
        ]),
        notes.length
          ? el(
              'ul',
              { className: 'editor-notes' },
              notes.map((n) => el('li', {}, [el('strong', { text: `${n.field}: ` }), n.note])),
            )
          : null,
        review?.lines?.length
          ? el('details', {}, [
              el('summary', { text: `${countText(review.lines.length, 'line')} left out of the paragraphs` }),
              el(
                'ul',
                {},
                review.lines.map((l) => el('li', { text: `line ${l.line} (${l.reason}): ${l.text}` })),
              ),
            ])
          : null,
        review?.names?.length
          ? el('p', {
              text: `Names the gazetteer does not know: ${review.names.map((n) => `${n.name} (¶ ${n.paragraph})`).join(', ')}`,
            })
          : null,
        el('div', { className: 'editor-item__actions' }, [
          review ? button('Confirm', () => this.confirm(ref)) : null,
          ref.kind === 'article'
            ? null
            : button('Reject', () => this.reject(ref), 'editor-button editor-button--danger'),
        ]),
        open ? form() : null,
      ],
    );
  }

  private closeItem(): void {
    const was = this.selected;
    this.selected = undefined;
    this.renderItems();
    if (was)
      this.items
        .querySelector<HTMLElement>(`[data-item="${CSS.escape(refKey(was))}"] .editor-item__title`)
        ?.focus();
  }

  private confirm(ref: ItemRef): void {
    const missing = stillToWrite(this.draft, ref);
    const [first] = missing;
    if (first) {
      // Confirmed with an empty text, the item would not validate: say what to write, and go there.
      this.select(ref, true);
      this.status.textContent = `Write ${missing.map((m) => m.label).join(', ')} before confirming ${ref.kind === 'article' ? 'the article' : ref.id}.`;
      this.focusField(ref, first.path);
      return;
    }
    this.change(confirmItem(this.draft, ref), { items: true });
    this.status.textContent = `Confirmed ${ref.kind === 'article' ? 'the article' : ref.id}. Unsaved changes.`;
    this.items
      .querySelector<HTMLElement>(`[data-item="${CSS.escape(refKey(ref))}"] .editor-item__title`)
      ?.focus();
  }

  private reject(ref: ItemRef): void {
    const keys = [...this.items.querySelectorAll<HTMLElement>('[data-item]')].map((n) => n.dataset.item);
    const next = keys[keys.indexOf(refKey(ref)) + 1];
    if (sameRef(this.selected, ref)) this.selected = undefined;
    this.change(rejectItem(this.draft, ref), { items: true });
    this.renderParagraphs();
    this.status.textContent = `Rejected ${ref.kind === 'article' ? 'the article' : ref.id}. Unsaved changes.`;
    const focus = next
      ? this.items.querySelector<HTMLElement>(`[data-item="${CSS.escape(next)}"] .editor-item__title`)
      : null;
    (focus ?? this.items.querySelector<HTMLElement>('.editor-item__title'))?.focus();
  }

  private articleForm(): () => HTMLElement {
    return () => {
      const a = this.draft.article;
      const set = (patch: Partial<Draft['article']>) =>
        this.change({ ...this.draft, article: { ...this.draft.article, ...patch } });
      return el('div', { className: 'editor-form' }, [
        field(
          'Headline',
          textInput(a.headline, (headline) => set({ headline })),
          'headline',
        ),
        field(
          'Summary',
          textArea(a.summary, (summary) => set({ summary })),
          'summary',
        ),
        field(
          'Outlet',
          textInput(a.outlet, (outlet) => set({ outlet })),
          'outlet',
        ),
        field(
          'Agency',
          textInput(a.agency, (agency) => set({ agency })),
          'agency',
        ),
        field(
          'Published (YYYY-MM-DD)',
          textInput(a.published, (published) => set({ published })),
          'published',
        ),
      ]);
    };
  }

  private placeForm(place: DraftPlace): () => HTMLElement {
    return () => {
      const id = place.id;
      const current = () => this.draft.places.find((p) => p.id === id) ?? place;
      const p = current().properties;
      const geometry = current().geometry;
      const coordinates =
        geometry.type === 'Point'
          ? el('fieldset', { className: 'editor-coordinates' }, [
              el('legend', { text: 'Point (or drag it on the map)' }),
              ...(['Longitude', 'Latitude'] as const).map((label, axis) => {
                const input = el('input', { attrs: { type: 'number', step: '0.0001' } });
                input.value = String(geometry.coordinates[axis] ?? 0);
                input.addEventListener('change', () => {
                  const g = current().geometry;
                  if (g.type !== 'Point' || !Number.isFinite(input.valueAsNumber)) return;
                  const next: [number, number] = [g.coordinates[0] ?? 0, g.coordinates[1] ?? 0];
                  next[axis] = input.valueAsNumber;
                  this.change(movePoint(this.draft, id, next));
                });
                return field(label, input, 'geometry');
              }),
            ])
          : el('p', { text: `An area (${geometry.type}): ${p.coordinateSource.name}` });
      const candidates = p.review?.candidates ?? [];
      return el('div', { className: 'editor-form' }, [
        field(
          'Name',
          textInput(p.name, (name) => this.change(updatePlace(this.draft, id, { name }))),
          'name',
        ),
        field(
          'Role in the story',
          textArea(p.role, (role) => this.change(updatePlace(this.draft, id, { role }))),
          'role',
        ),
        field(
          'Group',
          select<PlaceGroup>(PLACE_GROUPS, p.group, (group) =>
            this.change(updatePlace(this.draft, id, { group })),
          ),
          'group',
        ),
        p.status
          ? field(
              `The dispute: ${p.status.disputed ? 'disputed' : 'not disputed'}, internationally recognised as part of ${p.status.recognisedAs}. Who holds it and who claims it, with each side's name, in the project's words`,
              textArea(p.status.summary, (summary) => {
                const status = current().properties.status;
                if (status) this.change(updatePlace(this.draft, id, { status: { ...status, summary } }));
              }),
              'status.summary',
            )
          : null,
        field(
          'Other names, one a line: language | name | note',
          textArea(altNamesText(p.altNames), (text) =>
            this.change(updatePlace(this.draft, id, { altNames: parseAltNames(text) })),
          ),
          'altNames',
        ),
        el('p', {
          className: 'editor-source',
          text: `Country ${p.country.code}; source: ${p.coordinateSource.name}${p.coordinateSource.id === undefined ? '' : ` ${p.coordinateSource.id}`}`,
        }),
        coordinates,
        candidates.length > 1
          ? el('fieldset', { className: 'editor-candidates', attrs: { 'data-field': 'geometry' } }, [
              el('legend', { text: 'Candidates for this name (the first is in use)' }),
              el(
                'ul',
                {},
                candidates.map((c, i) =>
                  el('li', {}, [
                    `${c.name}, ${c.country}${c.admin1 ? ` (${c.admin1})` : ''}: population ${c.population.toLocaleString('en-GB')}, ${c.featureCode}${c.geonameId === undefined ? '' : `, GeoNames ${c.geonameId}`} `,
                    i === 0
                      ? el('span', { className: 'editor-badge', text: 'in use' })
                      : button(`Use ${c.name}, ${c.country}`, () => {
                          this.change(pickCandidate(this.draft, id, i), { items: true });
                          this.focusField({ kind: 'place', id }, 'name');
                        }),
                  ]),
                ),
              ),
            ])
          : null,
      ]);
    };
  }

  private factForm(fact: DraftFact): () => HTMLElement {
    return () => {
      const id = fact.id;
      const current = () => this.draft.facts.find((f) => f.id === id) ?? fact;
      const f = current();
      const set = (patch: Partial<DraftFact>) => this.change(updateFact(this.draft, id, patch));
      const quote = f.quote;
      const places = el('fieldset', { className: 'editor-place-choices' }, [
        el('legend', { text: 'Places (the first checked is where the fact is shown)' }),
        ...this.draft.places.map((p, i) => {
          const box = el('input', { attrs: { type: 'checkbox', id: `fact-${id}-place-${i}`, value: p.id } });
          box.checked = f.placeIds.includes(p.id);
          if (i === 0) box.dataset.field = 'placeIds';
          box.addEventListener('change', () => {
            const before = current().placeIds.filter((q) => q !== p.id);
            // A place checked goes last: the first stays the fact's primary place.
            set({ placeIds: box.checked ? [...before, p.id] : before });
          });
          return el('div', { className: 'editor-check' }, [
            box,
            el('label', { text: p.properties.name || p.id, attrs: { for: `fact-${id}-place-${i}` } }),
          ]);
        }),
      ]);
      return el('div', { className: 'editor-form' }, [
        field(
          'Paraphrase (the project’s own words)',
          textArea(f.text, (text) => set({ text })),
          'text',
        ),
        field(
          'Kind',
          select<FactKind>(FACT_KINDS, f.kind, (kind) => set({ kind })),
          'kind',
        ),
        quote
          ? el('div', { className: 'editor-quote' }, [
              el('blockquote', { text: quote.text }),
              field(
                'Speaker',
                textInput(quote.speaker, (speaker) =>
                  set({ quote: { ...(current().quote ?? quote), speaker } }),
                ),
                'quote.speaker',
              ),
              field(
                'Speaker’s role (optional)',
                textInput(quote.speakerRole ?? '', (role) => {
                  const q = { ...(current().quote ?? quote) };
                  if (role.trim()) q.speakerRole = role;
                  else delete q.speakerRole;
                  set({ quote: q });
                }),
                'quote.speakerRole',
              ),
            ])
          : null,
        ...(f.figures ?? []).map((figure, i) => {
          const setFigure = (patch: Partial<Figure>) => {
            const figures = (current().figures ?? []).map((g, j) => (j === i ? { ...g, ...patch } : g));
            set({ figures });
          };
          const value = el('input', { attrs: { type: 'number', step: 'any' } });
          value.value = String(figure.value);
          value.addEventListener('input', () => {
            if (Number.isFinite(value.valueAsNumber)) setFigure({ value: value.valueAsNumber });
          });
          return el('fieldset', { className: 'editor-figure' }, [
            el('legend', { text: `Figure ${i + 1}: “${figure.text}”, as the article writes it` }),
            field('Value', value, `figures[${i}].value`),
            field(
              'Unit',
              textInput(figure.unit, (unit) => setFigure({ unit })),
              `figures[${i}].unit`,
            ),
            field(
              'Hedge',
              select<FigureQualifier>(FIGURE_QUALIFIERS, figure.qualifier, (qualifier) =>
                setFigure({ qualifier }),
              ),
              `figures[${i}].qualifier`,
            ),
            field(
              'Label (what is counted, in a few words)',
              textInput(figure.label, (label) => setFigure({ label })),
              `figures[${i}].label`,
            ),
          ]);
        }),
        field(
          'Date (YYYY-MM-DD, YYYY-MM, YYYY or START/END)',
          textInput(f.date ?? '', (date) => set({ date: date.trim() || null })),
          'date',
        ),
        field(
          'The article’s words for the time',
          textInput(f.dateText ?? '', (dateText) => set({ dateText: dateText || null })),
          'dateText',
        ),
        places,
      ]);
    };
  }

  private searchBox(): HTMLElement {
    const input = el('input', { attrs: { type: 'search', id: 'gazetteer-query', autocomplete: 'off' } });
    const message = el('p', {
      className: 'editor-search-message',
      attrs: { role: 'status', 'aria-live': 'polite' },
    });
    const results = el('ul', { className: 'editor-search-results' });
    const run = async () => {
      message.textContent = 'Searching…';
      const answer = await searchGazetteer(input.value);
      if (!answer.ok) {
        results.replaceChildren();
        message.textContent = `The gazetteer cannot search: ${answer.message}`;
        return;
      }
      message.textContent = `${countText(answer.entries.length, 'entry', 'entries')} for “${input.value}”`;
      results.replaceChildren(...answer.entries.map((entry) => this.searchResult(entry, message)));
    };
    const form = el('form', { className: 'editor-search', attrs: { role: 'search' } }, [
      el('label', { text: 'Search the gazetteer for a place to add', attrs: { for: 'gazetteer-query' } }),
      el('div', { className: 'editor-search__row' }, [
        input,
        el('button', { className: 'editor-button', text: 'Search', attrs: { type: 'submit' } }),
      ]),
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void run();
    });
    return el('section', { attrs: { 'aria-label': 'Add a place' } }, [form, message, results]);
  }

  private searchResult(entry: GazetteerEntry, message: HTMLElement): HTMLElement {
    const label = `${entry.name}, ${entry.country}${entry.admin1 ? ` (${entry.admin1})` : ''}: ${entry.kind}, population ${entry.population.toLocaleString('en-GB')}`;
    return el('li', {}, [
      `${label} `,
      button(`Add ${entry.name}`, () => {
        const next = addPlace(this.draft, entry);
        const added = next.places.at(-1);
        this.change(next, { items: true });
        if (added) {
          message.textContent = `Added ${added.properties.name} as place “${added.id}”: write its role.`;
          this.select({ kind: 'place', id: added.id }, false);
          this.focusField({ kind: 'place', id: added.id }, 'role');
        }
      }),
    ]);
  }

  private async save(): Promise<void> {
    clearTimeout(this.validationTimer);
    this.renderParagraphs();
    this.validate();
    this.status.textContent = 'Saving…';
    const saved = this.draft;
    const answer = await saveAtlas(this.id, draftFiles(saved));
    if (!answer.ok) {
      this.status.textContent = `Not saved: ${answer.message}. Your changes are still here.`;
      return;
    }
    if (this.draft === saved) this.dirty = false;
    const errors = answer.issues.filter((i) => i.severity === 'error');
    this.status.textContent =
      errors.length === 0
        ? `Saved. ${countText(answer.issues.length, 'warning')}.`
        : `Saved with ${countText(errors.length, 'error')}: the files are written, but the atlas will not build until they are fixed.`;
    this.saveResult.replaceChildren(
      ...errors.map((issue) =>
        el('li', {
          className: 'editor-problem editor-problem--error',
          text: `saved with: ${issue.message} (${issue.file}: ${issue.path})`,
        }),
      ),
    );
  }

  /** Takes the page's listeners and the map away. */
  remove(): void {
    clearTimeout(this.validationTimer);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.map.remove();
    this.root.replaceChildren();
  }
}
