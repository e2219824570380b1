/**
 * A synthetic but realistic knowledge base of about N articles, made from the real one: the real
 * articles are copied as replicas (replica 0 is the real content unchanged), each replica with new
 * ids and slugs ("<id>-r<k>") and its graph edges (causes, fixes, translation, risk.saferFix)
 * pointing inside the same replica, so every integrity rule of src/model/integrity.ts still holds. Each
 * copied body gets one extra paragraph of words drawn (seeded) from the same language's articles,
 * so the search index sees varied text rather than identical pages. The YAML records (messages,
 * settings, sources, references) are shared by all replicas. It reads content/ with the one Node
 * reader (src/model/read.ts), so it sees exactly what the tests see.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as yaml from 'js-yaml';
import type { ArticleInput } from '../../src/model/graph.ts';
import { ARTICLE_FOLDERS } from '../../src/model/kinds.ts';
import { readContent } from '../../src/model/read.ts';

interface SourceArticle {
  article: ArticleInput;
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

/**
 * The frontmatter of a replica: the article's validated data with every article id it holds
 * (id, translation, causes, fixes, risk.saferFix) renamed, written back as YAML.
 */
export function replicaFrontmatter(article: ArticleInput, rename: (id: string) => string): string {
  const data = structuredClone(article.data);
  data.id = rename(data.id);
  data.translation = rename(data.translation);
  if ('causes' in data) data.causes = data.causes.map(rename);
  if ('fixes' in data) data.fixes = data.fixes.map(rename);
  if ('risk' in data && data.risk.saferFix) data.risk.saferFix = rename(data.risk.saferFix);
  return yaml.dump({ ...data, reviewed: data.reviewed.toISOString().slice(0, 10) }, { lineWidth: -1, noRefs: true });
}

/** Words of the article bodies per language, for the filler paragraphs. */
function vocabulary(articles: SourceArticle[]): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const { article, body } of articles) {
    const list = words.get(article.data.lang) ?? [];
    const prose = body.replace(/^#.*$/gm, '').replace(/[`*_[\]()#>|]/g, ' ');
    for (const word of prose.split(/\s+/)) if (/^[\p{L}][\p{L}\p{N}-]{2,}$/u.test(word)) list.push(word);
    words.set(article.data.lang, list);
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
  const content = readContent(sourceDir);
  const articles: SourceArticle[] = content.articles.map((article) => ({
    article,
    body: content.bodies.get(article.data.id) ?? '',
  }));
  if (!articles.length) throw new Error(`${sourceDir}: no articles to copy`);
  const replicas = Math.max(1, Math.round(target / articles.length));
  const words = vocabulary(articles);
  const next = random(seed);

  for (const file of listFiles(sourceDir).filter((f) => !f.endsWith('.mdx'))) {
    const to = join(targetDir, relative(sourceDir, file));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
  }
  for (let k = 0; k < replicas; k++) {
    const suffix = k === 0 ? '' : `-r${k}`;
    for (const { article, body } of articles) {
      const folder = join(targetDir, ARTICLE_FOLDERS[article.kind], article.data.lang);
      const to = join(folder, `${article.slug}${suffix}.mdx`);
      mkdirSync(folder, { recursive: true });
      if (k === 0) {
        copyFileSync(join(sourceDir, ARTICLE_FOLDERS[article.kind], article.data.lang, `${article.slug}.mdx`), to);
        continue;
      }
      const frontmatter = replicaFrontmatter(article, (id) => `${id}${suffix}`);
      const filler = fillerParagraph(words.get(article.data.lang) ?? ['text'], next);
      writeFileSync(to, `---\n${frontmatter}---\n${body.trimEnd()}\n\n${filler}\n`);
    }
  }
  return { articles: articles.length * replicas, replicas };
}
