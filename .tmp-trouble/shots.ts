import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '/work/wt-trouble/scripts/lib/chromium.ts';
import { startServer } from '/work/wt-trouble/scripts/serve.ts';
const server = await startServer('/work/wt-trouble/dist', 4406);
const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
const pages = process.argv.slice(2);
for (const [i, p] of pages.entries()) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 }, colorScheme: scheme });
    await page.goto(`http://127.0.0.1:4406${p}`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    console.log(p, scheme, 'overflow', over);
    await page.screenshot({ path: `/tmp/shot-${i}-${scheme}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
server.close();
