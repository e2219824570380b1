/**
 * 404 pages in the language of the address, under the server the tests run (nginx with
 * deploy/nginx.conf when installed): /de/… and /en/… each answer 404 with their own language's page
 * and the closest matches; an unknown short link gets the page for any address; the page loads only
 * the article list of the section it needs, and works without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI } from '../../src/i18n/index.ts';
import type { ArticleNode } from '../../src/model/graph.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';
import { expect, test } from './fixtures.ts';
import { article, axeViolations } from './helpers.ts';

const LANGS = ['de', 'en'] as const;
const symptom = (lang: 'de' | 'en'): ArticleNode => article(lang, 'guest-access-blocked');
/** The article's address with one letter missing in the first word of its slug. */
const typo = (article: ArticleNode) => article.url.replace(article.slug, article.slug.replace(/.(?=-)/, ''));

test.use({ allowedConsoleErrors: [/status of 404/] });

for (const lang of LANGS) {
  test(`${lang}: a missing address answers 404 in ${lang} with the closest matches`, async ({ page }) => {
    const article = symptom(lang);
    const nearLists: string[] = [];
    page.on('request', (r) => r.url().includes('/kb/near-') && nearLists.push(new URL(r.url()).pathname));
    const response = await page.goto(typo(article));
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI[lang]['notFound.title']);
    await expect(page.locator('[data-closest] a').first()).toHaveAttribute('href', article.url);
    // Only the list of the section the address was in.
    expect(nearLists).toEqual([`/kb/near-${lang}-${article.url.split('/')[2]}.json`]);
  });

  test(`${lang}: an article address with a capital and a full stop goes to the article`, async ({ page }) => {
    const article = symptom(lang);
    const mangled = `${article.url.slice(0, -1).replace(article.slug, article.slug[0].toUpperCase() + article.slug.slice(1))}.`;
    await page.goto(mangled);
    await expect(page).toHaveURL(new RegExp(`${article.url}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.data.title);
  });

  test(`${lang}: without JavaScript the 404 page offers search and the home page`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`/${lang}/gibt-es-nicht/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator(`main form[role="search"][action="/${lang}/search/"]`)).toBeVisible();
    await expect(page.locator(`main a[href="/${lang}/"]`)).toBeVisible();
    await context.close();
  });
}

test('an unknown short link gets the page for any address, with the closest ids', async ({ page }) => {
  const article = symptom('de');
  const response = await page.goto(`/kb/${article.id.replace(/.(?=-)/, '')}`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('[data-closest] a').first()).toHaveAttribute('href', article.url);
  // The German block holds the match; the page names itself in both languages.
  await expect(page.locator('[data-not-found="de"] h1')).toHaveText(UI.de['notFound.title']);
  await expect(page.locator('[data-not-found="en"] h2')).toHaveText(UI.en['notFound.title']);
});

test('accessibility: the 404 pages with their closest matches filled in', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['/de/symptome/gastzugrif-blockiert/', '/en/symptoms/gust-access-blocked/', '/kb/gastzugrif']) {
    await page.goto(path);
    await expect(page.locator('[data-closest] a').first()).toBeVisible();
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('a host that knows only /404.html: it shows the address language and its closest matches', async ({ page }) => {
  const rootPage = readFileSync(join(DIST_DIR, '404.html'), 'utf8');
  const article = symptom('en');
  await page.route('**/en/symptoms/gust-access-blocked/', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: rootPage }),
  );
  await page.goto('/en/symptoms/gust-access-blocked/');
  await expect(page.locator('[data-not-found="en"]')).toBeVisible();
  await expect(page.locator('[data-not-found="de"]')).toBeHidden();
  await expect(page.locator('[data-not-found="en"] [data-closest] a').first()).toHaveAttribute('href', article.url);
});
