/**
 * Finds the browsers the demo and the end-to-end tests drive, and installs a missing one
 * through apt on Debian or Ubuntu when this user may (root, or sudo without a password).
 *
 * Order of the search: `CHROMIUM_PATH` / `FIREFOX_PATH`; the usual names on `PATH`; the
 * usual install locations on Linux and macOS (distribution packages, snaps, app bundles,
 * Chrome for Testing and the browsers Playwright or Puppeteer download into their caches).
 * Branded Google Chrome is not on the list: since version 137 it ignores
 * `--load-extension`, so it cannot run the unpacked build.
 *
 * Everything it touches (files, commands, platform, user id, environment) comes in as a
 * `FinderEnv`, so every path through it is unit-tested with a fake machine.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The two browsers the project drives. */
export type FinderBrowser = 'chromium' | 'firefox';

/** The machine as the finder sees it. */
export interface FinderEnv {
  platform: NodeJS.Platform;
  /** The user id (`null` where there is none, on Windows). */
  uid: number | null;
  env: Record<string, string | undefined>;
  home: string;
  /** Whether `path` is an executable file. */
  isExecutable(path: string): boolean;
  /** The names in a directory, `[]` when it does not exist. */
  list(dir: string): string[];
  /** A text file's content, `null` when it cannot be read. */
  read(path: string): string | null;
  /** Runs a command with the terminal attached (its output hidden when `quiet`); its exit status. */
  run(command: string, args: string[], options?: { quiet?: boolean }): number;
  /** Says what the finder is doing. */
  log(message: string): void;
}

/** Thrown when a browser is missing and cannot be installed from here; the message has the command to run. */
export class BrowserMissingError extends Error {
  override readonly name = 'BrowserMissingError';
}

const ENV_VAR: Record<FinderBrowser, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };
const LABEL: Record<FinderBrowser, string> = { chromium: 'Chromium', firefox: 'Firefox' };
const NAMES: Record<FinderBrowser, string[]> = {
  chromium: ['chromium', 'chromium-browser'],
  firefox: ['firefox-esr', 'firefox'],
};

/** A fixed path, or a path with one `*` segment matched against a directory's names (newest last). */
function expand(pattern: string, sys: FinderEnv): string[] {
  const parts = pattern.split('/');
  const star = parts.findIndex((part) => part.includes('*'));
  if (star === -1) return [pattern];
  const dir = parts.slice(0, star).join('/') || '/';
  const [before, after] = parts[star]!.split('*') as [string, string];
  const rest = parts.slice(star + 1);
  return sys
    .list(dir)
    .filter((name) => name.startsWith(before) && name.endsWith(after))
    .sort()
    .reverse()
    .flatMap((name) => expand([dir === '/' ? '' : dir, name, ...rest].join('/'), sys));
}

