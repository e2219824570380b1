/** JSON-LD for search engines: TechArticle for symptoms and causes, HowTo with steps for fixes. */
import type { ArticleNode } from '../model/graph.ts';
import { isoDate } from './present.ts';

/** The numbered list items of a Markdown body, in order, with inline Markdown stripped. */
export function numberedSteps(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^\s{0,3}\d+\.\s+(.+)$/.exec(line)?.[1])
    .filter((step): step is string => Boolean(step))
    .map((step) =>
      step
        .replace(/[*_`]/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .trim(),
    );
}

export function articleJsonLd(node: ArticleNode, body: string, site: URL): Record<string, unknown> {
  const common = {
    '@context': 'https://schema.org',
    name: node.data.title,
    headline: node.data.title,
    description: node.data.summary,
    inLanguage: node.lang,
    url: new URL(node.url, site).href,
    dateModified: isoDate(node.data.reviewed),
  };
  if (node.kind !== 'fix') return { '@type': 'TechArticle', ...common };
  const steps = numberedSteps(body);
  return {
    '@type': 'HowTo',
    ...common,
    step: steps.map((text, i) => ({ '@type': 'HowToStep', position: i + 1, text })),
  };
}

/** BreadcrumbList for the trail shown above a page's title. */
export function breadcrumbJsonLd(crumbs: { href: string; label: string }[], site: URL): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: new URL(crumb.href, site).href,
    })),
  };
}
