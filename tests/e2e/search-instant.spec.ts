/**
 * Instant answers: a pasted known message or error code shows its article from the instant-answer
 * map (/<lang>/search-map.json) before Pagefind has loaded. Pagefind's requests are held back (or
 * refused) here, and the answer must still appear; once Pagefind answers, its results follow.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PASTED = {
  en: {
    query:
      "C:\\Users\\anna>net use Z: \\\\NAS-1\\Fotos\r\nSystem error 1272 has occurred.\r\n\r\nYou can't access this shared folder because your organization's security policies block unauthenticated guest access.",
    article: '/en/symptoms/guest-access-blocked/',
  },
  de: {
    query:
      'Auf \\\\NAS-1\\Fotos kann nicht zugegriffen werden.\r\nFehlercode: 0x80070035\r\nDer Netzwerkpfad wurde nicht gefunden.',
    article: '/de/symptome/gastzugriff-blockiert/',
  },
} as const;

/** Holds every Pagefind request until release() is called; counts them. */
async function holdPagefind(page: Page) {
  const held: Route[] = [];
  let released = false;
  await page.route('**/pagefind/**', (route) => (released ? route.continue() : void held.push(route)));
  return {
    held,
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

test.describe.configure({ timeout: 90_000 });

for (const lang of ['de', 'en'] as const) {
  test(`${lang}: a pasted known message shows its article while Pagefind has not loaded`, async ({ page }) => {
    const pagefind = await holdPagefind(page);
    await page.goto(`/${lang}/search/?q=${encodeURIComponent(PASTED[lang].query)}`, { waitUntil: 'domcontentloaded' });
    const app = page.locator('#search-app');
    const first = page.locator('#search-app .results > li').first();
    await expect(first.locator('.result-title a')).toHaveAttribute('href', PASTED[lang].article);
    await expect(first.locator('.result-reason')).toBeVisible();
    await expect(app).toHaveAttribute('data-state', 'instant');
    // Pagefind was asked for (it starts with the page) but has answered nothing.
    expect(pagefind.held.length).toBeGreaterThan(0);
    await pagefind.release();
    await expect(app).toHaveAttribute('data-state', 'results', { timeout: 30_000 });
    await expect(first.locator('.result-title a')).toHaveAttribute('href', PASTED[lang].article);
    // Pagefind's text now gives the answer an excerpt.
    await expect(first.locator('.result-excerpt')).toBeVisible();
  });
}

test('every spelling of a code answers at once: 80070035, 0x800704F8, HRESULT as a decimal, NET HELPMSG', async ({
  page,
}) => {
  await holdPagefind(page);
  for (const [query, article] of [
    ['80070035', '/en/symptoms/guest-access-blocked/'],
    ['0x800704F8', '/en/symptoms/guest-access-blocked/'],
    ['-2147024843', '/en/symptoms/guest-access-blocked/'],
    ['NET HELPMSG 1326', '/en/symptoms/credentials-prompt-rejects-password/'],
    ['Systemfehler 1327', '/en/symptoms/blank-password-no-network-access/'],
  ]) {
    await page.goto(`/en/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#search-app .results > li .result-title a').first(), query).toHaveAttribute(
      'href',
      article,
    );
  }
});

test("the home page's box answers a pasted code before Pagefind has loaded", async ({ page }) => {
  await holdPagefind(page);
  await page.goto('/en/');
  await page.locator('main #q-main').fill('System error 1272 has occurred.');
  await expect(page.locator('#search-app .results > li .result-title a').first()).toHaveAttribute(
    'href',
    '/en/symptoms/guest-access-blocked/',
  );
  await expect(page.locator('#search-app')).toHaveAttribute('data-state', 'instant');
});

test.describe('when Pagefind cannot load', () => {
  // Refused requests show up as failed loads in the console; that is what this test is about.
  test.use({ allowedConsoleErrors: [/Failed to load resource|net::ERR_FAILED|Pagefind|pagefind/i] });

  test('the instant answer stays, and the status says the full search failed', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`/en/search/?q=${encodeURIComponent('0x80004005')}`);
    const app = page.locator('#search-app');
    await expect(app).toHaveAttribute('data-state', 'results', { timeout: 30_000 });
    await expect(page.locator('#search-app .results > li .result-title a').first()).toHaveAttribute(
      'href',
      '/en/symptoms/smb1-share-not-secure/',
    );
    await expect(page.locator('#search-app .status')).toContainText('could not be loaded');
  });
});
