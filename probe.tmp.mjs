import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let k = 0; k < 2; k++) {
const ctx = await browser.newContext();
await ctx.addInitScript(`(() => { const b = window.__b = { t: -1 }; new MutationObserver(() => { const a = document.querySelector('#search-app ol.results > li a'); if (a && b.t < 0) b.t = performance.now(); }).observe(document, { subtree: true, childList: true, attributes: true }); })();`);
const reqs = [];
ctx.on('requestfinished', (r) => { const t = r.timing(); reqs.push([new URL(r.url()).pathname.slice(0, 50), t.startTime, t.startTime + t.responseEnd]); });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:4452/de/search/?q=' + encodeURIComponent('Systemfehler 1272 ist aufgetreten'));
await page.waitForFunction(() => window.__b.t >= 0);
await page.waitForTimeout(1500);
const { t, origin } = await page.evaluate(() => ({ t: window.__b.t, origin: performance.timeOrigin }));
console.log('instant at', t.toFixed(0));
for (const [u, s, e] of reqs.sort((a, b) => a[2] - b[2])) console.log(`  ${u.padEnd(52)} start ${(s - origin).toFixed(0).padStart(5)} end ${(e - origin).toFixed(0).padStart(5)} ${e - origin <= t ? 'BEFORE' : ''}`);
await ctx.close();
}
await browser.close();
