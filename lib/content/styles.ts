/**
 * The page's one stylesheet for hidden blocks, built by a pure function, applied as
 * one `<style>` element in the document and as an adopted sheet in each shadow root
 * (document styles do not reach inside shadow trees).
 */
import { OWN_UI_ATTRIBUTE } from '../scan/own-ui';
import { LABEL_ATTRIBUTE, STATE_ATTRIBUTE } from '../scan/state';

export type BlurStrength = 'light' | 'strong';

/** Blur radius per strength, in `em` so it scales with the text; both leave text unreadable. */
export const BLUR_RADIUS: Record<BlurStrength, string> = { light: '0.3em', strong: '0.6em' };

/** The CSS for hidden and revealed blocks. */
export function spoilerCss(strength: BlurStrength): string {
  const hidden = `[${STATE_ATTRIBUTE}="hidden"]`;
  return `${hidden} {
  filter: blur(${BLUR_RADIUS[strength]}) !important;
  cursor: pointer !important;
  user-select: none !important;
  -webkit-user-select: none !important;
  transition: none !important;
}
${hidden}:focus-visible {
  outline: 3px solid #7c3aed !important;
  outline-offset: 2px !important;
  filter: blur(${BLUR_RADIUS[strength]}) drop-shadow(0 0 2px #7c3aed) !important;
}
${hidden}[${LABEL_ATTRIBUTE}]:hover {
  outline: 2px dashed #7c3aed !important;
}
[${STATE_ATTRIBUTE}="revealed"]:hover {
  outline: 1px dashed rgba(124, 58, 237, 0.5) !important;
}`;
}

/** Keeps the one style element (and the shadow roots' adopted sheets) in step with the settings. */
export function createSpoilerStyles(doc: Document) {
  let css = spoilerCss('strong');
  let element: HTMLStyleElement | null = null;
  const sheets: CSSStyleSheet[] = [];
  const win = doc.defaultView;

  const ensureElement = () => {
    if (element?.isConnected) return;
    element = doc.createElement('style');
    element.setAttribute(OWN_UI_ATTRIBUTE, '');
    element.textContent = css;
    (doc.head ?? doc.documentElement)?.appendChild(element);
  };

  return {
    /** Applies a blur strength everywhere. */
    apply(strength: BlurStrength): void {
      css = spoilerCss(strength);
      ensureElement();
      if (element && element.textContent !== css) element.textContent = css;
      for (const sheet of sheets) sheet.replaceSync(css);
    },
    /** Adds the stylesheet to a shadow root. */
    adopt(root: ShadowRoot): void {
      if (!win || typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in root)) return;
      try {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        sheets.push(sheet);
      } catch {
        // A page that froze adoptedStyleSheets keeps its shadow content unblurred rather than breaking.
      }
    },
  };
}
