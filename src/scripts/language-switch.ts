/**
 * The language switch goes to the same page in the other language; this carries along what the
 * reader was looking at: the query on the search page, and the #fragment on an article (renamed
 * where the other language names that heading differently, from the link's data-anchors).
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-language-switch]');
if (link) {
  const anchors: Record<string, string> = JSON.parse(link.dataset.anchors ?? '{}');
  const update = () => {
    const target = new URL(link.href, location.href);
    const query = new URLSearchParams(location.search).get('q');
    if (query) target.searchParams.set('q', query);
    const fragment = decodeURIComponent(location.hash.slice(1));
    target.hash = fragment && fragment in anchors ? anchors[fragment] : '';
    link.href = target.href;
  };
  // Before the click is followed, and for a middle click or "copy link address" too.
  for (const event of ['pointerdown', 'focus', 'click'] as const) link.addEventListener(event, update);
}
