/**
 * The full-text part of the search, loaded when a search needs it (src/scripts/search/site-search.ts
 * shows instant answers before): cleans the query, ranks this language's pages with Pagefind
 * (src/lib/search-query.ts explains how), judges whether the best page answers the query, and
 * builds each result's excerpt from the page text (src/lib/search-excerpt.ts).
 *
 * Why not Pagefind's Component UI: it shows the results of one Pagefind query, and Pagefind
 * returns only pages that contain every word of it; a pasted dialog often has a word the right
 * page lacks. rankPages merges several queries, which that UI cannot display.
 */
import type { SearchConfig } from '../../lib/search-config.ts';
import { excerptOf, type Excerpt } from '../../lib/search-excerpt.ts';
import {
  FIX_REACH,
  asksForFix,
  cleanQuery,
  fixFirst,
  isFragment,
  judge,
  rankPages,
  type Hit,
  type Verdict,
} from '../../lib/search-query.ts';
import { loadPagefind, type PageData, type Pagefind, type PagefindResult } from './pagefind.ts';

const MAX_RESULTS = 10;

export interface PageView {
  url: string;
  title: string;
  /** symptom, cause, fix or workaround. */
  kind?: string;
  /** Badge key: "risk.high", "status.solved". */
  badge?: string;
  targets?: string;
  excerpt?: Excerpt;
}

export interface Outcome {
  verdict: Verdict;
  /** False when the query had nothing to search for but one- or two-letter fragments (or nothing). */
  meaningful: boolean;
  /** Searched words no page has. */
  dropped: string[];
  /** The results in rank order; each resolves when its page text has loaded. */
  pages: Promise<PageView>[];
}

const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}$]+$/gu, '');

/** The searches of one query, each run once, and one result object per page for its text. */
function searcher(pagefind: Pagefind) {
  const runs = new Map<string, Promise<PagefindResult[]>>();
  const byId = new Map<string, PagefindResult>();
  const run = (query: string) => {
    if (!runs.has(query))
      runs.set(
        query,
        pagefind.search(query).then(({ results }) => {
          for (const result of results) if (!byId.has(result.id)) byId.set(result.id, result);
          return results;
        }),
      );
    return runs.get(query)!;
  };
  const hits = (results: PagefindResult[]): Hit[] =>
    results.map(({ id, score, words }) => ({ id, score, locations: words }));
  /**
   * Pagefind's own search for a word also finds longer words it starts (a word being typed, "gue"
   * for guest) and, when no page has the word, falls back to shorter words that start it ("as"
   * for "asdfqwer", "B" for "bluetooth"). Its pages and scores are used when a quoted search (the
   * word itself, with Pagefind's stemming) finds the word; otherwise the best page shows which word
   * matched, and a fragment does not count.
   */
  const hitsFor = async (word: string): Promise<Hit[]> => {
    const [loose, exact] = await Promise.all([run(word), run(`"${word}"`)]);
    if (exact.length || !loose.length) return hits(loose);
    const term = bare(word);
    if (term.length < 3 && /^\p{L}*$/u.test(term)) return [];
    const best = loose[0];
    const text = (await data(best.id)).content.split(/\s+/);
    // "1.0/CIFS-Client" is one word of the text and two of the index.
    const found = best.words.flatMap((i) => {
      const token = bare(text[i] ?? '');
      return [token, ...token.split('/').map(bare)];
    });
    // A longer word (being typed, or the rest of a compound) stands for the word itself.
    if (found.some((word) => word.startsWith(term))) return hits(loose);
    // A shorter one that is a real part of it ("SMB" for "SMBClient", "Netzwerk" for
    // "Netzwerkfreigabe") counts as a part, never a fragment ("as" for "asdfqwer").
    const part = found.some((word) => term.startsWith(word) && word.length >= 3 && word.length * 3 >= term.length);
    return part ? hits(loose).map((hit) => ({ ...hit, partial: true })) : [];
  };
  // A page's text is read for the partial-word check, the request check and the excerpt: load it once.
  const texts = new Map<string, Promise<PageData>>();
  const data = (id: string): Promise<PageData> => {
    if (!texts.has(id)) texts.set(id, byId.get(id)!.data());
    return texts.get(id)!;
  };
  return { hitsFor, all: async (words: string) => hits(await run(words)), data };
}

/**
 * Searches the index for `raw`, leaving out the words in `skip` (codes no article has); `labels`
 * are the template labels that excerpts leave out (from the instant-answer map).
 */
export async function searchIndex(
  raw: string,
  config: SearchConfig,
  labels: readonly string[],
  skip: string[] = [],
): Promise<Outcome> {
  const left = new Set(skip.map((word) => word.toLowerCase()));
  const cleaned = cleanQuery(raw)
    .split(' ')
    .filter((word) => word && !left.has(word.toLowerCase()))
    .join(' ');
  if (!cleaned.split(' ').some((word) => !isFragment(word)))
    return { verdict: 'none', meaningful: false, dropped: [], pages: [] };
  const { hitsFor, all, data } = searcher(await loadPagefind(config.lang, config.build));
  const ranked = await rankPages(cleaned, hitsFor, config.pages, all);
  const { verdict } = judge(ranked, config.pages);
  let best = ranked.pages.slice(0, MAX_RESULTS);
  if (asksForFix(raw)) {
    // The best pages' texts load for their excerpts anyway; their kinds come with them.
    const kinds = await Promise.all(best.slice(0, FIX_REACH).map(async ({ id }) => (await data(id)).meta.kind));
    best = fixFirst(best, kinds);
  }
  const shown = new Set<string>();
  let previous: Promise<unknown> = Promise.resolve();
  const pages = best.map((page) => {
    const loaded = data(page.id);
    // Excerpts are cut in rank order, so a later result never repeats an earlier one's.
    const view = Promise.all([loaded, previous]).then(([{ url, content, meta }]): PageView => {
      const title = meta.title ?? url;
      const excerpt = excerptOf({ content, locations: page.locations, title, labels, shown });
      shown.add(excerpt.key);
      const badge = meta.risk ? `risk.${meta.risk}` : meta.status ? `status.${meta.status}` : undefined;
      return { url, title, kind: meta.kind, badge, targets: meta.targets, excerpt };
    });
    previous = view.catch(() => undefined);
    return view;
  });
  return { verdict, meaningful: true, dropped: ranked.dropped, pages };
}
