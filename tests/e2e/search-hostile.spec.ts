/**
 * Hostile, odd and nonsense input on the search page (?q=...).
 * - Hostile: a 5,000-character paste, quotes, backslashes, markup, emoji and control characters.
 *   Each must end in results, "maybe related" or the clear "nothing found" message, with nothing
 *   from the query turned into markup.
 * - Nonsense (random letters, another language, an unknown error code, emoji, one letter, digits,
 *   a URL, a file path, markup, a long paste, a known word in the wrong context): no result may
 *   claim to answer it; it ends in "no article covers this", at most with "maybe related" links,
 *   and the link to the list of error messages.
 * No console error and no page error in any of them (the fixture fails the test on either).
 * Without JavaScript the search form still leads to a page that offers the list of error messages.
 */
import type { Page } from '@playwright/test';
import { pagePath } from '../../src/model/routes.ts';
import { MAX_QUERY_LENGTH } from '../../src/lib/search-query.ts';
import { expect, test } from './fixtures.ts';

const LONG = ('Windows cannot access \\\\NAS-1\\Fotos "Error code: 0x80070035" ' + 'ä'.repeat(37) + '\r\n')
  .repeat(60)
  .slice(0, 5000);

const HOSTILE: [name: string, query: string][] = [
  ['a 5,000-character paste', LONG],
  ['quotes', `"'„“”‚‘’«»\`"'"`],
  ['backslashes', '\\\\\\\\\\\\ \\ \\\\\\\\NAS\\\\ \\"'],
  ['a script element', '<script>alert(1)</script>'],
  ['an image with onerror', '<img src=x onerror=alert(1)>'],
  ['markup around a real code', '<b onmouseover=alert(1)>0x80070035</b><svg onload=alert(1)>'],
  ['emoji', '🙂🔥💾 NAS 🙂'],
  ['control characters', 'System\u0000error\u0007 1272\u001b[31m\u0008\u007f\u200b\ufeff'],
  ['only punctuation', '!!! ??? ... --- ***'],
  ['a lone percent sign', '%'],
];

/** Waits for the search to finish; returns its state. */
async function finished(page: Page): Promise<string> {
  const app = page.locator('#search-app');
  await expect(app).toHaveAttribute('data-state', /^(results|related|empty)$/, { timeout: 30_000 });
  return (await app.getAttribute('data-state'))!;
}

const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ';

// Per language: what no article covers. The unknown codes are real Windows codes the site has no
// article for (system error 1792, ERROR_NETLOGON_NOT_STARTED, and 0x80070070, the HRESULT of
// ERROR_DISK_FULL); system error 5 was one until the site covered it.
const NONSENSE: Record<'de' | 'en', [name: string, query: string][]> = {
  en: [
    ['random letters', 'asdfqwer'],
    ['more random letters', 'blablub'],
    ['a word no article has', 'bluetooth'],
    ['a word in another language', 'salasana unohtui'],
    ['an unknown error code', 'System error 1792 has occurred.'],
    ['an unknown HRESULT', '0x80070070'],
    ['emoji', '🙂🔥💾'],
    ['one letter', 'a'],
    ['digits only', '4711'],
    ['a URL', 'https://example.com/some/page?x=1'],
    ['a file path', 'C:\\Users\\anna\\Documents\\Urlaub-2024.docx'],
    ['markup', '<div class="x"><p>hello world</p></div>'],
    ['a very long paste', LOREM.repeat(50)],
    ['a known word in the wrong context', 'share my chocolate cake recipe'],
  ],
  de: [
    ['random letters', 'asdfqwer'],
    ['more random letters', 'blablub'],
    ['a word no article has', 'Bluetooth'],
    ['a word in another language', 'salasana unohtui'],
    ['an unknown error code', 'Systemfehler 1792 aufgetreten.'],
    ['an unknown HRESULT', '0x80070070'],
    ['emoji', '🙂🔥💾'],
    ['one letter', 'ä'],
    ['digits only', '4711'],
    ['a URL', 'https://example.com/some/page?x=1'],
    ['a file path', 'C:\\Users\\anna\\Documents\\Urlaub-2024.docx'],
    ['markup', '<div class="x"><p>hallo welt</p></div>'],
    ['a very long paste', LOREM.repeat(50)],
    ['a known word in the wrong context', 'Kennwort für Online-Banking vergessen'],
  ],
};

