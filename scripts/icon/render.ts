/**
 * Rasterises scripts/icon/replyline.svg into public/icon/<size>.png (WXT lists them in both
 * manifests). Run `npx tsx scripts/icon/render.ts` after editing the SVG; Chromium draws it, so the
 * PNGs come out the same on every machine with the same Chromium.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const SIZES = [16, 32, 48, 96, 128];
const here = path.dirname(new URL(import.meta.url).pathname);
const svg = readFileSync(path.join(here, 'replyline.svg'), 'utf8');
const out = path.resolve(here, '../../public/icon');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    await page.screenshot({ path: path.join(out, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons: ${SIZES.join(', ')} px → ${path.relative(process.cwd(), out)}`);
