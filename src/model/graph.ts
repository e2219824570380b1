/**
 * The symptom -> cause -> fix graph, derived once from the content and read by every page, index
 * and export; nothing else follows edges by hand. buildGraph indexes what a reader hands over,
 * runs the integrity rules (src/model/integrity.ts) and only then answers queries, so a query never
 * meets a dangling edge.
 */
import {
  indexContent,
  isCause,
  isFix,
  isSymptom,
  type ArticleNode,
  type CauseNode,
  type ContentIndex,
  type ContentInput,
  type FixNode,
  type SymptomNode,
} from './content-index.ts';
import { IntegrityError, checkIntegrity } from './integrity.ts';
import { KINDS, type Kind } from './kinds.ts';
import type { Lang } from './schemas/common.ts';
import type { Evidence } from './schemas/fix.ts';
import type { Message } from './schemas/message.ts';
import type { Reference } from './schemas/reference.ts';
import type { Setting } from './schemas/setting.ts';
import type { SourceRecord } from './schemas/source.ts';

export type { ArticleInput, ArticleNode, CauseNode, ContentInput, FixNode, SymptomNode } from './content-index.ts';
export { IntegrityError } from './integrity.ts';

export interface EvidenceCount {
  worked: number;
  partly: number;
  failed: number;
}

/** How one source record is used: as the origin of an article or as evidence on a fix. */
export interface SourceUse {
  article: ArticleNode;
  role: 'origin' | 'evidence';
  evidence?: Evidence;
}

const RISK_RANK = { none: 0, low: 1, high: 2 } as const;

function addEdge<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/** Queries over checked content. Construct it with buildGraph. */
export class KnowledgeGraph {
  readonly messages: Map<string, Message>;
  readonly settings: Map<string, Setting>;
  readonly sources: SourceRecord[];
  readonly sourceById: Map<string, SourceRecord>;
  readonly references: Map<string, Reference>;
  private readonly byId: Map<string, ArticleNode>;
  private readonly byLang = new Map<Lang, ArticleNode[]>();
  private readonly causesOfSymptom = new Map<string, CauseNode[]>();
  private readonly fixesOfCause = new Map<string, FixNode[]>();
  private readonly symptomsOfCause = new Map<string, SymptomNode[]>();
  private readonly causesOfFix = new Map<string, CauseNode[]>();

