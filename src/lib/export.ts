/**
 * The public JSON export of one language's graph (`/<lang>/kb.json`). Its shape is documented
 * in the README; add fields freely, but never rename or remove one that tools may read.
 */
import type { Lang } from '../model/schemas/common.ts';
import { commandsFor } from './commands.ts';
import type { ArticleNode, KnowledgeGraph } from '../model/graph.ts';
import { shortLinkPath } from '../model/routes.ts';

export function exportGraph(graph: KnowledgeGraph, lang: Lang, site: URL) {
  const base = (node: ArticleNode) => ({
    id: node.id,
    title: node.data.title,
    summary: node.data.summary,
    url: new URL(node.url, site).href,
    shortUrl: new URL(shortLinkPath(node.id), site).href,
    translation: node.data.translation,
    reviewed: node.data.reviewed.toISOString().slice(0, 10),
    origin: node.data.origin,
    references: node.data.references,
  });
  return {
    version: 1,
    lang,
    source: 'Windows 10: Falle bei Netzwerk-Zugriffen (Günter Born, blog post, 2015) and its 39 reader comments',
    symptoms: graph.symptoms(lang).map((s) => ({
      ...base(s),
      status: s.data.status,
      messages: s.data.messages,
      context: s.data.context,
      causes: graph.causesByEvidence(s).map((c) => c.id),
      fixes: graph.fixesForSymptom(s).map((f) => f.id),
      prevalence: s.data.prevalence,
      mostLikely: { cause: graph.mostLikelyFix(s).cause.id, fix: graph.mostLikelyFix(s).fix.id },
    })),
    causes: graph.causes(lang).map((c) => ({
      ...base(c),
      certainty: c.data.certainty,
      since: c.data.since ?? null,
      symptoms: graph.symptomsOf(c).map((s) => s.id),
      fixes: graph.fixesOf(c).map((f) => f.id),
    })),
    fixes: graph.fixes(lang).map((f) => ({
      ...base(f),
      kind: f.data.kind,
      risk: f.data.risk,
      undo: f.data.undo ?? null,
      today: f.data.today,
      evidence: { ...graph.evidenceCount(f), reports: f.data.evidence },
      commands: f.data.settings.map((id) => ({ setting: id, ...commandsFor(graph.settings.get(id)!) })),
      causes: graph.causesFixedBy(f).map((c) => c.id),
    })),
    messages: [...graph.messages.values()].map((m) => ({
      id: m.id,
      codes: m.codes,
      where: m.where,
      text: m[lang].text,
      verification: m[lang].verification,
    })),
  };
}
