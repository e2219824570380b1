/**
 * Byte budgets of the built site (run after `npm run build`; DIST_DIR and CONTENT_DIR point it at
 * another build). Every article page, and the home, search, troubleshooter, graph and messages
 * pages, must deliver HTML + CSS + JavaScript loaded before the reader acts within 14 KiB, each
 * file gzipped the way nginx sends it (level from deploy/nginx.conf, nginx default 1; see
 * scripts/bench/weight.ts). Pagefind is not counted: it loads when a search starts, and no page
 * may reference it earlier. Reading needs no JavaScript: the article text is in the HTML.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { mdxToMdast } from 'satteri';
import { buildGraph } from '../../src/model/graph.ts';
import { pagePath, type PageName } from '../../src/model/routes.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import {
  BUDGET_BYTES,
  GZIP_LEVEL,
  describe,
  htmlFileFor,
  htmlFiles,
  weighPage,
  type PageWeight,
} from '../../scripts/bench/weight.ts';
import { readContent } from '../../src/model/read.ts';
import { CONTENT_DIR, DIST_DIR } from '../../scripts/lib/paths.ts';

const DIST = DIST_DIR;
const CONTENT = CONTENT_DIR;
const BUILT = existsSync(join(DIST, 'index.html'));
const NOT_BUILT = `${DIST}/index.html not found: run "npm run build" first`;

const content = readContent(CONTENT);
const graph = buildGraph(content);
const articles = LANGS.flatMap((lang) => graph.all(lang)).map((node) => ({
  ...node,
  body: content.bodies.get(node.id) ?? '',
}));

function overBudget(weights: PageWeight[]): string[] {
  return weights
    .filter((w) => w.total > BUDGET_BYTES)
    .map((w) => `${describe(w)} is over the budget of ${BUDGET_BYTES} B by ${w.total - BUDGET_BYTES} B`);
}

const largest = (weights: PageWeight[]) => weights.reduce((a, b) => (b.total > a.total ? b : a));

test(`every article page loads at most ${BUDGET_BYTES} B (gzip -${GZIP_LEVEL}) of HTML, CSS and JS`, (t) => {
  assert.ok(BUILT, NOT_BUILT);
  assert.ok(articles.length > 0, `no articles found in ${CONTENT}`);
  const weights = articles.map((a) => {
    const file = htmlFileFor(DIST, a.url);
    assert.ok(existsSync(file), `${a.filePath}: its page ${a.url} was not built`);
    return weighPage(DIST, file);
  });
  const top = largest(weights);
  t.diagnostic(`${weights.length} article pages; largest ${describe(top)}`);
  assert.deepEqual(overBudget(weights), []);
});

const PAGES: PageName[] = ['home', 'search', 'troubleshooter', 'graph', 'messages'];
for (const name of PAGES)
  for (const lang of LANGS) {
    const url = pagePath(lang, name);
    const file = htmlFileFor(DIST, url);
    // A page another issue has not delivered yet is reported as skipped, never silently passed.
    const skip = BUILT && !existsSync(file) ? `${url} is not built (page not written yet)` : false;
    test(`${url} loads at most ${BUDGET_BYTES} B (gzip -${GZIP_LEVEL}) of HTML, CSS and JS`, { skip }, (t) => {
      assert.ok(BUILT, NOT_BUILT);
      const weight = weighPage(DIST, file);
      t.diagnostic(describe(weight));
      assert.deepEqual(overBudget([weight]), []);
    });
  }

test(`every page of the site (all HTML files: indexes, sources, troubleshooter, 404) loads at most ${BUDGET_BYTES} B`, (t) => {
  assert.ok(BUILT, NOT_BUILT);
  const weights = htmlFiles(DIST).map((f) => weighPage(DIST, f));
  const top = largest(weights);
  t.diagnostic(`largest of ${weights.length} pages: ${describe(top)}`);
  console.log(`largest page: ${describe(top)}`);
  assert.deepEqual(overBudget(weights), []);
});

test('no page loads or links Pagefind before a search starts', () => {
  assert.ok(BUILT, NOT_BUILT);
  const problems: string[] = [];
  for (const file of htmlFiles(DIST)) {
    const weight = weighPage(DIST, file);
    for (const ref of weight.references)
      if (/(^|\/)pagefind\//.test(new URL(ref, `http://site.invalid${weight.page}`).pathname))
        problems.push(`${weight.page}: references ${ref} in a <script src> or <link href>`);
    for (const asset of weight.assets)
      if (asset.url.startsWith('/pagefind/')) problems.push(`${weight.page}: loads ${asset.url} on page load`);
  }
  assert.deepEqual(problems, []);
});

/** Letters and digits only, so typographic quotes and dashes from the Markdown renderer do not matter. */
function words(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text of a built page's article body (the MDX part), without the citation labels. */
function bodyText(html: string): string {
  const document = parseDocument(html);
  const body = DomUtils.findOne(
    (el) => el.name === 'div' && el.attribs.class?.split(' ').includes('body'),
    document.children,
  );
  if (!body) return '';
  DomUtils.findAll((el) => el.attribs.class?.split(' ').includes('cite') ?? false, [body]).forEach((el) =>
    DomUtils.removeElement(el),
  );
  return DomUtils.textContent(body);
}

interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}

/** The text of the first paragraph of an MDX body, read with the MDX parser the build uses; components such as <Cite> left out. */
function firstParagraph(body: string): string {
  const root = mdxToMdast(body) as unknown as MdastNode;
  const paragraph = root.children?.find((node) => node.type === 'paragraph');
  const text = (node: MdastNode): string =>
    node.type === 'mdxJsxTextElement' ? '' : (node.value ?? '') + (node.children ?? []).map(text).join('');
  return paragraph ? text(paragraph) : '';
}

test('every article can be read without JavaScript: title and first paragraph are in the HTML', () => {
  assert.ok(BUILT, NOT_BUILT);
  const problems: string[] = [];
  for (const article of articles) {
    const file = htmlFileFor(DIST, article.url);
    if (!existsSync(file)) {
      problems.push(`${article.url}: not built`);
      continue;
    }
    const html = readFileSync(file, 'utf8');
    const text = words(bodyText(html));
    const paragraph = words(firstParagraph(article.body)).split(' ').slice(0, 30).join(' ');
    if (!paragraph) problems.push(`${article.filePath}: no prose paragraph found to look for`);
    else if (!text.includes(paragraph))
      problems.push(`${article.url}: the first paragraph of ${article.filePath} is not in the HTML`);
    if (!words(DomUtils.textContent(parseDocument(html))).includes(words(article.data.title)))
      problems.push(`${article.url}: the title "${article.data.title}" is not in the HTML`);
  }
  assert.deepEqual(problems, []);
});
