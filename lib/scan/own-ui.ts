/** Attribute marking the extension's own UI in a page, which is never scanned or hidden. */
export const OWN_UI_ATTRIBUTE = 'data-plot-armor-ui';
