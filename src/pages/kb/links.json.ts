/** Every short link and the page it leads to; nginx's 301 map and the local server read it. */
import type { APIRoute } from 'astro';
import { getGraph } from '../../lib/kb.ts';

export const GET: APIRoute = async () => {
  const graph = await getGraph();
  const links = Object.fromEntries([...graph.all('de'), ...graph.all('en')].map((node) => [node.id, node.url]).sort());
  return new Response(JSON.stringify(links, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
