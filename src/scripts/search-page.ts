/**
 * The search page: reads ?q=, cleans the pasted text, ranks this language's pages with Pagefind
 * (src/lib/search-query.ts explains how) and lists them as plain links with their kind, where the
 * problem was reported, and an excerpt with the matches marked. Pagefind loads only here, and only
 * when there is something to search for.
 *
 * Why not Pagefind's Component UI (pagefind-component-ui.js, which the Pagefind build ships): it
 * runs under our Content-Security-Policy (tried: its styles come from a CSS file, the one style it
 * sets from script is allowed) and it can take our cleaned query (triggerSearch), but it shows the
 * results of one Pagefind query, and Pagefind returns only pages that contain every word of it. A
 * pasted dialog or a reader's own description often has a word that the right page lacks. With
 * one query (all words, or the best subset when no page has all) the expected page missed the
 * top 3 for 6 of 104 German and 3 of 105 English test queries; rankPages merges several queries
 * and has none missing, which the Component UI cannot display. So the list is drawn here.
 */
import { cleanQuery, rankPages } from '../lib/search-query.ts';

const PAGEFIND = '/pagefind/pagefind.js';
const MAX_RESULTS = 10;
// Short articles (a cause in three paragraphs) must not beat the symptom page that quotes the
// whole message, so page length counts less than Pagefind's default (0.75), and the weighted
// message, title and summary count more than raw term frequency.
const OPTIONS = { ranking: { termFrequency: 0.6, pageLength: 0.4 }, excerptLength: 24 };

interface ResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<'title' | 'kind' | 'targets' | 'accounts' | 'windows', string>>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string | null): Promise<{ results: PagefindResult[] }>;
}

// The excerpt is Pagefind's HTML with <mark> around matches; everything else is reduced to text,
// so nothing from the query or the index can become markup.
function safeExcerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of html.split(/(<mark>[\s\S]*?<\/mark>)/g)) {
    const mark = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
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

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]) {
  const el = document.createElement(tag);
  el.className = className;
  el.append(...children);
  return el;
}

function renderResult(result: ResultData, app: HTMLElement): HTMLLIElement {
  const link = document.createElement('a');
  // Result URLs are the site's own paths.
  link.href = result.url.startsWith('/') && !result.url.startsWith('//') ? result.url : '#';
  link.textContent = result.meta.title ?? result.url;
  const li = element('li', 'result', element('p', 'result-title', link));
  const labels = element('p', 'result-labels');
  const kind = result.meta.kind
    ? app.dataset[`kind${result.meta.kind[0].toUpperCase()}${result.meta.kind.slice(1)}`]
    : '';
  if (kind) labels.append(element('span', 'badge kind', kind));
  for (const key of ['targets', 'accounts', 'windows'] as const)
    for (const value of (result.meta[key] ?? '').split(', ').filter(Boolean)) {
      const tag = element('span', `tag ${key}`, value);
      tag.title = app.dataset[key] ?? '';
      labels.append(tag);
    }
  if (labels.childElementCount) li.append(labels);
  li.append(element('p', 'result-excerpt', safeExcerpt(result.excerpt)));
  return li;
}

let loading: Promise<Pagefind> | undefined;
/** Pagefind, loaded once per page view: later searches from the box on this page reuse it. */
function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND)) as Pagefind;
    await pagefind.options(OPTIONS);
    return pagefind;
  })();
  return loading;
}

let latest = 0;

/** Searches for what the reader typed or pasted and shows the results in #search-app. */
async function showResults(app: HTMLElement, raw: string): Promise<void> {
  const ticket = ++latest;
  const status = app.querySelector<HTMLElement>('.status')!;
  const nothing = app.querySelector<HTMLElement>('.nothing')!;
  const list = app.querySelector<HTMLOListElement>('.results')!;
  const finish = (state: 'idle' | 'results' | 'empty' | 'error', count = 0) => {
    // A newer search has started: its outcome is the one to show.
    if (ticket !== latest) return;
    nothing.hidden = state !== 'empty' && state !== 'error';
    list.hidden = count === 0;
    app.dataset.count = String(count);
    app.dataset.state = state;
    // Counts finished searches, so a test or benchmark can wait for the next one.
    app.dataset.run = String(Number(app.dataset.run ?? 0) + 1);
  };
  const cleaned = cleanQuery(raw);
  if (!cleaned) {
    status.textContent = '';
    list.replaceChildren();
    return finish(raw.trim() ? 'empty' : 'idle');
  }
  app.dataset.state = 'searching';
  status.textContent = app.dataset.searching ?? '';

  try {
    const pagefind = await loadPagefind();
    const searches = new Map<string, Promise<PagefindResult[]>>();
    const search = (term: string) => {
      if (!searches.has(term))
        searches.set(
          term,
          pagefind.search(term).then((response) => response.results),
        );
      return searches.get(term)!;
    };
    const ranked = await rankPages(
      cleaned,
      async (word) => (await search(word)).map(({ id, score }) => ({ id, score })),
      Number(app.dataset.pages),
    );
    const top = ranked.pages.slice(0, MAX_RESULTS);
    // Each page's excerpt comes from the search for the words it contains, so all of them are marked.
    const results = await Promise.all(
      top.map(async (page) => {
        const result =
          (await search(page.words.join(' '))).find((r) => r.id === page.id) ??
          (await search(page.words[0])).find((r) => r.id === page.id)!;
        return result.data();
      }),
    );
    if (ticket !== latest) return;
    list.replaceChildren(...results.map((result) => renderResult(result, app)));
    status.replaceChildren(`${app.dataset.cleaned}: `, element('span', 'term', ranked.words.join(' ') || '–'));
    if (ranked.dropped.length)
      status.append(` · ${app.dataset.dropped}: `, element('span', 'term', ranked.dropped.join(' ')));
    if (results.length)
      status.prepend(`${(app.dataset.found ?? '{count}').replace('{count}', String(results.length))} · `);
    finish(results.length ? 'results' : 'empty', results.length);
  } catch (error) {
    // The index is missing or failed to load: say so, and point to the list of messages.
    console.warn('search failed:', error);
    if (ticket !== latest) return;
    status.textContent = app.dataset.failed ?? '';
    finish('error');
  }
}

const queryInAddress = () => new URLSearchParams(location.search).get('q') ?? '';

/**
 * Runs the search for ?q= and, since the page works without JavaScript as a plain GET form, only
 * enhances it: a new search from a box that targets this page runs in place (no page load, so
 * Pagefind stays loaded), with its own address in the history for Back and for copying.
 */
export function runSearchPage(): void {
  const app = document.getElementById('search-app');
  if (!app) return;
  const field = document.querySelector<HTMLTextAreaElement>('#q-main');
  let shown = '';
  const show = (raw: string) => {
    shown = raw;
    if (field) field.value = raw;
    return showResults(app, raw);
  };
  for (const form of document.querySelectorAll<HTMLFormElement>('form[role="search"]')) {
    if (new URL(form.action, location.href).pathname !== location.pathname) continue;
    form.addEventListener('submit', (event) => {
      const raw = String(new FormData(form).get('q') ?? '');
      event.preventDefault();
      if (raw !== queryInAddress()) history.pushState(null, '', `?${new URLSearchParams({ q: raw })}`);
      void show(raw);
    });
  }
  // Back and Forward between searches; a jump to an anchor on this page (the skip link) also fires
  // popstate and must not search again.
  window.addEventListener('popstate', () => {
    if (queryInAddress() !== shown) void show(queryInAddress());
  });
  void show(queryInAddress());
}
