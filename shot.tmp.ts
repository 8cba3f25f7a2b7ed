import { launchChromium } from './scripts/chromium';
import { startStaticServer } from './scripts/static-server';
const server = await startStaticServer('out', 3108);
const browser = await launchChromium();
for (const [url, w, name] of [['/vi/search/?q=le+dung', 1280, 'search-vi-1280'], ['/en/search/?q=hanoi', 390, 'search-en-390']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: 1000 } });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto('http://127.0.0.1:3108' + url);
  await page.waitForTimeout(1500);
  console.log(await page.locator('.search__status').textContent());
  await page.screenshot({ path: `test-results/${name}.png` });
  await page.close();
}
await browser.close(); server.close();
