/**
 * The troubleshooter in a real browser against the built site: a path from the home page to a fix
 * and the "don't know" path to the search without JavaScript, what a NAS owner is offered, the
 * unsolved result, and the gates for its pages (axe in light and dark, no overflow at 375 px, the
 * 14 KB budget). Expectations come from the same step tree the build renders.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { UI } from '../../src/i18n/index.ts';
import { troubleshooter, type QuestionStep, type ResultStep, type Step } from '../../src/lib/troubleshooter.ts';
import type { FixNode } from '../../src/model/graph.ts';
import { pagePath } from '../../src/model/routes.ts';
import type { Lang } from '../../src/model/schemas/common.ts';
import { BUDGET_BYTES, describe as describeWeight, htmlFileFor, weighPage } from '../../scripts/bench/weight.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';
import { expect, test } from './fixtures.ts';
import { axeViolations, graph } from './helpers.ts';

const tree = troubleshooter(graph);
const LANGS = ['de', 'en'] as const;
const other = (lang: Lang): Lang => (lang === 'de' ? 'en' : 'de');

function en<T>(lang: Lang, id: string): T {
  const node = graph.get(id)!;
  return (lang === 'en' ? node : graph.translation(node)) as T;
}
const step = (lang: Lang, path: string): Step => {
  const found = tree[lang].find((s) => s.path === path);
  if (!found) throw new Error(`no troubleshooter step ${path}`);
  return found;
};

async function hrefs(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** One page of each kind: every question that is asked somewhere, and results of each sort. */
function samples(lang: Lang): string[] {
  const steps = tree[lang];
  const firstOf = (question: string) =>
    steps.find((s) => s.kind === 'question' && s.question === question && s.segments.length > 0)?.path;
  const results = steps.filter((s): s is ResultStep => s.kind === 'result');
  const longest = steps
    .filter((s): s is QuestionStep => s.kind === 'question' && s.question === 'symptom')
    .reduce((a, b) => (b.choices.length > a.choices.length ? b : a));
  return [
    steps[0].path,
    ...(['message', 'account', 'windows', 'edition'].map(firstOf).filter(Boolean) as string[]),
    longest.path,
    results.find((r) => r.target !== null && !r.unsolved)!.path,
    results.find((r) => r.target === null && r.causes.some((c) => c.only || c.fixOnly.size))!.path,
    results.find((r) => r.unsolved)!.path,
  ];
}

