/**
 * The names the scanner writes into a page, and the types of what it hides: a leaf
 * module, imported by the read side, the write side and the stylesheet alike.
 */

/**
 * The public contract on hidden blocks: `data-plot-armor="hidden"` while a block is
 * hidden, `"revealed"` once the user chose to read it. Users style these, tests read them.
 */
export const STATE_ATTRIBUTE = 'data-plot-armor';

/**
 * On a picture hidden with the block beside it (a post's photo, a video's thumbnail):
 * `data-plot-armor-part="picture"`, beside the block's own `data-plot-armor` state.
 */
export const PART_ATTRIBUTE = 'data-plot-armor-part';

/** Marks the extension's own UI in a page (controls, style element), which is never scanned or hidden. */
export const OWN_UI_ATTRIBUTE = 'data-plot-armor-ui';

/** The tag of the reveal control (a valid custom element name, never registered). */
export const CONTROL_TAG = 'plot-armor-reveal';

/** The name of the CSS highlight holding hidden text (public: user styles can restyle it). */
export const HIGHLIGHT_NAME = 'plot-armor-hidden';

export type BlockState = 'hidden' | 'revealed';

/** What gets hidden: a block, or text with no element of its own (hidden through the highlight). */
export type Hideable = Element | Text;
