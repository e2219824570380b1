/**
 * `npm run bench`: how the cost of the site grows, and how fast search answers. Prints figures and
 * asserts nothing about time. `npm run bench -- --help` lists the options.
 *
 * Every build happens in a temporary copy of the project (scripts/bench/project.ts), never in
 * dist/. Results: a table on the terminal, bench-results/report.md, bench-results/results.json and
 * bench-results/build-time.svg.
 */
export const HELP = `npm run bench -- [options]

  (no options)               real site + generated knowledge bases of 1,000, 5,000 and 10,000 articles
  --sizes 1000,5000          choose the generated sizes
  --quick                    real site only (build, page weight, search, Lighthouse)
  --skip search,lighthouse,types   leave measurements out
  --queries 40               search with an evenly spaced sample of 40 queries (default all)
  --baseline <dist>          measure search on another build too ("before", e.g. a build of main),
                             sample by sample in turn with this one ("after")
  --port 4450                first port of the nginx instances the search runs against (two with --baseline)
  --report-only              redraw report.md and the chart from bench-results/results.json
  --keep                     keep the temporary project copies (paths are printed)
  --help                     this text

A quick search-only run:  npm run bench -- --quick --skip types,lighthouse --queries 40
Before and after:         npm run bench -- --quick --skip types,lighthouse --baseline /path/to/old/dist
Search needs nginx (it serves the build with deploy/nginx.conf) and Chromium.`;

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProject } from './bench/build.ts';
import { generateContent } from './bench/generate.ts';
import { benchLighthouse } from './bench/lighthouse.ts';
import { GNU_TIME } from './bench/measure.ts';
import { benchPageTypes } from './bench/pagetypes.ts';
import { ROOT, makeTempProject, type TempProject } from './bench/project.ts';
import { CONTENT_DIR } from './lib/paths.ts';
import {
  buildTable,
  buildTimeSvg,
  lighthouseTable,
  markdown,
  overBudgetTable,
  phaseTable,
  scalingTable,
  searchTable,
  typesTable,
  type BuildRow,
  type Results,
} from './bench/report.ts';
import { benchSearch } from './bench/search.ts';
import { findChromium } from './lib/chromium.ts';
import { KIND_SEGMENTS } from '../src/model/routes.ts';
import { LANGS } from '../src/model/schemas/common.ts';
import { BUDGET_BYTES, GZIP_LEVEL, describe, htmlFiles, weighPage } from './bench/weight.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    quick: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    queries: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    port: { type: 'string', default: '4450' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const sizes = values.quick
  ? []
  : values.sizes
      .split(',')
      .map((v) => Number(v.trim()))
      .filter((n) => {
        if (!Number.isInteger(n) || n <= 0)
          throw new Error(`--sizes: "${values.sizes}" is not a list of article counts`);
        return true;
      });
const skip = new Set(values.skip.split(',').map((v) => v.trim()));