  constructor(content: ContentIndex) {
    ({
      messages: this.messages,
      settings: this.settings,
      sources: this.sources,
      sourceById: this.sourceById,
      references: this.references,
      byId: this.byId,
    } = content);
    for (const node of this.byId.values()) {
      if (isSymptom(node))
        for (const id of node.data.causes) {
          const cause = this.byId.get(id) as CauseNode;
          addEdge(this.causesOfSymptom, node.id, cause);
          addEdge(this.symptomsOfCause, cause.id, node);
        }
      if (isCause(node))
        for (const id of node.data.fixes) {
          const fix = this.byId.get(id) as FixNode;
          addEdge(this.fixesOfCause, node.id, fix);
          addEdge(this.causesOfFix, fix.id, node);
        }
    }
    // Kind first, then title in the language's own collation: the order of every list on the site.
    for (const node of [...this.byId.values()].sort(
      (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.data.title.localeCompare(b.data.title, a.lang),
    ))
      addEdge(this.byLang as Map<string, ArticleNode[]>, node.lang, node);
  }

  get(id: string): ArticleNode | undefined {
    return this.byId.get(id);
  }
  /** Every article of a language: symptoms, causes, fixes, each by title. */
  all(lang: Lang): ArticleNode[] {
    return this.byLang.get(lang) ?? [];
  }
  private ofKind<K extends Kind>(lang: Lang, kind: K): ArticleNode<K>[] {
    return this.all(lang).filter((n): n is ArticleNode<K> => n.kind === kind);
  }
  symptoms(lang: Lang): SymptomNode[] {
    return this.ofKind(lang, 'symptom');
  }
  causes(lang: Lang): CauseNode[] {
    return this.ofKind(lang, 'cause');
  }
  fixes(lang: Lang): FixNode[] {
    return this.ofKind(lang, 'fix');
  }
  translation<N extends ArticleNode>(node: N): N {
    return this.byId.get(node.data.translation) as N;
  }
  /** Causes of a symptom in the author's order: the most likely on today's Windows first. */
  causesOf(symptom: SymptomNode): CauseNode[] {
    return this.causesOfSymptom.get(symptom.id) ?? [];
  }
  /** Fixes of a cause in the author's order: the safest that works first. */
  fixesOf(cause: CauseNode): FixNode[] {
    return this.fixesOfCause.get(cause.id) ?? [];
  }
  symptomsOf(cause: CauseNode): SymptomNode[] {
    return this.symptomsOfCause.get(cause.id) ?? [];
  }
  causesFixedBy(fix: FixNode): CauseNode[] {
    return this.causesOfFix.get(fix.id) ?? [];
  }
  symptomsFixedBy(fix: FixNode): SymptomNode[] {
    return [...new Set(this.causesFixedBy(fix).flatMap((c) => this.symptomsOf(c)))];
  }
  evidenceCount(fix: FixNode): EvidenceCount {
    const count = { worked: 0, partly: 0, failed: 0 };
    for (const e of fix.data.evidence) count[e.outcome]++;
    return count;
  }
  private evidenceScore(fix: FixNode): number {
    const c = this.evidenceCount(fix);
    return c.worked * 2 + c.partly - c.failed;
  }
  /**
   * The answer for the common situation: the first fix of the symptom's first cause (causes are
   * ordered most likely first, a cause's fixes safest-that-works first).
   */
  mostLikelyFix(symptom: SymptomNode): { cause: CauseNode; fix: FixNode } {
    const cause = this.causesOf(symptom)[0];
    return { cause, fix: this.fixesOf(cause)[0] };
  }
  /** Fixes for a symptom over all its causes: safest first, then most evidence of working. */
  fixesForSymptom(symptom: SymptomNode): FixNode[] {
    return [...new Set(this.causesOf(symptom).flatMap((c) => this.fixesOf(c)))].sort(
      (a, b) =>
        RISK_RANK[a.data.risk.level] - RISK_RANK[b.data.risk.level] ||
        this.evidenceScore(b) - this.evidenceScore(a) ||
        a.data.title.localeCompare(b.data.title),
    );
  }
  /** Causes of a symptom ordered by the evidence their fixes collected (the thread's view). */
  causesByEvidence(symptom: SymptomNode): CauseNode[] {
    const weight = (cause: CauseNode) =>
      this.fixesOf(cause).reduce((sum, fix) => sum + Math.max(0, this.evidenceScore(fix)), 0);
    // A stable sort keeps the author's order among causes with equal evidence.
    return [...this.causesOf(symptom)].sort((a, b) => weight(b) - weight(a));
  }
  symptomsWithMessage(messageId: string, lang: Lang): SymptomNode[] {
    return this.symptoms(lang).filter((s) => s.data.messages.includes(messageId));
  }
  usesOfSource(sourceId: string, lang: Lang): SourceUse[] {
    return this.all(lang).flatMap((article): SourceUse[] => [
      ...(article.data.origin.includes(sourceId) ? [{ article, role: 'origin' as const }] : []),
      ...(isFix(article)
        ? article.data.evidence
            .filter((e) => e.source === sourceId)
            .map((evidence) => ({ article, role: 'evidence' as const, evidence }))
        : []),
    ]);
  }
}

/** Indexes the content, checks every rule and returns the graph; throws one IntegrityError listing all problems. */
export function buildGraph(input: ContentInput): KnowledgeGraph {
  const content = indexContent(input);
  const problems = checkIntegrity(content);
  if (problems.length) throw new IntegrityError(problems);
  return new KnowledgeGraph(content);
}
