/**
 * Accessibility gate: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, in the light and the dark
 * theme, on every page the site has once (home, indexes, sources, search, 404 …) and on a sample of
 * the pages it has many of (articles, symptom maps, paged lists): ARTICLES_PER_KIND per kind and
 * language, spread over the list, plus each kind's longest page. Pages of one template differ
 * only in their text, which html-validate checks on every page (tests/built/html.test.ts); the
 * sample keeps this gate's time flat however large the knowledge base grows.
 * Any violation fails with the rule, the elements and how to fix it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { WCAG_TAGS, axeViolations } from './helpers.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';

const dist = DIST_DIR;

const ARTICLES_PER_KIND = 6;

/**
 * The template a path belongs to: its first two segments for articles and maps
 * (/en/fixes/…, /de/graph/…), the whole path for pages the site has once.
 */
function templateOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 3 ? `/${parts[0]}/${parts[1]}/*` : path;
}

/** Pages to check: every one-off page, and a spread sample plus the longest page of each template. */
export function pagesToCheck(): string[] {
  const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  if (fromSitemap.length < 10) throw new Error(`a11y: only ${fromSitemap.length} pages in ${dist}/sitemap.xml`);
  const extra = ['/', '/404.html', '/de/404/', '/en/404/', '/de/search/', '/en/search/', '/kb/'];
  const groups = new Map<string, string[]>();
  for (const path of fromSitemap) groups.set(templateOf(path), [...(groups.get(templateOf(path)) ?? []), path]);
  const size = (path: string) => statSync(join(dist, path, 'index.html')).size;
  const sample = [...groups.values()].flatMap((paths) => {
    if (paths.length <= ARTICLES_PER_KIND) return paths;
    const step = paths.length / ARTICLES_PER_KIND;
    const spread = Array.from({ length: ARTICLES_PER_KIND }, (_, i) => paths[Math.floor(i * step)]);
    const longest = paths.reduce((a, b) => (size(b) > size(a) ? b : a));
    return [...spread, longest];
  });
  return [...new Set([...extra, ...sample])];
}

/** Search pages with results: the results list is rendered by script, so axe must see it too. */
const SEARCHES = [
  { path: '/en/search/?q=0x80070035', lang: 'en' },
  { path: '/de/search/?q=0x80070035', lang: 'de' },
];

const pages = pagesToCheck();
if (!process.env.TEST_WORKER_INDEX) {
  console.log(
    `a11y: checking ${pages.length + SEARCHES.length} pages (${pages.length} from ${dist}, ${SEARCHES.length} searches with results) in 2 colour schemes against ${WCAG_TAGS.join(', ')}`,
  );
}

// The bare domain forwards a German or English browser; a French one stays and is checked.
test.use({ locale: 'fr-FR' });
// Two full axe runs per page take seconds each on a busy machine.
test.describe.configure({ timeout: 120_000 });

pages.forEach((path, index) => {
  test(`a11y ${index + 1}/${pages.length} ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers`).toBe(200);
    expect(await axeViolations(page), `axe violations on ${path}`).toEqual([]);
  });
});

for (const { path, lang } of SEARCHES) {
  test(`a11y search results ${lang}: ${path}`, async ({ page }) => {
    await page.goto(path);
    // Pagefind loads its index and WebAssembly first: slow on a busy machine.
    await expect(page.locator('.results li').first()).toBeVisible({ timeout: 30_000 });
    expect(await axeViolations(page), `axe violations on ${path}`).toEqual([]);
  });
}
