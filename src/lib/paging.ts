/**
 * Lists that grow with the knowledge base are cut into pages, so that every page stays within its
 * byte budget at 10,000 articles (tests/built/budgets.test.ts; `npm run bench`). The real site's
 * lists fit on their first page, which keeps the list's own address.
 */

/** Article cards (title, badges, summary) per page of a kind's index or the graph overview. */
export const CARDS_PER_PAGE = 50;
/** Articles named inline under one thread record or message before a page of their own takes over. */
export const INLINE_USES = 6;
/** Article links per page on a record's own page. */
export const LINKS_PER_PAGE = 150;

export interface ListPage<T> {
  /** 1-based page number. */
  page: number;
  /** How many pages the list has. */
  pages: number;
  items: T[];
}

/** Cuts a list into pages of `size`; an empty list still has one (empty) first page. */
export function paginateList<T>(items: T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** Which page numbers a pager shows: all when few, else the ends and the neighbours of the current one. */
export function pagerNumbers(page: number, pages: number): (number | 'gap')[] {
  if (pages <= 9) return Array.from({ length: pages }, (_, i) => i + 1);
  const shown = [...new Set([1, 2, page - 1, page, page + 1, pages - 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? ['gap' as const, n] : [n]));
}
/** Symptoms per page of the graph overview (each with its causes and fixes as a tree). */
export const TREE_SYMPTOMS_PER_PAGE = 30;
/** Symptoms the home page lists, the most common today first; the index has them all. */
export const HOME_SYMPTOMS = 24;
