/**
 * <site-search>: search as you type, over a plain GET search form that works without it
 * (SiteSearch.astro). On the search page it also runs ?q= on load; on the home page it shows the
 * results under the box, and Enter still leads to the search page.
 *
 * - Instant answers first: the query's error codes and known messages are looked up in this
 *   language's instant-answer map (src/lib/instant-answers.ts), a small JSON file fetched with the
 *   page or when the reader first focuses the box; no search index is needed for them.
 * - Then the full-text results (src/scripts/search/engine.ts, Pagefind), loaded on the search page
 *   with the page and elsewhere on focus or typing, never before. Searches do not pile up: while
 *   one runs, only the newest query waits, and a result for an older query is never drawn.
 * - The address follows the box (?q=), for copying and for Back: a pause in typing ends an entry,
 *   the next keystroke starts a new one; Back and Forward bring the query and its results back.
 *
 * #search-app tells tests and the benchmark how far it got: data-state (idle, searching, instant,
 * then results, related, empty or error), data-query (the query shown) and data-run (finished
 * searches).
 */
import { instantAnswer, type InstantMap, type InstantResult } from '../../lib/instant-answers.ts';
import type { SearchConfig } from '../../lib/search-config.ts';
import type * as Engine from './engine.ts';
import type { Outcome, PageView } from './engine.ts';
import { loadPagefind } from './pagefind.ts';
import { renderItem, type Item } from './render.ts';

// A pause this long in typing ends a history entry.
const PAUSE_MS = 1000;
const MAX_RELATED = 5;

let engineModule: Promise<typeof Engine> | undefined;
const engine = () => (engineModule ??= import('./engine.ts'));
const maps = new Map<string, Promise<InstantMap | undefined>>();
function mapAt(url: string): Promise<InstantMap | undefined> {
  if (!maps.has(url))
    maps.set(
      url,
      fetch(url)
        .then((response) => (response.ok ? (response.json() as Promise<InstantMap>) : undefined))
        .catch(() => undefined),
    );
  return maps.get(url)!;
}

let labelsModule: Promise<string[]> | undefined;
const labelsAt = (url: string) =>
  (labelsModule ??= fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []));

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

interface Shown {
  raw: string;
  instant: InstantResult;
  items: (Item & { score: number; rank: number })[];
}

class SiteSearch extends HTMLElement {
  #config!: SearchConfig;
  #field!: HTMLInputElement | HTMLTextAreaElement;
  #app!: HTMLElement;
  #status!: HTMLElement;
  #nothing!: HTMLElement;
  #nothingText!: HTMLElement;
  #list!: HTMLOListElement;
  #related!: HTMLElement;
  #relatedList!: HTMLOListElement;
  #ticket = 0;
  #shown = '';
  #current?: Shown;
  #pending?: string;
  #running = false;
  #warmed = false;
  #session = false;
  #pause?: ReturnType<typeof setTimeout>;

