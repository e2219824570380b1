/**
 * Search as a reader meets it: the built site under the committed nginx config (scripts/bench/
 * nginx.ts: gzip on, every byte nginx sends logged, workers' requests included), a new browser
 * context for every cold sample (empty cache, page load included), on a desktop profile and on a
 * phone profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, 4x slower CPU).
 *
 * Figures (median over the query sets in tests/search-queries, or a sample of them):
 * - known: a pasted known message or code (the instant-answer map has it) -> the expected article's
 *   link visible in the results, from navigation start; and the same for a plain article page's
 *   load event in the same run, for the ratio.
 * - free text: any other query -> the first result visible.
 * - phone: the known queries again on the phone profile.
 * - keystroke: on a loaded search page, each typed letter -> the results for the box's new text
 *   drawn; none when the page does not search while typing.
 * - bytes: what nginx sent before the first result (responses the browser had finished receiving
 *   by then), compressed, headers included; and for the whole search.
 * - top-1 / top-3: where the expected article is among the results (or "maybe related" links) once
 *   the search has finished, per language.
 *
 * With a baseline (another build's dist/), both builds are measured in the same run, sample by
 * sample in turn, so a busy machine slows both alike.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { instantAnswer, type InstantMap } from '../../src/lib/instant-answers.ts';
import { buildInstantMap } from '../../src/lib/instant-map.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import { LANGS, type Lang } from '../../src/model/schemas/common.ts';
import { CHROMIUM_ARGS, NO_CHROMIUM, findChromium } from '../lib/chromium.ts';
import { startServer } from '../serve.ts';
import { hasNginx, serveWithNginx, type NginxSite, type Sent } from './nginx.ts';
import { ROOT } from './project.ts';

export interface SearchQuery {
  lang: Lang;
  query: string;
  expect: string;
}

export type Profile = 'desktop' | 'phone';
export type Kind = 'known' | 'free';

export interface SearchSample {
  query: SearchQuery;
  kind: Kind;
  profile: Profile;
  /** Navigation start to the expected article visible (known) or the first result visible (free); -1 never. */
  ms: number;
  /** Bytes sent before that moment, and for the whole search. */
  bytes: number;
  totalBytes: number;
  requests: number;
  /** Rank (1-based) of the expected article once the search finished, 0 when missing. */
  rank: number;
  state: string;
}

export interface BuildFigures {
  label: string;
  samples: SearchSample[];
  /** Load event of a plain article page, ms from navigation start, per profile. */
  plain: Record<Profile, number[]>;
  /** Keystroke to updated results, ms; empty when the page does not search while typing. */
  keystrokes: number[];
  /** Keys typed (after the first word): a key whose results a later key overtook has no time. */
  keys: number;
}

export interface SearchFigures {
  queries: number;
  server: string;
  builds: BuildFigures[];
}

