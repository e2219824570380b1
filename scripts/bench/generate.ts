/**
 * A synthetic but realistic knowledge base of about N articles, made from the real one: the real
 * articles are copied as replicas (replica 0 is the real content unchanged), each replica with new
 * ids and slugs ("<id>-r<k>") and its graph edges (causes, fixes, translation, risk.saferFix)
 * pointing inside the same replica, so every integrity rule of src/lib/graph.ts still holds. Each
 * copied body gets one extra paragraph of words drawn (seeded) from the same language's articles,
 * so the search index sees varied text rather than identical pages. The YAML records (messages,
 * settings, sources, references) are shared by all replicas.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

interface SourceArticle {
  /** Path below content/, e.g. symptoms/en/guest-access-blocked.mdx. */
  rel: string;
  lang: string;
  frontmatter: string;
  body: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Small deterministic PRNG (mulberry32), so two runs generate the same content. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readArticles(contentDir: string): SourceArticle[] {
  return listFiles(contentDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter block`);
      const lang = /^lang:\s*["']?(\w+)/m.exec(match[1])?.[1];
      if (!lang) throw new Error(`${file}: no lang in the frontmatter`);
      return { rel: relative(contentDir, file), lang, frontmatter: match[1], body: match[2] };
    });
}

const unquote = (value: string) => value.trim().replace(/^["']|["']$/g, '');

/**
 * Rewrites the article ids in the frontmatter fields that hold them (id, translation, causes,
 * fixes, risk.saferFix; flow or block lists) with `rename`. Other fields are left alone.
 */
export function renameIds(frontmatter: string, ids: Set<string>, rename: (id: string) => string): string {
  const map = (value: string) => {
    const id = unquote(value);
    return ids.has(id) ? rename(id) : id;
  };
  let inList = false;
  return frontmatter
    .split('\n')
    .map((line) => {
      const scalar = /^(id|translation|\s+saferFix):\s*(\S+)\s*$/.exec(line);
      if (scalar) {
        inList = false;
        return `${scalar[1]}: ${map(scalar[2])}`;
      }
      const flow = /^(causes|fixes):\s*\[(.*)\]\s*$/.exec(line);
      if (flow) {
        inList = false;
        const items = flow[2].split(',').filter((s) => s.trim());
        return `${flow[1]}: [${items.map(map).join(', ')}]`;
      }
      if (/^(causes|fixes):\s*$/.test(line)) {
        inList = true;
        return line;
      }
      const item = /^(\s*-\s+)(\S+)\s*$/.exec(line);
      if (inList && item) return `${item[1]}${map(item[2])}`;
      if (/^\S/.test(line)) inList = false;
      return line;
    })
    .join('\n');
}

/** Words of the article bodies per language, for the filler paragraphs. */
function vocabulary(articles: SourceArticle[]): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const article of articles) {
    const list = words.get(article.lang) ?? [];
    const prose = article.body.replace(/^#.*$/gm, '').replace(/[`*_[\]()#>|]/g, ' ');
    for (const word of prose.split(/\s+/)) if (/^[\p{L}][\p{L}\p{N}-]{2,}$/u.test(word)) list.push(word);
    words.set(article.lang, list);
  }
  return words;
}

function fillerParagraph(words: string[], next: () => number): string {
  const count = 40 + Math.floor(next() * 40);
  const picked = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]);
  const text = picked.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export interface Generated {
  articles: number;
  replicas: number;
}

/**
 * Writes a content/ folder of about `target` articles into `targetDir`, copied from `sourceDir`.
 * The count is a whole number of replicas of the real knowledge base, so it is "about" target.
 */
export function generateContent(sourceDir: string, targetDir: string, target: number, seed = 1): Generated {
  const articles = readArticles(sourceDir);
  if (!articles.length) throw new Error(`${sourceDir}: no articles to copy`);
  const replicas = Math.max(1, Math.round(target / articles.length));
  const ids = new Set(articles.map((a) => unquote(/^id:\s*(\S+)/m.exec(a.frontmatter)?.[1] ?? '')));
  const words = vocabulary(articles);
  const next = random(seed);

  for (const file of listFiles(sourceDir).filter((f) => !f.endsWith('.mdx'))) {
    const to = join(targetDir, relative(sourceDir, file));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
  }
  for (let k = 0; k < replicas; k++) {
    const suffix = k === 0 ? '' : `-r${k}`;
    for (const article of articles) {
      const slug = basename(article.rel, '.mdx');
      const to = join(targetDir, dirname(article.rel), `${slug}${suffix}.mdx`);
      mkdirSync(dirname(to), { recursive: true });
      if (k === 0) {
        copyFileSync(join(sourceDir, article.rel), to);
        continue;
      }
      const frontmatter = renameIds(article.frontmatter, ids, (id) => `${id}${suffix}`);
      const filler = fillerParagraph(words.get(article.lang) ?? ['text'], next);
      writeFileSync(to, `---\n${frontmatter}\n---\n${article.body.trimEnd()}\n\n${filler}\n`);
    }
  }
  return { articles: articles.length * replicas, replicas };
}
