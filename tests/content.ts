/**
 * Reads the real content/ folder the way src/content.config.ts declares it, validates it with the
 * same schemas and builds the same graph, so unit tests can check the whole knowledge base
 * without running Astro.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import type { ArticleInput, ContentInput } from '../src/model/graph.ts';
import type { Kind } from '../src/model/routes.ts';
import { causeSchema } from '../src/model/schemas/cause.ts';
import { fixSchema } from '../src/model/schemas/fix.ts';
import { messageSchema } from '../src/model/schemas/message.ts';
import { referenceSchema } from '../src/model/schemas/reference.ts';
import { settingSchema } from '../src/model/schemas/setting.ts';
import { sourceRecordSchema } from '../src/model/schemas/source.ts';
import { symptomSchema } from '../src/model/schemas/symptom.ts';

const SCHEMAS = { symptom: symptomSchema, cause: causeSchema, fix: fixSchema } as const;
const FOLDERS: Record<Kind, string> = { symptom: 'symptoms', cause: 'causes', fix: 'fixes' };

export function frontmatter(text: string, file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter block`);
  return yaml.load(match[1]);
}

function list<T>(file: string, schema: { parse(v: unknown): T }): T[] {
  return (yaml.load(readFileSync(file, 'utf8')) as unknown[]).map((item) => schema.parse(item));
}

export function loadContent(dir = 'content'): ContentInput & { bodies: Map<string, string> } {
  const articles: ArticleInput[] = [];
  const bodies = new Map<string, string>();
  for (const kind of ['symptom', 'cause', 'fix'] as const) {
    for (const lang of ['de', 'en']) {
      const folder = join(dir, FOLDERS[kind], lang);
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.mdx'))) {
        const filePath = join(folder, name);
        const text = readFileSync(filePath, 'utf8');
        const data = SCHEMAS[kind].parse(frontmatter(text, filePath));
        articles.push({ kind, filePath, slug: name.replace(/\.mdx$/, ''), data } as ArticleInput);
        bodies.set(data.id, text.replace(/^---[\s\S]*?\n---/, ''));
      }
    }
  }
  return {
    articles,
    bodies,
    messages: list(join(dir, 'messages.yaml'), messageSchema),
    settings: list(join(dir, 'settings.yaml'), settingSchema),
    sources: list(join(dir, 'sources', 'thread.yaml'), sourceRecordSchema),
    references: list(join(dir, 'references.yaml'), referenceSchema),
  };
}
