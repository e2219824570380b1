/**
 * Addresses that moved: old path -> new path, answered with a permanent 301 by nginx
 * (deploy/nginx.conf, generated from this file by `npm run nginx-conf`) and by scripts/serve.ts.
 * A published address never dies (tests/published-urls.txt): when an article's file is renamed,
 * its page and its .reg files move, so add each old address here, e.g.
 *   '/en/fixes/old-slug/': '/en/fixes/new-slug/',
 *   '/en/fixes/old-slug/old-slug.reg': '/en/fixes/new-slug/new-slug.reg',
 * Page paths end with "/"; the same path without the slash redirects too.
 */
export const REDIRECTS: Record<string, string> = {};

/** The redirect for a request path, with or without the trailing slash of a page. */
export function redirectFor(path: string, redirects: Record<string, string> = REDIRECTS): string | undefined {
  return Object.hasOwn(redirects, path)
    ? redirects[path]
    : Object.hasOwn(redirects, `${path}/`)
      ? redirects[`${path}/`]
      : undefined;
}

/**
 * Short links /kb/<id> as forums, chats and mail programs mangle them: an auto-linker takes the
 * sentence's full stop or closing bracket into the link, a reader types capitals, a slash is added.
 * Everything after the id that is not a letter or digit is dropped and the id is lower-cased; ids
 * are lower-case letters, digits and single hyphens, so no real id is lost. nginx runs this very
 * pattern (deploy/nginx.conf, a regex map), the local server calls shortLinkId().
 */
export const SHORT_LINK_PATTERN = '^/kb/([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)[^A-Za-z0-9]*$';
const SHORT_LINK = new RegExp(SHORT_LINK_PATTERN);

/** The article id a /kb/ request path names (decoded path), or undefined when it names none. */
export function shortLinkId(path: string): string | undefined {
  return SHORT_LINK.exec(path)?.[1].toLowerCase();
}

/**
 * The trailing characters a host without regular expressions (a `_redirects` file) is given one
 * rule each for: what forum auto-linkers were seen to swallow. Other variants reach the 404 page,
 * whose script repeats shortLinkId() in the browser.
 */
export const SHORT_LINK_SUFFIXES: readonly string[] = ['.', ',', ')', '!'];

/** The languages with their own 404 page; one per language folder of the site. */
export const NOT_FOUND_LANGS = ['de', 'en'] as const;
/** The 404 page for any other path: it reads the language from the address in the browser. */
export const DEFAULT_NOT_FOUND_PAGE = '/404.html';

/** The page a missing path is answered with: the 404 page of its language folder. */
export function notFoundPage(path: string): string {
  const lang = NOT_FOUND_LANGS.find((l) => path.startsWith(`/${l}/`));
  return lang ? notFoundPagePath(lang) : DEFAULT_NOT_FOUND_PAGE;
}

/** Address of a language's 404 page (Astro builds it as <lang>/404/index.html). */
export function notFoundPagePath(lang: string): string {
  return `/${lang}/404/`;
}
