/**
 * Every page type in both languages, in a real browser against the built site: what a reader must
 * see and be able to do there. Expectations come from the content itself (the same graph the build
 * uses), so a page that drops a message, a cause or a fix fails here. Screenshots of each page type
 * at 375px and 1280px go to test-results/screenshots/ for a human look.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { UI } from '../../src/i18n/index.ts';
import type { CauseNode, FixNode, SymptomNode } from '../../src/model/graph.ts';
import { kindIndexPath, pagePath, symptomGraphPath, threadPath } from '../../src/model/routes.ts';
import { HOME_SYMPTOMS } from '../../src/lib/paging.ts';
import { byPrevalence } from '../../src/lib/present.ts';
import type { Lang } from '../../src/model/schemas/common.ts';
import type { RegistrySetting } from '../../src/model/schemas/setting.ts';
import { expect, test } from './fixtures.ts';
import { article, graph } from './helpers.ts';

const LANGS = ['de', 'en'] as const;
const other = (lang: Lang): Lang => (lang === 'de' ? 'en' : 'de');

const node = article;

const examples = (lang: Lang) => ({
  symptom: node<SymptomNode>(lang, 'guest-access-blocked'),
  cause: node<CauseNode>(lang, 'insecure-guest-logons-blocked'),
  riskyFix: node<FixNode>(lang, 'allow-insecure-guest-logons'),
  safeFix: node<FixNode>(lang, 'use-account-on-nas'),
});

/** Risk levels of the fix cards in each list on the page, in page order. */
async function riskOrders(page: Page): Promise<number[][]> {
  const lists = await page.locator('main ul.cards').evaluateAll((uls) =>
    uls.map((ul) =>
      [...ul.querySelectorAll(':scope > li')]
        .map((li) => li.querySelector('.meta .badge.none, .meta .badge.low, .meta .badge.high')?.classList)
        .filter((c): c is DOMTokenList => Boolean(c))
        .map((c) => (c.contains('high') ? 2 : c.contains('low') ? 1 : 0)),
    ),
  );
  return lists.filter((l) => l.length > 0);
}

/** The list sorted safest first; a list already in that order equals it. */
const ascending = (list: number[]) => [...list].sort((a, b) => a - b);

