/** JSON-LD for search engines: TechArticle for symptoms and causes, HowTo with steps for fixes. */
import { mdxToMdast } from 'satteri';
import type { ArticleNode } from '../model/graph.ts';
import { isoDate } from './present.ts';

interface MdastNode {
  type: string;
  ordered?: boolean;
  value?: string;
  children?: MdastNode[];
}

/** Text of a node without its MDX components (<Cite> labels are not part of a step). */
function plainText(node: MdastNode): string {
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') return '';
  return (node.value ?? '') + (node.children ?? []).map(plainText).join('');
}

/** The items of the body's numbered lists, in order, as plain text; read with the build's MDX parser. */
export function numberedSteps(mdx: string): string[] {
  const steps: string[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'list' && node.ordered)
      for (const item of node.children ?? [])
        steps.push(
          plainText(item)
            .replace(/\s+/g, ' ')
            .replace(/ ([.,;:])/g, '$1')
            .trim(),
        );
    else node.children?.forEach(visit);
  };
  visit(mdxToMdast(mdx) as unknown as MdastNode);
  return steps.filter(Boolean);
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
