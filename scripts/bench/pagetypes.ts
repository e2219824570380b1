/**
 * Page weight per page type (home, symptom, cause, fix, troubleshooter, search): every page of a
 * type weighed from dist/ with the budget model (scripts/bench/weight.ts), and the heaviest page
 * of each type loaded in headless Chromium, where every response is sorted by resource type
 * (HTML / CSS / JS / fonts / images) and gzipped like nginx would, so what the browser really
 * fetches can be compared with the model.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { KIND_SEGMENTS, pagePath } from '../../src/model/routes.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import { launchChromium, serveCounting } from './search.ts';
import { GZIP_LEVEL, GZIP_MIN_LENGTH, htmlFileFor, htmlFiles, weighPage, type PageWeight } from './weight.ts';

export const PAGE_TYPES = ['home', 'symptom', 'cause', 'fix', 'troubleshooter', 'search'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface Loaded {
  html: number;
  css: number;
  js: number;
  fonts: number;
  images: number;
  other: number;
  total: number;
  requests: number;
}

export interface TypeFigures {
  type: PageType;
  pages: number;
  /** Median and largest of the budget model (HTML + CSS + JS, gzip). */
  median?: number;
  largest?: PageWeight;
  /** What Chromium fetched for the largest page, gzip bytes by type. */
  loaded?: Loaded;
}

/** All pages of a type, as URL paths. */
function pagesOf(distDir: string, type: PageType): string[] {
  if (type === 'home' || type === 'troubleshooter' || type === 'search')
    return LANGS.map((lang) => pagePath(lang, type)).filter((url) => existsSync(htmlFileFor(distDir, url)));
  const prefixes = LANGS.map((lang) => `${distDir}/${lang}/${KIND_SEGMENTS[lang][type]}/`);
  return htmlFiles(distDir)
    .filter((f) => prefixes.some((p) => f.startsWith(p) && f.slice(p.length).split('/').length === 2))
    .map((f) => weighPage(distDir, f).page);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

export async function benchPageTypes(distDir: string): Promise<TypeFigures[]> {
  const figures: TypeFigures[] = PAGE_TYPES.map((type) => {
    const weights = pagesOf(distDir, type).map((url) => weighPage(distDir, htmlFileFor(distDir, url)));
    if (!weights.length) return { type, pages: 0 };
    return {
      type,
      pages: weights.length,
      median: median(weights.map((w) => w.total)),
      largest: weights.reduce((a, b) => (b.total > a.total ? b : a)),
    };
  });
  const browser = await launchChromium();
  const { server, origin } = await serveCounting(distDir);
  try {
    for (const figure of figures) {
      if (!figure.largest) continue;
      const context = await browser.newContext();
      const page = await context.newPage();
      const loaded: Loaded = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0, total: 0, requests: 0 };
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        pending.push(
          (async () => {
            const body = await response.body().catch(() => Buffer.alloc(0));
            const type = response.request().resourceType();
            const mime = response.headers()['content-type'] ?? '';
            const size =
              COMPRESSIBLE.test(mime) && body.length >= GZIP_MIN_LENGTH
                ? gzipSync(body, { level: GZIP_LEVEL }).length
                : body.length;
            const key: keyof Loaded =
              type === 'document'
                ? 'html'
                : type === 'stylesheet'
                  ? 'css'
                  : type === 'script'
                    ? 'js'
                    : type === 'font'
                      ? 'fonts'
                      : type === 'image'
                        ? 'images'
                        : 'other';
            loaded[key] += size;
            loaded.total += size;
            loaded.requests++;
          })(),
        );
      });
      await page.goto(origin + figure.largest.page, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      figure.loaded = loaded;
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}
