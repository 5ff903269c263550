#!/usr/bin/env node
// Renders build/icon.svg to the PNG sizes electron-builder wants (build/icons/NxN.png for Linux) and packs
// them into build/icon.ico (Windows) and build/icon.icns (macOS). Chromium does the rasterizing, through
// playwright-core: CHROMIUM_PATH, else /usr/bin/chromium. Run it again after changing the SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ICNS_TYPES, ICO_SIZES, toIcns, toIco } from './icon-containers.mjs';

const buildDir = dirname(fileURLToPath(import.meta.url));
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])].sort(
  (a, b) => a - b,
);

const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
  ],
  headless: true,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  /** @type {Map<number, Buffer>} */
  const pngs = new Map();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img id="icon" src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction('document.getElementById("icon").complete');
    pngs.set(size, await page.locator('#icon').screenshot({ omitBackground: true, type: 'png' }));
  }
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES)
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), pngs.get(size));
  writeFileSync(join(buildDir, 'icon.ico'), toIco(pngs));
  writeFileSync(join(buildDir, 'icon.icns'), toIcns(pngs));
  console.log(`icons: ${LINUX_SIZES.length} PNGs in build/icons, build/icon.ico, build/icon.icns`);
} finally {
  await browser.close();
}
