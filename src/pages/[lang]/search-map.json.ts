/** The instant-answer map of one language (src/lib/instant-map.ts), read by the search boxes. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGraph } from '../../model/collections.ts';
import { buildInstantMap } from '../../lib/instant-map.ts';
import type { Lang } from '../../model/schemas/common.ts';

export const getStaticPaths = (() => [{ params: { lang: 'de' } }, { params: { lang: 'en' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(buildInstantMap(await getGraph(), params.lang as Lang)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
