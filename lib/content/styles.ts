/**
 * The page's one stylesheet for hidden blocks (and hidden text, through its highlight),
 * built by a pure function, applied as one `<style>` element in the document and as one
 * shared adopted sheet in every shadow root (document styles do not reach inside
 * shadow trees; one sheet for all, so no root is held and none costs a sheet of its own).
 */
import { HIGHLIGHT_NAME, OWN_UI_ATTRIBUTE, STATE_ATTRIBUTE } from '../scan/attributes';
import type { BlurStrength } from '../shared/settings';

/** Blur radius per strength, in `em` so it scales with the text; both leave text unreadable. */
export const BLUR_RADIUS: Record<BlurStrength, string> = { light: '0.3em', strong: '0.6em' };

/** A CSS rule whose every declaration is `!important`: a page's own styles must not undo a blur. */
const rule = (selector: string, declarations: string): string =>
  `${selector}{${declarations.replaceAll(';', '!important;')}}`;

/**
 * The CSS for hidden and revealed blocks, and with `text`, for hidden text
 * (text-hiding.ts): its glyphs give way to a blurred grey shadow of them. That rule is
 * only there once a page has hidden text: any highlight rule makes every style
 * recalculation of the page slower (20,000 paragraphs: ~17 ms more while it loads).
 */
export function spoilerCss(strength: BlurStrength, text = false): string {
  const hidden = `[${STATE_ATTRIBUTE}="hidden"]`;
  return [
    rule(hidden, `filter:blur(${BLUR_RADIUS[strength]});cursor:pointer;user-select:none;transition:none;`),
    rule(`${hidden}:hover`, 'outline:2px dashed #7c3aed;'),
    rule(`[${STATE_ATTRIBUTE}="revealed"]:hover`, 'outline:1px dashed #7c3aed80;'),
    text ? rule(`::highlight(${HIGHLIGHT_NAME})`, `color:transparent;text-shadow:0 0 ${BLUR_RADIUS[strength]} gray;`) : '',
  ].join('');
}

/** Keeps the one style element (and the shadow roots' adopted sheets) in step with the settings. */
export function createSpoilerStyles(doc: Document) {
  let strength: BlurStrength = 'strong';
  let text = false;
  let css = spoilerCss(strength);
  let element: HTMLStyleElement | null = null;
  let sheet: CSSStyleSheet | null | undefined;
  let on = false;
  // The element is added with the first hidden block: a frame that hides nothing (most
  // frames) never pays for a stylesheet and the style recalculation it causes. Until
  // then the manifest stylesheet's default blur is all a block could need.
  let used = false;
  const win = doc.defaultView;

  /** Puts the style element back if the page took it away (`document.open()`, a new root element). */
  const ensure = (): void => {
    if (!on || !used || element?.isConnected) return;
    element ??= doc.createElement('style');
    element.setAttribute(OWN_UI_ATTRIBUTE, '');
    element.textContent = css;
    (doc.head ?? doc.documentElement)?.appendChild(element);
  };

  const update = (): void => {
    css = spoilerCss(strength, text);
    on = true;
    ensure();
    if (element && element.textContent !== css) element.textContent = css;
    sheet?.replaceSync(css);
  };

  return {
    ensure,
    /** Adds the style element, once the document hides something (idempotent). */
    use(): void {
      used = true;
      ensure();
    },
    /** Takes the style element out and empties the shadow roots' sheet. */
    remove(): void {
      on = false;
      element?.remove();
      sheet?.replaceSync('');
    },
    /** Applies a blur strength everywhere. */
    apply(next: BlurStrength): void {
      strength = next;
      update();
    },
    /** Adds the rule for hidden text, once the page has some. */
    showText(): void {
      if (text) return;
      text = true;
      used = true;
      update();
    },
    /** Adds the stylesheet to a shadow root. */
    adopt(root: ShadowRoot): void {
      try {
        if (sheet === undefined) {
          sheet = new win!.CSSStyleSheet();
          sheet.replaceSync(on ? css : '');
        }
        if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } catch {
        sheet ??= null;
        // No constructable sheets (a document without a window), or a page that froze
        // adoptedStyleSheets: the shadow content stays unblurred rather than breaking.
      }
    },
  };
}
