/**
 * The search page: reads ?q=, cleans the pasted text, asks Pagefind for this language's index and
 * renders the results as plain links. Pagefind loads only here, when a reader searches.
 */
import { cleanQuery } from '../lib/search-query.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string; kind?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

// The excerpt is Pagefind's HTML with <mark> around matches; everything else is dropped so a
// pasted <script> can never reach the page.
function safeExcerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of html.split(/(<mark>.*?<\/mark>)/g)) {
    const mark = /^<mark>(.*)<\/mark>$/.exec(part);
    const text = (mark ? mark[1] : part).replace(/<[^>]*>/g, '');
    const decoded = new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html').body.textContent ?? '';
    if (mark) {
      const el = document.createElement('mark');
      el.textContent = decoded;
      fragment.append(el);
    } else fragment.append(decoded);
  }
  return fragment;
}

export async function runSearchPage(): Promise<void> {
  const app = document.getElementById('search-app');
  if (!app) return;
  const status = app.querySelector<HTMLElement>('.status')!;
  const list = app.querySelector<HTMLOListElement>('.results')!;
  const raw = new URLSearchParams(location.search).get('q') ?? '';
  const field = document.querySelector<HTMLTextAreaElement>('#q-main');
  if (field) field.value = raw;
  const query = cleanQuery(raw);
  if (!query) return;
  const pagefindUrl = '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
  await pagefind.options({ ranking: { termFrequency: 0.6, pageLength: 0.4 } });
  const response = await pagefind.search(query);
  const results = await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
  list.replaceChildren(
    ...results.map((result) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const heading = document.createElement('p');
      heading.append(link);
      const kind =
        result.meta.kind && app.dataset[`kind${result.meta.kind[0].toUpperCase()}${result.meta.kind.slice(1)}`];
      if (kind) {
        const badge = document.createElement('span');
        badge.className = 'badge kind';
        badge.textContent = kind;
        heading.append(badge);
      }
      const excerpt = document.createElement('p');
      excerpt.append(safeExcerpt(result.excerpt));
      li.append(heading, excerpt);
      return li;
    }),
  );
  status.textContent = results.length ? `${app.dataset.cleaned}: ${query}` : (app.dataset.nothing ?? '');
}
