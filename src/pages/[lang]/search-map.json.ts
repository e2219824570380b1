/** The instant-answer map of one language (src/lib/instant-map.ts), read by the search boxes. */
import type { APIRoute } from 'astro';
import { getGraph } from '../../model/collections.ts';
import { buildInstantMap } from '../../lib/instant-map.ts';
import type { Lang } from '../../model/langs.ts';
import { perLanguage } from '../../model/routes.ts';

export const getStaticPaths = perLanguage;

export const GET: APIRoute = async ({ props }) =>
  new Response(JSON.stringify(buildInstantMap(await getGraph(), props.lang as Lang)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
