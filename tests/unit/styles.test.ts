import { describe, expect, it } from 'vitest';
import { spoilerCss } from '../../lib/content/styles';

describe('spoilerCss', () => {
  it('blurs hidden blocks only, harder when strong', () => {
    expect(spoilerCss('strong')).toContain('[data-plot-armor="hidden"] {\n  filter: blur(0.6em) !important;');
    expect(spoilerCss('light')).toContain('filter: blur(0.3em) !important;');
    const revealedRule = spoilerCss('strong').split('[data-plot-armor="revealed"]')[1] ?? '';
    expect(revealedRule).toContain('outline');
    expect(revealedRule).not.toContain('blur');
  });
});
