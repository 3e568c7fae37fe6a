import { assertBrowserReady, selectedBrowsers } from '../support/browsers';

/** Fails the e2e run at once, with install instructions, when a chosen browser or its build is missing. */
export default function setup(): void {
  for (const name of selectedBrowsers()) assertBrowserReady(name);
}
