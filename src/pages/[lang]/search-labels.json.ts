/** The template labels that search result excerpts leave out (src/lib/search-excerpt.ts), per language. */
import type { APIRoute } from 'astro';
import { excerptLabels } from '../../lib/search-config.ts';
import type { Lang } from '../../model/langs.ts';
import { perLanguage } from '../../model/routes.ts';

export const getStaticPaths = perLanguage;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(excerptLabels(props.lang as Lang)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
