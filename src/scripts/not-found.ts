/**
 * The 404 page's script: sets right a short link a static host could not resolve (letter case, a
 * character a forum appended), goes straight to an article whose address only lost its case or
 * gained a full stop, and otherwise lists the closest matches. It fetches only the article list of
 * the section the address was in (src/pages/kb/near-[lang]-[section].json.ts).
 */
import { shortLinkId } from '../../deploy/redirects.ts';
import { candidatesOf, closestMatches, exactMatch, nearListPath, type NearList } from '../lib/closest.ts';
import { KIND_SEGMENTS, type Kind } from '../model/routes.ts';
import type { Lang } from '../model/schemas/common.ts';

const LANGS = Object.keys(KIND_SEGMENTS) as Lang[];
const KINDS = Object.keys(KIND_SEGMENTS.de) as Kind[];

async function fetchList(src: string): Promise<NearList | undefined> {
  try {
    const response = await fetch(src);
    return response.ok ? ((await response.json()) as NearList) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const path = location.pathname;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken %-escape: work with the path as it came.
  }
  const id = shortLinkId(decoded);
  if (id && decoded !== `/kb/${id}` && decoded !== `/kb/${id}/`) {
    location.replace(`/kb/${id}${location.hash}`);
    return;
  }

  const [, first = '', second = ''] = decoded.split('/');
  const lang = LANGS.find((l) => l === first.toLowerCase());
  const blocks = [...document.querySelectorAll<HTMLElement>('[data-not-found]')];
  // The page for any address (the root 404.html) holds both languages; keep the address's one.
  if (lang && blocks.length > 1) for (const block of blocks) block.hidden = block.dataset.notFound !== lang;

  const sources = (lang ? [lang] : LANGS).flatMap((l) => {
    const kind = KINDS.find((k) => KIND_SEGMENTS[l][k] === second.toLowerCase());
    return (kind ? [kind] : KINDS).map((k) => nearListPath(l, k));
  });
  const candidates = (await Promise.all(sources.map(fetchList))).flatMap((list) => (list ? candidatesOf(list) : []));
  const exact = exactMatch(decoded, candidates);
  if (exact && exact.url !== path) {
    location.replace(exact.url + location.hash);
    return;
  }
  const matches = closestMatches(decoded, candidates, 5);
  for (const block of blocks) {
    const mine = matches.filter((m) => m.url.startsWith(`/${block.dataset.notFound}/`));
    const list = block.querySelector<HTMLUListElement>('[data-closest]');
    if (!list || mine.length === 0) continue;
    for (const match of mine) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = match.url;
      link.textContent = match.title;
      item.append(link);
      list.append(item);
    }
    list.closest<HTMLElement>('section')?.removeAttribute('hidden');
  }
}

void main();
