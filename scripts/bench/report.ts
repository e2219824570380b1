/** Tables for the terminal and bench-results/report.md, and the build-time SVG chart. */
import type { BuildFigures } from './build.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import type { TypeFigures } from './pagetypes.ts';
import type { BuildFigures as SearchBuild, SearchFigures, SearchSample } from './search.ts';
import type { PageWeight } from './weight.ts';

export interface BuildRow extends BuildFigures {
  /** Largest article page and largest page of the build, by the budget model. */
  largestArticle?: PageWeight;
  largestPage?: PageWeight;
  overBudget: number;
  /** Pages over the budget, heaviest first. */
  overBudgetPages: { page: string; total: number }[];
  load: string;
}

export interface Results {
  started: string;
  environment: string[];
  builds: BuildRow[];
  search?: SearchFigures | { unavailable: string };
  types?: TypeFigures[] | { unavailable: string };
  lighthouse?: LighthouseFigures;
  notes: string[];
}

/** A Markdown table padded to line up in a terminal too. */
export function table(head: string[], rows: (string | number)[][], right: boolean[] = []): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (right[i] ? (c ?? '').padStart(width[i]) : (c ?? '').padEnd(width[i]))).join(' | ')} |`;
  const rule = `| ${width.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const num = (n: number) => n.toLocaleString('en-US');

export function buildTable(builds: BuildRow[]): string {
  return table(
    [
      'knowledge base',
      'articles',
      'pages',
      'astro build s',
      'of it rendering s',
      'pages/s',
      'ms/page',
      'astro peak MiB',
      'pagefind s',
      'pagefind peak MiB',
      'index MiB',
      'dist MiB',
      'largest article page',
      'over budget',
      'load avg',
    ],
    builds.map((b) => [
      b.label,
      num(b.articles),
      num(b.pages),
      s(b.astro.wallMs),
      b.renderMs === undefined ? '?' : s(b.renderMs),
      b.pagesPerSecond.toFixed(1),
      ((b.astro.wallMs + b.pagefind.wallMs) / b.pages).toFixed(1),
      b.astro.peakMiB?.toFixed(0) ?? '?',
      s(b.pagefind.wallMs),
      b.pagefind.peakMiB?.toFixed(0) ?? '?',
      mib(b.pagefindBytes),
      mib(b.distBytes),
      b.largestArticle ? `${num(b.largestArticle.total)} B` : '?',
      b.overBudget,
      b.load,
    ]),
    [false, true, true, true, true, true, true, true, true, true, true, true, true, true, false],
  );
}

/** Where the astro build spends its time and memory: content sync + bundling, then rendering. */
export function phaseTable(builds: BuildRow[]): string {
  const sec = (ms?: number) => (ms === undefined ? '?' : s(ms));
  const mem = (v?: number) => (v === undefined ? '?' : v.toFixed(0));
  return table(
    ['knowledge base', 'content sync s', 'sync + bundling s', 'rendering s', 'bundling peak MiB', 'rendering peak MiB'],
    builds.map((b) => [
      b.label,
      sec(b.syncMs),
      sec(b.bundleMs),
      sec(b.renderMs),
      mem(b.bundlePeakMiB),
      mem(b.renderPeakMiB),
    ]),
    [false, true, true, true, true, true],
  );
}

/** The pages over the budget in each build (heaviest first). */
export function overBudgetTable(builds: BuildRow[]): string {
  return table(
    ['knowledge base', 'pages over budget', 'heaviest (gzip B)'],
    builds.map((b) => [
      b.label,
      b.overBudget,
      (b.overBudgetPages ?? [])
        .slice(0, 6)
        .map((p) => `${p.page} ${num(p.total)}`)
        .join(', ') || '-',
    ]),
    [false, true, false],
  );
}

/** Cost of each step up in size, per 1,000 more articles: shows whether the build grows linearly. */
export function scalingTable(builds: BuildRow[]): string {
  const sorted = [...builds].sort((a, b) => a.articles - b.articles);
  const rows: string[][] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const per = (x: number, y: number) => (((y - x) / (b.articles - a.articles)) * 1000) / 1000;
    rows.push([
      `${num(a.articles)} -> ${num(b.articles)}`,
      per(a.astro.wallMs, b.astro.wallMs).toFixed(1),
      a.renderMs !== undefined && b.renderMs !== undefined ? per(a.renderMs, b.renderMs).toFixed(1) : '?',
      per(a.pagefind.wallMs, b.pagefind.wallMs).toFixed(1),
      a.astro.peakMiB && b.astro.peakMiB
        ? (((b.astro.peakMiB - a.astro.peakMiB) / (b.articles - a.articles)) * 1000).toFixed(0)
        : '?',
    ]);
  }
  return table(
    ['step', 'astro s per 1,000 more articles', 'rendering s per 1,000', 'pagefind s per 1,000', 'astro MiB per 1,000'],
    rows,
    [false, true, true, true, true],
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '-');

/** The search figures of one build: medians over its samples, the targets' units. */
export function searchSummary(build: SearchBuild) {
  const pick = (profile: string, kind?: string) =>
    build.samples.filter((s) => s.profile === profile && (!kind || s.kind === kind));
  const timed = (samples: SearchSample[]) => samples.filter((s) => s.ms >= 0);
  const med = (values: number[]) => (values.length ? median(values) : NaN);
  const known = pick('desktop', 'known');
  const free = pick('desktop', 'free');
  const phone = pick('phone', 'known');
  const plain = med(build.plain.desktop);
  const top = (lang: string, n: number) => {
    const mine = pick('desktop').filter((s) => s.query.lang === lang);
    return { hit: mine.filter((s) => s.rank > 0 && s.rank <= n).length, of: mine.length };
  };
  return {
    known: med(timed(known).map((s) => s.ms)),
    knownMissed: known.length - timed(known).length,
    plain,
    ratio: med(timed(known).map((s) => s.ms)) / plain,
    free: med(timed(free).map((s) => s.ms)),
    freeMissed: free.length - timed(free).length,
    phone: med(timed(phone).map((s) => s.ms)),
    phonePlain: med(build.plain.phone),
    keystroke: med(build.keystrokes),
    keystrokes: build.keystrokes.length,
    keys: build.keys ?? 0,
    bytesKnown: med(timed(known).map((s) => s.bytes)),
    bytesFree: med(timed(free).map((s) => s.bytes)),
    bytesAll: med(pick('desktop').map((s) => s.totalBytes)),
    requests: med(pick('desktop').map((s) => s.requests)),
    top1: Object.fromEntries(['de', 'en'].map((lang) => [lang, top(lang, 1)])),
    top3: Object.fromEntries(['de', 'en'].map((lang) => [lang, top(lang, 3)])),
    counts: { known: known.length, free: free.length, phone: phone.length },
  };
}

/** The issue's figures, one column per measured build, and the targets. */
export function searchTable(search: SearchFigures): string {
  const sums = search.builds.map(searchSummary);
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'none');
  const missed = (n: number) => (n ? ` (${n} never)` : '');
  const rows: string[][] = [
    [
      'pasted known message or code -> right article visible, median',
      ...sums.map((x) => `${ms(x.known)}${missed(x.knownMissed)}`),
      '<= 300 ms',
    ],
    [
      '... as a multiple of a plain page load (load event, median)',
      ...sums.map((x) => `${x.ratio.toFixed(2)}x of ${ms(x.plain)}`),
      '<= 1.5x',
    ],
    ['free text -> first result, median', ...sums.map((x) => `${ms(x.free)}${missed(x.freeMissed)}`), '<= 700 ms'],
    [
      'phone profile, pasted known message, median',
      ...sums.map((x) => `${ms(x.phone)} (plain page ${ms(x.phonePlain)})`),
      '<= 1,200 ms',
    ],
    [
      'next keystroke -> updated results, median',
      ...sums.map((x) =>
        x.keystrokes
          ? `${ms(x.keystroke)} (${x.keystrokes} of ${x.keys} keys answered)`
          : 'none (no search while typing)',
      ),
      '<= 50 ms',
    ],
    [
      'bytes before the first result, known message (median, gzip, headers incl.)',
      ...sums.map((x) => `${kib(x.bytesKnown)} KiB`),
      '<= 100 KB',
    ],
    ['bytes before the first result, free text (median)', ...sums.map((x) => `${kib(x.bytesFree)} KiB`), '<= 100 KB'],
    ['bytes of the whole search (median, all requests)', ...sums.map((x) => `${kib(x.bytesAll)} KiB`), ''],
    ...(['de', 'en'] as const).map((lang) => [
      `top-1 on the query sets, ${lang}`,
      ...sums.map((x) => `${pct(x.top1[lang].hit, x.top1[lang].of)} (${x.top1[lang].hit}/${x.top1[lang].of})`),
      '>= 97 %',
    ]),
    ...(['de', 'en'] as const).map((lang) => [
      `top-3, ${lang}`,
      ...sums.map((x) => `${pct(x.top3[lang].hit, x.top3[lang].of)}`),
      '',
    ]),
  ];
  const head = ['figure', ...search.builds.map((b) => b.label), 'target'];
  const counts = sums[0]?.counts;
  return (
    table(head, rows) +
    `

${search.queries} queries (desktop: ${counts?.known ?? 0} known messages or codes, ${counts?.free ?? 0} free text; phone: the ${counts?.phone ?? 0} known ones), each in a new browser context with the page load included; server: ${search.server}. Phone profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower (Chromium DevTools emulation).`
  );
}

