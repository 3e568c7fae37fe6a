/**
 * The manifest checks the Chrome Web Store applies to a package, as a function of the
 * built manifest, its message catalogues, the code and the README: icons of every
 * size, a name and description within limits in every language, and only permissions
 * that the code uses and the README explains.
 */

/** What the check reads; injected so tests can hand it fakes. */
export interface StorePackage {
  manifest: Record<string, unknown>;
  /** Locale → key → message. */
  messages: Record<string, Record<string, { message: string }>>;
  /** Whether a file exists in the package. */
  hasFile(path: string): boolean;
  /** The source of every context, concatenated (to find the API each permission is for). */
  code: string;
  readme: string;
}

const ICON_SIZES = ['16', '32', '48', '128'];
/** The API calls that need each permission. */
const PERMISSION_USE: Record<string, RegExp> = {
  storage: /\.storage\.(local|session|sync)\b/,
  tabs: /\btabs\.(query|get)\(/,
  contextMenus: /\bcontextMenus\b/,
  activeTab: /\.tabs\.(query|executeScript)\b|\.scripting\./,
};

/** Every problem the store would raise; empty when the package is ready. */
export function storeProblems(pkg: StorePackage): string[] {
  const problems: string[] = [];
  const icons = (pkg.manifest.icons ?? {}) as Record<string, string>;
  for (const size of ICON_SIZES) {
    if (!icons[size]) problems.push(`no ${size}×${size} icon in the manifest`);
    else if (!pkg.hasFile(icons[size])) problems.push(`the ${size}×${size} icon ${icons[size]} is missing from the package`);
  }
  const text = (value: unknown, locale: string): string => {
    const match = /^__MSG_(\w+)__$/.exec(String(value ?? ''));
    return match ? pkg.messages[locale]?.[match[1]!]?.message ?? '' : String(value ?? '');
  };
  for (const locale of Object.keys(pkg.messages)) {
    const name = text(pkg.manifest.name, locale);
    const description = text(pkg.manifest.description, locale);
    if (name === '' || [...name].length > 75) problems.push(`${locale}: the name must have 1 to 75 characters (${[...name].length})`);
    if (description === '' || [...description].length > 132) problems.push(`${locale}: the description must have 1 to 132 characters (${[...description].length})`);
  }
  for (const permission of (pkg.manifest.permissions ?? []) as string[]) {
    const use = PERMISSION_USE[permission];
    if (!use) problems.push(`permission ${permission}: the check does not know what it is for`);
    else if (!use.test(pkg.code)) problems.push(`permission ${permission} is not used by the code`);
    if (!pkg.readme.includes(`| \`${permission}\` |`)) problems.push(`permission ${permission} has no line in the README's permissions table`);
  }
  for (const host of (pkg.manifest.host_permissions ?? []) as string[]) {
    if (!pkg.readme.includes(host)) problems.push(`host permission ${host} is not explained in the README`);
  }
  return problems;
}
