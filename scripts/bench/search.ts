/**
 * Search as a reader meets it, in headless Chromium against the built site served by
 * scripts/serve.ts: /<lang>/search/?q=<query> for every query of tests/search-queries/*.json.
 *
 * - Time, cold: from navigation start (a search from another page is a GET form, so a page load)
 *   to the results shown (list visible with its first <li>, or the page's final "nothing
 *   found"/"failed" state), taken inside the page with performance.now() by a MutationObserver
 *   installed before any page script runs.
 * - Time, warm: from submitting the search page's own box (which searches in place) to the
 *   search page reporting the next finished search (#search-app data-run).
 * - Bytes: what the server sent for /pagefind/ URLs during that search, counted in the server
 *   (file sizes of 200 answers), so responses the browser took from its cache count zero.
 *   scripts/serve.ts sends no Content-Encoding; Pagefind's index and fragment files are
 *   compressed by Pagefind itself, its JS and JSON would shrink further under nginx gzip.
 * - Cold: every query in a fresh browser context (empty HTTP cache).
 * - Warm: per language one search page; after one priming search, each query is typed into the
 *   results page's box and submitted, as a reader refines a search: Pagefind is loaded already and
 *   index chunks fetched before are cached.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, NO_CHROMIUM, findChromium } from '../lib/chromium.ts';
import { startServer } from '../serve.ts';
import { ROOT } from './project.ts';

export interface SearchQuery {
  lang: 'de' | 'en';
  query: string;
  expect: string;
}

export interface SearchSample {
  query: SearchQuery;
  ms: number;
  bytes: number;
  /** Rank (1-based) of the expected article among the shown results, 0 when it is missing. */
  rank: number;
  results: number;
}

export interface SearchFigures {
  queries: number;
  cold: SearchSample[];
  warm: SearchSample[];
}

export function readQueries(): SearchQuery[] {
  const dir = join(ROOT, 'tests', 'search-queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SearchQuery[]);
}

/**
 * Installed before page scripts: notes when the search has shown its outcome, i.e. the first
 * result <li> in a visible list, or #search-app reporting a final state (results, empty, error).
 * A "searching..." status alone does not count.
 */
const OBSERVER = `(() => {
  const done = () => {
    const app = document.getElementById('search-app');
    if (!app) return false;
    const list = app.querySelector('.results');
    const shown = list && !list.hidden && list.querySelector('li');
    if (shown || ['results', 'empty', 'error'].includes(app.dataset.state)) {
      window.__benchShown = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => { if (done()) observer.disconnect(); })
    .observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Serves dir on a free port and counts bytes sent for paths matching `count`. */
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

type Tally = { bytes: number; inflight: number };

/** Waits for the previous search's requests, so they do not count for the next one; then resets. */
async function startCounting(tally: Tally): Promise<void> {
  for (let waited = 0; tally.inflight > 0 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  tally.bytes = 0;
}

/** The result paths the page shows, best first (runs in the page). */
const shownResults = () =>
  [...document.querySelectorAll<HTMLAnchorElement>('#search-app .results > li a:first-of-type')].map(
    (a) => new URL(a.href).pathname,
  );

function sample(query: SearchQuery, ms: number, bytes: number, urls: string[]): SearchSample {
  const rank = urls.findIndex((u) => u.split('/').filter(Boolean).pop() === query.expect) + 1;
  return { query, ms, bytes, rank, results: urls.length };
}

async function runOne(
  context: BrowserContext,
  origin: string,
  tally: Tally,
  query: SearchQuery,
): Promise<SearchSample> {
  const page = context.pages()[0] ?? (await context.newPage());
  await startCounting(tally);
  await page.goto(`${origin}/${query.lang}/search/?q=${encodeURIComponent(query.query)}`);
  await page.waitForFunction(() => (window as unknown as { __benchShown?: number }).__benchShown !== undefined, null, {
    timeout: 20_000,
  });
  const ms = await page.evaluate(() => (window as unknown as { __benchShown: number }).__benchShown);
  return sample(query, ms, tally.bytes, await page.evaluate(shownResults));
}

/** A new search from the search page's own box; the page stays loaded. */
async function runInPlace(context: BrowserContext, tally: Tally, query: SearchQuery): Promise<SearchSample> {
  const page = context.pages()[0];
  await startCounting(tally);
  const ms = await page.evaluate(async (text) => {
    const app = document.getElementById('search-app')!;
    const field = document.querySelector<HTMLTextAreaElement>('#q-main')!;
    const before = app.dataset.run;
    field.value = text;
    const start = performance.now();
    const finished = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (app.dataset.run === before) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(app, { attributes: true, attributeFilter: ['data-run'] });
    });
    field.form!.requestSubmit();
    await finished;
    return performance.now() - start;
  }, query.query);
  return sample(query, ms, tally.bytes, await page.evaluate(shownResults));
}

/** `limit` keeps an evenly spaced sample of that many queries (all when undefined). */
export async function benchSearch(
  distDir: string,
  log: (text: string) => void,
  limit?: number,
): Promise<SearchFigures> {
  const all = readQueries();
  const step = limit && limit < all.length ? all.length / limit : 1;
  const queries = step > 1 ? Array.from({ length: limit! }, (_, i) => all[Math.floor(i * step)]) : all;
  const browser = await launchChromium();
  const { server, tally, origin } = await serveCounting(distDir);
  const cold: SearchSample[] = [];
  const warm: SearchSample[] = [];
  try {
    for (const [i, query] of queries.entries()) {
      const context = await browser.newContext();
      await context.addInitScript(OBSERVER);
      cold.push(await runOne(context, origin, tally, query));
      await context.close();
      if ((i + 1) % 25 === 0) log(`search: ${i + 1}/${queries.length} cold searches`);
    }
    for (const lang of ['de', 'en'] as const) {
      const list = queries.filter((q) => q.lang === lang);
      if (!list.length) continue;
      const context = await browser.newContext();
      await context.addInitScript(OBSERVER);
      await runOne(context, origin, tally, { lang, query: 'SMB', expect: '' });
      for (const query of list) warm.push(await runInPlace(context, tally, query));
      await context.close();
    }
    log(`search: ${warm.length} warm searches`);
  } finally {
    await browser.close();
    server.close();
  }
  return { queries: queries.length, cold, warm };
}
