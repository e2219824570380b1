/**
 * The Astro reader of content/: the collections declared in src/content.config.ts, handed to the
 * same buildGraph as the Node reader (read.ts). It builds the graph once per build and fails the
 * build with every integrity problem listed, each naming file and field.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildGraph, type ArticleInput, type ArticleNode, type KnowledgeGraph } from './graph.ts';
import { ARTICLE_FOLDERS, KINDS, type ArticleCollection } from './kinds.ts';

type ArticleEntry = CollectionEntry<ArticleCollection>;

const entries = new Map<string, ArticleEntry>();
let graphPromise: Promise<KnowledgeGraph> | undefined;

function slugOf(entry: ArticleEntry): string {
  const file = entry.filePath ?? entry.id;
  return file.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
}

async function load(): Promise<KnowledgeGraph> {
  const articles: ArticleInput[] = [];
  const bodies = new Map<string, string>();
  for (const kind of KINDS) {
    for (const entry of await getCollection(ARTICLE_FOLDERS[kind])) {
      entries.set(entry.data.id, entry);
      if (entry.body) bodies.set(entry.data.id, entry.body);
      articles.push({
        kind,
        filePath: entry.filePath ?? `content/${ARTICLE_FOLDERS[kind]}/${entry.id}`,
        slug: slugOf(entry),
        data: entry.data,
      } as ArticleInput);
    }
  }
  const data = async <C extends 'messages' | 'settings' | 'sources' | 'references'>(name: C) =>
    (await getCollection(name)).map((entry) => entry.data as CollectionEntry<C>['data']);
  return buildGraph({
    articles,
    messages: await data('messages'),
    settings: await data('settings'),
    sources: await data('sources'),
    references: await data('references'),
    bodies,
  });
}

export function getGraph(): Promise<KnowledgeGraph> {
  graphPromise ??= load();
  return graphPromise;
}

/** The collection entry behind a node, for rendering its MDX body. */
export function entryOf(node: ArticleNode): ArticleEntry {
  const entry = entries.get(node.id);
  if (!entry) throw new Error(`No collection entry for article "${node.id}"; getGraph() must run first`);
  return entry;
}
