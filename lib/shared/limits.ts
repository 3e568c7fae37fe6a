/**
 * The one set of limits on what a watchlist holds, for every way in (creating, renaming,
 * adding terms, importing, restoring after a delete, the context menu): whatever could be
 * stored can be put back by Undo, and the same text is refused the same way everywhere.
 */

/** The longest title, in characters, after spaces are tidied. */
export const MAX_TITLE_LENGTH = 500;
/** The longest term, in characters, after spaces are tidied. */
export const MAX_TERM_LENGTH = 500;

/** The most episodes a linked show's list holds (TVmaze's longest-running shows have a few thousand). */
export const MAX_LINKED_EPISODES = 5_000;
