/**
 * The built instant-answer maps (/<lang>/search-map.json): under 4 KB gzip each, as nginx sends
 * them, and complete: every code and wording of content/messages.yaml shown by an article answers
 * with that article, so new content is covered by the next build. The search page together with
 * its map stays within the page budget. DIST_DIR=<folder> checks another build.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { instantAnswer, type InstantMap } from '../../src/lib/instant-answers.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import { pagePath } from '../../src/model/routes.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import { BUDGET_BYTES, GZIP_LEVEL, htmlFileFor, weighPage } from '../../scripts/bench/weight.ts';
import { CONTENT_DIR, DIST_DIR } from '../../scripts/lib/paths.ts';

const MAX_MAP_BYTES = 4096;
const graph = buildGraph(readContent(CONTENT_DIR));

for (const lang of LANGS) {
  const file = join(DIST_DIR, lang, 'search-map.json');

  test(`${lang}: the instant-answer map is under ${MAX_MAP_BYTES} B gzip`, () => {
    assert.ok(existsSync(file), `${file} is missing: run npm run build first`);
    const size = gzipSync(readFileSync(file), { level: GZIP_LEVEL }).length;
    assert.ok(size < MAX_MAP_BYTES, `${lang}/search-map.json is ${size} B gzip`);
  });

  test(`${lang}: the search page and its map stay within ${BUDGET_BYTES} B`, () => {
    const page = weighPage(DIST_DIR, htmlFileFor(DIST_DIR, pagePath(lang, 'search')));
    const map = gzipSync(readFileSync(file), { level: GZIP_LEVEL }).length;
    assert.ok(page.total + map <= BUDGET_BYTES, `${page.total} B page + ${map} B map`);
  });

  test(`${lang}: every message's codes and wordings answer with the articles that show it`, () => {
    const map = JSON.parse(readFileSync(file, 'utf8')) as InstantMap;
    const problems: string[] = [];
    for (const message of graph.messages.values()) {
      const want = graph.symptomsWithMessage(message.id, lang).map((s) => s.slug);
      if (!want.length) continue;
      for (const text of [...message.codes, message.de.text, message.en.text]) {
        const got = instantAnswer(map, text).articles.map((a) => map.a[a.index][0]);
        for (const slug of want) if (!got.includes(slug)) problems.push(`${message.id}: "${text}" misses ${slug}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}
