/**
 * What a page costs before the reader acts: its HTML, every stylesheet it links (and their
 * @imports) and every script it loads with <script src> (and the modules those import statically),
 * each compressed on its own with gzip at the level nginx uses (GZIP_LEVEL). Pagefind is not counted: the search page imports it
 * dynamically when a search starts. Shared by tests/built/budgets.test.ts and `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

function nginxSetting(name: string, fallback: number): number {
  const conf = resolve(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf');
  const text = existsSync(conf) ? readFileSync(conf, 'utf8') : '';
  const match = new RegExp(`^\\s*${name}\\s+(\\d+)\\s*;`, 'm').exec(text);
  return match ? Number(match[1]) : fallback;
}
/**
 * The gzip level nginx compresses with: `gzip_comp_level` of deploy/nginx.conf, else nginx's
 * default, 1 (the cheapest and largest; level 9 would flatter the figures by 5-15 %).
 */
export const GZIP_LEVEL = nginxSetting('gzip_comp_level', 1);
/** Responses shorter than this go out uncompressed (`gzip_min_length`, nginx default 20). */
export const GZIP_MIN_LENGTH = nginxSetting('gzip_min_length', 20);
/** The budget: 14 KiB, about what the first TCP round trip delivers (10 segments of 1460 bytes). */
export const BUDGET_BYTES = 14 * 1024;

export type AssetType = 'html' | 'css' | 'js';

export interface Asset {
  type: AssetType;
  /** Path below dist/, with a leading slash, as the browser requests it. */
  url: string;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** URL path of the page, e.g. /en/fixes/x/. */
  page: string;
  assets: Asset[];
  /** gzip bytes by type. */
  html: number;
  css: number;
  js: number;
  total: number;
  /** Every <script src> and <link href> of the HTML, for the Pagefind check. */
  references: string[];
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();

export function gzipSize(file: string, level = GZIP_LEVEL): { raw: number; gzip: number } {
  const key = `${level}:${file}`;
  const hit = gzipCache.get(key);
  if (hit) return hit;
  const bytes = readFileSync(file);
  const gzip = bytes.length < GZIP_MIN_LENGTH ? bytes.length : gzipSync(bytes, { level }).length;
  const size = { raw: bytes.length, gzip };
  gzipCache.set(key, size);
  return size;
}

/** Attributes of one tag, lower-cased names; value-less attributes map to ''. */
export function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return attrs;
}

/** Tags of one name in an HTML document, without the contents of scripts, styles and comments. */
export function tags(html: string, name: string): string[] {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1</style>');
  return [...stripped.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

/** The file in dist/ behind a same-site URL, or undefined for another origin. */
function fileOf(distDir: string, fromUrl: string, ref: string): { url: string; file: string } | undefined {
  const url = new URL(ref, `http://site.invalid${fromUrl}`);
  if (url.origin !== 'http://site.invalid') return undefined;
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(distDir, `.${path}`);
  if (!file.startsWith(resolve(distDir) + sep)) throw new Error(`${fromUrl}: "${ref}" points outside dist/`);
  return { url: url.pathname, file };
}

/** Specifiers of static imports and re-exports in an ES module (not dynamic import()). */
export function staticImports(code: string): string[] {
  const specs: string[] = [];
  const quote = '["\'`]';
  const re = new RegExp(
    `(?:^|[^\\w$.])(?:import|export)\\s*(?:[\\w$*{}\\s,]*?\\bfrom\\s*)?(${quote})([^"'\`]+)\\1`,
    'g',
  );
  for (const m of code.matchAll(re)) specs.push(m[2]);
  return specs;
}

/** CSS @import targets. */
function cssImports(code: string): string[] {
  return [...code.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].map((m) => m[1]);
}

/** URL path of an HTML file below dist/: dist/en/x/index.html -> /en/x/. */
export function pageUrl(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export function htmlFiles(distDir: string): string[] {
  return readdirSync(distDir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/**
 * Weighs one page. Throws when the page links a file that is not in dist/ (the browser would
 * fetch nothing and the figure would be wrong).
 */
export function weighPage(distDir: string, htmlFile: string): PageWeight {
  const page = pageUrl(distDir, htmlFile);
  const html = readFileSync(htmlFile, 'utf8');
  const assets: Asset[] = [{ type: 'html', url: page, ...gzipSize(htmlFile) }];
  const seen = new Set<string>([htmlFile]);
  const references: string[] = [];
  const add = (type: AssetType, fromUrl: string, ref: string): { url: string; file: string } | undefined => {
    const target = fileOf(distDir, fromUrl, ref);
    if (!target) return undefined;
    if (!existsSync(target.file)) throw new Error(`${page}: ${type} "${ref}" (from ${fromUrl}) is not in dist/`);
    if (seen.has(target.file)) return undefined;
    seen.add(target.file);
    assets.push({ type, url: target.url, ...gzipSize(target.file) });
    return target;
  };

  for (const tag of tags(html, 'link')) {
    const attrs = attributes(tag);
    if (attrs.href) references.push(attrs.href);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) {
      const queue = [add('css', page, attrs.href)];
      while (queue.length) {
        const css = queue.pop();
        if (!css) continue;
        for (const ref of cssImports(readFileSync(css.file, 'utf8'))) queue.push(add('css', css.url, ref));
      }
    } else if (rel.includes('modulepreload') || (rel.includes('preload') && attrs.as === 'script')) {
      followScript(add('js', page, attrs.href));
    }
  }
  function followScript(script: { url: string; file: string } | undefined): void {
    const queue = [script];
    while (queue.length) {
      const js = queue.pop();
      if (!js) continue;
      for (const spec of staticImports(readFileSync(js.file, 'utf8'))) {
        // Bare specifiers ("astro:...") cannot load in a browser; only paths are followed.
        if (/^(\.{0,2}\/)/.test(spec)) queue.push(add('js', js.url, spec));
      }
    }
  }
  for (const tag of tags(html, 'script')) {
    const attrs = attributes(tag);
    if (attrs.src === undefined) continue;
    references.push(attrs.src);
    followScript(add('js', page, attrs.src));
  }

  const sum = (type: AssetType) => assets.filter((a) => a.type === type).reduce((s, a) => s + a.gzip, 0);
  const weight = { html: sum('html'), css: sum('css'), js: sum('js') };
  return { page, assets, ...weight, total: weight.html + weight.css + weight.js, references };
}

/** "/en/x/: 12345 B gzip (html 6100, css 3000, js 3245)" */
export function describe(w: PageWeight): string {
  return `${w.page}: ${w.total} B gzip (html ${w.html}, css ${w.css}, js ${w.js})`;
}

/** The HTML file of a page, from its URL path (/en/x/ -> dist/en/x/index.html). */
export function htmlFileFor(distDir: string, page: string): string {
  return join(distDir, page.replace(/^\//, ''), page.endsWith('/') ? 'index.html' : '');
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
