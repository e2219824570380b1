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