async function hrefs(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

for (const lang of LANGS) {
  const t = UI[lang];
  const ex = examples(lang);

  test.describe(`${lang}`, () => {
    test(`home: search first and large, browse by symptom, message and target, troubleshooter link`, async ({
      page,
    }) => {
      await page.goto(`/${lang}/`);
      const search = page.locator('main textarea[name="q"]');
      await expect(search).toBeVisible();
      // The first control in the page body is the search box, and it is big.
      const firstControl = page.locator('main :is(input, textarea, select, button)').first();
      await expect(firstControl).toHaveAttribute('name', 'q');
      const box = (await search.boundingBox())!;
      const column = (await page.locator('main > section.hero').boundingBox())!;
      expect(box.width).toBeGreaterThan(column.width * 0.6);
      // The page has one search box: the header's is left out where the page has its own.
      await expect(page.locator('form[role="search"]')).toHaveCount(1);
      expect(box.y + box.height).toBeLessThan(page.viewportSize()!.height);
      expect(Number.parseFloat(await search.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(
        17,
      );
      await expect(page.getByRole('heading', { name: t['home.searchTitle'] })).toBeVisible();

      // Symptoms in the order readers meet them today, each with its most common message.
      const symptomLinks = await hrefs(page, 'section[aria-labelledby="by-symptom"] ul.symptoms > li > a');
      const expected = byPrevalence(graph.symptoms(lang)).slice(0, HOME_SYMPTOMS);
      expect(symptomLinks).toEqual(expected.map((s) => s.url));
      const first = expected.find((s) => s.data.messages.length)!;
      await expect(page.locator(`ul.symptoms > li:has(> a[href="${first.url}"]) .message`)).toContainText(
        graph.messages.get(first.data.messages[0])![lang].text.slice(0, 30),
      );
      await expect(page.locator(`main a[href="${kindIndexPath(lang, 'symptom')}"]`)).toBeVisible();

      const codeLinks = await hrefs(page, 'section[aria-labelledby="by-message"] a[href*="#code-"]');
      const codes = [...new Set([...graph.messages.values()].flatMap((m) => m.codes))];
      expect(codeLinks.length).toBe(codes.length);
      for (const code of codes) expect(codeLinks).toContain(`${pagePath(lang, 'messages')}#code-${code}`);

      const targetLinks = await hrefs(page, 'section[aria-labelledby="by-target"] ul.targets a');
      expect(targetLinks).toEqual(['windows-pc', 'nas', 'samba'].map((x) => `/${lang}/troubleshooter/${x}/`));
      await expect(page.locator(`main a[href="/${lang}/troubleshooter/"]`)).toBeVisible();

      // A code link lands on that code in the list of messages.
      await page.locator(`main a[href$="#code-${codes[0]}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${pagePath(lang, 'messages')}#code-${codes[0]}$`));
      await expect(page.locator(`[id="code-${codes[0]}"]`)).toHaveCount(1);
    });

    test(`symptom page: error messages, causes and fixes safest first`, async ({ page }) => {
      const symptom = ex.symptom;
      await page.goto(symptom.url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(symptom.data.title);
      for (const id of symptom.data.messages)
        await expect(
          page.locator('main blockquote').getByText(graph.messages.get(id)![lang].text, { exact: true }),
        ).toBeVisible();
      const links = await hrefs(page, 'main a');
      for (const cause of graph.causesOf(symptom)) expect(links).toContain(cause.url);
      for (const fix of graph.fixesForSymptom(symptom)) expect(links).toContain(fix.url);
      const orders = await riskOrders(page);
      expect(orders.length).toBeGreaterThan(0);
      for (const order of orders) expect(order, 'a riskier fix is listed before a safer one').toEqual(ascending(order));
      // The safest fix of all is listed before the risky one somewhere on the page.
      const safest = graph.fixesForSymptom(symptom)[0];
      expect(links.indexOf(safest.url)).toBeLessThan(links.indexOf(ex.riskyFix.url));
    });

    test(`cause page: its fixes and the symptoms it produces`, async ({ page }) => {
      const cause = ex.cause;
      await page.goto(cause.url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(cause.data.title);
      await expect(page.getByText(t[`cause.certainty.${cause.data.certainty}`]).first()).toBeVisible();
      const fixLinks = await hrefs(page, 'section[aria-labelledby="fixes"] a');
      expect(fixLinks).toEqual(graph.fixesOf(cause).map((f) => f.url));
      const symptomLinks = await hrefs(page, 'section[aria-labelledby="symptoms"] a');
      expect(symptomLinks.sort()).toEqual(
        graph
          .symptomsOf(cause)
          .map((s) => s.url)
          .sort(),
      );
      for (const order of await riskOrders(page))
        expect(order, 'a riskier fix is listed before a safer one').toEqual(ascending(order));
    });

    test.describe('fix page', () => {
      test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

      test(`numbered steps, risk box, copy buttons and the .reg download`, async ({ page }) => {
        const fix = ex.riskyFix;
        await page.goto(fix.url);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(fix.data.title);
        const steps = page.locator('main .body ol > li');
        expect(await steps.count()).toBeGreaterThanOrEqual(3);
        await expect(steps.first()).toBeVisible();

        const risk = page.locator('aside.risk.high');
        await expect(risk).toBeVisible();
        await expect(risk.getByRole('heading')).toHaveText(t['risk.high']);
        await expect(risk).toContainText(fix.data.risk.exposes!);
        await expect(risk).toContainText(fix.data.undo!);
        const safer = graph.get(fix.data.risk.saferFix!)!;
        await expect(risk.locator(`a[href="${safer.url}"]`)).toBeVisible();
        // The risk box comes before the steps.
        const riskBox = (await risk.boundingBox())!;
        expect(riskBox.y).toBeLessThan((await steps.first().boundingBox())!.y);

        const commands = page.locator('pre[data-copy]');
        expect(await commands.count()).toBeGreaterThanOrEqual(2);
        for (const role of ['apply', 'undo']) {
          const pre = page.locator(`pre[data-role="${role}"]`).first();
          const button = pre.locator('xpath=following-sibling::button[1]');
          await expect(button).toHaveText(t['copy.button']);
          await button.click();
          await expect(button).toHaveText(t['copy.done']);
          const copied = await page.evaluate(() => navigator.clipboard.readText());
          expect(copied).toBe(await pre.textContent());
          expect(copied).toMatch(/^(reg |Set-|[A-Z][a-z]+-)/);
        }

        const registry = fix.data.settings
          .map((id) => graph.settings.get(id)!)
          .filter((s): s is RegistrySetting => s.kind === 'registry');
        expect(registry.length).toBeGreaterThan(0);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-reg="apply"]')]);
        expect(download.suggestedFilename()).toBe(`${fix.slug}.reg`);
        const bytes = readFileSync((await download.path())!);
        const text =
          bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('latin1');
        expect(text.startsWith('Windows Registry Editor Version 5.00')).toBe(true);
        expect(text).toContain('\r\n');
        expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        for (const setting of registry) {
          expect(text).toContain(`[HKEY_LOCAL_MACHINE\\${setting.key}]\r\n`);
          const value =
            typeof setting.data === 'number'
              ? `"${setting.name}"=dword:${setting.data.toString(16).padStart(8, '0')}`
              : `"${setting.name}"="${setting.data}"`;
          expect(text).toContain(`${value}\r\n`);
        }
      });
    });

    test(`graph overview lists every symptom with its causes and fixes; each symptom's map is an SVG whose boxes are links`, async ({
      page,
    }) => {
      await page.goto(pagePath(lang, 'graph'));
      const listed = await hrefs(page, 'ul.tree a');
      for (const node of graph.all(lang)) expect(listed).toContain(node.url);

      const target = ex.symptom;
      await page.locator(`a[href="${symptomGraphPath(lang, target.slug)}"]`).click();
      const svg = page.locator('svg.graph-svg');
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAttribute('aria-labelledby', /graph-map-title/);
      const causes = graph.causesOf(target);
      const fixes = [...new Set(causes.flatMap((c) => graph.fixesOf(c)))];
      const links = await hrefs(page, 'svg.graph-svg a');
      expect(links.sort()).toEqual([target, ...causes, ...fixes].map((n) => n.url).sort());
      const edges = causes.length + causes.reduce((n, c) => n + graph.fixesOf(c).length, 0);
      await expect(svg.locator('path.edge')).toHaveCount(edges);
      // Risk colours come from the site's variables through classes (no inline styles under the CSP).
      const colours = await page.evaluate(() => {
        const stroke = (sel: string) => {
          const rect = document.querySelector(`svg.graph-svg ${sel} rect`);
          return rect ? getComputedStyle(rect).stroke : null;
        };
        const badge = (tone: string) => {
          const span = document.createElement('span');
          span.className = `badge ${tone}`;
          document.body.append(span);
          const colour = getComputedStyle(span).color;
          span.remove();
          return colour;
        };
        return { none: [stroke('.risk-none'), badge('none')] };
      });
      expect(colours.none[0]).toBe(colours.none[1]);

      await svg.locator(`a[href="${target.url}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${target.url}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.data.title);
    });

    test(`the thread page lists every comment of the thread`, async ({ page }) => {
      await page.goto(threadPath(lang));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['sources.threadTitle']);
      const ids = await page.locator('.thread li[id]').evaluateAll((lis) => lis.map((li) => li.id));
      expect(ids).toEqual(graph.sources.map((s) => `source-${s.id}`));
      expect(graph.sources.filter((s) => s.kind !== 'post').length).toBeGreaterThanOrEqual(39);
      // Folded per comment; opening the folds shows every record's report.
      for (const summary of await page.locator('.thread summary').all()) await summary.click();
      for (const record of graph.sources)
        await expect(page.locator(`[id="source-${record.id}"]`)).toContainText(record.reports[lang].slice(0, 40));
    });

    test(`messages index lists every message with its symptoms`, async ({ page }) => {
      await page.goto(pagePath(lang, 'messages'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['messages.indexTitle']);
      for (const message of graph.messages.values()) {
        const item = page.locator(`[id="message-${message.id}"]`);
        await expect(item).toContainText(message[lang].text);
        const links = await item.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links.sort()).toEqual(
          graph
            .symptomsWithMessage(message.id, lang)
            .map((s) => s.url)
            .sort(),
        );
      }
    });

    test(`short links /kb/<id>/ redirect to the article`, async ({ page, request }) => {
      for (const article of [ex.symptom, ex.cause, ex.riskyFix]) {
        const response = await request.get(`/kb/${article.id}/`, { maxRedirects: 0 });
        expect(response.status()).toBe(301);
        expect(response.headers().location).toBe(article.url);
        await page.goto(`/kb/${article.id}`);
        await expect(page).toHaveURL(new RegExp(`${article.url}$`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.data.title);
      }
    });

    test(`language switch keeps you on the same article`, async ({ page }) => {
      for (const article of [ex.symptom, ex.cause, ex.riskyFix]) {
        const partner = graph.translation(article);
        await page.goto(article.url);
        await page.locator('header a.lang').click();
        await expect(page).toHaveURL(new RegExp(`${partner.url}$`));
        await expect(page.locator('html')).toHaveAttribute('lang', other(lang));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(partner.data.title);
      }
    });

    test(`print: header, navigation and search hidden, steps and commands visible`, async ({ page }) => {
      await page.goto(ex.riskyFix.url);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('header.site')).toBeHidden();
      await expect(page.locator('nav[aria-label]').first()).toBeHidden();
      for (const form of await page.locator('form[role="search"]').all()) await expect(form).toBeHidden();
      await expect(page.locator('footer.site')).toBeHidden();
      await expect(page.locator('main .body ol > li').first()).toBeVisible();
      await expect(page.locator('main .body ol > li').last()).toBeVisible();
      await expect(page.locator('pre[data-role="apply"]').first()).toBeVisible();
      await expect(page.locator('aside.risk')).toBeVisible();
      await expect(page.locator('button.copy').first()).toBeHidden();
      // The short link is printed as an address.
      const after = await page.locator('a.print-url').evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toContain('/kb/');
    });
  });
}

/** Pages of each type, for the screenshots. */
function screenshotPages(lang: Lang): [string, string][] {
  const ex = examples(lang);
  return [
    ['home', `/${lang}/`],
    ['symptom', ex.symptom.url],
    ['cause', ex.cause.url],
    ['fix', ex.riskyFix.url],
    ['safe-fix', ex.safeFix.url],
    ['fix-index', kindIndexPath(lang, 'fix')],
    ['symptom-index', kindIndexPath(lang, 'symptom')],
    ['messages', pagePath(lang, 'messages')],
    ['sources', pagePath(lang, 'sources')],
    ['thread', threadPath(lang)],
    ['search', `${pagePath(lang, 'search')}?q=0x80070035`],
    ['graph', pagePath(lang, 'graph')],
    ['symptom-map', symptomGraphPath(lang, ex.symptom.slug)],
    ['troubleshooter', pagePath(lang, 'troubleshooter')],
  ];
}

test.describe('screenshots', () => {
  for (const lang of LANGS)
    for (const [name, path] of screenshotPages(lang))
      test(`${lang} ${name} at 375px and 1280px`, async ({ page }) => {
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: width === 375 ? 667 : 800 });
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          if (name === 'search')
            await expect(page.locator('#search-app .results li').first()).toBeVisible({ timeout: 15_000 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect.soft(overflow, `${path} is wider than a ${width}px screen`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `test-results/screenshots/${lang}-${name}-${width}.png`, fullPage: true });
        }
      });

  test.describe('404', () => {
    test.use({ allowedConsoleErrors: [/status of 404/] });
    test('404 at 375px and 1280px', async ({ page }) => {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: width === 375 ? 667 : 800 });
        expect((await page.goto('/en/no-such-page/'))?.status()).toBe(404);
        await page.screenshot({ path: `test-results/screenshots/404-${width}.png`, fullPage: true });
      }
    });
  });
});
