/**
 * The symptom -> cause -> fix graph, derived once from the content collections.
 * Every page, index and export reads it; nothing else follows edges by hand.
 * Integrity problems are collected, not thrown one by one, so an author sees them all at once.
 */
import type { CauseData } from './schemas/cause.ts';
import { LANGS, type Lang } from './schemas/common.ts';
import type { Evidence, FixData } from './schemas/fix.ts';
import type { Message } from './schemas/message.ts';
import type { Reference } from './schemas/reference.ts';
import type { Setting } from './schemas/setting.ts';
import type { SourceRecord } from './schemas/source.ts';
import type { SymptomData } from './schemas/symptom.ts';
import { KINDS, type Kind } from './kinds.ts';
import { articlePath } from './routes.ts';

interface DataByKind {
  symptom: SymptomData;
  cause: CauseData;
  fix: FixData;
}

/** An article as the loader hands it over: its file, its URL slug and its validated frontmatter. */
export interface ArticleInput<K extends Kind = Kind> {
  kind: K;
  /** Path of the source file, for error messages. */
  filePath: string;
  /** Last part of the URL (the file name without extension). */
  slug: string;
  data: DataByKind[K];
}

export interface ContentInput {
  articles: ArticleInput[];
  messages: Message[];
  settings: Setting[];
  sources: SourceRecord[];
  references: Reference[];
}

export interface ArticleNode<K extends Kind = Kind> extends ArticleInput<K> {
  id: string;
  lang: Lang;
  url: string;
}
export type SymptomNode = ArticleNode<'symptom'>;
export type CauseNode = ArticleNode<'cause'>;
export type FixNode = ArticleNode<'fix'>;

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

export class IntegrityError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The knowledge base has ${problems.length} integrity problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.problems = problems;
    this.name = 'IntegrityError';
  }
}

const RISK_RANK = { none: 0, low: 1, high: 2 } as const;

export interface KnowledgeGraph {
  get(id: string): ArticleNode | undefined;
  all(lang: Lang): ArticleNode[];
  symptoms(lang: Lang): SymptomNode[];
  causes(lang: Lang): CauseNode[];
  fixes(lang: Lang): FixNode[];
  translation(node: ArticleNode): ArticleNode;
  causesOf(symptom: SymptomNode): CauseNode[];
  fixesOf(cause: CauseNode): FixNode[];
  symptomsOf(cause: CauseNode): SymptomNode[];
  causesFixedBy(fix: FixNode): CauseNode[];
  symptomsFixedBy(fix: FixNode): SymptomNode[];
  /** Fixes for a symptom over all its causes: safest first, then most evidence of working. */
  fixesForSymptom(symptom: SymptomNode): FixNode[];
  /** Causes of a symptom ordered by the evidence their fixes collected. */
  causesByEvidence(symptom: SymptomNode): CauseNode[];
  evidenceCount(fix: FixNode): EvidenceCount;
  symptomsWithMessage(messageId: string, lang: Lang): SymptomNode[];
  usesOfSource(sourceId: string, lang: Lang): SourceUse[];
  messages: Map<string, Message>;
  settings: Map<string, Setting>;
  sources: SourceRecord[];
  sourceById: Map<string, SourceRecord>;
  references: Map<string, Reference>;
}

function positionKey(position: string): number {
  const [comment, reply = '0'] = position.split('.');
  return Number(comment) * 100 + Number(reply);
}

function langOfPath(filePath: string): Lang | undefined {
  return LANGS.find((lang) => filePath.split(/[\\/]/).includes(lang));
}

