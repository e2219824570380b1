/**
 * Answer first (issue 13), as a reader meets it on a phone: on every symptom page in both
 * languages a link to a fix is inside the first screen at 390x844, and the page reads answer,
 * causes, fixes, then the thread's reports; fix pages offer the ways to apply as alternatives with
 * the undo beside them and wrap registry keys only after a backslash; the language switch keeps
 * the query and the anchor; the messages filter narrows a list that is complete without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';
import { LANGS } from '../../src/model/langs.ts';

interface Exported {
  symptoms: { id: string; url: string; title: string; fixes: string[] }[];
  fixes: { id: string; url: string; commands: unknown[] }[];
}
const graphs = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(readFileSync(join(DIST_DIR, lang, 'kb.json'), 'utf8')) as Exported]),
);
const path = (url: string) => new URL(url).pathname;
const PHONE = { width: 390, height: 844 };

/** The document y of the first match, or Infinity. */
async function top(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    return el ? el.getBoundingClientRect().top + scrollY : Infinity;
  }, selector);
}

test.describe('symptom pages on a phone', () => {
  test.use({ viewport: PHONE });
  for (const lang of LANGS) {
    test(`${lang}: every symptom page shows a link to a fix on the first screen, and reads answer, causes, fixes, reports`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const problems: string[] = [];
      for (const symptom of graphs[lang].symptoms) {
        await page.goto(path(symptom.url));
        const fixPaths = new Set(symptom.fixes.map((id) => path(graphs[lang].fixes.find((f) => f.id === id)!.url)));
        // The first link to one of the symptom's fixes, in document order.
        const firstFixTop = await page.evaluate(
          (paths) => {
            const link = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].find((a) =>
              paths.includes(new URL(a.href).pathname),
            );
            return link ? link.getBoundingClientRect().top : Infinity;
          },
          [...fixPaths],
        );
        if (!(firstFixTop < PHONE.height))
          problems.push(`${symptom.url}: first link to a fix at ${Math.round(firstFixTop)} px, below the first screen`);
        const order = {
          answer: await top(page, '#likely-fix'),
          causes: await top(page, '#causes'),
          fixes: await top(page, '.cause .cards a'),
          reports: await top(page, '#sources'),
        };
        if (!(order.answer < order.causes && order.causes < order.fixes && order.fixes < order.reports))
          problems.push(`${symptom.url}: order is ${JSON.stringify(order)}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

test.describe('fix pages', () => {
  test('the ways to apply are alternatives with the undo beside them; .reg downloads near the top', async ({
    page,
  }) => {
    const fix = graphs.en.fixes.find((f) => f.id === 'allow-insecure-guest-logons')!;
    await page.goto(path(fix.url));
    const ways = page.locator('section.ways');
    await expect(ways.getByRole('heading', { level: 2 })).toContainText('choose one');
    for (const name of ['Download a .reg file', 'Command Prompt', 'Group Policy (not on Home editions)'])
      await expect(ways.getByRole('heading', { level: 3, name })).toBeVisible();
    // Apply and undo as a pair: the undo block follows its apply block inside one .pair.
    const pair = ways
      .locator('.pair')
      .filter({ has: page.locator('pre[data-role="apply"]') })
      .first();
    await expect(pair.locator('pre[data-role="undo"]')).toHaveCount(1);
    // The download buttons come before the body's steps.
    expect(await top(page, 'a[data-reg="apply"]')).toBeLessThan(await top(page, '.body'));
    await expect(page.locator('a[data-reg="undo"]')).toBeVisible();
  });

  test('registry keys wrap on a phone only after a backslash, never mid-word', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const fix = graphs.en.fixes.find((f) => f.id === 'allow-insecure-guest-logons')!;
    await page.goto(path(fix.url));
    const breaks = await page.evaluate(() => {
      const found: string[] = [];
      for (const code of document.querySelectorAll('pre.cmd code, p.key')) {
        const text = code.textContent ?? '';
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        let previousTop: number | undefined;
        let previousChar = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < (node.textContent ?? '').length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            const char = node.textContent![i];
            if (
              rect &&
              previousTop !== undefined &&
              rect.top > previousTop + 2 &&
              !/[\s\\]/.test(previousChar) &&
              !/\s/.test(char)
            )
              found.push(`${text.slice(0, 40)}…: a line breaks between "${previousChar}" and "${char}"`);
            if (rect) previousTop = rect.top;
            previousChar = char;
          }
        }
      }
      return found;
    });
    expect(breaks).toEqual([]);
  });
});

test.describe('language switch', () => {
  test('keeps the query on the search page', async ({ page }) => {
    await page.goto('/en/search/?q=0x80070035');
    await page.getByRole('link', { name: 'Diese Seite auf Deutsch' }).click();
    await expect(page).toHaveURL(/\/de\/search\/\?q=0x80070035$/);
  });

  test('keeps the anchor on an article, in the other language’s name', async ({ page }) => {
    const symptom = graphs.en.symptoms.find((s) => s.id === 'guest-access-blocked')!;
    await page.goto(`${path(symptom.url)}#causes`);
    await page.getByRole('link', { name: 'Diese Seite auf Deutsch' }).click();
    await expect(page).toHaveURL(/\/de\/symptome\/gastzugriff-blockiert\/#causes$/);
  });
});

test.describe('messages index', () => {
  test('the filter narrows the list; without JavaScript the whole list is there', async ({ page, browser }) => {
    await page.goto('/en/messages/');
    const items = page.locator('.list > li');
    const total = await items.count();
    await page.getByLabel('Filter by words or code').fill('80070035');
    await expect(page.locator('.list > li:visible')).not.toHaveCount(total);
    const shown = await page.locator('.list > li:visible').count();
    expect(shown).toBeGreaterThan(0);
    for (const text of await page.locator('.list > li:visible').allTextContents()) expect(text).toContain('80070035');
    await page.getByLabel('Filter by words or code').fill('');
    await expect(page.locator('.list > li:visible')).toHaveCount(total);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto('/en/messages/');
    await expect(plain.locator('.list > li:visible')).toHaveCount(total);
    await expect(plain.getByLabel('Filter by words or code')).toBeHidden();
    await context.close();
  });
});

test.describe('sources', () => {
  test('an old link to a comment on the sources page arrives at the comment on the thread page, open', async ({
    page,
  }) => {
    await page.goto('/en/sources/#source-c2');
    await expect(page).toHaveURL(/\/en\/sources\/thread\/#source-c2$/);
    await expect(page.locator('#source-c2')).toBeVisible();
  });

  test('outside sources are linked', async ({ page }) => {
    await page.goto('/en/sources/');
    expect(await page.locator('.references a[rel="external"]').count()).toBeGreaterThan(10);
  });
});

test('breadcrumbs above an article, with BreadcrumbList data', async ({ page }) => {
  const symptom = graphs.de.symptoms.find((s) => s.id === 'gastzugriff-blockiert')!;
  await page.goto(path(symptom.url));
  const crumbs = page.getByRole('navigation', { name: 'Sie sind hier' });
  await expect(crumbs.getByRole('link', { name: 'Symptome' })).toHaveAttribute('href', '/de/symptome/');
  const data = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '{}')));
  const trail = data.find((d) => d['@type'] === 'BreadcrumbList');
  expect(trail?.itemListElement.map((i: { name: string }) => i.name)).toEqual(['Start', 'Symptome', symptom.title]);
});
