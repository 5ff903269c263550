import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.log(`skipped: no Chromium at ${CHROMIUM} (the Plotly-under-CSP check needs a browser)`);

const require = createRequire(import.meta.url);
const ORIGIN = 'https://app.test';

/** The page the app serves, reduced to Plotly: same CSP header, same bundle the renderer imports. */
const INDEX = `<!doctype html><html><head><meta charset="utf-8">
<script src="plotly.js"></script><script src="chart.js"></script></head><body><div id="chart"></div></body></html>`;
const CHART = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('load', async () => {
  const trace = (name, y) => ({ type: 'box', name, y, boxpoints: 'all', jitter: 0.3 });
  await Plotly.newPlot('chart', [trace('node', [150, 152, 149, 160]), trace('python', [98, 101, 97, 120])],
    { title: { text: 'Init duration' } });
  window.png = await Plotly.toImage('chart', { format: 'png', width: 400, height: 300 });
  window.svg = await Plotly.toImage('chart', { format: 'svg', width: 400, height: 300 });
  window.done = true;
});`;

describe.skipIf(!hasChromium)('Plotly under the app CSP', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    const plotly = readFileSync(require.resolve('plotly.js-dist'));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const body =
        path === '/' ? INDEX : path === '/plotly.js' ? plotly : path === '/chart.js' ? CHART : null;
      if (body === null) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({
        status: 200,
        body,
        contentType: path === '/' ? 'text/html' : 'text/javascript',
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    });
    await page.goto(`${ORIGIN}/`);
    // A function, not a string: a string predicate is eval'ed in the page, which this very CSP forbids.
    await page.waitForFunction(() => (globalThis as { done?: boolean }).done === true, undefined, {
      timeout: 60_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws a box plot without any CSP violation (no eval needed)', async () => {
    expect(await page.locator('#chart .main-svg').count()).toBeGreaterThan(0);
    expect(await page.evaluate('window.violations')).toEqual([]);
  });

  it('exports PNG and SVG images under the CSP', async () => {
    expect(await page.evaluate('window.png.slice(0, 22)')).toBe('data:image/png;base64,');
    expect(await page.evaluate('decodeURIComponent(window.svg).includes("<svg")')).toBe(true);
  });
});
