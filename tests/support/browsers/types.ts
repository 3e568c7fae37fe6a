/**
 * The browser-neutral driver the end-to-end tests use: one suite, run in Chromium
 * (playwright-core, CDP) and in Firefox ESR (puppeteer-core, WebDriver BiDi).
 * It holds only what the tests need; a test that needs a browser's own protocol
 * takes `page.playwright` (Chromium only) and says why.
 */
import type { Page as PlaywrightPage } from 'playwright-core';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** Reuse a profile (to test that data survives a restart). */
  profileDir?: string;
  /** Show a window. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** The browser's UI language, which the extension's pages are shown in (`de`, `pt-BR`…; Chromium only). */
  locale?: string;
  /** Leave open the welcome page a first install opens (closed by default, so tests start from one tab). */
  keepWelcome?: boolean;
  /** Chromium only: no host resolves but 127.0.0.1 (routed requests are still answered). */
  offline?: boolean;
}

/** A modifier held during a click. */
export type Modifier = 'Alt' | 'Shift' | 'Control';

/**
 * An element to act on (the first match): a CSS selector; an ARIA role and exact
 * accessible name; an exact accessible name alone (a labelled field); or text it contains.
 */
export type Target = string | { role: string; name: string } | { label: string } | { text: string };

/** A made-up response (e.g. a recorded API answer). */
export interface RouteReply {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface DriverPage {
  /** Navigates and waits for `load`. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  title(): Promise<string>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn(arg)` in the page (serialized: no closures over test variables). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Waits until `fn(arg)` is truthy in the page. */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** Waits until `target` is in the page. */
  waitFor(target: Target, timeoutMs?: number): Promise<void>;
  /** The attribute of the first element matching `selector`, or null. */
  attribute(selector: string, name: string): Promise<string | null>;
  /** The text of the first match of `target` (waits for it). */
  text(target: Target): Promise<string>;
  /** The text of every element matching `selector`. */
  texts(selector: string): Promise<string[]>;
  count(target: Target): Promise<number>;
  /** A real mouse click in the middle of the element (scrolled into view first). */
  click(target: Target, options?: { modifiers?: Modifier[] }): Promise<void>;
  /** A real mouse click at a point of the viewport (CSS pixels), e.g. on text with no element of its own. */
  clickAt(x: number, y: number, options?: { modifiers?: Modifier[] }): Promise<void>;
  /** Focuses the element, clears it and types `value`. */
  fill(target: Target, value: string): Promise<void>;
  /** Sets a file on a file input, as a user picking it would. */
  setInputFiles(selector: string, file: string): Promise<void>;
  /** Presses one key on the focused element (`Tab`, `Enter`, ` `...). */
  press(key: string): Promise<void>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  /** A PNG of one element. */
  screenshot(selector: string): Promise<Buffer>;
  /** Runs `action` (a click that makes the page download a file); resolves to the saved file's path. */
  download(action: () => Promise<void>): Promise<string>;
  /** Answers this page's requests to URLs starting with `prefix` (others go out as usual). */
  route(prefix: string, reply: (url: string) => RouteReply): Promise<void>;
  /** Adds a script to the page (e.g. axe-core). */
  addScript(source: string): Promise<void>;
  /** The Playwright page, in Chromium only (CDP, ARIA snapshots, routing). */
  readonly playwright?: PlaywrightPage;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  readonly extensionOrigin: string;
  readonly profileDir: string;
  newPage(): Promise<DriverPage>;
  /** Opens one of the extension's pages, e.g. `options.html`. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /** Closes the browser; removes the profile unless `keepProfile` or it was passed in. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}
