/**
 * Every outside fact checkable: on the built sources pages each reference is linked by an address
 * on one of the documentation hosts, or says why it has none; no page links a source elsewhere.
 * The checks are plain functions, so planted defects prove they fail.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { pagePath } from '../../src/model/routes.ts';
import { LANGS, type Lang } from '../../src/model/langs.ts';
import { readContent } from '../../src/model/read.ts';
import { REFERENCE_HOSTS, type Reference } from '../../src/model/schemas/reference.ts';
import { CONTENT_DIR, DIST_DIR } from '../../scripts/lib/paths.ts';

const references = readContent(CONTENT_DIR).references;

const hasClass = (name: string) => (el: { attribs: Record<string, string> }) =>
  el.attribs.class?.split(/\s+/).includes(name) ?? false;

/** Links to outside sources (rel="external") whose address is not https on a documentation host. */
export function foreignSourceLinks(html: string): string[] {
  return DomUtils.findAll(
    (el) => el.name === 'a' && /\bexternal\b/.test(el.attribs.rel ?? ''),
    parseDocument(html).children,
  )
    .map((a) => a.attribs.href ?? '')
    .filter((href) => {
      try {
        const url = new URL(href);
        return url.protocol !== 'https:' || !(REFERENCE_HOSTS as readonly string[]).includes(url.hostname);
      } catch {
        return true;
      }
    });
}

/** Problems of a built sources page: each reference listed, and linked or with its reason. */
export function sourcesPageProblems(html: string, refs: Reference[], lang: Lang): string[] {
  const document = parseDocument(html);
  const list = DomUtils.findOne((el) => el.name === 'ul' && hasClass('references')(el), document.children);
  if (!list) return ['no list of references (ul.references) on the page'];
  const items = DomUtils.getChildren(list).filter((node) => 'name' in node && node.name === 'li');
  const problems: string[] = [];
  for (const ref of refs) {
    const item = items.find((li) => 'attribs' in li && li.attribs.id === `ref-${ref.id}`);
    if (!item) {
      problems.push(`${ref.id}: not listed`);
      continue;
    }
    const link = DomUtils.findOne((el) => el.name === 'a', [item]);
    const text = DomUtils.textContent(item).replace(/\s+/g, ' ');
    if (!link && !(ref.noLink && text.includes(ref.noLink[lang])))
      problems.push(`${ref.id}: neither a link nor the reason why there is none`);
  }
  return problems;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

describe('references on the built site', () => {
  for (const lang of LANGS)
    it(`${lang}: the sources page lists every reference, linked or with the reason it has no link`, () => {
      const file = join(DIST_DIR, pagePath(lang, 'sources'), 'index.html');
      assert.ok(existsSync(file), `${file} not found: run "npm run build" first`);
      assert.deepEqual(sourcesPageProblems(readFileSync(file, 'utf8'), references, lang), []);
    });

  it('no page links an outside source on a host outside the documentation hosts', () => {
    const problems = htmlFiles(DIST_DIR).flatMap((file) =>
      foreignSourceLinks(readFileSync(file, 'utf8')).map((href) => `${file}: ${href}`),
    );
    assert.deepEqual(problems, []);
  });
});

describe('the reference checks catch planted defects', () => {
  const ref = (extra: Partial<Reference>): Reference => ({
    id: 'x',
    title: 'A document',
    publisher: 'Microsoft',
    checkedFor: ['Windows 11 24H2'],
    ...extra,
  });
  const page = (item: string) => `<ul class="references">${item}</ul>`;

  it('a reference with neither link nor reason', () => {
    assert.deepEqual(
      sourcesPageProblems(page('<li id="ref-x">Microsoft: <cite>A document</cite></li>'), [ref({})], 'en'),
      ['x: neither a link nor the reason why there is none'],
    );
  });
  it('a reference missing from the list', () => {
    assert.deepEqual(sourcesPageProblems(page(''), [ref({})], 'en'), ['x: not listed']);
  });
  it('a reason is enough where there is no link', () => {
    const noLink = { de: 'Kein Link.', en: 'No address was found.' };
    assert.deepEqual(
      sourcesPageProblems(
        page('<li id="ref-x">Microsoft: A document · No address was found.</li>'),
        [ref({ noLink })],
        'en',
      ),
      [],
    );
  });
  it('a link to a forum, to plain http or to a look-alike host', () => {
    const html = [
      '<a rel="external" href="https://www.borncity.com/blog/">blog</a>',
      '<a rel="external" href="http://learn.microsoft.com/x">http</a>',
      '<a rel="external" href="https://learn.microsoft.com.evil.example/x">look-alike</a>',
      '<a rel="external" href="https://learn.microsoft.com/x">fine</a>',
    ].join('');
    assert.deepEqual(foreignSourceLinks(html), [
      'https://www.borncity.com/blog/',
      'http://learn.microsoft.com/x',
      'https://learn.microsoft.com.evil.example/x',
    ]);
  });
});