export function readQueries(): SearchQuery[] {
  const dir = join(ROOT, 'tests', 'search-queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SearchQuery[]);
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Serves dir on a free port with scripts/serve.ts and counts bytes sent for paths matching `count`. */
export async function serveCounting(dir: string, count = /^\/pagefind\//) {
  const root = resolve(dir);
  const server = await startServer(root, 0);
  const tally = { bytes: 0, requests: 0, inflight: 0 };
  server.on('request', (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!count.test(path)) return;
    tally.inflight++;
    res.on('close', () => tally.inflight--);
    res.on('finish', () => {
      if (res.statusCode !== 200 || req.method !== 'GET') return;
      tally.requests++;
      try {
        tally.bytes += statSync(join(root, path)).size;
      } catch {
        // Not a file: nothing sent from disk.
      }
    });
  });
  const port = (server.address() as AddressInfo).port;
  return { server, tally, origin: `http://127.0.0.1:${port}` };
}

/**
 * Installed before page scripts. Notes, in performance.now() time: when each result link first
 * shows in a visible results list, when the first one did, and when #search-app reported a
 * finished search. Works with this build's markup and with the one before it.
 */
const OBSERVER = `(() => {
  const seen = {};
  const bench = (window.__bench = { seen, first: -1, done: -1 });
  const check = () => {
    const app = document.getElementById('search-app');
    if (!app) return;
    for (const list of app.querySelectorAll('ol.results, ol.related')) {
      if (list.hidden || list.closest('[hidden]')) continue;
      for (const a of list.querySelectorAll(':scope > li a')) {
        const href = a.getAttribute('href');
        if (!(href in seen)) seen[href] = performance.now();
        if (bench.first < 0) bench.first = performance.now();
      }
    }
    if (bench.done < 0 && ['results', 'related', 'empty', 'error'].includes(app.dataset.state)) bench.done = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

const PHONE = { latency: 150, download: 1_600_000 / 8, upload: 750_000 / 8, cpu: 4 };

async function applyProfile(context: BrowserContext, page: Page, profile: Profile): Promise<void> {
  if (profile === 'desktop') return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.download,
    uploadThroughput: PHONE.upload,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
}

interface Site {
  label: string;
  nginx: NginxSite;
  /** Article id -> path, from the build's /kb/links.json. */
  links: Record<string, string>;
}

/** Requests the browser finished, with the absolute time each finished. */
function watchRequests(context: BrowserContext) {
  const finished: { url: string; end: number }[] = [];
  let pending = 0;
  const done = (request: Request) => {
    pending--;
    const timing = request.timing();
    finished.push({ url: request.url(), end: timing.startTime + Math.max(timing.responseEnd, 0) });
  };
  context.on('request', () => pending++);
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return {
    finished,
    settled: async () => {
      for (let waited = 0; pending > 0 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

/**
 * Bytes nginx sent for the requests that had arrived by `until` (ms since navigation start). When
 * a request arrived comes from the page's own Resource Timing (the clock the result times use);
 * a worker's requests are not in it and fall back to the browser's network events.
 */
function bytesUntil(
  sent: Sent[],
  page: { url: string; end: number }[],
  network: { url: string; end: number }[],
  until: number,
): number {
  const left = [...sent];
  let bytes = 0;
  const arrivals = [...page, ...network.filter((n) => !page.some((p) => p.url === n.url))];
  for (const request of arrivals.sort((a, b) => a.end - b.end)) {
    const url = new URL(request.url);
    const i = left.findIndex((s) => s.uri === url.pathname + url.search);
    // Not in the log: the browser took it from its cache.
    if (i < 0) continue;
    const [entry] = left.splice(i, 1);
    if (request.end <= until) bytes += entry.bytes;
  }
  return bytes;
}

async function coldSearch(
  browser: Browser,
  site: Site,
  query: SearchQuery,
  kind: Kind,
  profile: Profile,
): Promise<SearchSample> {
  const context = await browser.newContext();
  await context.addInitScript(OBSERVER);
  const requests = watchRequests(context);
  const page = await context.newPage();
  await applyProfile(context, page, profile);
  site.nginx.take();
  const expected = site.links[query.expect] ?? '';
  let state = 'timeout';
  try {
    await page.goto(`${site.nginx.origin}/${query.lang}/search/?q=${encodeURIComponent(query.query)}`);
    await page.waitForFunction(() => (window as unknown as { __bench: { done: number } }).__bench.done >= 0, null, {
      timeout: 60_000,
    });
    state = await page.evaluate(() => document.getElementById('search-app')?.dataset.state ?? '');
  } catch {
    // Counted as a miss with no time.
  }
  const bench = await page
    .evaluate(() => {
      const b = (window as unknown as { __bench: { seen: Record<string, number>; first: number } }).__bench;
      const links = [...document.querySelectorAll<HTMLAnchorElement>('#search-app :is(ol.results, ol.related) > li')]
        .filter((li) => !li.closest('[hidden]'))
        .map((li) => li.querySelector('a')?.getAttribute('href') ?? '');
      // Every response the page (not a worker) received, on the page's clock.
      const arrived = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .concat(performance.getEntriesByType('navigation') as PerformanceNavigationTiming[])
        .map((entry) => ({ url: entry.name, end: entry.responseEnd }));
      return { seen: b.seen, first: b.first, links, origin: performance.timeOrigin, arrived };
    })
    .catch(() => ({
      seen: {} as Record<string, number>,
      first: -1,
      links: [] as string[],
      origin: 0,
      arrived: [] as { url: string; end: number }[],
    }));
  await requests.settled();
  await context.close();
  const sent = site.nginx.take();
  const ms = kind === 'known' ? (bench.seen[expected] ?? -1) : bench.first;
  return {
    query,
    kind,
    profile,
    ms,
    bytes:
      ms >= 0
        ? bytesUntil(
            sent,
            bench.arrived,
            requests.finished.map((r) => ({ url: r.url, end: r.end - bench.origin })),
            ms,
          )
        : -1,
    totalBytes: sent.reduce((sum, s) => sum + s.bytes, 0),
    requests: sent.length,
    rank: bench.links.indexOf(expected) + 1,
    state,
  };
}

/** A plain article page (the expected article of a query): navigation start to its load event. */
async function plainLoad(browser: Browser, site: Site, path: string, profile: Profile): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await applyProfile(context, page, profile);
  await page.goto(`${site.nginx.origin}${path}`, { waitUntil: 'load' });
  const ms = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  await context.close();
  site.nginx.take();
  return ms;
}

/**
 * Types words into the search page's box letter by letter, as a reader does (about one key every
 * 150 ms), and measures each key to the results for the box's new text. The first word loads the
 * page's search code and index and is not counted.
 */
async function keystrokes(
  browser: Browser,
  site: Site,
  lang: Lang,
  words: string[],
): Promise<{ latencies: number[]; keys: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.nginx.origin}/${lang}/search/`);
  const box = page.locator('#q-main');
  await page.evaluate(() => {
    const field = document.querySelector<HTMLTextAreaElement>('#q-main')!;
    const app = document.getElementById('search-app')!;
    // Only the newest key can still be answered: each key makes the text before it stale.
    let last = { value: '', at: -1 };
    const latencies: number[] = [];
    Object.assign(window, { __typed: latencies });
    // Capturing on the document runs before the page's own listener, which may finish the search
    // before a listener on the box would hear of the key.
    document.addEventListener('input', () => (last = { value: field.value, at: performance.now() }), true);
    new MutationObserver(() => {
      if (!['results', 'related', 'empty', 'error'].includes(app.dataset.state ?? '')) return;
      if (last.at >= 0 && app.dataset.query === last.value) {
        latencies.push(performance.now() - last.at);
        last = { value: '', at: -1 };
      }
    }).observe(app, { attributes: true });
  });
  const [warm, ...rest] = words;
  await box.pressSequentially(warm, { delay: 150 });
  await page.waitForTimeout(2000);
  await page.evaluate(() => ((window as unknown as { __typed: number[] }).__typed.length = 0));
  for (const word of rest) {
    await box.fill('');
    await box.pressSequentially(word, { delay: 150 });
    await page.waitForTimeout(600);
  }
  const latencies = await page.evaluate(() => (window as unknown as { __typed: number[] }).__typed);
  await context.close();
  site.nginx.take();
  return { latencies, keys: rest.join('').length };
}

