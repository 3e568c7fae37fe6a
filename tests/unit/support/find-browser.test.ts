import { describe, expect, it } from 'vitest';
import {
  BrowserMissingError,
  ensureBrowser,
  installPlan,
  locateBrowser,
  requireBrowser,
  type FinderEnv,
} from '../../support/find-browser';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

/** A fake machine: its executables, directories and files; records the commands run and the lines logged. */
function fakeMachine(overrides: {
  platform?: NodeJS.Platform;
  uid?: number;
  env?: Record<string, string>;
  executables?: string[];
  osRelease?: string | null;
  sudoWithoutPassword?: boolean;
  /** What apt-get install puts on the machine (the package's binary), or its failure. */
  aptInstalls?: Record<string, string> | 'fails';
} = {}) {
  const executables = new Set(overrides.executables ?? []);
  const ran: string[] = [];
  const logged: string[] = [];
  const sys: FinderEnv = {
    platform: overrides.platform ?? 'linux',
    uid: overrides.uid ?? 1000,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...overrides.env },
    home: '/home/viewer',
    isExecutable: (path) => executables.has(path),
    list: (dir) => {
      const prefix = `${dir}/`;
      const names = [...executables].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!);
      return [...new Set(names)];
    },
    read: (path) => (path === '/etc/os-release' ? (overrides.osRelease === undefined ? DEBIAN : overrides.osRelease) : null),
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (command === 'sudo' && args.join(' ') === '-n true') return overrides.sudoWithoutPassword ? 0 : 1;
      const install = args.indexOf('install');
      if (install !== -1) {
        if (overrides.aptInstalls === 'fails') return 100;
        const packageName = args[args.length - 1]!;
        const binary = overrides.aptInstalls?.[packageName];
        if (binary) executables.add(binary);
      }
      return 0;
    },
    log: (message) => logged.push(message),
  };
  return { sys, ran, logged };
}

describe('locating a browser', () => {
  it('takes CHROMIUM_PATH / FIREFOX_PATH first', () => {
    const { sys } = fakeMachine({
      env: { CHROMIUM_PATH: '/opt/my/chromium', FIREFOX_PATH: '/opt/ff/firefox' },
      executables: ['/opt/my/chromium', '/opt/ff/firefox', '/usr/bin/chromium', '/usr/bin/firefox-esr'],
    });
    expect(locateBrowser('chromium', sys)).toBe('/opt/my/chromium');
    expect(locateBrowser('firefox', sys)).toBe('/opt/ff/firefox');
  });

  it('refuses a variable that points at nothing, instead of silently using another browser', () => {
    const { sys } = fakeMachine({ env: { CHROMIUM_PATH: '/nowhere/chromium' }, executables: ['/usr/bin/chromium'] });
    expect(() => locateBrowser('chromium', sys)).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chromium/);
  });

  it('finds the usual names on PATH, Debian’s before Ubuntu’s and ESR before Firefox', () => {
    const { sys } = fakeMachine({ executables: ['/usr/local/bin/chromium-browser', '/usr/bin/chromium', '/usr/bin/firefox', '/usr/bin/firefox-esr'] });
    expect(locateBrowser('chromium', sys)).toBe('/usr/bin/chromium');
    expect(locateBrowser('firefox', sys)).toBe('/usr/bin/firefox-esr');
  });

  it('finds a snap, off PATH', () => {
    const { sys } = fakeMachine({ executables: ['/snap/bin/chromium', '/snap/bin/firefox'] });
    expect(locateBrowser('chromium', sys)).toBe('/snap/bin/chromium');
    expect(locateBrowser('firefox', sys)).toBe('/snap/bin/firefox');
  });

  it('finds the newest Chrome for Testing that Puppeteer downloaded', () => {
    const { sys } = fakeMachine({
      executables: [
        '/home/viewer/.cache/puppeteer/chrome/linux-131.0.6778.85/chrome-linux64/chrome',
        '/home/viewer/.cache/puppeteer/chrome/linux-139.0.7258.66/chrome-linux64/chrome',
      ],
    });
    expect(locateBrowser('chromium', sys)).toBe('/home/viewer/.cache/puppeteer/chrome/linux-139.0.7258.66/chrome-linux64/chrome');
  });

  it('finds the macOS app bundles, in /Applications or the home folder', () => {
    const { sys } = fakeMachine({
      platform: 'darwin',
      executables: [
        '/home/viewer/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        '/Applications/Firefox.app/Contents/MacOS/firefox',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ],
    });
    expect(locateBrowser('chromium', sys)).toBe('/home/viewer/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing');
    expect(locateBrowser('firefox', sys)).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
  });

  it('never takes branded Google Chrome, which no longer loads unpacked extensions', () => {
    const { sys } = fakeMachine({ executables: ['/usr/bin/google-chrome', '/opt/google/chrome/chrome'] });
    expect(locateBrowser('chromium', sys)).toBeNull();
  });
});

