/** The knowledge graph of one language as JSON, for forums and tools (documented in the README). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportGraph } from '../../lib/export.ts';
import { getGraph } from '../../model/collections.ts';
import { perLanguage } from '../../model/routes.ts';
import type { Lang } from '../../model/schemas/common.ts';

export const getStaticPaths = perLanguage satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const graph = await getGraph();
  return new Response(JSON.stringify(exportGraph(graph, props.lang as Lang, site!), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