/** Builds the graph and checks every rule; throws one IntegrityError listing all problems. */
export function buildGraph(input: ContentInput): KnowledgeGraph {
  const problems: string[] = [];
  const report = (node: { filePath: string }, field: string, found: string, fix: string) =>
    problems.push(`${node.filePath}: ${field}: ${found}; ${fix}`);

  const nodes = new Map<string, ArticleNode>();
  for (const article of input.articles) {
    const { id, lang } = article.data;
    const folderLang = langOfPath(article.filePath);
    if (folderLang && folderLang !== lang)
      report(
        article,
        'lang',
        `found "${lang}" in a file under ${folderLang}/`,
        `set lang: ${folderLang} or move the file`,
      );
    const existing = nodes.get(id);
    if (existing) {
      report(
        article,
        'id',
        `"${id}" is already used by ${existing.filePath}`,
        'give one of them another id (ids never change once published, so rename the newer one)',
      );
      continue;
    }
    nodes.set(id, { ...article, id, lang, url: articlePath(lang, article.kind, article.slug) } as ArticleNode);
  }

  const messages = new Map(input.messages.map((m) => [m.id, m]));
  const settings = new Map(input.settings.map((s) => [s.id, s]));
  // The thread keeps the order of the comments on the blog, whatever order a reader hands them in.
  const sources = [...input.sources].sort((a, b) => positionKey(a.position) - positionKey(b.position));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const references = new Map(input.references.map((r) => [r.id, r]));
  for (const [label, list] of [
    ['content/messages.yaml', input.messages],
    ['content/settings.yaml', input.settings],
    ['content/sources/thread.yaml', input.sources],
    ['content/references.yaml', input.references],
  ] as const) {
    const seen = new Set<string>();
    for (const record of list) {
      if (seen.has(record.id)) problems.push(`${label}: id: "${record.id}" appears twice; give each record its own id`);
      seen.add(record.id);
    }
  }

  const expectArticle = <K extends Kind>(
    from: ArticleNode,
    field: string,
    id: string,
    kind: K,
  ): ArticleNode<K> | undefined => {
    const target = nodes.get(id);
    if (!target) {
      report(
        from,
        field,
        `no article has the id "${id}"`,
        `use the id of an existing ${kind} in ${from.lang}/ or write that article`,
      );
      return undefined;
    }
    if (target.kind !== kind) {
      report(from, field, `"${id}" is a ${target.kind} (${target.filePath})`, `expected a ${kind} here`);
      return undefined;
    }
    if (target.lang !== from.lang) {
      report(
        from,
        field,
        `"${id}" is in ${target.lang}, this article is in ${from.lang}`,
        `link the ${from.lang} translation of "${id}" instead`,
      );
      return undefined;
    }
    return target as ArticleNode<K>;
  };
  const expectRecord = (from: ArticleNode, field: string, id: string, map: Map<string, unknown>, where: string) => {
    if (!map.has(id))
      report(from, field, `"${id}" is not in ${where}`, `use an id from ${where} or add the record there`);
  };

  const causesOfSymptom = new Map<string, CauseNode[]>();
  const fixesOfCause = new Map<string, FixNode[]>();
  const symptomsOfCause = new Map<string, SymptomNode[]>();
  const causesOfFix = new Map<string, CauseNode[]>();
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  };

  for (const node of nodes.values()) {
    node.data.origin.forEach((id, i) =>
      expectRecord(node, `origin[${i}]`, id, sourceById, 'content/sources/thread.yaml'),
    );
    node.data.references.forEach((id, i) =>
      expectRecord(node, `references[${i}]`, id, references, 'content/references.yaml'),
    );
    if (node.kind === 'symptom') {
      const symptom = node as SymptomNode;
      symptom.data.messages.forEach((id, i) =>
        expectRecord(node, `messages[${i}]`, id, messages, 'content/messages.yaml'),
      );
      causesOfSymptom.set(symptom.id, []);
      symptom.data.causes.forEach((id, i) => {
        const cause = expectArticle(node, `causes[${i}]`, id, 'cause');
        if (!cause) return;
        push(causesOfSymptom, symptom.id, cause);
        push(symptomsOfCause, cause.id, symptom);
      });
    } else if (node.kind === 'cause') {
      const cause = node as CauseNode;
      fixesOfCause.set(cause.id, []);
      cause.data.fixes.forEach((id, i) => {
        const fix = expectArticle(node, `fixes[${i}]`, id, 'fix');
        if (!fix) return;
        push(fixesOfCause, cause.id, fix);
        push(causesOfFix, fix.id, cause);
      });
    } else {
      const fix = node as FixNode;
      if (fix.data.risk.saferFix) expectArticle(node, 'risk.saferFix', fix.data.risk.saferFix, 'fix');
      fix.data.settings.forEach((id, i) => expectRecord(node, `settings[${i}]`, id, settings, 'content/settings.yaml'));
      fix.data.evidence.forEach((e, i) =>
        expectRecord(node, `evidence[${i}].source`, e.source, sourceById, 'content/sources/thread.yaml'),
      );
    }
  }

  for (const message of input.messages)
    for (const lang of LANGS) {
      const source = message[lang].source;
      if (source && !references.has(source) && !sourceById.has(source))
        problems.push(
          `content/messages.yaml: ${message.id}.${lang}.source: "${source}" is neither a reference nor a source record; use an id from content/references.yaml or content/sources/thread.yaml`,
        );
    }
  for (const setting of input.settings)
    if (!references.has(setting.reference))
      problems.push(
        `content/settings.yaml: ${setting.id}.reference: "${setting.reference}" is not in content/references.yaml; add the reference or fix the id`,
      );

  // A cause nobody has, or a fix no cause leads to, cannot be reached from a symptom page.
  for (const node of nodes.values()) {
    if (node.kind === 'cause' && !symptomsOfCause.get(node.id)?.length)
      report(
        node,
        'id',
        `no symptom lists the cause "${node.id}"`,
        'add it to the causes of a symptom or remove the article',
      );
    if (node.kind === 'fix' && !causesOfFix.get(node.id)?.length)
      report(node, 'id', `no cause lists the fix "${node.id}"`, 'add it to the fixes of a cause or remove the article');
  }

  // Translations: each article has exactly one partner, in the other language, with the same graph.
  for (const node of nodes.values()) {
    const partner = nodes.get(node.data.translation);
    if (!partner) {
      report(
        node,
        'translation',
        `no article has the id "${node.data.translation}"`,
        `write the ${node.lang === 'de' ? 'English' : 'German'} translation or fix the id`,
      );
      continue;
    }
    if (partner.lang === node.lang || partner.kind !== node.kind) {
      report(
        node,
        'translation',
        `"${partner.id}" is a ${partner.lang} ${partner.kind}`,
        `expected a ${node.lang === 'de' ? 'en' : 'de'} ${node.kind}`,
      );
      continue;
    }
    if (partner.data.translation !== node.id) {
      report(
        node,
        'translation',
        `"${partner.id}" names "${partner.data.translation}" as its translation, not "${node.id}"`,
        'make both articles name each other',
      );
      continue;
    }
    if (node.lang !== 'de') continue;
    const mapped = (ids: string[]) =>
      ids
        .map((id) => nodes.get(id)?.data.translation ?? `?${id}`)
        .sort()
        .join(', ');
    const same = (field: string, here: string, there: string) => {
      if (here !== there)
        report(
          node,
          field,
          `differs from its translation ${partner.filePath}: [${here}] here, [${there}] there`,
          'make both languages say the same',
        );
    };
    const plain = (values: string[]) => [...values].sort().join(', ');
    same('origin', plain(node.data.origin), plain(partner.data.origin));
    if (node.kind === 'symptom' && partner.kind === 'symptom') {
      const a = node.data as SymptomData;
      const b = partner.data as SymptomData;
      same('causes', mapped(a.causes), plain(b.causes));
      same('messages', plain(a.messages), plain(b.messages));
      same('status', a.status, b.status);
      same('context.targets', plain(a.context.targets), plain(b.context.targets));
      same('context.accounts', plain(a.context.accounts), plain(b.context.accounts));
    } else if (node.kind === 'cause' && partner.kind === 'cause') {
      same('fixes', mapped((node.data as CauseData).fixes), plain((partner.data as CauseData).fixes));
      same('certainty', (node.data as CauseData).certainty, (partner.data as CauseData).certainty);
    } else if (node.kind === 'fix' && partner.kind === 'fix') {
      const a = node.data as FixData;
      const b = partner.data as FixData;
      const reports = (fix: FixData) => plain(fix.evidence.map((e) => `${e.source}:${e.outcome}`));
      same('evidence', reports(a), reports(b));
      same('settings', plain(a.settings), plain(b.settings));
      same('risk.level', a.risk.level, b.risk.level);
      same('kind', a.kind, b.kind);
      same(
        'risk.saferFix',
        mapped(a.risk.saferFix ? [a.risk.saferFix] : []),
        plain(b.risk.saferFix ? [b.risk.saferFix] : []),
      );
      same(
        'today',
        plain(a.today.map((t) => `${t.windows}:${t.status}`)),
        plain(b.today.map((t) => `${t.windows}:${t.status}`)),
      );
    }
  }

  if (problems.length) throw new IntegrityError(problems);

  const byLang = (lang: Lang) =>
    [...nodes.values()]
      .filter((n) => n.lang === lang)
      .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.data.title.localeCompare(b.data.title, lang));
  const ofKind = <K extends Kind>(lang: Lang, kind: K) =>
    byLang(lang).filter((n): n is ArticleNode<K> => n.kind === kind);

  const evidenceCount = (fix: FixNode): EvidenceCount => {
    const count = { worked: 0, partly: 0, failed: 0 };
    for (const e of fix.data.evidence) count[e.outcome]++;
    return count;
  };
  const score = (fix: FixNode) => {
    const c = evidenceCount(fix);
    return c.worked * 2 + c.partly - c.failed;
  };
  const bySafety = (a: FixNode, b: FixNode) =>
    RISK_RANK[a.data.risk.level] - RISK_RANK[b.data.risk.level] ||
    score(b) - score(a) ||
    a.data.title.localeCompare(b.data.title);

  const graph: KnowledgeGraph = {
    get: (id) => nodes.get(id),
    all: byLang,
    symptoms: (lang) => ofKind(lang, 'symptom'),
    causes: (lang) => ofKind(lang, 'cause'),
    fixes: (lang) => ofKind(lang, 'fix'),
    translation: (node) => nodes.get(node.data.translation)!,
    causesOf: (symptom) => causesOfSymptom.get(symptom.id) ?? [],
    fixesOf: (cause) => fixesOfCause.get(cause.id) ?? [],
    symptomsOf: (cause) => symptomsOfCause.get(cause.id) ?? [],
    causesFixedBy: (fix) => causesOfFix.get(fix.id) ?? [],
    symptomsFixedBy: (fix) => [...new Set(graph.causesFixedBy(fix).flatMap((c) => graph.symptomsOf(c)))],
    fixesForSymptom: (symptom) => [...new Set(graph.causesOf(symptom).flatMap((c) => graph.fixesOf(c)))].sort(bySafety),
    causesByEvidence: (symptom) => {
      const weight = (cause: CauseNode) => graph.fixesOf(cause).reduce((sum, fix) => sum + Math.max(0, score(fix)), 0);
      // Stable sort keeps the author's order among causes with equal evidence.
      return [...graph.causesOf(symptom)].sort((a, b) => weight(b) - weight(a));
    },
    evidenceCount,
    symptomsWithMessage: (messageId, lang) =>
      ofKind(lang, 'symptom').filter((s) => s.data.messages.includes(messageId)),
    usesOfSource: (sourceId, lang) =>
      byLang(lang).flatMap((article): SourceUse[] => [
        ...(article.data.origin.includes(sourceId) ? [{ article, role: 'origin' as const }] : []),
        ...(article.kind === 'fix'
          ? (article.data as FixData).evidence
              .filter((e) => e.source === sourceId)
              .map((evidence) => ({ article, role: 'evidence' as const, evidence }))
          : []),
      ]),
    messages,
    settings,
    sources,
    sourceById,
    references,
  };
  return graph;
}
