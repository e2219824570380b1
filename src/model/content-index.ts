/**
 * The content as handed over by a reader (Astro's collections or src/model/read.ts), indexed for
 * the integrity rules and the graph: articles as nodes with their address, records by id, the
 * thread in blog order. Indexing never fails; the rules decide what is wrong.
 */
import type { Kind } from './kinds.ts';
import { articlePath } from './routes.ts';
import type { CauseData } from './schemas/cause.ts';
import type { Lang } from './schemas/common.ts';
import type { FixData } from './schemas/fix.ts';
import type { Message } from './schemas/message.ts';
import type { Reference } from './schemas/reference.ts';
import type { Setting } from './schemas/setting.ts';
import type { SourceRecord } from './schemas/source.ts';
import type { SymptomData } from './schemas/symptom.ts';

interface DataByKind {
  symptom: SymptomData;
  cause: CauseData;
  fix: FixData;
}

/** An article as a reader hands it over: its file, its URL slug and its validated frontmatter. */
export interface ArticleInput<K extends Kind = Kind> {
  kind: K;
  /** Path of the source file, for error messages. */
  filePath: string;
  /** Last part of the URL (the file name without extension). */
  slug: string;
  data: DataByKind[K];
}

/** Everything a reader hands over. */
export interface ContentInput {
  articles: ArticleInput[];
  messages: Message[];
  settings: Setting[];
  sources: SourceRecord[];
  references: Reference[];
  /** MDX bodies by article id, where the reader has them; the citation rule reads them. */
  bodies?: Map<string, string>;
}

export interface ArticleNode<K extends Kind = Kind> extends ArticleInput<K> {
  id: string;
  lang: Lang;
  /** The article's address on the site. */
  url: string;
}
export type SymptomNode = ArticleNode<'symptom'>;
export type CauseNode = ArticleNode<'cause'>;
export type FixNode = ArticleNode<'fix'>;

export interface ContentIndex {
  /** Every article handed over, duplicates included, in reader order. */
  articles: ArticleNode[];
  /** The first article with each id. */
  byId: Map<string, ArticleNode>;
  messages: Map<string, Message>;
  settings: Map<string, Setting>;
  /** The thread in the order of the blog, whatever order the reader handed it in. */
  sources: SourceRecord[];
  sourceById: Map<string, SourceRecord>;
  references: Map<string, Reference>;
  /** The record lists as handed over, for the duplicate-id rule. */
  input: ContentInput;
}

function positionKey(position: string): number {
  const [comment, reply = '0'] = position.split('.');
  return Number(comment) * 100 + Number(reply);
}

export function indexContent(input: ContentInput): ContentIndex {
  const articles = input.articles.map(
    (article) =>
      ({
        ...article,
        id: article.data.id,
        lang: article.data.lang,
        url: articlePath(article.data.lang, article.kind, article.slug),
      }) as ArticleNode,
  );
  const byId = new Map<string, ArticleNode>();
  for (const node of articles) if (!byId.has(node.id)) byId.set(node.id, node);
  const sources = [...input.sources].sort((a, b) => positionKey(a.position) - positionKey(b.position));
  // Readers hand records over in different orders (Astro's store is not the file's order), so
  // the index fixes one: by id.
  const byRecordId = <T extends { id: string }>(records: T[]) =>
    new Map([...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => [r.id, r]));
  return {
    articles,
    byId,
    messages: byRecordId(input.messages),
    settings: byRecordId(input.settings),
    sources,
    sourceById: new Map(sources.map((s) => [s.id, s])),
    references: byRecordId(input.references),
    input,
  };
}

/** Narrowing helpers, so rules and queries need no casts. */
export const isSymptom = (node: ArticleNode): node is SymptomNode => node.kind === 'symptom';
export const isCause = (node: ArticleNode): node is CauseNode => node.kind === 'cause';
export const isFix = (node: ArticleNode): node is FixNode => node.kind === 'fix';
