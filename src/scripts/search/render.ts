/**
 * Result items as DOM nodes. Everything from the index or the query goes in as text; the only
 * element made from it is <mark> around a searched word.
 */
import type { SearchConfig } from '../../lib/search-config.ts';
import type { ExcerptPart } from '../../lib/search-excerpt.ts';

export interface Item {
  url: string;
  title: string;
  kind?: string;
  badge?: string;
  targets?: string;
  /** Why an instant answer is shown ("Matches error code 0x80070035"). */
  reason?: string;
  excerpt?: ExcerptPart[];
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(...children);
  return el;
}

/** Result URLs are the site's own paths; anything else is not linked. */
const sitePath = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? url : '#');

export function renderItem(item: Item, config: SearchConfig): HTMLLIElement {
  const link = element('a', '', item.title);
  link.href = sitePath(item.url);
  const li = element('li', 'result', element('p', 'result-title', link));
  li.dataset.url = item.url;
  const labels = element('p', 'result-labels');
  const kind = item.kind && config.badges[`kind.${item.kind}`];
  if (kind) labels.append(element('span', 'badge kind', kind));
  const badge = item.badge && config.badges[item.badge];
  if (badge) labels.append(element('span', `badge ${item.badge!.split('.')[1]}`, badge));
  if (item.targets) labels.append(element('span', 'targets muted', item.targets));
  if (labels.childElementCount) li.append(labels);
  if (item.reason) li.append(element('p', 'result-reason', item.reason));
  if (item.excerpt) li.append(excerptElement(item.excerpt));
  return li;
}

export function excerptElement(parts: ExcerptPart[]): HTMLParagraphElement {
  return element(
    'p',
    'result-excerpt',
    ...parts.map((part) => (part.mark ? element('mark', '', part.text) : part.text)),
  );
}
