/**
 * The one fix a page recommends first: the forum answer (src/lib/forum-answer.ts) states it, and a
 * "most likely fix" box can show it. Authors order a symptom's causes most likely first and a
 * cause's fixes safest-that-works first (src/model/schemas/symptom.ts, cause.ts); this follows that
 * order and never re-sorts it.
 */
import type { ArticleNode, CauseNode, FixNode, KnowledgeGraph, SymptomNode } from '../model/graph.ts';

export interface Recommendation {
  fix: FixNode;
  /** The cause the fix addresses, when the page is a symptom or a cause. */
  cause?: CauseNode;
  /** The author's safer alternative, when the fix weakens security and names one. */
  saferFix?: FixNode;
}

/**
 * For a symptom, the first fix of its first cause; for a cause, its first fix; for a fix, itself.
 * Undefined only when the graph offers none (a cause always has a fix, so never in practice).
 */
export function recommendedFix(graph: KnowledgeGraph, node: ArticleNode): Recommendation | undefined {
  let fix: FixNode | undefined;
  let cause: CauseNode | undefined;
  if (node.kind === 'symptom') {
    cause = graph.causesOf(node as SymptomNode)[0];
    fix = cause && graph.fixesOf(cause)[0];
  } else if (node.kind === 'cause') {
    cause = node as CauseNode;
    fix = graph.fixesOf(cause)[0];
  } else {
    fix = node as FixNode;
  }
  if (!fix) return undefined;
  const { level, saferFix } = fix.data.risk;
  const safer = level !== 'none' && saferFix ? (graph.get(saferFix) as FixNode | undefined) : undefined;
  return { fix, ...(cause ? { cause } : {}), ...(safer ? { saferFix: safer } : {}) };
}
