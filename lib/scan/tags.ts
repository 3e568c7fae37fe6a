/**
 * Tag classes the scanner uses to decide what "reads as a unit".
 * Tag names are upper case, as `Element.tagName` reports them for HTML elements.
 * (Written as one string each: the content script's size counts, in every frame.)
 */

export const tags = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/**
 * An element's tag name, upper case as these sets hold them: an HTML element's
 * `tagName` is, an XHTML document's elements report theirs as written.
 */
export const tagOf = (el: Element): string => el.tagName.toUpperCase();

/** Subtrees the scanner never reads or hides: code, templates, form fields, media internals. */
export const IGNORED_TAGS = tags(
  'SCRIPT STYLE NOSCRIPT TEMPLATE INPUT TEXTAREA SELECT OPTION SVG MATH CANVAS VIDEO AUDIO IFRAME OBJECT EMBED HEAD TITLE',
);

/** Elements that always read as one unit of text: the block that gets hidden. */
const UNIT_LIST = 'P LI TD TH DT DD H1 H2 H3 H4 H5 H6 CAPTION FIGCAPTION SUMMARY LEGEND PRE ADDRESS';
export const UNIT_TAGS = tags(UNIT_LIST);

/** Inline (phrasing) elements: text inside them belongs to the block around them. */
export const INLINE_TAGS = tags(
  'A ABBR B BDI BDO BR CITE CODE DATA DEL DFN EM FONT I INS KBD LABEL MARK Q RP RT RUBY S SAMP SMALL SPAN ' +
    'STRIKE STRONG SUB SUP TIME TT U VAR WBR BIG NOBR IMG BUTTON OUTPUT METER PROGRESS',
);

/**
 * Elements that are never hidden as a whole, whatever text sits in them:
 * hiding them would blank the page.
 */
export const NEVER_HIDDEN_TAGS = tags('HTML BODY HEAD FRAMESET');

/** A selector for elements that make their parent "a container of other blocks". */
export const BLOCK_SELECTOR = `${UNIT_LIST} DIV SECTION ARTICLE ASIDE HEADER FOOTER NAV MAIN BLOCKQUOTE FIGURE FORM FIELDSET TABLE UL OL DL DETAILS HR`
  .toLowerCase()
  .replaceAll(' ', ',');

/** Attributes whose text is matched on images, links and buttons. */
export const LABEL_ATTRIBUTES = ['alt', 'title', 'aria-label'] as const;