/** Where each browser is usually installed, on this platform. */
export function knownLocations(name: FinderBrowser, platform: NodeJS.Platform, home: string): string[] {
  const cache = platform === 'darwin' ? `${home}/Library/Caches` : `${home}/.cache`;
  if (name === 'chromium') {
    const downloaded = [
      `${cache}/ms-playwright/chromium-*/chrome-linux/chrome`,
      `${cache}/ms-playwright/chromium-*/chrome-linux64/chrome`,
      `${home}/.cache/puppeteer/chrome/linux*/chrome-linux64/chrome`,
    ];
    if (platform === 'darwin') {
      const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'];
      return [
        ...apps.flatMap((app) => [`/Applications/${app}`, `${home}/Applications/${app}`]),
        `${cache}/ms-playwright/chromium-*/chrome-mac/Chromium.app/Contents/MacOS/Chromium`,
        `${cache}/ms-playwright/chromium-*/chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium`,
        `${home}/.cache/puppeteer/chrome/mac*/chrome-mac-*/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
      ];
    }
    return [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/lib/chromium/chromium',
      '/usr/lib64/chromium-browser/chromium-browser',
      ...downloaded,
    ];
  }
  if (platform === 'darwin') {
    const apps = ['Firefox.app', 'Firefox Developer Edition.app', 'Firefox Nightly.app'];
    return [
      ...apps.flatMap((app) => [`/Applications/${app}/Contents/MacOS/firefox`, `${home}/Applications/${app}/Contents/MacOS/firefox`]),
      `${home}/.cache/puppeteer/firefox/mac*/Firefox*.app/Contents/MacOS/firefox`,
    ];
  }
  return [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/snap/bin/firefox',
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/lib/firefox/firefox',
    '/opt/firefox/firefox',
    `${home}/.cache/puppeteer/firefox/linux*/firefox/firefox`,
  ];
}

/** The browser's binary, or `null`. A set but wrong `CHROMIUM_PATH`/`FIREFOX_PATH` is an error, not a fallback. */
export function locateBrowser(name: FinderBrowser, sys: FinderEnv): string | null {
  const fromEnv = sys.env[ENV_VAR[name]];
  if (fromEnv) {
    if (sys.isExecutable(fromEnv)) return fromEnv;
    throw new BrowserMissingError(`${ENV_VAR[name]} is set to ${fromEnv}, which is not an executable file. Unset it to let the search run, or point it at a ${LABEL[name]} binary.`);
  }
  const dirs = (sys.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const binary of NAMES[name]) {
    for (const dir of dirs) {
      const path = join(dir, binary);
      if (sys.isExecutable(path)) return path;
    }
  }
  for (const pattern of knownLocations(name, sys.platform, sys.home)) {
    for (const path of expand(pattern, sys)) if (sys.isExecutable(path)) return path;
  }
  return null;
}

/** Which apt-based system this is, from /etc/os-release. */
export function aptDistribution(sys: FinderEnv): 'debian' | 'ubuntu' | null {
  if (sys.platform !== 'linux') return null;
  const release = sys.read('/etc/os-release');
  if (!release) return null;
  const field = (key: string) => (new RegExp(`^${key}=(.*)$`, 'm').exec(release)?.[1] ?? '').replace(/["']/g, '').split(/\s+/);
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return null;
}

/** The package to install: Debian ships `chromium` and `firefox-esr`; Ubuntu's packages bring in the snaps. */
export function aptPackage(name: FinderBrowser, distribution: 'debian' | 'ubuntu'): string {
  if (distribution === 'ubuntu') return name === 'chromium' ? 'chromium-browser' : 'firefox';
  return name === 'chromium' ? 'chromium' : 'firefox-esr';
}

/** What would get the browser onto this machine: apt as root or through sudo, or a command for the user. */
export type InstallPlan =
  | { kind: 'apt'; packageName: string; sudo: boolean }
  | { kind: 'manual'; command: string };

/** How the browser can be installed here. */
export function installPlan(name: FinderBrowser, sys: FinderEnv): InstallPlan {
  const distribution = aptDistribution(sys);
  if (distribution) {
    const packageName = aptPackage(name, distribution);
    if (sys.uid === 0) return { kind: 'apt', packageName, sudo: false };
    if (sys.run('sudo', ['-n', 'true'], { quiet: true }) === 0) return { kind: 'apt', packageName, sudo: true };
    return { kind: 'manual', command: `sudo apt-get update && sudo apt-get install -y ${packageName}` };
  }
  return { kind: 'manual', command: manualCommand(name, sys.platform) };
}

/** The command to give where apt cannot be used. */
function manualCommand(name: FinderBrowser, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `brew install --cask ${name}`;
  return `your system's package manager (the package is usually "${name}")`;
}

const missingMessage = (name: FinderBrowser, command: string) =>
  `${LABEL[name]} was not found. Install it with:\n\n    ${command}\n\n` +
  `(or set ${ENV_VAR[name]} to a ${LABEL[name]} binary${name === 'chromium' ? '; branded Google Chrome cannot load the unpacked extension, Chromium or Chrome for Testing can' : ''}).`;

/** The browser's binary, found without installing anything; throws with the command to run. */
export function requireBrowser(name: FinderBrowser, sys: FinderEnv): string {
  const found = locateBrowser(name, sys);
  if (found) return found;
  const distribution = aptDistribution(sys);
  if (!distribution) throw new BrowserMissingError(missingMessage(name, manualCommand(name, sys.platform)));
  const sudo = sys.uid === 0 ? '' : 'sudo ';
  const packageName = aptPackage(name, distribution);
  throw new BrowserMissingError(missingMessage(name, `${sudo}apt-get update && ${sudo}apt-get install -y ${packageName}`));
}

/** The browser's binary: found, or installed through apt when this user may, or an error with the command to run. */
export function ensureBrowser(name: FinderBrowser, sys: FinderEnv): string {
  const found = locateBrowser(name, sys);
  if (found) return found;
  const plan = installPlan(name, sys);
  if (plan.kind === 'manual') throw new BrowserMissingError(missingMessage(name, plan.command));
  const as = (args: string[]): [string, string[]] => (plan.sudo ? ['sudo', ['-n', ...args]] : [args[0]!, args.slice(1)]);
  sys.log(`${LABEL[name]} was not found: installing the ${plan.packageName} package with apt-get${plan.sudo ? ' (through sudo)' : ''}...`);
  const update = sys.run(...as(['apt-get', 'update', '-qq']));
  const install = update === 0 ? sys.run(...as(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', plan.packageName])) : update;
  const installed = install === 0 ? locateBrowser(name, sys) : null;
  if (!installed) {
    throw new BrowserMissingError(
      `Installing ${plan.packageName} failed (apt-get exit ${install}). ` + missingMessage(name, `sudo apt-get update && sudo apt-get install -y ${plan.packageName}`),
    );
  }
  sys.log(`Installed ${LABEL[name]}: ${installed}`);
  return installed;
}

/** This machine, for the finder. */
export function nodeFinderEnv(): FinderEnv {
  return {
    platform: process.platform,
    uid: process.getuid?.() ?? null,
    env: process.env,
    home: homedir(),
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    read: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    run: (command, args, options) => spawnSync(command, args, { stdio: options?.quiet ? 'ignore' : 'inherit' }).status ?? 1,
    log: (message) => console.log(message),
  };
}

/** The environment variable that carries each browser's path to child processes. */
export const browserPathVariable = (name: FinderBrowser): string => ENV_VAR[name];
