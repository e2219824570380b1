/**
 * Everything the search's browser code needs from the build, as one typed object: the page writes
 * it into a <script type="application/json" id="search-config"> block (SiteSearch.astro) and the
 * client reads it once (src/scripts/search/config.ts). Strings come from src/i18n, paths from the
 * routes, counts from the graph.
 */
import { UI, useTranslations, type UiKey } from '../i18n/index.ts';
import type { KnowledgeGraph } from '../model/graph.ts';
import { KIND_SEGMENTS, pagePath } from '../model/routes.ts';
import type { Lang } from '../model/schemas/common.ts';
import { SPAN_LABEL, VALUE_LABEL } from './search-excerpt.ts';
import { TARGETS } from '../model/schemas/symptom.ts';

/** UI strings of the search, by the name the client uses. */
const TEXT = {
  nothing: 'search.nothing',
  searching: 'search.searching',
  failed: 'search.failed',
  foundOne: 'search.foundOne',
  foundMany: 'search.foundMany',
  knownCode: 'search.knownCode',
  knownMessage: 'search.knownMessage',
  loadingMore: 'search.loadingMore',
  notOnAnyPage: 'search.notOnAnyPage',
  uncovered: 'search.uncovered',
  uncoveredCode: 'search.uncoveredCode',
  related: 'search.related',
  reasonCode: 'search.reasonCode',
  reasonMessage: 'search.reasonMessage',
  results: 'search.results',
} as const satisfies Record<string, UiKey>;

// Badges: kinds, a fix's risk, a symptom's status.
const BADGES = [
  'kind.symptom',
  'kind.cause',
  'kind.fix',
  'kind.workaround',
  'risk.none',
  'risk.low',
  'risk.high',
  'status.solved',
  'status.workaround',
  'status.unsolved',
] as const satisfies readonly UiKey[];

// Strings the article templates write as labels into the part of the page Pagefind indexes
// (MessageList, RiskBox, FixCommands, Evidence); the badges and "applies today" are not indexed.
const LABEL_KEYS = [
  'messages.title',
  'messages.code',
  'messages.where.',
  'messages.verified.',
  'messages.otherLang',
  'risk.',
  'fix.commands',
  'fix.apply',
  'fix.undo',
  'fix.cmdHint',
  'fix.psHint',
  'fix.reg',
  'fix.policy',
  'evidence.title',
  'evidence.summary',
  'evidence.none',
];

/** Label phrases of the article templates in one language, for excerpts to leave out. */
export function excerptLabels(lang: Lang): string[] {
  const labels = Object.entries(UI[lang])
    .filter(([key]) => LABEL_KEYS.some((prefix) => key.startsWith(prefix)))
    // A label with a {placeholder} is left out around it: each literal piece is a label.
    .flatMap(([key, text]) =>
      // The message in the other language follows this label; it is no excerpt for this one.
      key.startsWith('messages.otherLang')
        ? [SPAN_LABEL + text]
        : // The code after "Error code" belongs to the label line, not to the text.
          key === 'messages.code'
          ? [VALUE_LABEL + text]
          : text.split(/\{\w+\}/),
    )
    .map((piece) => piece.replace(/[:()]+/g, ' ').trim())
    .filter((piece) => /\p{L}{2}/u.test(piece));
  return [...new Set(labels)].sort();
}

export interface SearchConfig {
  lang: Lang;
  /**
   * Names this build. The Pagefind index is built right after the pages (npm run build), so a page
   * and the index entry file of its build share it: Pagefind asks for pagefind-entry.json?ts=<build>,
   * a URL the browser may cache and the page may fetch ahead.
   */
  build: string;
  /** Articles in this language's index: how rare a word is depends on it. */
  pages: number;
  /** The instant-answer map of this language (src/pages/[lang]/search-map.json.ts). */
  map: string;
  /**
   * The template labels that result excerpts leave out (src/pages/[lang]/search-labels.json.ts):
   * only a full-text search needs them, so they load with Pagefind, not before the instant answer.
   */
  labels: string;
  /** The search page, where Enter in a box leads. */
  searchPath: string;
  /** The list of every error message, offered when nothing answers. */
  messagesPath: string;
  /** URL folder of each kind of article, to link the map's articles. */
  segments: Record<string, string>;
  text: Record<keyof typeof TEXT, string>;
  /** Badge labels by key ("kind.fix", "risk.high"). */
  badges: Record<string, string>;
  /** Target labels by id (windows-pc -> Windows PC), for the map's articles. */
  targets: Record<string, string>;
}

// One value per build process.
const BUILD = Date.now().toString(36);

export function searchConfig(graph: KnowledgeGraph, lang: Lang): SearchConfig {
  const t = useTranslations(lang);
  return {
    lang,
    build: BUILD,
    pages: graph.all(lang).length,
    map: `/${lang}/search-map.json`,
    labels: `/${lang}/search-labels.json`,
    searchPath: pagePath(lang, 'search'),
    messagesPath: pagePath(lang, 'messages'),
    segments: { ...KIND_SEGMENTS[lang], workaround: KIND_SEGMENTS[lang].fix },
    text: Object.fromEntries(Object.entries(TEXT).map(([name, key]) => [name, t(key)])) as SearchConfig['text'],
    badges: Object.fromEntries(BADGES.map((key) => [key, t(key)])),
    targets: Object.fromEntries(TARGETS.map((target) => [target, t(`target.${target}`)])),
  };
}

/** The JSON for the page, safe inside a <script> element. */
export function configJson(config: SearchConfig): string {
  return JSON.stringify(config).replace(/</g, '\\u003c');
}
