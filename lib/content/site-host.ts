/**
 * The host a pause applies to: the top page's, also inside its frames. Chromium tells a
 * frame the top page's origin (`ancestorOrigins`); elsewhere the top page's location is
 * read, which a cross-origin top refuses: then the frame's own host is the best known.
 */
export function siteHost(loc: Location): string {
  try {
    const ancestors = loc.ancestorOrigins;
    return ancestors?.length ? new URL(ancestors[ancestors.length - 1]!).hostname : globalThis.top!.location.hostname;
  } catch {
    return loc.hostname;
  }
}
