/**
 * The one fix a page recommends first: the forum answer (src/lib/forum-answer.ts) states it, and a
 * "most likely fix" box can show it. Authors order a symptom's causes most likely first and a
 * cause's fixes safest-that-works first (src/model/schemas/symptom.ts, cause.ts); this follows that
 * order and never re-sorts it.
 */
import { isCause, isFix, isSymptom } from '../model/content-index.ts';
import type { ArticleNode, CauseNode, FixNode, KnowledgeGraph } from '../model/graph.ts';

export interface Recommendation {
  fix: FixNode;
  /** The cause the fix addresses, when the page is a symptom or a cause. */
  cause?: CauseNode;
  /** The author's safer alternative, when the fix weakens security and names one. */
  saferFix?: FixNode;
}

/**
 * For a symptom, its most likely fix (KnowledgeGraph.mostLikelyFix, the box on its page); for a cause, its first fix; for a fix, itself.
 * Undefined only when the graph offers none (a cause always has a fix, so never in practice).
 */
export function recommendedFix(graph: KnowledgeGraph, node: ArticleNode): Recommendation | undefined {
  let fix: FixNode | undefined;
  let cause: CauseNode | undefined;
  if (isSymptom(node)) ({ cause, fix } = graph.mostLikelyFix(node));
  else if (isCause(node)) {
    cause = node;
    fix = graph.fixesOf(cause)[0];
  } else if (isFix(node)) fix = node;
  if (!fix) return undefined;
  const { level, saferFix } = fix.data.risk;
  const safer = level !== 'none' && saferFix ? (graph.get(saferFix) as FixNode | undefined) : undefined;
  return { fix, ...(cause ? { cause } : {}), ...(safer ? { saferFix: safer } : {}) };
}
