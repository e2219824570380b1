/** One measured production build (astro build, then pagefind) of a temporary project copy. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measured } from './measure.ts';
import type { TempProject } from './project.ts';

export interface BuildFigures {
  label: string;
  /** Article files in content/ (both languages). */
  articles: number;
  /** HTML files written by the build. */
  pages: number;
  astro: Measured;
  pagefind: Measured;
  /** Pages per second over the whole astro build, bundling included. */
  pagesPerSecond: number;
  /** Milliseconds from "generating static routes" to "page(s) built": Astro rendering the pages. */
  renderMs?: number;
  /** Milliseconds from the start to "Synced content": the content layer reading the articles. */
  syncMs?: number;
  /** Milliseconds from the start to "generating static routes": content sync plus bundling. */
  bundleMs?: number;
  /** Highest sampled RSS of the build's process tree before and during page rendering, MiB. */
  bundlePeakMiB?: number;
  renderPeakMiB?: number;
  /** Size of dist/ and of dist/pagefind/ in bytes. */
  distBytes: number;
  pagefindBytes: number;
}

export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

function bytesUnder(dir: string): number {
  return walk(dir).reduce((sum, file) => sum + statSync(file).size, 0);
}

export function countArticles(contentDir: string): number {
  return walk(contentDir).filter((f) => f.endsWith('.mdx')).length;
}

function peakOf(m: Measured, from: number, to: number): number | undefined {
  const inside = m.samples.filter((x) => x.ms >= from && x.ms < to).map((x) => x.mib);
  return inside.length ? Math.max(...inside) : undefined;
}

const log = (text: string) => console.log(`[bench] ${text}`);

function fail(step: string, m: Measured): never {
  throw new Error(`${step} failed (exit ${m.exitCode}); last output:\n${m.tail.slice(-25).join('\n')}`);
}

export async function buildProject(project: TempProject, label: string): Promise<BuildFigures> {
  const articles = countArticles(project.contentDir);
  log(`${label}: astro build of ${articles} articles in ${project.dir}`);
  let generated = 0;
  const started = performance.now();
  let lastReport = started;
  let synced: number | undefined;
  let renderStart: number | undefined;
  let renderEnd: number | undefined;
  const astro = await measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], project.dir, (line) => {
    const now = performance.now();
    if (/[├└]─.*\.html\b/.test(line)) generated++;
    if (synced === undefined && /Synced content/.test(line)) {
      synced = now;
      log(`${label}: content synced after ${((now - started) / 1000).toFixed(1)} s, bundling`);
    }
    if (renderStart === undefined && /generating static routes/.test(line)) {
      renderStart = now;
      log(`${label}: bundled after ${((now - started) / 1000).toFixed(1)} s, rendering pages`);
    }
    if (/page\(s\) built in/.test(line)) renderEnd = now;
    if (now - lastReport > 15_000) {
      lastReport = now;
      log(`${label}: ${generated} pages rendered after ${((now - started) / 1000).toFixed(0)} s`);
    }
  });
  if (astro.exitCode !== 0) fail(`astro build (${label})`, astro);
  const pages = walk(project.distDir).filter((f) => f.endsWith('.html')).length;
  log(`${label}: astro build ${(astro.wallMs / 1000).toFixed(1)} s, ${pages} pages; running pagefind`);
  const pagefind = await measure(
    process.execPath,
    ['node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist'],
    project.dir,
  );
  if (pagefind.exitCode !== 0) fail(`pagefind (${label})`, pagefind);
  log(`${label}: pagefind ${(pagefind.wallMs / 1000).toFixed(1)} s`);
  return {
    label,
    articles,
    pages,
    astro,
    pagefind,
    pagesPerSecond: pages / (astro.wallMs / 1000),
    renderMs: renderStart !== undefined && renderEnd !== undefined ? renderEnd - renderStart : undefined,
    bundleMs: renderStart !== undefined ? renderStart - started : undefined,
    bundlePeakMiB: peakOf(astro, 0, renderStart === undefined ? Infinity : renderStart - started),
    renderPeakMiB: renderStart === undefined ? undefined : peakOf(astro, renderStart - started, Infinity),
    syncMs: synced !== undefined ? synced - started : undefined,
    distBytes: bytesUnder(project.distDir),
    pagefindBytes: bytesUnder(join(project.distDir, 'pagefind')),
  };
}
