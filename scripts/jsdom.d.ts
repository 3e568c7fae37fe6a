// The little of jsdom's API the scripts use (the package ships no types, and tests get it through vitest).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string | Buffer, options?: { contentType?: string });
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
