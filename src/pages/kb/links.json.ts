/** Every short link and the page it leads to; nginx's 301 map and the local server read it. */
import type { APIRoute } from 'astro';
import { getGraph } from '../../model/collections.ts';
import { LANGS } from '../../model/schemas/common.ts';

export const GET: APIRoute = async () => {
  const graph = await getGraph();
  const links = Object.fromEntries(
    LANGS.flatMap((lang) => graph.all(lang))
      .map((node) => [node.id, node.url])
      .sort(),
  );
  return new Response(JSON.stringify(links, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
