/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) for one page of each type,
 * run against the served site with the system Chromium through chrome-launcher. Lighthouse's
 * defaults apply: mobile form factor and simulated slow 4G throttling. When Lighthouse cannot run
 * here the result says why instead of scores.
 */
import { createRequire } from 'node:module';
import type * as ChromeLauncher from 'chrome-launcher';
import type LighthouseRun from 'lighthouse';
import { CHROMIUM_ARGS, NO_CHROMIUM, findChromium } from '../lib/chromium.ts';
import { serveCounting } from './search.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRow {
  type: string;
  page: string;
  scores?: Record<Category, number | null>;
  /** Simulated metrics behind the performance score, in ms (CLS unitless). */
  metrics?: { fcp?: number; lcp?: number; tbt?: number; cls?: number };
  error?: string;
}

export type LighthouseFigures = { rows: LighthouseRow[]; version: string } | { unavailable: string };

export async function benchLighthouse(
  distDir: string,
  pages: { type: string; page: string }[],
  log: (text: string) => void,
): Promise<LighthouseFigures> {
  const chromePath = findChromium();
  if (!chromePath) return { unavailable: NO_CHROMIUM };
  let lighthouse: typeof LighthouseRun;
  let launcher: typeof ChromeLauncher;
  let version: string;
  try {
    lighthouse = (await import('lighthouse')).default;
    launcher = await import('chrome-launcher');
    version = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
  } catch (error) {
    return { unavailable: `the lighthouse package cannot be loaded (${(error as Error).message.split('\n')[0]})` };
  }
  const { server, origin } = await serveCounting(distDir);
  const rows: LighthouseRow[] = [];
  try {
    for (const { type, page } of pages) {
      log(`lighthouse: ${page}`);
      const chrome = await launcher.launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
      try {
        const run = () =>
          lighthouse(origin + page, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: [...CATEGORIES],
          });
        // A trace that failed to record (NO_NAVSTART and the like, seen on a busy machine) gets one retry.
        let result = await run();
        if (result?.lhr.runtimeError) result = await run();
        const categories = result?.lhr.categories;
        if (!result || !categories) throw new Error('no result');
        const runtimeError = result.lhr.runtimeError;
        if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message.split('.')[0]}`);
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, categories[c]?.score == null ? null : Math.round(categories[c].score! * 100)]),
        ) as Record<Category, number | null>;
        const metric = (id: string) => result.lhr.audits[id]?.numericValue;
        rows.push({
          type,
          page,
          scores,
          metrics: {
            fcp: metric('first-contentful-paint'),
            lcp: metric('largest-contentful-paint'),
            tbt: metric('total-blocking-time'),
            cls: metric('cumulative-layout-shift'),
          },
        });
      } catch (error) {
        rows.push({ type, page, error: (error as Error).message.split('\n')[0] });
      } finally {
        chrome.kill();
      }
    }
  } finally {
    server.close();
  }
  return { rows, version };
}