for (const lang of LANGS) {
  const t = UI[lang];
  const start = pagePath(lang, 'troubleshooter');

  test.describe(`${lang}`, () => {
    test('without JavaScript: home to a fix by device and message, with breadcrumb, Back and Start again', async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const symptom = en<ResultStep['symptom']>(lang, 'guest-access-blocked');

      await page.goto(`/${lang}/`);
      await page.locator(`main a[href="${start}"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`${start}$`));
      await expect(page.getByRole('heading', { name: t['trouble.q.target'] })).toBeVisible();
      await expect(page.locator('.how')).toContainText(t['trouble.howLabel']);
      await expect(page.locator('.choices > li > a')).toHaveText([
        t['target.windows-pc'],
        t['target.nas'],
        t['target.samba'],
        t['trouble.unsure.target'],
      ]);

      // The NAS: which message? Every answer is a link, the last one is "no message".
      await page.getByRole('link', { name: t['target.nas'], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${start}nas/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['trouble.q.message']);
      const question = step(lang, `${start}nas/`) as QuestionStep;
      expect(await hrefs(page, '.choices > li > a')).toEqual([
        ...question.choices.map((c) => c.path),
        question.unsure.path,
      ]);
      await page.locator(`.choices a[href="${start}nas/code-1272/"]`).click();

      // One symptom fits: the last question confirms it.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['trouble.q.symptomOne']);
      const result = step(lang, `${start}nas/${symptom.slug}/`) as ResultStep;
      const crumbs = page.getByRole('navigation', { name: t['trouble.answers'] });
      await expect(crumbs.locator('li')).toHaveText([t['trouble.title'], t['target.nas'], '1272']);
      await page.locator(`.choices a[href="${result.path}"]`).click();

      // The result: the symptom, the fix to try first, every cause with its fixes in order.
      await expect(page).toHaveURL(new RegExp(`${result.path}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(symptom.data.title);
      await expect(page.locator('section[aria-labelledby="try-first"] h3 a')).toHaveAttribute('href', result.first.url);
      expect(await hrefs(page, '.causes > li > h3 a')).toEqual(result.causes.map((c) => c.cause.url));
      expect(await hrefs(page, '.causes > li ul.cards h4 a')).toEqual(
        result.causes.flatMap((c) => c.fixes.map((f: FixNode) => f.url)),
      );
      await expect(crumbs.locator('[aria-current="page"]')).toHaveText(symptom.data.title);
      // The same result in the other language.
      const partner = `/${other(lang)}/troubleshooter/nas/${graph.translation(symptom).slug}/`;
      await expect(page.locator('header a.lang')).toHaveAttribute('href', partner);

      await page.getByRole('link', { name: t['trouble.changeAnswers'] }).click();
      await expect(page).toHaveURL(new RegExp(`${start}nas/$`));
      await page.getByRole('link', { name: t['trouble.back'] }).click();
      await expect(page).toHaveURL(new RegExp(`${start}$`));
      await page.goto(result.path);
      await page.getByRole('link', { name: t['trouble.restart'] }).click();
      await expect(page).toHaveURL(new RegExp(`${start}$`));

      // The first fix opens as its article.
      await page.goto(result.path);
      await page.locator('section[aria-labelledby="try-first"] h3 a').click();
      await expect(page).toHaveURL(new RegExp(`${result.first.url}$`));
      await context.close();
    });

    test('without JavaScript: "I don\'t know" at every question still ends somewhere useful', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(start);
      // Follow the dashed "don't know" answer until the last question.
      for (let i = 0; i < 6; i++) {
        const heading = await page.locator('#question').textContent();
        await page.locator('.choices > li.unsure > a').click();
        if (heading === t['trouble.q.symptom'] || heading === t['trouble.q.symptomOne']) break;
      }
      // "None of these" went to the search page.
      await expect(page).toHaveURL(new RegExp(`${pagePath(lang, 'search')}$`));
      await page.goBack();
      // Every symptom of the site is in the list of the last question (or linked as "all symptoms").
      const listed = await hrefs(page, '.choices > li:not(.unsure) > a');
      const last = step(lang, new URL(page.url()).pathname) as QuestionStep;
      expect(listed).toEqual(last.choices.map((c) => c.path));
      expect(last.remaining).toBe(graph.symptoms(lang).length);
      await context.close();
    });

    test('a NAS owner is not offered the fix for administrative shares; a Windows PC owner is', async ({ page }) => {
      const symptom = en<ResultStep['symptom']>(lang, 'registry-value-not-found');
      const fix = en<FixNode>(lang, 'local-account-token-filter-policy');
      await page.goto(`${start}nas/${symptom.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(symptom.data.title);
      await expect(page.locator(`main a[href="${fix.url}"]`)).toHaveCount(0);
      await page.goto(`${start}windows-pc/${symptom.slug}/`);
      await expect(page.locator(`main .causes a[href="${fix.url}"]`)).toHaveCount(1);
      // Not knowing the device: offered, and marked as a fix for Windows PCs only.
      await page.goto(`${start}not-sure/${symptom.slug}/`);
      await expect(page.locator('main .only').filter({ hasText: fix.data.title })).toContainText(
        t['trouble.only'].replace('{targets}', t['target.windows-pc']),
      );
    });

    test('an unsolved symptom ends at what was tried', async ({ page }) => {
      const result = tree[lang].find((s): s is ResultStep => s.kind === 'result' && s.unsolved)!;
      await page.goto(result.path);
      const tried = page.locator('section[aria-labelledby="tried"]');
      await expect(tried.getByRole('heading')).toHaveText(t['trouble.unsolved']);
      for (const id of result.symptom.data.origin)
        await expect(tried).toContainText(graph.sourceById.get(id)!.reports[lang]);
      await expect(page.locator(`main a[href="${result.symptom.url}"]`).last()).toHaveText(t['trouble.article']);
    });

    test('sample pages: no axe violations in light and dark, nothing wider than 375 px', async ({ page }) => {
      test.setTimeout(240_000);
      const problems: string[] = [];
      for (const path of samples(lang)) {
        await page.setViewportSize({ width: 375, height: 667 });
        expect((await page.goto(path))?.status(), path).toBe(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${path} is ${overflow}px wider than a 375px screen`);
        for (const violation of await axeViolations(page)) problems.push(`${path} ${violation}`);
        await page.screenshot({
          path: `test-results/screenshots/${lang}-trouble${path.replaceAll('/', '-').replace(/-$/, '')}-375.png`,
          fullPage: true,
        });
      }
      expect(problems).toEqual([]);
    });
  });
}

test('every troubleshooter page loads at most the page budget (gzip) of HTML, CSS and JS', () => {
  const over: string[] = [];
  let largest = { total: 0, text: '' };
  for (const lang of LANGS)
    for (const s of tree[lang]) {
      const file = htmlFileFor(DIST_DIR, s.path);
      expect(existsSync(file), `${s.path} was not built`).toBe(true);
      const weight = weighPage(DIST_DIR, file);
      if (weight.total > largest.total) largest = { total: weight.total, text: describeWeight(weight) };
      if (weight.total > BUDGET_BYTES) over.push(describeWeight(weight));
    }
  console.log(`troubleshooter: ${tree.de.length + tree.en.length} pages; largest ${largest.text}`);
  expect(over).toEqual([]);
});
