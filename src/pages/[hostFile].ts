/**
 * The `_redirects` and `_headers` files that Netlify and Cloudflare Pages read from the site's root,
 * written by the build from deploy/ (deploy/static-host.ts) so a static deploy keeps the 301s, the
 * Content-Security-Policy and the cache rules that nginx has.
 */
import type { APIRoute } from 'astro';
import { HOST_FILES, renderHeadersFile, renderRedirectsFile, type HostFile } from '../../deploy/static-host.ts';
import { getGraph } from '../model/collections.ts';
import { LANGS } from '../model/schemas/common.ts';

export function getStaticPaths() {
  return HOST_FILES.map((hostFile) => ({ params: { hostFile } }));
}

export const GET: APIRoute = async ({ params }) => {
  const file = params.hostFile as HostFile;
  let body: string;
  if (file === '_redirects') {
    const graph = await getGraph();
    const links = Object.fromEntries(LANGS.flatMap((lang) => graph.all(lang).map((node) => [node.id, node.url])));
    body = renderRedirectsFile(links);
  } else {
    body = renderHeadersFile();
  }
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
