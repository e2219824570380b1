/**
 * The search page ranks with the number of pages in its language's index (how rare a word is),
 * told at build time in the page's search configuration (<script type="application/json"
 * id="search-config">, src/lib/search-config.ts) rather than asked of Pagefind at every search.
 * That number must be the index's own. DIST_DIR=<folder> checks another build.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LANGS } from '../../src/model/schemas/common.ts';
import { pagePath } from '../../src/model/routes.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';

const dist = DIST_DIR;
const entryFile = join(dist, 'pagefind', 'pagefind-entry.json');

for (const lang of LANGS)
  test(`${lang}: the search page's page count is the ${lang} index's`, () => {
    assert.ok(existsSync(entryFile), `${entryFile} is missing: run npm run build first`);
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> };
    const html = readFileSync(join(dist, pagePath(lang, 'search'), 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="search-config">([^<]*)<\/script>/.exec(html)?.[1];
    assert.ok(json, `${pagePath(lang, 'search')}: no search configuration (script#search-config)`);
    const told = (JSON.parse(json) as { pages?: number }).pages;
    assert.ok(told, `${pagePath(lang, 'search')}: the search configuration has no page count`);
    assert.equal(
      Number(told),
      entry.languages[lang]?.page_count,
      `${pagePath(lang, 'search')} says ${told} pages, the Pagefind index of ${lang} has ${entry.languages[lang]?.page_count}: index only the articles (data-pagefind-body), or count what is indexed`,
    );
  });
