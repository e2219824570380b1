import { KIND_SEGMENTS, type Kind } from '../model/routes.ts';
import type { Lang } from '../model/schemas/common.ts';

/**
 * Finds the articles whose address looks most like a mistyped, truncated or outdated path, for the
 * 404 page. Runs in the browser on the small per-section lists the 404 page fetches
 * (src/pages/kb/near-[lang]-[section].json.ts).
 */

/** The list of one language's articles of one kind (src/pages/kb/near-[lang]-[section].json.ts). */
export function nearListPath(lang: Lang, kind: Kind): string {
  return `/kb/near-${lang}-${KIND_SEGMENTS[lang][kind]}.json`;
}

/** What a near list holds: the section's path and [slug, title] or [slug, title, id] rows. */
export interface NearList {
  base: string;
  rows: ([string, string] | [string, string, string])[];
}

export function candidatesOf(list: NearList): Candidate[] {
  return list.rows.map(([slug, title, id]) => ({ url: `${list.base}${slug}/`, title, id: id ?? slug }));
}

export interface Candidate {
  url: string;
  title: string;
  id: string;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9äöüß]+/)
    .filter((w) => w.length > 2);
}

/** The last named part of a path, as an address would spell an article: "/de/x/Foo-Bar)." -> "foo-bar". */
export function lastSegment(path: string): string {
  const parts = path
    .toLowerCase()
    .split('/')
    .map((p) => p.replace(/^[^a-z0-9äöüß]+|[^a-z0-9äöüß]+$/g, ''))
    .filter(Boolean);
  return parts.at(-1) ?? '';
}

/** Levenshtein distance, for one mistyped or missing letter in a slug. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** 0..1: how alike two slugs are (1 = the same). */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/**
 * Best first: shared words between the last part of the path and a candidate's slug and id (a word
 * may be cut short or run on), then how alike that part is to the candidate's slug or id.
 */
export function closestMatches<C extends Candidate>(path: string, candidates: C[], limit: number): C[] {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken %-escape: match on the raw path.
  }
  // Only the last part of the path names the article; the language and section folders would
  // otherwise match every candidate.
  const segment = lastSegment(decoded);
  const wanted = new Set(words(segment));
  if (!segment) return [];
  const scored = candidates.map((c) => {
    const have = new Set([...words(lastSegment(c.url)), ...words(c.id)]);
    let shared = 0;
    for (const w of wanted) if (have.has(w) || [...have].some((h) => h.startsWith(w) || w.startsWith(h))) shared++;
    const alike = Math.max(similarity(segment, lastSegment(c.url)), similarity(segment, c.id));
    return { c, shared, alike };
  });
  return scored
    .filter((s) => s.shared > 0 || s.alike >= 0.6)
    .sort((a, b) => b.shared - a.shared || b.alike - a.alike)
    .slice(0, limit)
    .map((s) => s.c);
}

/**
 * The article a mangled address means exactly: the same path once letter case and what a forum
 * appended (".", ")", a missing slash) are set right. The 404 page then goes there at once.
 */
export function exactMatch<C extends Candidate>(path: string, candidates: C[]): C | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const clean = decoded.toLowerCase().replace(/[^a-z0-9]+$/, '') + '/';
  return candidates.find((c) => c.url === clean);
}
