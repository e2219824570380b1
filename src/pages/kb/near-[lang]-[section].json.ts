/**
 * The articles of one language and section, for the 404 page's closest matches: it fetches only
 * the list of the section the missing address was in (all of a language's when unknown), so no page
 * carries the whole site's addresses. Rows: [slug, title] or [slug, title, id] when the id differs.
 */
import type { APIRoute } from 'astro';
import type { NearList } from '../../lib/closest.ts';
import { getGraph } from '../../model/collections.ts';
import { KIND_SEGMENTS, type Kind } from '../../model/routes.ts';
import { LANGS, type Lang } from '../../model/schemas/common.ts';

export function getStaticPaths() {
  return LANGS.flatMap((lang) =>
    (Object.keys(KIND_SEGMENTS[lang]) as Kind[]).map((kind) => ({
      params: { lang, section: KIND_SEGMENTS[lang][kind] },
      props: { kind },
    })),
  );
}

export const GET: APIRoute = async ({ params, props }) => {
  const graph = await getGraph();
  const lang = params.lang as Lang;
  const rows: NearList['rows'] = graph
    .all(lang)
    .filter((node) => node.kind === (props as { kind: Kind }).kind)
    .map((node) => (node.id === node.slug ? [node.slug, node.data.title] : [node.slug, node.data.title, node.id]));
  const list: NearList = { base: `/${lang}/${params.section}/`, rows };
  return new Response(JSON.stringify(list), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
