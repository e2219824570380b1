/** The link cards (og:image) as PNG files: /cards/<lang>/<article id | page-name>.png. */
import type { APIRoute } from 'astro';
import { getGraph } from '../../../model/collections.ts';
import { allCards, type CardSpec } from '../../../lib/link-card.ts';
import { renderCard } from '../../../lib/link-card-render.ts';

export async function getStaticPaths() {
  const graph = await getGraph();
  return allCards(graph).map((card) => ({ params: { lang: card.lang, key: card.key }, props: { card } }));
}

export const GET: APIRoute = async ({ props }) => {
  const png = await renderCard((props as { card: CardSpec }).card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
