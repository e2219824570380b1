import { expect, test } from './fixtures.ts';

// The foundation's promise: both languages, a switch between them that keeps the page, and a
// search that puts the right article first.
test('German page, language switch to the same English page, and back', async ({ page }) => {
  await page.goto('/de/symptome/gastzugriff-blockiert/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('link', { name: 'This page in English' }).click();
  await expect(page).toHaveURL(/\/en\/symptoms\/guest-access-blocked\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Diese Seite auf Deutsch' }).click();
  await expect(page).toHaveURL(/\/de\/symptome\/gastzugriff-blockiert\/$/);
});

test('the bare domain offers both languages', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Deutsch' })).toHaveAttribute('href', '/de/');
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/');
  await context.close();
});

test('the bare domain sends an English browser to /en/', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await context.close();
});

for (const { lang, query, first } of [
  { lang: 'en', query: 'System error 1272 has occurred.', first: '/en/symptoms/guest-access-blocked/' },
  { lang: 'de', query: 'AllowInsecureGuestAuth', first: '/de/loesungen/unsichere-gastanmeldungen-erlauben/' },
]) {
  test(`search (${lang}) "${query}" ranks ${first} first`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    await page
      .getByRole('textbox', { name: lang === 'de' ? 'Nach Fehlermeldung suchen' : 'Search by error message' })
      .first()
      .fill(query);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${lang}/search/\\?q=`));
    const firstResult = page.locator('#search-app .results li a').first();
    await expect(firstResult).toHaveAttribute('href', first);
  });
}

test('a new search from the results page runs in place, and Back brings the previous one back', async ({ page }) => {
  await page.goto(`/en/search/?q=${encodeURIComponent('System error 1272')}`);
  const app = page.locator('#search-app');
  const first = page.locator('#search-app .results li a').first();
  await expect(first).toHaveAttribute('href', '/en/symptoms/guest-access-blocked/');
  // A marker on the window survives only if the page is not loaded again.
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  const box = page.getByRole('textbox', { name: 'Search by error message' }).last();
  await box.fill('AllowInsecureGuestAuth');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/en\/search\/\?q=AllowInsecureGuestAuth$/);
  await expect(first).toHaveAttribute('href', '/en/fixes/allow-insecure-guest-logons/');
  await expect(app).toHaveAttribute('data-state', 'results');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=System%20error%201272$/);
  await expect(box).toHaveValue('System error 1272');
  await expect(first).toHaveAttribute('href', '/en/symptoms/guest-access-blocked/');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});
