/**
 * Links gate: linkinator crawls the built site over HTTP (scripts/serve.ts, like production) from
 * every HTML page in dist/, follows every internal link, checks every #fragment against the ids of
 * its target page, and treats absolute links to the site's own address (canonical, hreflang,
 * og:url) as internal. External links are not fetched (the tests run offline) but must be
 * well-formed https/mailto addresses. DIST_DIR=<folder> checks another build.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { serveDuringTests } from './serve.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';

const dist = DIST_DIR;

/** Site path of every HTML file: dist/de/index.html -> /de/, dist/404.html -> /404.html. */
export function htmlPages(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return files
    .map((file) => '/' + relative(dir, join(dir, file)).split(sep).join('/'))
    .map((path) => path.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** The public address the build was made for, from the sitemap (https://netzfreigabe.example). */
function siteOrigin(dir: string): string {
  const loc = /<loc>([^<]+)<\/loc>/.exec(readFileSync(join(dir, 'sitemap.xml'), 'utf8'));
  assert.ok(loc, `${dir}/sitemap.xml has no <loc>`);
  return new URL(loc[1]).origin;
}

/** An external address must parse, use https (or mailto) and name a real-looking host. */
export function externalLinkProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'does not parse as a URL';
  }
  if (parsed.protocol === 'mailto:')
    return /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(parsed.pathname) ? undefined : 'bad mailto';
  if (parsed.protocol !== 'https:') return `uses ${parsed.protocol} instead of https:`;
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(parsed.hostname)) return `has an odd host "${parsed.hostname}"`;
  if (/\s/.test(url)) return 'contains white space';
  return undefined;
}

const served = serveDuringTests(dist);

test('every internal link and #fragment in the built site resolves; external links are well-formed', async () => {
  const base = served();
  const pages = htmlPages(dist);
  assert.ok(pages.length > 20, `only ${pages.length} HTML files in ${dist}`);
  const origin = siteOrigin(dist);
  const checker = new LinkChecker();
  const crawled = new Set<string>();
  const results: LinkResult[] = [];
  checker.on('pagestart', (url) => crawled.add(url));
  checker.on('link', (result) => results.push(result));
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await checker.check({
    path: pages.map((path) => base + path),
    recurse: true,
    checkFragments: true,
    concurrency: 20,
    timeout: 20_000,
    // The site's own absolute address (canonical, hreflang, og:url) is checked against this build.
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escaped}(?=/|$)`), replacement: base }],
    linksToSkip: async (link) => !link.startsWith(base),
  });

  // One line per broken target, with how many pages link to it.
  const brokenTargets = new Map<string, { why: string; parents: Set<string> }>();
  for (const r of results.filter((r) => r.state === LinkState.BROKEN)) {
    const target = r.url.replace(base, '');
    const why = (r.failureDetails ?? [])
      .map((d) => (d instanceof Error ? d.message : String(d.status ?? '')))
      .join('; ');
    const entry = brokenTargets.get(target) ?? {
      why: `status ${r.status}${why ? `: ${why}` : ''}`,
      parents: new Set(),
    };
    entry.parents.add(r.parent?.replace(base, '') ?? '(a start page of the crawl)');
    brokenTargets.set(target, entry);
  }
  const broken = [...brokenTargets].map(
    ([target, { why, parents }]) => `${target} (${why}) linked from ${parents.size} page(s), e.g. ${[...parents][0]}`,
  );
  const unique = new Set(results.map((r) => r.url));
  const internal = [...unique].filter((url) => url.startsWith(base));
  // Read the link attributes ourselves for two things linkinator does not give: the internal
  // #fragment links it verified (it reports only broken ones), and the external addresses, whose
  // form is checked (linkinator also takes any <meta content> that parses as a URL, e.g. a title
  // "NAS: …", so its skipped list is not a list of links).
  const fragments = new Set<string>();
  const external = new Map<string, string>();
  const externalLinks = new Set<string>();
  for (const page of pages) {
    const file = join(dist, page.endsWith('/') ? `${page}index.html` : page);
    for (const [, raw] of readFileSync(file, 'utf8').matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const href = raw.replaceAll('&amp;', '&');
      const absolute = /^[a-z][a-z0-9+.-]*:/i.test(href);
      const local = !absolute || href.startsWith(origin + '/') || href === origin;
      if (local) {
        const url = new URL(href.startsWith(origin) ? href.slice(origin.length) || '/' : href, base + page);
        if (url.hash) fragments.add(url.href);
        continue;
      }
      externalLinks.add(href);
      const problem = externalLinkProblem(href);
      if (problem) external.set(href, `${href} ${problem}, linked from ${page}`);
    }
  }
  console.log(
    `links: crawled ${crawled.size} pages (${pages.length} HTML files in ${dist}); fetched ${internal.length} distinct ` +
      `internal URLs; verified ${fragments.size} internal #fragment links; ${externalLinks.size} external addresses (form only, not fetched)`,
  );
  assert.ok(crawled.size >= pages.length && internal.length >= pages.length, 'the crawl found too little to be real');
  assert.deepEqual(broken, [], `${broken.length} broken internal link targets or fragments`);
  assert.deepEqual([...external.values()], [], 'malformed external links');
});

test('the external address check refuses malformed addresses', () => {
  assert.equal(externalLinkProblem('https://www.example.org/docs/page'), undefined);
  assert.equal(externalLinkProblem('mailto:someone@example.org'), undefined);
  assert.match(externalLinkProblem('http://www.example.org/')!, /instead of https/);
  assert.match(externalLinkProblem('https://localhost/x')!, /odd host/);
  assert.match(externalLinkProblem('https://exa mple.org/')!, /does not parse/);
  assert.match(externalLinkProblem('javascript:alert(1)')!, /instead of https/);
});
