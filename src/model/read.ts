/**
 * The content reader for Node (unit tests, registry checks, benchmark generator): reads content/
 * as src/content.config.ts declares it, with the parsers Astro's loaders use (its frontmatter
 * parser, js-yaml) and the same schemas, and hands the records to the same buildGraph. Every error
 * names the file and the field. A built-file test compares its graph with the one the build exported.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import * as yaml from 'js-yaml';
import type { ZodType } from 'astro/zod';
import type { ArticleInput, ContentInput } from './graph.ts';
import { ARTICLE_FOLDERS, KINDS, RECORD_FILES } from './kinds.ts';
import { LANGS } from './schemas/common.ts';
import { causeSchema } from './schemas/cause.ts';
import { fixSchema } from './schemas/fix.ts';
import { messageSchema } from './schemas/message.ts';
import { referenceSchema } from './schemas/reference.ts';
import { settingSchema } from './schemas/setting.ts';
import { sourceRecordSchema } from './schemas/source.ts';
import { symptomSchema } from './schemas/symptom.ts';

const ARTICLE_SCHEMAS = { symptom: symptomSchema, cause: causeSchema, fix: fixSchema } as const;

/** Thrown for content that cannot be read or does not match its schema; names file and field. */
export class ContentError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

function validate<T>(schema: ZodType<T>, value: unknown, file: string, where = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ContentError(
    file,
    result.error.issues.map(
      (issue) => `${[where, ...issue.path].filter((p) => p !== '').join('.') || '(record)'}: ${issue.message}`,
    ),
  );
}

function readRecords<T>(dir: string, name: string, schema: ZodType<T>): T[] {
  const file = join(dir, name);
  const list = yaml.load(readFileSync(file, 'utf8'), { filename: file });
  if (!Array.isArray(list)) throw new ContentError(file, ['expected a YAML list of records']);
  return list.map((item, i) => validate(schema, item, file, `[${i}]${item?.id ? ` (${item.id})` : ''}`));
}

export interface ReadContent extends ContentInput {
  /** The MDX body of every article (without frontmatter), by article id. */
  bodies: Map<string, string>;
}

/** Reads and validates the whole content folder; file paths in the result are relative to `root`. */
export function readContent(dir = 'content', root = process.cwd()): ReadContent {
  const articles: ArticleInput[] = [];
  const bodies = new Map<string, string>();
  for (const kind of KINDS)
    for (const lang of LANGS) {
      const folder = join(dir, ARTICLE_FOLDERS[kind], lang);
      for (const name of readdirSync(folder)
        .filter((n) => n.endsWith('.mdx'))
        .sort()) {
        const file = join(folder, name);
        let parsed;
        try {
          parsed = parseFrontmatter(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new ContentError(file, [`frontmatter: ${(error as Error).message}`]);
        }
        const data = validate(ARTICLE_SCHEMAS[kind] as ZodType, parsed.frontmatter, file);
        articles.push({ kind, filePath: relative(root, file), slug: name.replace(/\.mdx$/, ''), data } as ArticleInput);
        bodies.set((data as { id: string }).id, parsed.content);
      }
    }
  return {
    articles,
    bodies,
    messages: readRecords(dir, RECORD_FILES.messages, messageSchema),
    settings: readRecords(dir, RECORD_FILES.settings, settingSchema),
    sources: readRecords(dir, RECORD_FILES.sources, sourceRecordSchema),
    references: readRecords(dir, RECORD_FILES.references, referenceSchema),
  };
}
