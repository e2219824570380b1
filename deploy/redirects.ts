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
