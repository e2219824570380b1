import { LANGS, type Lang } from './langs.ts';

import type { Kind } from './kinds.ts';
export type { Kind };

/** URL folder of each article kind, in each language. Changing one breaks published links. */
export const KIND_SEGMENTS: Record<Lang, Record<Kind, string>> = {
  de: { symptom: 'symptome', cause: 'ursachen', fix: 'loesungen' },
  en: { symptom: 'symptoms', cause: 'causes', fix: 'fixes' },
};

/** Site pages that exist in both languages, by their path below the language prefix. */
export const PAGE_SEGMENTS = {
  home: '',
  search: 'search',
  messages: 'messages',
  sources: 'sources',
  graph: 'graph',
  troubleshooter: 'troubleshooter',
} as const;
export type PageName = keyof typeof PAGE_SEGMENTS;

export function articlePath(lang: Lang, kind: Kind, slug: string): string {
  return `/${lang}/${KIND_SEGMENTS[lang][kind]}/${slug}/`;
}

export function kindIndexPath(lang: Lang, kind: Kind): string {
  return `/${lang}/${KIND_SEGMENTS[lang][kind]}/`;
}

export function pagePath(lang: Lang, page: PageName): string {
  const segment = PAGE_SEGMENTS[page];
  return segment ? `/${lang}/${segment}/` : `/${lang}/`;
}

export function shortLinkPath(id: string): string {
  return `/kb/${id}`;
}

export function regFilePath(lang: Lang, fixSlug: string, which: 'apply' | 'undo'): string {
  const file = which === 'apply' ? fixSlug : `${fixSlug}-undo`;
  return `/${lang}/${KIND_SEGMENTS[lang].fix}/${fixSlug}/${file}.reg`;
}

/** Static paths of a page that exists once per language; the page reads `Astro.props.lang`. */
export function perLanguage() {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}

/**
 * Page `page` (1-based) of a paged list whose first page is at `first` (a path ending in "/"):
 * the first page keeps the list's own address, later ones are <first>page/<n>/.
 */
export function pagedPath(first: string, page: number): string {
  return page <= 1 ? first : `${first}page/${page}/`;
}

/** A symptom's own part of the graph picture. */
export function symptomGraphPath(lang: Lang, symptomSlug: string): string {
  return `${pagePath(lang, 'graph')}${symptomSlug}/`;
}

/** The page listing every article that uses one thread record or one message, when too many to list inline. */
export function recordUsesPath(lang: Lang, list: 'sources' | 'messages', id: string): string {
  return `${pagePath(lang, list)}${id}/`;
}

/** The 2015 thread, record by record (the sources page itself lists the outside documents). */
export function threadPath(lang: Lang): string {
  return `${pagePath(lang, 'sources')}thread/`;
}
