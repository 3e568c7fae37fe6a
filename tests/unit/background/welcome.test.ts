import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall } from '../../../lib/background/welcome';

describe('the welcome page', () => {
  it('opens on a first install', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await openWelcomeOnInstall({ reason: 'install' }, openTab, 'chrome-extension://id/welcome.html')).toBe(true);
    expect(openTab).toHaveBeenCalledWith('chrome-extension://id/welcome.html');
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('does not open on %s', async (reason) => {
    const openTab = vi.fn(async () => undefined);
    expect(await openWelcomeOnInstall({ reason }, openTab, 'x')).toBe(false);
    expect(openTab).not.toHaveBeenCalled();
  });
});
