/**
 * The list of every address the site has published, tests/published-urls.txt. Addresses only ever
 * join it: tests/built/published-urls.test.ts fails when one of them stops resolving, so a renamed
 * or removed page needs a redirect, never a dead link (content/README.md, "Renaming an article").
 *
 *   npm run urls:update            add the addresses of the current build (dist/) to the list
 *   node scripts/published-urls.ts --dir D   the same for another build folder
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST_DIR } from './lib/paths.ts';

export const LIST_FILE = 'tests/published-urls.txt';

const HEADER = `# Every address this site has published, one path per line. Addresses are never removed: a page
# that moves gets a redirect (content/README.md, "Renaming an article"). After adding pages, run
# "npm run build && npm run urls:update" and commit this file; tests/built/published-urls.test.ts
# checks that each address still answers 200 or redirects to a page that does.
`;

/** Every address the build in `dir` publishes: sitemap pages, short links, data files, .reg files. */
export function publishedUrls(dir: string): string[] {
  const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
  const urls = new Set<string>(['/', '/robots.txt', '/sitemap.xml', '/kb/links.json']);
  for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.add(new URL(loc).pathname);
  const links = JSON.parse(readFileSync(join(dir, 'kb', 'links.json'), 'utf8')) as Record<string, string>;
  for (const id of Object.keys(links)) urls.add(`/kb/${id}/`);
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = '/' + relative(dir, join(dir, file)).split(sep).join('/');
    if (path.endsWith('.reg') || /^\/[a-z]{2}\/kb\.json$/.test(path)) urls.add(path);
  }
  return [...urls].sort();
}

/** The committed list, without comments and blank lines. */
export function readList(file = LIST_FILE): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export function writeList(urls: Iterable<string>, file = LIST_FILE): void {
  writeFileSync(file, HEADER + [...new Set(urls)].sort().join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: DIST_DIR } } });
  if (!existsSync(join(values.dir, 'sitemap.xml'))) {
    console.error(`urls:update: ${values.dir}/sitemap.xml not found; run "npm run build" first`);
    process.exit(1);
  }
  const before = readList();
  const current = publishedUrls(values.dir);
  const added = current.filter((url) => !before.includes(url));
  writeList([...before, ...current]);
  console.log(`urls:update: ${LIST_FILE} lists ${before.length + added.length} addresses (${added.length} added)`);
  for (const url of added) console.log(`  + ${url}`);
}
