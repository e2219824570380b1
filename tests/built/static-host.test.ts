/**
 * The `_redirects` and `_headers` files the build wrote (DIST_DIR checks another build) are what
 * deploy/static-host.ts generates for this build's short links, and Netlify's redirect engine sends
 * every short link, in each form a forum leaves it, to its article (tests/unit/static-host.test.ts
 * runs Cloudflare's code and the letter-case fallback on the same generator).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHORT_LINK_SUFFIXES } from '../../deploy/redirects.ts';
import { renderHeadersFile, renderRedirectsFile } from '../../deploy/static-host.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';
import { netlifyMatch, netlifyMatcher } from '../netlify.ts';

const read = (name: string) => {
  const file = join(DIST_DIR, name);
  assert.ok(existsSync(file), `${file} not built: run "npm run build" first`);
  return readFileSync(file, 'utf8');
};

test('dist/_redirects and dist/_headers are generated from deploy/ for this build', () => {
  const links = JSON.parse(read('kb/links.json')) as Record<string, string>;
  assert.equal(read('_redirects'), renderRedirectsFile(links));
  assert.equal(read('_headers'), renderHeadersFile());
});

test('on Netlify every short link of both languages reaches its article from 7 forms', async (t) => {
  const links = JSON.parse(read('kb/links.json')) as Record<string, string>;
  const matcher = await netlifyMatcher(read('_redirects'));
  const langs = new Set<string>();
  let checked = 0;
  for (const [id, target] of Object.entries(links)) {
    langs.add(target.split('/')[1]);
    for (const path of [`/kb/${id}`, `/kb/${id}/`, ...SHORT_LINK_SUFFIXES.map((s) => `/kb/${id}${s}`)]) {
      const match = netlifyMatch(matcher, path);
      assert.deepEqual([match?.status, match?.to], [301, target], path);
      checked++;
    }
  }
  assert.deepEqual([...langs].sort(), ['de', 'en']);
  t.diagnostic(`${checked} short-link forms of ${Object.keys(links).length} articles`);
});
