/** Sitemap with hreflang alternates, built from the graph so it lists exactly the published pages. */
import type { APIRoute } from 'astro';
import { otherLang } from '../i18n/index.ts';
import { getGraph } from '../model/collections.ts';
import { isoDate } from '../lib/present.ts';
import { KINDS } from '../model/kinds.ts';
import {
  PAGE_SEGMENTS,
  kindIndexPath,
  pagePath,
  symptomGraphPath,
  threadPath,
  type PageName,
} from '../model/routes.ts';
import { LANGS, type Lang } from '../model/schemas/common.ts';

export const GET: APIRoute = async ({ site }) => {
  const graph = await getGraph();
  const entries: { path: string; alternate: string; lang: Lang; lastmod?: string }[] = [];
  for (const lang of LANGS) {
    for (const page of Object.keys(PAGE_SEGMENTS) as PageName[])
      if (page !== 'search')
        entries.push({ path: pagePath(lang, page), alternate: pagePath(otherLang(lang), page), lang });
    entries.push({ path: threadPath(lang), alternate: threadPath(otherLang(lang)), lang });
    for (const kind of KINDS)
      entries.push({ path: kindIndexPath(lang, kind), alternate: kindIndexPath(otherLang(lang), kind), lang });
    for (const node of graph.all(lang))
      entries.push({
        path: node.url,
        alternate: graph.translation(node).url,
        lang,
        lastmod: isoDate(node.data.reviewed),
      });
    for (const symptom of graph.symptoms(lang)) {
      const partner = graph.translation(symptom);
      entries.push({
        path: symptomGraphPath(lang, symptom.slug),
        alternate: symptomGraphPath(partner.lang, partner.slug),
        lang,
      });
    }
  }
  const abs = (path: string) => new URL(path, site).href;
  const body = entries
    .map(
      (e) =>
        `<url><loc>${abs(e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}` +
        `<xhtml:link rel="alternate" hreflang="${e.lang}" href="${abs(e.path)}"/>` +
        `<xhtml:link rel="alternate" hreflang="${otherLang(e.lang)}" href="${abs(e.alternate)}"/></url>`,
    )
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
