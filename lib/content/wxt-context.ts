/**
 * Stands in for WXT's `ContentScriptContext` in the content scripts' build (see
 * wxt.config.ts). WXT hands one to every content script's `main`; Plot Armor's ignore
 * it and keep their own lifetime (lib/content/start.ts), because WXT's ends a script
 * when the page forges its "started" event. The real one is 3 KB of the content
 * script's 40 KB budget, and announces itself with an event on the page's document.
 */
export class ContentScriptContext {}
