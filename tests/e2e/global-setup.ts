import { assertChromiumReady } from '../support/chromium';

/** Fails the e2e run at once, with install instructions, when Chromium or the build is missing. */
export default function setup(): void {
  assertChromiumReady();
}
