import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
for (const [name, path] of [['known', '/en/search/?q=0x80070035'], ['related', '/en/search/?q=share%20my%20chocolate%20cake%20recipe'], ['free', '/de/search/?q=Freigabe-Assistent%20einschalten']]) {
  await page.goto('http://127.0.0.1:4452' + path);
  await page.waitForFunction(() => ['results', 'related', 'empty', 'error'].includes(document.getElementById('search-app').dataset.state));
  await page.screenshot({ path: `/tmp/search-notes/shot-${name}.png` });
}
await browser.close();
