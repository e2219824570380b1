/**
 * Link cards: the picture a forum, chat or social site shows beside a pasted link (og:image). One
 * 1200x630 PNG per article and per page type, made at build time (src/pages/cards/, rendered by
 * src/lib/link-card-render.ts). This module only decides what each card says and where it lives,
 * so the page head (src/layouts/Base.astro) can name it without loading the renderer.
 */
import { useTranslations } from '../i18n/index.ts';
import type { ArticleNode, FixNode, KnowledgeGraph } from '../model/graph.ts';
import { KIND_SEGMENTS, PAGE_SEGMENTS, kindIndexPath, pagePath, type Kind, type PageName } from '../model/routes.ts';
import { LANGS, type Lang } from '../model/schemas/common.ts';
import type { RISK_LEVELS } from '../model/schemas/fix.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type CardTone = Kind | 'workaround' | 'page';
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Everything a card shows; the renderer draws exactly this, so it is also the cache key. */
export interface CardSpec {
  lang: Lang;
  /** File name without .png: the article id, or page-<name>. */
  key: string;
  tone: CardTone;
  /** What the page is: "Symptom", "Lösung", "Fehlermeldungen" … */
  kind: string;
  title: string;
  risk?: { level: RiskLevel; label: string };
  site: string;
}

/**
 * LINK_CARDS=kinds draws one card per language, kind and risk level instead of one per article: for
 * the benchmark's 10,000 generated articles, where a card per article would dominate the build.
 */
export function cardsPerArticle(): boolean {
  return (process.env.LINK_CARDS ?? 'all') !== 'kinds';
}

export function cardPath(lang: Lang, key: string): string {
  return `/cards/${lang}/${key}.png`;
}

function articleKind(node: ArticleNode, t: ReturnType<typeof useTranslations>): { tone: CardTone; kind: string } {
  if (node.kind === 'fix' && (node as FixNode).data.kind === 'workaround')
    return { tone: 'workaround', kind: t('kind.workaround') };
  return { tone: node.kind, kind: t(`kind.${node.kind}`) };
}

export function articleCard(node: ArticleNode): CardSpec {
  const t = useTranslations(node.lang);
  const { tone, kind } = articleKind(node, t);
  const level = node.kind === 'fix' ? (node as FixNode).data.risk.level : undefined;
  const risk = level ? { level, label: t(`risk.${level}`) } : undefined;
  if (!cardsPerArticle()) {
    // One shared card per kind and risk: the title says which kind of article it is.
    const plural = { symptom: 'kind.symptoms', cause: 'kind.causes', fix: 'kind.fixes' } as const;
    return {
      lang: node.lang,
      key: `kind-${tone}${level ? `-${level}` : ''}`,
      tone,
      kind,
      title: t(plural[node.kind]),
      risk,
      site: t('site.name'),
    };
  }
  return { lang: node.lang, key: node.id, tone, kind, title: node.data.title, risk, site: t('site.name') };
}

/** The page types that are not articles: one card each per language. */
export const PAGE_CARDS = [
  'home',
  'search',
  'messages',
  'sources',
  'graph',
  'troubleshooter',
  'symptoms',
  'causes',
  'fixes',
  'not-found',
  'short-links',
] as const;
export type PageCard = (typeof PAGE_CARDS)[number];

export function pageCard(lang: Lang, page: PageCard): CardSpec {
  const t = useTranslations(lang);
  const texts: Record<PageCard, [string, string]> = {
    home: [t('site.name'), t('site.tagline')],
    search: [t('search.title'), t('search.label')],
    messages: [t('nav.messages'), t('messages.indexTitle')],
    sources: [t('nav.sources'), t('sources.post')],
    graph: [t('nav.graph'), t('graph.title')],
    troubleshooter: [t('nav.troubleshooter'), t('trouble.intro')],
    symptoms: [t('nav.symptoms'), t('home.bySymptom')],
    causes: [t('nav.causes'), t('kind.causes')],
    fixes: [t('nav.fixes'), t('fixes.byRisk')],
    'not-found': [t('card.page'), t('notFound.title')],
    'short-links': [t('card.page'), t('kb.title')],
  };
  const [kind, title] = texts[page];
  return { lang, key: `page-${page}`, tone: 'page', kind, title, site: t('site.name') };
}

/** Every card the build writes: one per article (or per kind, see cardsPerArticle) and page type. */
export function allCards(graph: KnowledgeGraph): CardSpec[] {
  const cards = new Map<string, CardSpec>();
  for (const lang of LANGS) {
    for (const node of graph.all(lang)) {
      const card = articleCard(node);
      cards.set(cardPath(lang, card.key), card);
    }
    for (const page of PAGE_CARDS) cards.set(cardPath(lang, `page-${page}`), pageCard(lang, page));
  }
  return [...cards.values()];
}

const PAGE_BY_NAME: Partial<Record<PageName, PageCard>> = {
  home: 'home',
  search: 'search',
  messages: 'messages',
  sources: 'sources',
  graph: 'graph',
  troubleshooter: 'troubleshooter',
};
const INDEX_CARDS: Record<Kind, PageCard> = { symptom: 'symptoms', cause: 'causes', fix: 'fixes' };

// Every page asks once; graph.all() sorts on each call, so the lookup is built once per graph.
const byUrl = new WeakMap<KnowledgeGraph, Map<string, ArticleNode>>();

/** The card of the page at `path` (as Base.astro gets it): its article's, else its page type's. */
export function cardForPage(graph: KnowledgeGraph, lang: Lang, path: string): CardSpec {
  let urls = byUrl.get(graph);
  if (!urls) {
    urls = new Map(LANGS.flatMap((l) => graph.all(l).map((n) => [n.url, n] as const)));
    byUrl.set(graph, urls);
  }
  const node = urls.get(path);
  if (node) return articleCard(node);
  for (const [name, page] of Object.entries(PAGE_BY_NAME) as [PageName, PageCard][]) {
    const own = pagePath(lang, name);
    if (path === own || (name !== 'home' && PAGE_SEGMENTS[name] && path.startsWith(own))) return pageCard(lang, page);
  }
  for (const kind of Object.keys(KIND_SEGMENTS[lang]) as Kind[])
    if (path === kindIndexPath(lang, kind)) return pageCard(lang, INDEX_CARDS[kind]);
  if (path.startsWith('/kb/')) return pageCard(lang, 'short-links');
  if (/\/404(\.html|\/)$/.test(path)) return pageCard(lang, 'not-found');
  return pageCard(lang, 'home');
}
