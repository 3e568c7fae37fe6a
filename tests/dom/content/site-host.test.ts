import { describe, expect, it } from 'vitest';
import { siteHost } from '../../../lib/content/site-host';

const frame = (hostname: string, ancestors?: string[]) =>
  ({ hostname, ancestorOrigins: ancestors && Object.assign([...ancestors], { contains: () => false }) }) as unknown as Location;

describe('the host a pause applies to', () => {
  it("is the top page's, from the origins Chromium gives a frame", () => {
    expect(siteHost(frame('ads.example.net', ['https://cdn.example.org', 'https://news.example.com:8443']))).toBe('news.example.com');
  });

  it("is the top page's where the frame can read its location (same origin, or the top frame itself)", () => {
    expect(siteHost(frame('ads.example.net'))).toBe(location.hostname);
    expect(siteHost(frame('ads.example.net', []))).toBe(location.hostname);
  });

  it("is the frame's own where the top page's cannot be known", () => {
    expect(siteHost(frame('ads.example.net', ['null']))).toBe('ads.example.net');
    const top = Object.getOwnPropertyDescriptor(window, 'top')!;
    Object.defineProperty(window, 'top', { configurable: true, get: () => ({ get location(): Location { throw new Error('cross-origin') } }) });
    try {
      expect(siteHost(frame('ads.example.net'))).toBe('ads.example.net');
    } finally {
      Object.defineProperty(window, 'top', top);
    }
  });
});
