/**
 * What the search index knows about an article beyond its words: Pagefind filters and the labels
 * a result shows (kind, its risk or status, where the problem was reported). Computed here once for
 * every article page; the instant-answer map (src/lib/instant-map.ts) takes the badge from here too.
 */
import type { UiKey } from '../i18n/index.ts';
import type { ArticleNode, FixNode, KnowledgeGraph, SymptomNode } from '../model/graph.ts';

type Translate = (key: UiKey) => string;

export interface SearchMeta {
  /** Pagefind filters: key -> values, in the page's language. */
  filters: Record<'kind' | 'target' | 'account' | 'windows', string[]>;
  /**
   * Pagefind meta: key -> value, shown as result labels. kind is symptom, cause, fix or
   * workaround; risk (fixes: none, low, high) and status (symptoms: solved, workaround, unsolved)
   * become a badge in the tone of the article's own badge.
   */
  meta: Partial<Record<'kind' | 'risk' | 'status' | 'targets' | 'accounts' | 'windows', string>>;
  /** The tone of the result's badge: the fix's risk level or the symptom's status. */
  badge?: string;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** The symptoms an article belongs to: itself, the symptoms a fix helps, or those a cause produces. */
function relatedSymptoms(graph: KnowledgeGraph, node: ArticleNode): SymptomNode[] {
  if (node.kind === 'symptom') return [node as SymptomNode];
  if (node.kind === 'fix') return graph.symptomsFixedBy(node as FixNode);
  return graph.symptomsOf(node as ArticleNode<'cause'>);
}

/** The article's badge: a fix's risk, a symptom's status; a cause has none. */
export function badgeOf(node: ArticleNode): { risk: string } | { status: string } | undefined {
  if (node.kind === 'fix') return { risk: (node as FixNode).data.risk.level };
  if (node.kind === 'symptom') return { status: (node as SymptomNode).data.status };
  return undefined;
}

/** Labels in the page's language; without them only the language-neutral parts are filled in. */
export function searchMetaOf(graph: KnowledgeGraph, node: ArticleNode, t: Translate = (key) => key): SearchMeta {
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
  const badge = badgeOf(node);
  const meta: SearchMeta['meta'] = { kind, ...badge };
  if (targets.length) meta.targets = targets.join(', ');
  if (accounts.length) meta.accounts = accounts.join(', ');
  if (windows.length) meta.windows = windows.join(', ');
  return {
    filters: { kind: [t(`kind.${kind}`)], target: targets, account: accounts, windows },
    meta,
    badge: badge && Object.values(badge)[0],
  };
}
