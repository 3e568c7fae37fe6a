/**
 * What end-to-end tests measure on screen and about tabs, in any browser of the suite:
 * how sharp an element is drawn (a blur leaves no strong contrast step), and which tab
 * shows a page.
 */
import type { DriverPage } from './browsers';

/** The strongest horizontal contrast step between neighbouring pixels of a screenshot: sharp text has steps near 255. */
export async function sharpness(p: DriverPage, selector: string): Promise<number> {
  const png = await p.screenshot(selector);
  return p.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
    let max = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 1; x < width; x++) {
        const i = (y * width + x) * 4;
        const a = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        const b = (data[i - 4]! + data[i - 3]! + data[i - 2]!) / 3;
        max = Math.max(max, Math.abs(a - b));
      }
    }
    return max;
  }, png.toString('base64'));
}

/** The id of the tab showing `url` (compared whole: in Firefox a `url` query with a port found no tab). */
export async function tabIdOf(extensionPage: DriverPage, url: string): Promise<number> {
  return extensionPage.evaluate(async (u) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const tabs = (await api.tabs.query({})) as { id: number; url?: string }[];
    return tabs.find((tab) => tab.url === u)!.id;
  }, url);
}