export function typesTable(types: TypeFigures[]): string {
  return table(
    [
      'page type',
      'pages',
      'model median B',
      'heaviest page',
      'model B (html/css/js)',
      'browser: html',
      'css',
      'js',
      'fonts',
      'images',
      'other',
      'total B',
      'requests',
    ],
    types.map((t) =>
      t.largest
        ? [
            t.type,
            t.pages,
            num(t.median ?? 0),
            t.largest.page,
            `${num(t.largest.total)} (${t.largest.html}/${t.largest.css}/${t.largest.js})`,
            t.loaded?.html ?? '?',
            t.loaded?.css ?? '?',
            t.loaded?.js ?? '?',
            t.loaded?.fonts ?? '?',
            t.loaded?.images ?? '?',
            t.loaded?.other ?? '?',
            t.loaded ? num(t.loaded.total) : '?',
            t.loaded?.requests ?? '?',
          ]
        : [t.type, 0, '-', 'not built', '-', '-', '-', '-', '-', '-', '-', '-', '-'],
    ),
    [false, true, true, false, true, true, true, true, true, true, true, true, true],
  );
}

export function lighthouseTable(figures: LighthouseFigures): string {
  if ('unavailable' in figures) return `Lighthouse could not run here: ${figures.unavailable}`;
  const ms = (v?: number) => (v === undefined ? '-' : v.toFixed(0));
  return (
    table(
      [
        'page type',
        'page',
        'performance',
        'accessibility',
        'best practices',
        'SEO',
        'FCP ms',
        'LCP ms',
        'TBT ms',
        'CLS',
      ],
      figures.rows.map((r) =>
        r.scores
          ? [
              r.type,
              r.page,
              r.scores.performance ?? '-',
              r.scores.accessibility ?? '-',
              r.scores['best-practices'] ?? '-',
              r.scores.seo ?? '-',
              ms(r.metrics?.fcp),
              ms(r.metrics?.lcp),
              ms(r.metrics?.tbt),
              r.metrics?.cls === undefined ? '-' : r.metrics.cls.toFixed(3),
            ]
          : [r.type, r.page, `failed: ${r.error}`, '', '', '', '', '', '', ''],
      ),
      [false, false, true, true, true, true, true, true, true, true],
    ) +
    `\n\nLighthouse ${figures.version}, default settings (mobile, simulated slow 4G and 4x CPU slowdown). The search page is noindex on purpose, which Lighthouse's SEO category counts against it.`
  );
}

