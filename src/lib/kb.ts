/**
 * The one place that reads the content collections. It builds the graph once per build and
 * fails the build with every integrity problem listed, each naming file and field.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildGraph, type ArticleInput, type ArticleNode, type KnowledgeGraph } from '../model/graph.ts';
import type { Kind } from '../model/routes.ts';

type ArticleCollection = 'symptoms' | 'causes' | 'fixes';
type ArticleEntry = CollectionEntry<ArticleCollection>;

const COLLECTION_OF: Record<Kind, ArticleCollection> = { symptom: 'symptoms', cause: 'causes', fix: 'fixes' };

const entries = new Map<string, ArticleEntry>();
let graphPromise: Promise<KnowledgeGraph> | undefined;

function slugOf(entry: ArticleEntry): string {
  const file = entry.filePath ?? entry.id;
  return file.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
}

async function load(): Promise<KnowledgeGraph> {
  const articles: ArticleInput[] = [];
  for (const kind of ['symptom', 'cause', 'fix'] as const) {
    for (const entry of await getCollection(COLLECTION_OF[kind])) {
      entries.set(entry.data.id, entry);
      articles.push({
        kind,
        filePath: entry.filePath ?? `content/${COLLECTION_OF[kind]}/${entry.id}`,
        slug: slugOf(entry),
        data: entry.data,
      } as ArticleInput);
    }
  }
  const data = async <C extends 'messages' | 'settings' | 'sources' | 'references'>(name: C) =>
    (await getCollection(name)).map((entry) => entry.data as CollectionEntry<C>['data']);
  // The thread keeps the order of the YAML file, which is the order of the comments on the blog.
  const sources = (await data('sources')).sort((a, b) => positionKey(a.position) - positionKey(b.position));
  return buildGraph({
    articles,
    messages: await data('messages'),
    settings: await data('settings'),
    sources,
    references: await data('references'),
  });
}

function positionKey(position: string): number {
  const [comment, reply = '0'] = position.split('.');
  return Number(comment) * 100 + Number(reply);
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
