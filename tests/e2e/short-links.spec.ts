/**
 * Short links as forums leave them, in a real browser against the server the tests run (nginx with
 * deploy/nginx.conf when installed): trailing punctuation, other letter case, a trailing slash and
 * a #fragment all reach the right article; /kb/ lists every id; each heading and step copies its
 * short link with the anchor; the forum answer is on the page, with and without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI } from '../../src/i18n/index.ts';
import type { ArticleNode } from '../../src/model/graph.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';
import { expect, test } from './fixtures.ts';
import { article, axeViolations, graph } from './helpers.ts';

const LANGS = ['de', 'en'] as const;
const SITE = process.env.SITE_URL ?? 'https://netzfreigabe.example';

const node = (lang: 'de' | 'en', enId: string): ArticleNode => article(lang, enId);

/** Address forms of one short link and the fragment each should arrive with. */
function variants(id: string, anchor: string): [string, string][] {
  const upper = id.toUpperCase();
  const capital = id[0].toUpperCase() + id.slice(1);
  return [
    [`/kb/${id}`, ''],
    [`/kb/${id}/`, ''],
    [`/kb/${id}.`, ''],
    [`/kb/${id},`, ''],
    [`/kb/${id})`, ''],
    [`/kb/${id}!`, ''],
    [`/kb/${id}).`, ''],
    [`/kb/${upper}`, ''],
    [`/kb/${capital}/`, ''],
    [`/kb/${id}#${anchor}`, `#${anchor}`],
    [`/kb/${capital}.#step-2`, '#step-2'],
  ];
}

for (const lang of LANGS) {
  test.describe(lang, () => {
    const articles = [node(lang, 'guest-access-blocked'), node(lang, 'allow-insecure-guest-logons')];
    const steps = lang === 'de' ? 'schritte' : 'steps';

    test(`short links with punctuation, letter case, slash and fragment reach the article`, async ({
      page,
      request,
    }) => {
      for (const article of articles) {
        for (const [path, hash] of variants(article.id, steps)) {
          const response = await request.get(path.split('#')[0], { maxRedirects: 0 });
          expect(response.status(), path).toBe(301);
          expect(response.headers().location, path).toBe(article.url);
          await page.goto(path);
          await expect(page, path).toHaveURL(new RegExp(`${article.url}${hash}$`));
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.data.title);
        }
      }
      // The fragment lands on its target: the heading, or the numbered step with its anchor.
      await page.goto(`/kb/${articles[1].id}#step-2`);
      await expect(page.locator('li#step-2')).toBeInViewport();
    });

    test(`each heading and step copies the short link with its anchor`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const article = articles[1];
      await page.goto(article.url);
      const step = page.locator('li#step-3 > button.anchor-copy');
      await expect(step).toHaveAttribute('aria-label', /3/);
      await step.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}/kb/${article.id}#step-3`);
      const heading = page.locator(`h2#${steps} > button.anchor-copy`);
      await heading.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}/kb/${article.id}#${steps}`);
      // The headings keep their text: the button's symbol comes from CSS.
      await expect(page.locator(`h2#${steps}`)).toHaveText(lang === 'de' ? 'Schritte' : 'Steps');
    });

    test(`the forum answer is copied in each format, and is there to select without JavaScript`, async ({
      page,
      context,
      browser,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const article = articles[0];
      await page.goto(article.url);
      const answer = page.locator('details.forum');
      await answer.locator('summary').click();
      await expect(answer.locator('summary')).toHaveText(UI[lang]['forum.title']);
      for (const format of ['markdown', 'bbcode', 'plain']) {
        const pre = answer.locator(`pre[data-role="forum-${format}"]`);
        await pre.locator('xpath=following-sibling::button[1]').click();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toBe(await pre.textContent());
        expect(copied.trimEnd().endsWith(`${SITE}/kb/${article.id}`), format).toBe(true);
      }
      const noScript = await browser.newContext({ javaScriptEnabled: false });
      const plain = await noScript.newPage();
      await plain.goto(article.url);
      await plain.locator('details.forum summary').click();
      await expect(plain.locator('pre[data-role="forum-bbcode"]')).toContainText(`[url=${SITE}/kb/${article.id}]`);
      await noScript.close();
    });
  });
}

test('/kb/ lists every short link with its title, over its pages', async ({ page, request }) => {
  const links = (await (await request.get('/kb/links.json')).json()) as Record<string, string>;
  const listed: [string | null, string][] = [];
  // The list is paged once it is long; follow "next" until the last page.
  for (let path: string | null = '/kb/'; path;) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    listed.push(
      ...(await page
        .locator('main ul.ids a[href^="/kb/"]')
        .evaluateAll((as) =>
          as.map((a): [string | null, string] => [a.getAttribute('href'), a.parentElement?.textContent ?? '']),
        )),
    );
    const next = page.locator('nav.pager a[rel="next"]');
    path = (await next.count()) ? await next.getAttribute('href') : null;
  }
  expect(listed.map(([href]) => href).sort()).toEqual(
    Object.keys(links)
      .map((id) => `/kb/${id}`)
      .sort(),
  );
  for (const [href, text] of listed) {
    const article = graph.get(href!.slice('/kb/'.length))!;
    expect(text, href!).toContain(article.data.title);
  }
});

test('accessibility: /kb/ and articles with the forum answer open and the anchor buttons added', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['/kb/', node('de', 'guest-access-blocked').url, node('en', 'allow-insecure-guest-logons').url]) {
    await page.goto(path);
    const answer = page.locator('details.forum summary');
    if (await answer.count()) {
      await answer.click();
      await expect(page.locator('button.anchor-copy').first()).toBeVisible();
    }
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('on a host without redirect rules, the /kb/<id>/ page forwards and keeps the fragment', async ({ page }) => {
  const article = node('en', 'allow-insecure-guest-logons');
  // Such a host serves the page the build wrote where nginx answers with a 301.
  const fallback = readFileSync(join(DIST_DIR, 'kb', article.id, 'index.html'), 'utf8');
  await page.route(`**/kb/${article.id}/`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fallback }),
  );
  await page.goto(`/kb/${article.id}/#step-2`);
  await expect(page).toHaveURL(new RegExp(`${article.url}#step-2$`));
  await expect(page.locator('li#step-2')).toBeInViewport();
});
