/** The parts of one built page the registry checks read, found with an HTML parser. */
import { DomUtils, parseDocument } from 'htmlparser2';

type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** A `<pre class="cmd">` block: its attributes and its text, entities decoded. */
export interface CommandBlock {
  attrs: Record<string, string>;
  text: string;
}

export interface PageParts {
  blocks: CommandBlock[];
  /** Attributes of every `<a data-reg>`. */
  regLinks: Record<string, string>[];
}

const hasClass = (element: Element, name: string) =>
  (DomUtils.getAttributeValue(element, 'class') ?? '').split(/\s+/).includes(name);

export function readPage(html: string): PageParts {
  const nodes = parseDocument(html).children;
  const blocks = DomUtils.findAll((e) => e.name === 'pre' && hasClass(e, 'cmd'), nodes).map((e) => ({
    attrs: e.attribs,
    text: DomUtils.textContent(e).trim(),
  }));
  const regLinks = DomUtils.findAll((e) => e.name === 'a' && DomUtils.hasAttrib(e, 'data-reg'), nodes).map(
    (e) => e.attribs,
  );
  return { blocks, regLinks };
}
