/**
 * Search as you type: on the search page and in the home page's box the results follow the box
 * without Enter, the address follows the box (?q=), and Back brings the previous query and its
 * results back. Enter in the home page's box still leads to the search page.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const FINAL = /^(results|related|empty|error)$/;

async function settled(page: Page, query: string): Promise<void> {
  const app = page.locator('#search-app');
  await expect(app).toHaveAttribute('data-query', query, { timeout: 30_000 });
  await expect(app).toHaveAttribute('data-state', FINAL, { timeout: 30_000 });
}

// Loading Pagefind on a busy machine can take seconds; the searches themselves are quick.
test.describe.configure({ timeout: 90_000 });

test('search page: typing shows results without Enter, and the address follows the box', async ({ page }) => {
  await page.goto('/en/search/');
  const box = page.locator('#q-main');
  await box.pressSequentially('guest', { delay: 80 });
  await settled(page, 'guest');
  await expect(page.locator('#search-app')).toHaveAttribute('data-state', 'results');
  await expect(page.locator('#search-app .results > li').first()).toBeVisible();
  await expect(page).toHaveURL(/\/en\/search\/\?q=guest$/);
  // More letters narrow it down in place: no page load.
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  await box.pressSequentially(' logons', { delay: 80 });
  await settled(page, 'guest logons');
  await expect(page).toHaveURL(/\?q=guest%20logons$/);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});

test('search page: one or two letters are no search, a third one is', async ({ page }) => {
  await page.goto('/de/search/');
  const box = page.locator('#q-main');
  await box.pressSequentially('ga', { delay: 80 });
  await settled(page, 'ga');
  await expect(page.locator('#search-app .results > li')).toHaveCount(0);
  await box.pressSequentially('s', { delay: 80 });
  await settled(page, 'gas');
  await expect(page.locator('#search-app .results > li').first()).toBeVisible();
});

test('search page: Back restores the previous query and its results, Forward the next', async ({ page }) => {
  await page.goto(`/en/search/?q=${encodeURIComponent('System error 1272')}`);
  const first = page.locator('#search-app .results > li .result-title a').first();
  await expect(first).toHaveAttribute('href', '/en/symptoms/guest-access-blocked/');
  const box = page.locator('#q-main');
  await box.fill('');
  await box.pressSequentially('LocalAccountTokenFilterPolicy', { delay: 20 });
  await settled(page, 'LocalAccountTokenFilterPolicy');
  await expect(first).toHaveAttribute('href', '/en/fixes/local-account-token-filter-policy/');
  await page.goBack();
  await expect(page).toHaveURL(/\?q=System%20error%201272$/);
  await expect(box).toHaveValue('System error 1272');
  await settled(page, 'System error 1272');
  await expect(first).toHaveAttribute('href', '/en/symptoms/guest-access-blocked/');
  await page.goForward();
  await expect(box).toHaveValue('LocalAccountTokenFilterPolicy');
  await settled(page, 'LocalAccountTokenFilterPolicy');
  await expect(first).toHaveAttribute('href', '/en/fixes/local-account-token-filter-policy/');
});

test('search page: a pause in typing starts a new history entry, continuous typing does not', async ({ page }) => {
  await page.goto('/en/search/');
  const box = page.locator('#q-main');
  const length = () => page.evaluate(() => history.length);
  const start = await length();
  await box.pressSequentially('smb1', { delay: 60 });
  await settled(page, 'smb1');
  expect(await length()).toBe(start + 1);
  await page.waitForTimeout(1300);
  await box.pressSequentially(' nas', { delay: 60 });
  await settled(page, 'smb1 nas');
  expect(await length()).toBe(start + 2);
  await page.goBack();
  await expect(box).toHaveValue('smb1');
});

for (const lang of ['de', 'en'] as const) {
  test(`${lang} home page: the box shows results while typing, Enter leads to the search page`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    const box = page.locator('main #q-main');
    await box.pressSequentially('SMB1', { delay: 80 });
    await settled(page, 'SMB1');
    await expect(page.locator('#search-app .results > li').first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${lang}/\\?q=SMB1$`));
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${lang}/search/\\?q=SMB1$`));
    await settled(page, 'SMB1');
    await expect(page.locator('#search-app .results > li').first()).toBeVisible();
    // Back to the home page: its box and results come back with the address.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/${lang}/\\?q=SMB1$`));
    await expect(page.locator('main #q-main')).toHaveValue('SMB1');
    await settled(page, 'SMB1');
  });
}

test('home page: nothing of the search loads before the reader uses the box', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/en/');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.startsWith('/pagefind/') || path.endsWith('search-map.json'))).toEqual([]);
  await page.locator('main #q-main').focus();
  await expect.poll(() => fetched.some((path) => path.endsWith('/en/search-map.json'))).toBe(true);
  await expect.poll(() => fetched.some((path) => path.startsWith('/pagefind/'))).toBe(true);
});

test('search page: its one box takes Enter in place, and the header has no second box', async ({ page }) => {
  await page.goto('/en/search/?q=guest');
  await settled(page, 'guest');
  await expect(page.getByRole('search')).toHaveCount(1);
  await expect(page.locator('#q-header')).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  const box = page.locator('#q-main');
  await box.fill('SMB1');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/en\/search\/\?q=SMB1$/);
  await settled(page, 'SMB1');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});
