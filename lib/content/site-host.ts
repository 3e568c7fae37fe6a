/** The host a pause applies to: the top page's, also inside its frames. */
export function siteHost(loc: Location): string {
  const ancestors = loc.ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    try {
      return new URL(ancestors[ancestors.length - 1]!).hostname;
    } catch {
      // fall through to the frame's own host
    }
  }
  try {
    if (globalThis.top && globalThis.top !== globalThis.self) return globalThis.top.location.hostname;
  } catch {
    // cross-origin top: the frame's own host is the best we know
  }
  return loc.hostname;
}
