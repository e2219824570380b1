/**
 * The local server (scripts/lib/server.ts) answers like deploy/nginx.conf: short links in the forms
 * forums leave them as 301s, a missing page with the 404 page of its language.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/lib/server.ts';
import { FORUM_FORMS_OF_A_SHORT_LINK } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'serve-'));
const files: Record<string, string> = {
  'kb/links.json': JSON.stringify({ 'guest-access-blocked': '/en/symptoms/guest-access-blocked/' }),
  'kb/index.html': 'all short links',
  'en/symptoms/guest-access-blocked/index.html': 'article',
  '404.html': 'any language',
  'de/404/index.html': 'deutsch',
  'en/404/index.html': 'english',
  _redirects: '/a /b 301',
};
for (const [name, body] of Object.entries(files)) {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), body);
}
let base = '';
let close: () => Promise<void>;
before(async () => {
  const server = await startServer(dir, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
after(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(base + path, { redirect: 'manual' });

test('short links with punctuation, capitals or a slash are 301s to the article', async () => {
  for (const path of [...FORUM_FORMS_OF_A_SHORT_LINK, '/kb/guest-access-blocked%22']) {
    const response = await get(path);
    assert.equal(response.status, 301, path);
    assert.equal(response.headers.get('location'), '/en/symptoms/guest-access-blocked/', path);
  }
});

test('/kb/ is a page; a missing page gets the 404 page of its language', async () => {
  const index = await get('/kb/');
  assert.deepEqual([index.status, await index.text()], [200, 'all short links']);
  for (const [path, body] of [
    ['/de/gibt-es-nicht/', 'deutsch'],
    ['/en/no-such-page', 'english'],
    ['/kb/no-such-id', 'any language'],
    ['/nowhere', 'any language'],
    ['/_redirects', 'any language'],
  ]) {
    const response = await get(path);
    assert.deepEqual([response.status, await response.text()], [404, body], path);
  }
});