export interface SearchOptions {
  /** Evenly spaced sample of this many queries (all when undefined). */
  limit?: number;
  /** Another build's dist/ to measure in the same run, as "before". */
  baseline?: string;
  /** First of the ports the nginx instances listen on. */
  port?: number;
}

/** Which queries the instant-answer map of this worktree's content answers. */
function classify(queries: SearchQuery[]): Map<SearchQuery, Kind> {
  const graph = buildGraph(readContent(join(ROOT, 'content'), ROOT));
  const maps = Object.fromEntries(LANGS.map((lang) => [lang, buildInstantMap(graph, lang)])) as Record<
    Lang,
    InstantMap
  >;
  return new Map(
    queries.map((q) => [q, instantAnswer(maps[q.lang], q.query).articles.length ? 'known' : 'free'] as const),
  );
}

export async function benchSearch(
  distDir: string,
  log: (text: string) => void,
  options: SearchOptions = {},
): Promise<SearchFigures> {
  if (!hasNginx()) throw new Error('nginx is not installed: the search benchmark runs under deploy/nginx.conf');
  const all = readQueries();
  const step = options.limit && options.limit < all.length ? all.length / options.limit : 1;
  const queries = step > 1 ? Array.from({ length: options.limit! }, (_, i) => all[Math.floor(i * step)]) : all;
  const allKinds = classify(all);
  const kinds = allKinds;
  const port = options.port ?? 4450;
  const dirs = options.baseline
    ? [
        ['before', options.baseline],
        ['after', distDir],
      ]
    : [['this build', distDir]];
  const sites: Site[] = [];
  const figures: BuildFigures[] = [];
  let browser: Browser | undefined;
  try {
    for (const [i, [label, dir]] of dirs.entries()) {
      const links = JSON.parse(readFileSync(join(dir, 'kb', 'links.json'), 'utf8')) as Record<string, string>;
      sites.push({ label, links, nginx: await serveWithNginx(dir, port + i) });
      figures.push({ label, samples: [], plain: { desktop: [], phone: [] }, keystrokes: [], keys: 0 });
    }
    browser = await launchChromium();
    const known = queries.filter((q) => kinds.get(q) === 'known');
    log(`search: ${queries.length} queries (${known.length} known messages or codes), ${sites.length} build(s)`);
    for (const [n, query] of queries.entries()) {
      for (const [i, site] of sites.entries()) {
        figures[i].samples.push(await coldSearch(browser, site, query, kinds.get(query)!, 'desktop'));
        if (n % 4 === 0)
          figures[i].plain.desktop.push(await plainLoad(browser, site, site.links[query.expect], 'desktop'));
      }
      if ((n + 1) % 25 === 0) log(`search: ${n + 1}/${queries.length} cold searches (desktop)`);
    }
    for (const [n, query] of known.entries()) {
      for (const [i, site] of sites.entries()) {
        figures[i].samples.push(await coldSearch(browser, site, query, 'known', 'phone'));
        if (n % 4 === 0) figures[i].plain.phone.push(await plainLoad(browser, site, site.links[query.expect], 'phone'));
      }
      if ((n + 1) % 10 === 0) log(`search: ${n + 1}/${known.length} cold searches (phone)`);
    }
    for (const lang of LANGS) {
      // Words readers type: the first words of the free-text queries of this language (all of them).
      const words = all
        .filter((q) => q.lang === lang && allKinds.get(q) === 'free')
        .map((q) => q.query.split(/\s+/).slice(0, 3).join(' '))
        .filter((text) => text.length >= 4 && text.length <= 40)
        .slice(0, 12);
      for (const [i, site] of sites.entries()) {
        const { latencies, keys } = await keystrokes(browser, site, lang, words);
        figures[i].keystrokes.push(...latencies);
        figures[i].keys += keys;
      }
    }
    log('search: keystrokes measured');
  } finally {
    await browser?.close();
    for (const site of sites) await site.nginx.stop();
  }
  return { queries: queries.length, server: 'nginx, deploy/nginx.conf (gzip on)', builds: figures };
}
