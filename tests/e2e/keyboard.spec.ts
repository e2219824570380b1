/**
 * Keyboard only: from the home page a reader reaches the search with Tab or "/", searches with
 * Enter and sees results; and reaches the troubleshooter with Tab and follows it with Enter.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const QUERY = '0x80070035';
const TROUBLESHOOTER = { de: '/de/troubleshooter/', en: '/en/troubleshooter/' } as const;

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} not reached with ${limit} Tab presses`);
}

async function expectResults(page: Page, lang: 'de' | 'en'): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/${lang}/search/\\?q=${QUERY}$`));
  const first = page.locator('.results li a').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await expect(first).toHaveAttribute('href', new RegExp(`^/${lang}/`));
}

for (const lang of ['de', 'en'] as const) {
  test(`${lang}: Tab reaches the search box, Enter searches, results appear`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    const presses = await tabTo(page, 'input[name="q"], textarea[name="q"]');
    expect(presses).toBeLessThan(10);
    await page.keyboard.type(QUERY);
    await page.keyboard.press('Enter');
    await expectResults(page, lang);
  });

  test(`${lang}: "/" focuses the search box, Enter searches, results appear`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    await page.keyboard.press('/');
    await expect(page.locator('input[name="q"]:focus, textarea[name="q"]:focus')).toHaveCount(1);
    await page.keyboard.type(QUERY);
    await page.keyboard.press('Enter');
    await expectResults(page, lang);
  });

  test(`${lang}: Tab reaches the troubleshooter link, Enter opens it`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    const href = TROUBLESHOOTER[lang];
    await expect(page.locator(`main a[href="${href}"]`)).toHaveCount(1);
    await tabTo(page, `a[href="${href}"]`);
    await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.title()).not.toMatch(/404|nicht gefunden|not found/i);
  });
}
