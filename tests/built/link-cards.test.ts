/**
 * Link cards in the built site (run after `npm run build`; DIST_DIR checks another build): every
 * article page names an og:image whose file exists and is a 1200x630 PNG of at most 100 KB, with
 * its size, alt text and a large Twitter card; every other page names an existing card too. One card
 * per language is compared with a stored picture (tests/built/cards/), so a change of font, layout
 * or renderer is seen; UPDATE_CARDS=1 stores the current ones after a wanted change.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'htmlparser2';
import { PNG } from 'pngjs';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/lib/link-card.ts';
import { readContent } from '../../src/model/read.ts';
import { articlePath } from '../../src/model/routes.ts';
import { CONTENT_DIR, DIST_DIR } from '../../scripts/lib/paths.ts';

const MAX_BYTES = 100 * 1024;
const REFERENCES = { de: 'freigabe-netzwerkfehler', en: 'allow-insecure-guest-logons' } as const;
const REFERENCE_DIR = join(import.meta.dirname, 'cards');

type DomNode = { type: string; name?: string; attribs?: Record<string, string>; children?: DomNode[] };
function metas(file: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: DomNode) => {
    if (node.type === 'tag' && node.name === 'meta') {
      const key = node.attribs?.property ?? node.attribs?.name;
      if (key) found.set(key, node.attribs?.content ?? '');
    }
    (node.children ?? []).forEach(walk);
  };
  walk(parseDocument(readFileSync(file, 'utf8')) as unknown as DomNode);
  return found;
}

function htmlFileOf(path: string): string {
  return join(DIST_DIR, path.endsWith('/') ? `${path}index.html` : path);
}

/** The card file an og:image address names, checked: exists, PNG, 1200x630, at most 100 KB. */
function checkedCard(image: string, page: string): string {
  const url = new URL(image);
  assert.equal(url.protocol, 'https:', `${page}: og:image ${image} is not an absolute https address`);
  const file = join(DIST_DIR, url.pathname);
  assert.ok(existsSync(file), `${page}: og:image ${url.pathname} was not built`);
  const bytes = readFileSync(file);
  assert.ok(bytes.length <= MAX_BYTES, `${page}: ${url.pathname} has ${bytes.length} B, over ${MAX_BYTES} B`);
  const png = PNG.sync.read(bytes);
  assert.deepEqual([png.width, png.height], [CARD_WIDTH, CARD_HEIGHT], `${page}: ${url.pathname} size`);
  return file;
}

test('every article page has an og:image: an existing PNG of 1200x630 and at most 100 KB', (t) => {
  assert.ok(existsSync(join(DIST_DIR, 'index.html')), `${DIST_DIR} not built: run "npm run build" first`);
  const content = readContent(CONTENT_DIR);
  let largest = 0;
  for (const a of content.articles) {
    const page = articlePath(a.data.lang, a.kind, a.slug);
    const meta = metas(htmlFileOf(page));
    const image = meta.get('og:image');
    assert.ok(image, `${page} has no og:image`);
    largest = Math.max(largest, statSync(checkedCard(image, page)).size);
    assert.equal(meta.get('og:image:width'), String(CARD_WIDTH), page);
    assert.equal(meta.get('og:image:height'), String(CARD_HEIGHT), page);
    assert.ok((meta.get('og:image:alt') ?? '').includes(a.data.title), `${page}: og:image:alt does not name the title`);
    assert.equal(meta.get('twitter:card'), 'summary_large_image', page);
  }
  t.diagnostic(`${content.articles.length} article cards, largest ${largest} B`);
});

test('every other page names an existing card too', () => {
  const pages = readdirSync(DIST_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  let checked = 0;
  for (const file of pages) {
    const meta = metas(join(DIST_DIR, file));
    // The short-link pages are bare redirects (meta refresh), not pages a forum would preview; the
    // bare domain's language chooser (src/pages/index.astro) has its own head, without Base.astro.
    if ((file.startsWith('kb/') && file !== 'kb/index.html') || file === 'index.html') continue;
    const image = meta.get('og:image');
    assert.ok(image, `${file} has no og:image`);
    checkedCard(image, file);
    checked++;
  }
  assert.ok(checked > 20, `only ${checked} pages checked`);
});

test('one card per language looks as stored (German umlauts and typographic quotes included)', () => {
  for (const [lang, id] of Object.entries(REFERENCES)) {
    const built = join(DIST_DIR, 'cards', lang, `${id}.png`);
    const stored = join(REFERENCE_DIR, `${lang}-${id}.png`);
    if (process.env.UPDATE_CARDS) copyFileSync(built, stored);
    assert.ok(existsSync(stored), `${stored} missing: run with UPDATE_CARDS=1 after checking the card by eye`);
    const a = PNG.sync.read(readFileSync(built));
    const b = PNG.sync.read(readFileSync(stored));
    assert.deepEqual([a.width, a.height], [b.width, b.height]);
    let differing = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      const delta = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(a.data[i + c] - b.data[i + c])));
      if (delta > 24) differing++;
    }
    const share = differing / (a.width * a.height);
    // Antialiasing may differ by a few pixels between machines; a changed text or font moves thousands.
    assert.ok(share < 0.002, `${lang} card ${id}: ${(share * 100).toFixed(2)} % of pixels differ from ${stored}`);
  }
});
