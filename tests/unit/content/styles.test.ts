import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BLUR_RADIUS, spoilerCss } from '../../../lib/content/styles';

describe('spoilerCss', () => {
  it('blurs hidden blocks only, harder when strong', () => {
    expect(spoilerCss('strong')).toContain('[data-plot-armor="hidden"]{filter:blur(0.6em)!important;');
    expect(spoilerCss('light')).toContain('filter:blur(0.3em)!important;');
    const revealedRule = spoilerCss('strong').split('[data-plot-armor="revealed"]')[1] ?? '';
    expect(revealedRule).toContain('outline');
    expect(revealedRule).not.toContain('blur');
  });

  it('blurs hidden text through its highlight, as strongly as blocks, only once there is some', () => {
    expect(spoilerCss('strong', true)).toContain('::highlight(plot-armor-hidden){color:transparent!important;text-shadow:0 0 0.6em');
    expect(spoilerCss('light', true)).toContain('text-shadow:0 0 0.3em');
    expect(spoilerCss('strong')).not.toContain('highlight');
  });
});

describe('the manifest stylesheet', () => {
  it('blurs as strongly as the strong setting, so the first paint and the settings agree', () => {
    // Read as a file: vitest turns imported CSS into nothing. Tests run from the project root.
    const manifestCss = readFileSync('entrypoints/content/style.css', 'utf8');
    expect(manifestCss).toContain(`filter: blur(${BLUR_RADIUS.strong}) !important;`);
  });
});