// Loading Pagefind on a busy machine can take seconds; the searches themselves are quick.
test.describe.configure({ timeout: 90_000 });

for (const lang of ['de', 'en'] as const) {
  test.describe(`search page ${lang} with hostile input`, () => {
    for (const [name, query] of HOSTILE) {
      test(name, async ({ page }) => {
        const dialogs: string[] = [];
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
        await page.goto(`/${lang}/search/?q=${encodeURIComponent(query)}`);
        const state = await finished(page);
        if (state === 'results') await expect(page.locator('#search-app .results > li').first()).toBeVisible();
        else if (state === 'related') await expect(page.locator('#search-app .related > li').first()).toBeVisible();
        else {
          await expect(page.locator('#search-app .nothing')).toBeVisible();
          await expect(page.locator('#search-app .nothing a')).toHaveAttribute('href', pagePath(lang, 'messages'));
        }
        // Nothing of the query became an element: no script, image, svg or bold tag in the search
        // area, no event handler attribute anywhere on the page, and no alert.
        const injected = await page.evaluate(() => ({
          elements: [
            ...document.querySelectorAll('#search-app script, #search-app img, #search-app svg, #search-app b'),
          ].map((el) => el.outerHTML),
          handlers: [...document.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
          ),
          scripts: [...document.scripts]
            .filter((s) => !s.src && !['application/ld+json', 'application/json'].includes(s.type))
            .map((s) => s.outerHTML),
        }));
        expect(injected).toEqual({ elements: [], handlers: [], scripts: [] });
        expect(dialogs).toEqual([]);
        // The reader's text is back in the search box, as text (control characters aside, which
        // the browser may drop from a textarea).
        // eslint-disable-next-line no-control-regex
        const visible = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, '');
        expect(visible(await page.locator('#q-main').inputValue())).toBe(visible(query));
      });
    }

    for (const [name, query] of NONSENSE[lang])
      test(`nonsense: ${name} is answered honestly`, async ({ page }) => {
        await page.goto(`/${lang}/search/?q=${encodeURIComponent(query)}`);
        const state = await finished(page);
        expect(state, `${JSON.stringify(query).slice(0, 60)} ended in ${state}`).toMatch(/^(related|empty)$/);
        await expect(page.locator('#search-app .results > li')).toHaveCount(0);
        const nothing = page.locator('#search-app .nothing');
        await expect(nothing).toBeVisible();
        await expect(nothing.locator('a')).toHaveAttribute('href', pagePath(lang, 'messages'));
        if (state === 'related') expect(await page.locator('#search-app .related > li').count()).toBeLessThanOrEqual(5);
      });

    test('results excerpts mark the matches and nothing else', async ({ page }) => {
      await page.goto(`/${lang}/search/?q=${encodeURIComponent('0x80070035 <mark>x</mark>')}`);
      expect(await finished(page)).toBe('results');
      const first = page.locator('#search-app .results > li').first();
      await expect(first.locator('.result-excerpt mark').first()).toHaveText(/0x80070035/i);
      // Only <mark> inside excerpts, never other elements.
      expect(await page.locator('#search-app .result-excerpt *:not(mark)').count()).toBe(0);
    });
  });

  test(`${lang}: a 5,000-character paste into the home page's box is cut to what the search reads`, async ({
    page,
  }) => {
    await page.goto(`/${lang}/`);
    const box = page.locator('#q-main');
    await box.click();
    await page.keyboard.insertText(LONG);
    expect((await box.inputValue()).length).toBe(MAX_QUERY_LENGTH);
    await page.locator('main form[role="search"] button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/search/\\?q=`));
    expect(await finished(page)).toBe('results');
    // Submitting turns each line break into CR LF; the box held MAX_QUERY_LENGTH characters.
    expect(new URL(page.url()).searchParams.get('q')?.replaceAll('\r\n', '\n')).toHaveLength(MAX_QUERY_LENGTH);
  });

  test(`${lang}: without JavaScript the search form leads to a page that offers the error messages`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${lang}/`);
    // The home page's one box is a textarea: without JavaScript Enter adds a line, the button sends.
    const form = page.getByRole('search');
    await form.locator('textarea[name="q"]').fill('0x80070035');
    await form.getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/search/\\?q=0x80070035$`));
    const messages = pagePath(lang, 'messages');
    const link = page.locator(`main a[href="${messages}"]:visible`);
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${messages}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  });
}