export function markdown(results: Results): string {
  const parts = [
    '# Benchmark results',
    '',
    `Run ${results.started} by \`npm run bench\` (scripts/bench.ts). Figures, not assertions.`,
    '',
    ...results.environment.map((e) => `- ${e}`),
    '',
    '## Build',
    '',
    buildTable(results.builds),
    '',
    '![Build time against article count](build-time.svg)',
    '',
    'Generated knowledge bases are whole copies of the real graph (new ids, slugs and translation pairs; one extra paragraph of words from the same language per article). All copies share the real 40 source records and messages, so /sources/ and /messages/ grow faster than in a real knowledge base of that size. "largest article page" and "over budget" use the budget model of tests/built/budgets.test.ts; "over budget" counts every HTML page, the test only articles and the named pages.',
    '',
  ];
  parts.push('### Phases of the astro build', '', phaseTable(results.builds), '');
  parts.push(
    'Phase memory is the summed RSS of the build process tree sampled every 500 ms; the peak column above is GNU time (largest single process).',
    '',
  );
  if (results.builds.length > 1) parts.push('### Growth between sizes', '', scalingTable(results.builds), '');
  parts.push('### Pages over the 14 KiB budget', '', overBudgetTable(results.builds), '');
  if (results.types) {
    parts.push('## Page weight per page type', '');
    parts.push(
      'unavailable' in results.types
        ? `Not measured: ${results.types.unavailable}`
        : typesTable(results.types) +
            '\n\n"model" = the budget test\'s count (HTML + stylesheets + scripts before the reader acts); "browser" = every response Chromium fetched for that page until the network was idle, by resource type ("other": the favicon). gzip bytes.',
      '',
    );
  }
  if (results.search) {
    parts.push('## Search (real site, headless Chromium)', '');
    parts.push(
      'unavailable' in results.search ? `Not measured: ${results.search.unavailable}` : searchTable(results.search),
      '',
    );
  }
  if (results.lighthouse) parts.push('## Lighthouse', '', lighthouseTable(results.lighthouse), '');
  if (results.notes.length) parts.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '');
  return parts.join('\n');
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A small line chart: build seconds (astro, pagefind, total) against article count. */
export function buildTimeSvg(builds: BuildRow[]): string {
  const points = [...builds].sort((a, b) => a.articles - b.articles);
  const W = 640;
  const H = 360;
  const m = { left: 60, right: 130, top: 30, bottom: 50 };
  const maxX = Math.max(...points.map((p) => p.articles), 1);
  const maxY = Math.max(...points.map((p) => (p.astro.wallMs + p.pagefind.wallMs) / 1000), 1);
  const niceStep = (max: number) => {
    const raw = max / 5;
    const pow = 10 ** Math.floor(Math.log10(raw));
    return [1, 2, 5, 10].map((f) => f * pow).find((step) => step >= raw) ?? raw;
  };
  const stepX = niceStep(maxX);
  const stepY = niceStep(maxY);
  // 10,004 articles should end the axis at 10,000, not 15,000: a point 2 % past the last tick is fine.
  const topX = Math.max(stepX, Math.ceil(maxX / stepX - 0.02) * stepX);
  const topY = Math.ceil(maxY / stepY) * stepY;
  const x = (v: number) => m.left + (v / topX) * (W - m.left - m.right);
  const y = (v: number) => H - m.bottom - (v / topY) * (H - m.top - m.bottom);
  const series = [
    { name: 'astro build', color: '#1f5fbf', value: (p: BuildRow) => p.astro.wallMs / 1000 },
    { name: 'pagefind', color: '#c05a00', value: (p: BuildRow) => p.pagefind.wallMs / 1000 },
    { name: 'total', color: '#222', value: (p: BuildRow) => (p.astro.wallMs + p.pagefind.wallMs) / 1000 },
  ];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>Build time against article count</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${m.left}" y="18" font-size="14" font-weight="600">Build time (s) against article count</text>`,
  ];
  for (let v = 0; v <= topY + 1e-9; v += stepY)
    out.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${m.left - 6}" y="${y(v) + 4}" text-anchor="end">${+v.toFixed(1)}</text>`,
    );
  for (let v = 0; v <= topX + 1e-9; v += stepX)
    out.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${H - m.bottom}" y2="${H - m.bottom + 4}" stroke="#444"/>`,
      `<text x="${x(v)}" y="${H - m.bottom + 18}" text-anchor="middle">${num(v)}</text>`,
    );
  out.push(
    `<line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}" stroke="#444"/>`,
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" stroke="#444"/>`,
    `<text x="${(m.left + W - m.right) / 2}" y="${H - 12}" text-anchor="middle">articles (both languages)</text>`,
  );
  series.forEach((serie, i) => {
    const path = points.map((p) => `${x(p.articles).toFixed(1)},${y(serie.value(p)).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${path}" fill="none" stroke="${serie.color}" stroke-width="2"/>`);
    for (const p of points)
      out.push(
        `<circle cx="${x(p.articles).toFixed(1)}" cy="${y(serie.value(p)).toFixed(1)}" r="3" fill="${serie.color}"><title>${escape(`${serie.name}: ${num(p.articles)} articles, ${serie.value(p).toFixed(1)} s`)}</title></circle>`,
      );
    const ly = m.top + 10 + i * 20;
    out.push(
      `<line x1="${W - m.right + 12}" x2="${W - m.right + 32}" y1="${ly}" y2="${ly}" stroke="${serie.color}" stroke-width="2"/>`,
      `<text x="${W - m.right + 38}" y="${ly + 4}">${serie.name}</text>`,
    );
  });
  out.push('</svg>', '');
  return out.join('\n');
}
