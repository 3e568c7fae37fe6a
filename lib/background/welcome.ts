/**
 * The welcome page (entrypoints/welcome), opened once, when the extension is first
 * installed: not on updates, browser updates or reloads.
 */

/** What `runtime.onInstalled` reports. */
export interface InstallDetails {
  reason: string;
  temporary?: boolean;
}

/** Opens the welcome page in a new tab when `details` says this is a first install. */
export async function openWelcomeOnInstall(
  details: InstallDetails,
  openTab: (url: string) => Promise<unknown>,
  pageUrl: string,
): Promise<boolean> {
  if (details.reason !== 'install') return false;
  await openTab(pageUrl);
  return true;
}