  connectedCallback(): void {
    const json = document.getElementById('search-config')?.textContent;
    const form = this.querySelector<HTMLFormElement>('form[role="search"]');
    const app = this.querySelector<HTMLElement>('.search-results');
    if (!json || !form || !app) return;
    this.#config = JSON.parse(json) as SearchConfig;
    this.#field = form.elements.namedItem('q') as HTMLTextAreaElement;
    this.#app = app;
    this.#status = app.querySelector('.status')!;
    this.#nothing = app.querySelector('.nothing')!;
    this.#nothingText = app.querySelector('.nothing-text')!;
    this.#list = app.querySelector('ol.results')!;
    this.#related = app.querySelector('.related-area')!;
    this.#relatedList = app.querySelector('ol.related')!;

    this.addEventListener('focusin', () => this.#warm());
    this.#field.addEventListener('input', () => this.#typed());
    form.addEventListener('submit', (event) => this.#submit(event));
    window.addEventListener('popstate', () => this.#restore());
    const query = queryInAddress();
    if (query) {
      this.#field.value = query;
      this.#warm();
      void this.#show(query);
    }
  }

  get #onSearchPage(): boolean {
    return this.dataset.mode === 'page';
  }

  /**
   * The map, then the full-text code and Pagefind: on the search page with the page, elsewhere on
   * focus. The map comes first and its answer is drawn before Pagefind's downloads and its
   * WebAssembly compete with it for the network and the processor.
   */
  #warm(): void {
    if (this.#warmed) return;
    this.#warmed = true;
    void mapAt(this.#config.map).finally(() =>
      afterPaint(() => {
        void engine().catch(() => undefined);
        loadPagefind(this.#config.lang, this.#config.build).catch(() => undefined);
      }),
    );
  }

  #typed(): void {
    const raw = this.#field.value;
    const address = addressFor(raw);
    if (address !== location.pathname + location.search) {
      if (this.#session) history.replaceState(null, '', address);
      else history.pushState(null, '', address);
      this.#session = true;
    }
    clearTimeout(this.#pause);
    this.#pause = setTimeout(() => (this.#session = false), PAUSE_MS);
    this.#warm();
    void this.#show(raw);
  }

  #submit(event: SubmitEvent): void {
    this.#session = false;
    // From the home page, Enter leads to the search page (a plain form submit).
    if (!this.#onSearchPage) return;
    event.preventDefault();
    const raw = this.#field.value;
    const address = addressFor(raw);
    if (address !== location.pathname + location.search) history.pushState(null, '', address);
    if (raw !== this.#shown) void this.#show(raw);
  }

  /** Back and Forward; a jump to an anchor (the skip link) also fires popstate and changes nothing. */
  #restore(): void {
    this.#session = false;
    const query = queryInAddress();
    if (query === this.#shown) return;
    this.#field.value = query;
    void this.#show(query);
  }

  #state(state: string): void {
    this.#app.dataset.state = state;
    this.#app.dataset.query = this.#shown;
    if (!['idle', 'searching', 'instant'].includes(state))
      this.#app.dataset.run = String(Number(this.#app.dataset.run ?? 0) + 1);
  }

  async #show(raw: string): Promise<void> {
    const ticket = ++this.#ticket;
    this.#shown = raw;
    if (!raw.trim()) {
      this.#current = undefined;
      this.#status.textContent = '';
      this.#nothing.hidden = true;
      this.#list.hidden = true;
      this.#related.hidden = true;
      this.#list.replaceChildren();
      return this.#state('idle');
    }
    const map = await mapAt(this.#config.map);
    if (ticket !== this.#ticket) return;
    const instant = map ? instantAnswer(map, raw) : { codes: [], articles: [] };
    const items = instant.articles.map(({ index, score, codes }) => {
      const [slug, title, kind, tone, targets] = map!.a[index];
      const reason = codes.length
        ? fill(this.#config.text.reasonCode, { code: codes.join(', ') })
        : this.#config.text.reasonMessage;
      const badge = tone ? `${kind === 'symptom' ? 'status' : 'risk'}.${tone}` : undefined;
      const url = `/${this.#config.lang}/${this.#config.segments[kind]}/${slug}/`;
      const names = targets.split(' ').filter(Boolean);
      const where = names.map((target) => this.#config.targets[target] ?? target).join(', ') || undefined;
      return { url, title, kind, badge, reason, targets: where, score, rank: Infinity };
    });
    this.#current = { raw, instant, items };
    if (items.length) {
      this.#nothing.hidden = true;
      this.#related.hidden = true;
      this.#drawList(items);
      this.#status.textContent = `${this.#known(instant)} ${this.#config.text.loadingMore}`;
      this.#state('instant');
    } else {
      this.#app.setAttribute('aria-busy', 'true');
      this.#state('searching');
    }
    this.#pending = raw;
    // An instant answer is painted before the full-text search starts to load and compete with it.
    if (items.length) afterPaint(() => void this.#drain());
    else void this.#drain();
  }

  /** Runs the newest waiting query; one full-text search at a time. */
  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#pending !== undefined) {
        const raw = this.#pending;
        this.#pending = undefined;
        await this.#fullText(raw, this.#ticket);
      }
    } finally {
      this.#running = false;
    }
  }

  async #fullText(raw: string, ticket: number): Promise<void> {
    const current = this.#current;
    if (!current || current.raw !== raw) return;
    const { instant, items } = current;
    const unknown = instant.codes.filter((code) => code.named && !code.known);
    // "System error 5": a one- or two-digit number on a page is hardly ever that error.
    const short = unknown.filter((code) => /^\d{1,2}$/.test(code.keys[0]));
    let outcome: Outcome;
    try {
      // Pagefind, the code that uses it and the labels excerpts leave out load side by side.
      const pagefind = loadPagefind(this.#config.lang, this.#config.build);
      const labelList = labelsAt(this.#config.labels);
      const { searchIndex } = await engine();
      await pagefind;
      const labels = await labelList;
      outcome = await searchIndex(
        raw,
        this.#config,
        labels,
        short.flatMap((code) => [code.text, ...code.keys]),
      );
    } catch (error) {
      if (ticket !== this.#ticket) return;
      // The index is missing or failed to load: instant answers stay, the list of messages helps.
      console.warn('search failed:', error);
      this.#app.removeAttribute('aria-busy');
      if (items.length) {
        this.#status.textContent = `${this.#known(instant)} ${this.#config.text.failed}`;
        return this.#state('results');
      }
      this.#list.hidden = true;
      this.#related.hidden = true;
      this.#status.textContent = '';
      this.#nothingText.textContent = this.#config.text.failed;
      this.#nothing.hidden = false;
      return this.#state('error');
    }
    if (ticket !== this.#ticket) return;
    // A code that no message has and no page mentions is not covered (an event ID in an article is).
    const dropped = new Set(outcome.dropped.map((word) => word.toLowerCase()));
    const uncovered = unknown.filter(
      (code) => short.includes(code) || [code.text, ...code.keys].some((key) => dropped.has(key.toLowerCase())),
    );
    // A known code or message answers the query; an uncovered code makes the rest a guess.
    const verdict = items.length
      ? 'results'
      : uncovered.length && outcome.verdict === 'results'
        ? 'related'
        : outcome.verdict;
    const found: PageView[] = [];
    const limit = verdict === 'related' ? MAX_RELATED : Infinity;
    for (const [rank, promise] of outcome.pages.entries()) {
      if (found.length >= limit) break;
      let page: PageView;
      try {
        page = await promise;
      } catch {
        continue;
      }
      if (ticket !== this.#ticket) return;
      const answered = items.find((item) => item.url === page.url);
      if (answered) {
        answered.rank = rank;
        answered.excerpt = page.excerpt?.parts;
      } else found.push(page);
      // The first result is drawn as soon as it is there; the rest follow together.
      if (rank === 0 && verdict === 'results') this.#drawResults(items, found);
    }
    if (ticket !== this.#ticket) return;
    this.#app.removeAttribute('aria-busy');
    const text = this.#config.text;
    if (verdict === 'results') {
      // Among instant answers the index's order decides what the codes and messages leave open.
      items.sort((a, b) => b.score - a.score || a.rank - b.rank);
      const count = this.#drawResults(items, found);
      const parts = [this.#known(instant), count === 1 ? text.foundOne : fill(text.foundMany, { count })];
      if (outcome.dropped.length) parts.push(fill(text.notOnAnyPage, { words: outcome.dropped.join(', ') }));
      this.#status.textContent = parts.filter(Boolean).join(' ');
      return this.#state('results');
    }
    this.#list.hidden = true;
    this.#list.replaceChildren();
    this.#status.textContent = '';
    this.#nothingText.textContent = uncovered.length
      ? fill(text.uncoveredCode, { code: uncovered.map((code) => code.text).join(', ') })
      : outcome.meaningful
        ? text.uncovered
        : text.nothing;
    this.#nothing.hidden = false;
    this.#relatedList.replaceChildren(...found.map((page) => this.#item(page)));
    this.#related.hidden = !found.length;
    this.#state(found.length ? 'related' : 'empty');
  }

  #item(page: PageView): HTMLLIElement {
    return renderItem({ ...page, excerpt: page.excerpt?.parts }, this.#config);
  }

  #drawList(items: Item[]): void {
    this.#list.replaceChildren(...items.map((item) => renderItem(item, this.#config)));
    this.#list.hidden = !items.length;
  }

  #drawResults(items: Item[], found: PageView[]): number {
    this.#nothing.hidden = true;
    this.#related.hidden = true;
    const nodes = [...items.map((item) => renderItem(item, this.#config)), ...found.map((page) => this.#item(page))];
    this.#list.replaceChildren(...nodes);
    this.#list.hidden = !nodes.length;
    return nodes.length;
  }

  /** "Known error code 0x80070035." or "Known error message.", when the query has one. */
  #known(instant: InstantResult): string {
    const codes = instant.codes.filter((code) => code.known).map((code) => code.text);
    if (codes.length) return fill(this.#config.text.knownCode, { code: codes.join(', ') });
    return instant.articles.some((article) => article.message) ? this.#config.text.knownMessage : '';
  }
}

/** Runs `then` once the page has painted, or after a moment where it does not paint (a hidden tab). */
function afterPaint(then: () => void): void {
  let done = false;
  const once = () => {
    if (!done) then();
    done = true;
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100);
}

function queryInAddress(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

/** This page's address for a query: ?q= as encodeURIComponent writes it, none for an empty box. */
function addressFor(raw: string): string {
  return raw ? `${location.pathname}?q=${encodeURIComponent(raw)}` : location.pathname;
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
