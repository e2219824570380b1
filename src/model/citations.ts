/**
 * The references an article body cites with `<Cite id="…" />`, read with the MDX parser Astro's
 * MDX integration itself uses (satteri), so what the rule sees is what the page renders.
 */
import { mdxToMdast } from 'satteri';

interface MdastNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdastNode[];
}

export const CITE_COMPONENT = 'Cite';

/** Ids of every `<Cite id="…" />` in the body, in order of appearance. */
export function citedReferences(body: string): string[] {
  const ids: string[] = [];
  const visit = (node: MdastNode) => {
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === CITE_COMPONENT) {
      const id = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
      if (typeof id === 'string') ids.push(id);
    }
    node.children?.forEach(visit);
  };
  visit(mdxToMdast(body) as unknown as MdastNode);
  return ids;
}
