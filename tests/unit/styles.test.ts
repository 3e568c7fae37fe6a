import { describe, expect, it } from 'vitest';
import { spoilerCss } from '../../lib/content/styles';

describe('spoilerCss', () => {
  it('blurs hidden blocks only, harder when strong', () => {
    expect(spoilerCss('strong')).toContain('[data-plot-armor="hidden"] {\n  filter: blur(0.6em) !important;');
    expect(spoilerCss('light')).toContain('filter: blur(0.3em) !important;');
    expect(spoilerCss('strong')).not.toContain('revealed');
  });
});
