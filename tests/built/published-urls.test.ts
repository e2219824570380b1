/**
 * Permanent URLs: every address in tests/published-urls.txt still resolves on the built site
 * (200, or redirects - HTTP or a meta refresh - to a page that answers 200), and every address the
 * build publishes is in the list (`npm run urls:update` adds new ones). DIST_DIR=<folder> checks
 * another build.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serveDuringTests } from './serve.ts';
import { LIST_FILE, publishedUrls, readList } from '../../scripts/published-urls.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';

const dist = DIST_DIR;
const served = serveDuringTests(dist);

/** Follows HTTP redirects and meta refreshes; returns the problem, or undefined when it ends in a 200. */
export async function resolveProblem(origin: string, path: string): Promise<string | undefined> {
  let url = new URL(path, origin);
  const seen: string[] = [];
  for (let hops = 0; hops < 6; hops++) {
    seen.push(url.pathname);
    const response = await fetch(url, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    if (response.status !== 200) return `answers ${response.status} (via ${seen.join(' -> ')})`;
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return undefined;
    const refresh = /<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/i.exec(await response.text());
    if (!refresh) return undefined;
    url = new URL(refresh[1].replaceAll('&amp;', '&'), url);
  }
  return `redirects too often (${seen.join(' -> ')})`;
}

test('every published address still resolves (200, or a redirect to a page that does)', async () => {
  const base = served();
  const list = readList();
  assert.ok(list.length > 50, `${LIST_FILE} lists only ${list.length} addresses`);
  const problems: string[] = [];
  for (let i = 0; i < list.length; i += 16) {
    const batch = list.slice(i, i + 16);
    const results = await Promise.all(batch.map((path) => resolveProblem(base, path)));
    results.forEach((problem, j) => problem && problems.push(`${batch[j]} ${problem}`));
  }
  console.log(`published urls: checked ${list.length} addresses from ${LIST_FILE} against ${dist}`);
  assert.deepEqual(
    problems,
    [],
    `published addresses that no longer resolve: add a redirect (content/README.md, "Renaming an article")`,
  );
});

test('every address the build publishes is in the list', () => {
  const listed = new Set(readList());
  const missing = publishedUrls(dist).filter((url) => !listed.has(url));
  assert.deepEqual(missing, [], `new addresses not in ${LIST_FILE}: run "npm run urls:update" and commit the file`);
});