const OUT = join(ROOT, 'bench-results');
const log = (text: string) => console.log(`[bench] ${text}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function chromiumVersion(): string {
  const path = findChromium();
  if (!path) return 'no Chromium found';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path;
  }
}

const results: Results = {
  started: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  environment: [
    `Node ${process.version}, ${cpus().length} CPU cores (${cpus()[0]?.model ?? '?'}), load average at start ${load()}`,
    `Browser: ${chromiumVersion()}`,
    `Peak memory: ${existsSync(GNU_TIME) ? 'GNU time -v (max RSS of the largest process)' : 'RSS of the process tree sampled every 200 ms'}`,
    `gzip level ${GZIP_LEVEL} (nginx gzip_comp_level from deploy/nginx.conf, nginx default 1), each file on its own; budget ${BUDGET_BYTES} B per page`,
    'Builds run in temporary copies of the project (src/, config, public/, content/), node_modules symlinked; timings are wall time on a shared machine: compare sizes within one run',
  ],
  builds: [],
  notes: [],
};

function save(): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'report.md'), markdown(results));
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  if (results.builds.length) writeFileSync(join(OUT, 'build-time.svg'), buildTimeSvg(results.builds));
}

const projects: TempProject[] = [];
function cleanUp(): void {
  if (values.keep) {
    for (const p of projects) log(`kept ${p.dir}`);
    return;
  }
  for (const p of projects.splice(0)) p.remove();
}
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

async function build(label: string, project: TempProject): Promise<BuildRow> {
  const loadBefore = loadavg()[0].toFixed(1);
  const figures = await buildProject(project, label);
  const weights = htmlFiles(project.distDir).map((f) => weighPage(project.distDir, f));
  const sections = LANGS.flatMap((lang) => Object.values(KIND_SEGMENTS[lang]).map((segment) => `/${lang}/${segment}/`));
  const articlePages = weights.filter((w) =>
    sections.some((prefix) => w.page.startsWith(prefix) && /^[^/]+\/$/.test(w.page.slice(prefix.length))),
  );
  const largest = (list: typeof weights) =>
    list.length ? list.reduce((a, b) => (b.total > a.total ? b : a)) : undefined;
  const row: BuildRow = {
    ...figures,
    astro: { ...figures.astro, tail: [], samples: [] },
    pagefind: { ...figures.pagefind, tail: [], samples: [] },
    largestArticle: largest(articlePages),
    largestPage: largest(weights),
    overBudget: weights.filter((w) => w.total > BUDGET_BYTES).length,
    overBudgetPages: weights
      .filter((w) => w.total > BUDGET_BYTES)
      .sort((a, b) => b.total - a.total)
      .map((w) => ({ page: w.page, total: w.total })),
    load: `${loadBefore} -> ${loadavg()[0].toFixed(1)}`,
  };
  results.builds.push(row);
  save();
  return row;
}

async function main(): Promise<void> {
  log(`real site: copying the project`);
  const real = makeTempProject('real', 'real');
  projects.push(real);
  const realRow = await build('real site', real);
  if (realRow.largestPage) log(`largest page of the real site: ${describe(realRow.largestPage)}`);

  if (!skip.has('types')) {
    log('page weight per page type (headless Chromium)');
    try {
      results.types = await benchPageTypes(real.distDir);
    } catch (error) {
      results.types = { unavailable: (error as Error).message.split('\n')[0] };
    }
    save();
  }
  if (!skip.has('search')) {
    log('search: cold and warm searches in headless Chromium');
    try {
      results.search = await benchSearch(real.distDir, log, {
        limit: values.queries ? Number(values.queries) : undefined,
        baseline: values.baseline,
        port: Number(values.port),
      });
    } catch (error) {
      results.search = { unavailable: (error as Error).message.split('\n')[0] };
    }
    save();
  }
  if (!skip.has('lighthouse')) {
    const types = results.types && !('unavailable' in results.types) ? results.types : [];
    const pages = types.flatMap((t) => (t.largest ? [{ type: t.type, page: t.largest.page }] : []));
    if (!pages.length) pages.push({ type: 'home', page: '/en/' });
    results.lighthouse = await benchLighthouse(real.distDir, pages, log);
    save();
  }
  if (!values.keep) {
    real.remove();
    projects.splice(projects.indexOf(real), 1);
  }

  // A link card per generated article would measure the PNG renderer, not the site; the generated
  // builds draw one card per language, kind and risk (src/lib/link-card.ts), the real site all.
  if (sizes.length) {
    process.env.LINK_CARDS = 'kinds';
    results.notes.push('Generated builds ran with LINK_CARDS=kinds (one link card per language, kind and risk level).');
  }
  for (const size of sizes) {
    log(`generated knowledge base of about ${size} articles: writing content`);
    let generated = { articles: 0, replicas: 0 };
    const project = makeTempProject(String(size), (contentDir) => {
      generated = generateContent(CONTENT_DIR, contentDir, size);
    });
    projects.push(project);
    log(`${generated.articles} articles (${generated.replicas} copies of the real graph)`);
    try {
      await build(`generated ${generated.articles}`, project);
    } catch (error) {
      results.notes.push(`generated ${size}: ${(error as Error).message.split('\n')[0]}`);
      log((error as Error).message);
      save();
    }
    if (!values.keep) {
      project.remove();
      projects.splice(projects.indexOf(project), 1);
    }
  }
}

if (values['report-only']) Object.assign(results, JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8')));
else
  try {
    await main();
  } finally {
    cleanUp();
  }
save();

console.log('\nBuild\n');
console.log(buildTable(results.builds));
console.log(`\n${phaseTable(results.builds)}`);
if (results.builds.length > 1) console.log(`\n${scalingTable(results.builds)}`);
console.log(`\n${overBudgetTable(results.builds)}`);
const largest = results.builds[0]?.largestPage;
if (largest) console.log(`\nLargest page of the real site (budget model): ${describe(largest)}`);
if (results.types) {
  console.log('\nPage weight per page type (gzip bytes)\n');
  console.log(
    'unavailable' in results.types ? `not measured: ${results.types.unavailable}` : typesTable(results.types),
  );
}
if (results.search) {
  console.log('\nSearch\n');
  console.log(
    'unavailable' in results.search ? `not measured: ${results.search.unavailable}` : searchTable(results.search),
  );
}
if (results.lighthouse) console.log(`\nLighthouse\n\n${lighthouseTable(results.lighthouse)}`);
for (const note of results.notes) console.log(`note: ${note}`);
console.log(`\nWritten: ${join('bench-results', 'report.md')}, results.json, build-time.svg`);
