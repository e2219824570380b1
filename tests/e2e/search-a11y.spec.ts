/**
 * Accessibility of what the search draws by script, once it has finished: full-text results with
 * badges and excerpts, an honest "no article covers this" with "maybe related" links, and the
 * home page's box with results under it. axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, light
 * and dark theme (as tests/e2e/a11y.spec.ts does for every page).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
    for (const v of result.violations)
      found.push(`${colorScheme}: ${v.id} ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  return found;
}

test.describe.configure({ timeout: 90_000 });

for (const [path, state] of [
  ['/en/search/?q=guest%20logons', 'results'],
  ['/de/search/?q=0x80070035%20NAS', 'results'],
  ['/en/search/?q=share%20my%20chocolate%20cake%20recipe', 'related'],
  ['/de/search/?q=System%20error%201792', 'empty'],
  ['/en/?q=SMB1', 'results'],
] as const)
  test(`a11y of the finished search: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('#search-app')).toHaveAttribute('data-state', state, { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
  });
