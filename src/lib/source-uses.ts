/**
 * How the thread's records and the messages are used by articles, for the sources and messages
 * pages: one entry per article (a comment can be both the origin of a fix and evidence on it).
 */
import type { ArticleNode, KnowledgeGraph, SourceUse } from '../model/graph.ts';
import { LANGS, type Lang } from '../model/schemas/common.ts';
import type { Outcome } from '../model/schemas/fix.ts';
import type { SourceRecord } from '../model/schemas/source.ts';
import { INLINE_USES, LINKS_PER_PAGE, paginateList } from './paging.ts';
import { messageAnchor, sourceAnchor } from './present.ts';

export interface ArticleUse {
  article: ArticleNode;
  /** 'origin', or the outcome the record reports for a fix. */
  roles: ('origin' | Outcome)[];
}

export function usesByArticle(uses: SourceUse[]): ArticleUse[] {
  const groups = new Map<string, ArticleUse>();
  for (const use of uses) {
    const role = use.role === 'origin' ? 'origin' : use.evidence!.outcome;
    const group = groups.get(use.article.id) ?? { article: use.article, roles: [] };
    if (!group.roles.includes(role)) group.roles.push(role);
    groups.set(use.article.id, group);
  }
  return [...groups.values()];
}

export function articlesUsingSource(graph: KnowledgeGraph, record: SourceRecord, lang: Lang): ArticleUse[] {
  return usesByArticle(graph.usesOfSource(record.id, lang));
}

/** The post, then each comment with its replies: the groups the sources page folds. */
export function threadGroups(records: SourceRecord[]): SourceRecord[][] {
  const groups: SourceRecord[][] = [];
  for (const record of records)
    if (record.kind === 'reply' && groups.length) groups[groups.length - 1].push(record);
    else groups.push([record]);
  return groups;
}

/** A record (thread record or message) whose articles get a page of their own, in one language. */
export interface RecordUsesPage {
  lang: Lang;
  list: 'sources' | 'messages';
  id: string;
  name: string;
  anchor: string;
  uses: { article: ArticleNode; note?: string }[];
  page: number;
}

/**
 * Every page of every record used by more articles than its index page lists inline. `describe`
 * names a record and its role labels in the page's language.
 */
export function recordUsesPages(
  graph: KnowledgeGraph,
  describe: (lang: Lang) => {
    sourceName(record: SourceRecord): string;
    role(role: ArticleUse['roles'][number]): string;
    messageName(id: string): string;
  },
): RecordUsesPage[] {
  return LANGS.flatMap((lang) => {
    const words = describe(lang);
    const records = [
      ...graph.sources.map((record) => ({
        list: 'sources' as const,
        id: record.id,
        name: words.sourceName(record),
        anchor: sourceAnchor(record),
        uses: articlesUsingSource(graph, record, lang).map(
          ({ article, roles }): { article: ArticleNode; note?: string } => ({
            article,
            note: roles.map(words.role).join(', '),
          }),
        ),
      })),
      ...[...graph.messages.keys()].map((id) => ({
        list: 'messages' as const,
        id,
        name: words.messageName(id),
        anchor: messageAnchor(id),
        uses: graph
          .symptomsWithMessage(id, lang)
          .map((article): { article: ArticleNode; note?: string } => ({ article })),
      })),
    ];
    return records
      .filter((record) => record.uses.length > INLINE_USES)
      .flatMap((record) => paginateList(record.uses, LINKS_PER_PAGE).map(({ page }) => ({ ...record, lang, page })));
  });
}
