import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const [port, lang, ...qs] = process.argv.slice(2);
for (const q of qs) {
  await page.goto(`http://127.0.0.1:${port}/${lang}/search/?q=` + encodeURIComponent(q));
  await page.waitForFunction(() => ['results', 'related', 'empty', 'error'].includes(document.getElementById('search-app').dataset.state), null, { timeout: 20000 });
  console.log(q, await page.evaluate(() => { const a = document.getElementById('search-app'); return a.dataset.state + ' | ' + a.querySelector('.status').textContent + ' | ' + [...a.querySelectorAll(':is(ol.results, ol.related) > li a')].slice(0,3).map(x => x.getAttribute('href')).join(' ') }));
}
await browser.close();
