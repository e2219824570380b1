/**
 * What the search index knows about an article beyond its words: Pagefind filters and the labels
 * a result shows (kind, where the problem was reported). Computed here once for every article page.
 */
import type { UiKey } from '../i18n/index.ts';
import type { ArticleNode, FixNode, KnowledgeGraph, SymptomNode } from '../model/graph.ts';

type Translate = (key: UiKey) => string;

export interface SearchMeta {
  /** Pagefind filters: key -> values, in the page's language. */
  filters: Record<'kind' | 'target' | 'account' | 'windows', string[]>;
  /** Pagefind meta: key -> value, shown as result labels. */
  meta: Partial<Record<'kind' | 'targets' | 'accounts' | 'windows', string>>;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** The symptoms an article belongs to: itself, the symptoms a fix helps, or those a cause produces. */
function relatedSymptoms(graph: KnowledgeGraph, node: ArticleNode): SymptomNode[] {
  if (node.kind === 'symptom') return [node as SymptomNode];
  if (node.kind === 'fix') return graph.symptomsFixedBy(node as FixNode);
  return graph.symptomsOf(node as ArticleNode<'cause'>);
}

export function searchMetaOf(graph: KnowledgeGraph, node: ArticleNode, t: Translate): SearchMeta {
  const related = relatedSymptoms(graph, node);
  const kind = node.kind === 'fix' && (node as FixNode).data.kind === 'workaround' ? 'workaround' : node.kind;
  const targets = unique(related.flatMap((s) => s.data.context.targets)).map((x) => t(`target.${x}`));
  const accounts = unique(related.flatMap((s) => s.data.context.accounts)).map((a) => t(`account.${a}`));
  const windows = unique(
    related.flatMap((s) =>
      s.data.context.windows.flatMap((w) => [...w.matchAll(/Windows (\d+(?:\.\d)?)/g)].map((m) => m[1])),
    ),
  )
    .sort((a, b) => Number(a) - Number(b))
    .map((v) => `Windows ${v}`);
  const meta: SearchMeta['meta'] = { kind };
  if (targets.length) meta.targets = targets.join(', ');
  if (accounts.length) meta.accounts = accounts.join(', ');
  if (windows.length) meta.windows = windows.join(', ');
  return { filters: { kind: [t(`kind.${kind}`)], target: targets, account: accounts, windows }, meta };
}