describe('ensuring a browser (npm test, npm run demo)', () => {
  it('found: returns it and runs nothing', () => {
    const { sys, ran } = fakeMachine({ executables: ['/usr/bin/chromium'] });
    expect(ensureBrowser('chromium', sys)).toBe('/usr/bin/chromium');
    expect(ran).toEqual([]);
  });

  it('missing, installable as root on Debian: installs chromium with apt-get and says so', () => {
    const { sys, ran, logged } = fakeMachine({ uid: 0, aptInstalls: { chromium: '/usr/bin/chromium' } });
    expect(ensureBrowser('chromium', sys)).toBe('/usr/bin/chromium');
    expect(ran).toEqual(['apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    expect(logged[0]).toMatch(/Chromium was not found: installing the chromium package with apt-get/);
    expect(logged.at(-1)).toBe('Installed Chromium: /usr/bin/chromium');
  });

  it('missing, installable through passwordless sudo: installs firefox-esr with sudo -n', () => {
    const { sys, ran, logged } = fakeMachine({ sudoWithoutPassword: true, aptInstalls: { 'firefox-esr': '/usr/bin/firefox-esr' } });
    expect(ensureBrowser('firefox', sys)).toBe('/usr/bin/firefox-esr');
    expect(ran).toEqual([
      'sudo -n true',
      'sudo -n apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr',
    ]);
    expect(logged[0]).toMatch(/through sudo/);
  });

  it('on Ubuntu installs the packages that bring in the snaps', () => {
    const { sys, ran } = fakeMachine({ uid: 0, osRelease: UBUNTU, aptInstalls: { 'chromium-browser': '/snap/bin/chromium' } });
    expect(ensureBrowser('chromium', sys)).toBe('/snap/bin/chromium');
    expect(ran.at(-1)).toMatch(/install -y -qq chromium-browser$/);
  });

  it('missing, not installable (sudo asks for a password): stops with the exact command, runs no install', () => {
    const { sys, ran } = fakeMachine({ sudoWithoutPassword: false });
    expect(() => ensureBrowser('chromium', sys)).toThrow(BrowserMissingError);
    expect(() => ensureBrowser('chromium', sys)).toThrow('sudo apt-get update && sudo apt-get install -y chromium');
    expect(ran.every((command) => command === 'sudo -n true')).toBe(true);
  });

  it('missing on macOS: stops with the Homebrew command', () => {
    const { sys, ran } = fakeMachine({ platform: 'darwin', osRelease: null });
    expect(() => ensureBrowser('firefox', sys)).toThrow('brew install --cask firefox');
    expect(ran).toEqual([]);
  });

  it('missing on a system without apt: names the package and the variable to set', () => {
    const { sys } = fakeMachine({ uid: 0, osRelease: FEDORA });
    expect(installPlan('chromium', sys)).toEqual({ kind: 'manual', command: expect.stringContaining('"chromium"') });
    expect(() => ensureBrowser('chromium', sys)).toThrow(/set CHROMIUM_PATH/);
  });

  it('an install that fails stops with the command to run by hand', () => {
    const { sys } = fakeMachine({ uid: 0, aptInstalls: 'fails' });
    expect(() => ensureBrowser('firefox', sys)).toThrow(/Installing firefox-esr failed \(apt-get exit 100\)[\s\S]*sudo apt-get install -y firefox-esr/);
  });

  it('an install that succeeds but leaves no binary in a known place still stops', () => {
    const { sys } = fakeMachine({ uid: 0, aptInstalls: {} });
    expect(() => ensureBrowser('chromium', sys)).toThrow(BrowserMissingError);
  });
});

describe('requiring a browser (the test processes, the benchmarks)', () => {
  it('never installs: it names the command, without sudo for root', () => {
    const asUser = fakeMachine({ sudoWithoutPassword: true });
    expect(() => requireBrowser('firefox', asUser.sys)).toThrow('sudo apt-get update && sudo apt-get install -y firefox-esr');
    expect(asUser.ran).toEqual([]);
    const asRoot = fakeMachine({ uid: 0 });
    expect(() => requireBrowser('chromium', asRoot.sys)).toThrow('    apt-get update && apt-get install -y chromium');
  });
});
