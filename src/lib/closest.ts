/** Finds the articles whose address looks most like a mistyped or outdated path (for the 404 page). */

interface Candidate {
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

/** Overlap of words between the path and each candidate's address and id; best first. */
export function closestMatches<C extends Candidate>(path: string, candidates: C[], limit: number): C[] {
  const wanted = new Set(words(decodeURIComponent(path)));
  if (wanted.size === 0) return [];
  const scored = candidates.map((c) => {
    const have = new Set([...words(c.url), ...words(c.id)]);
    let score = 0;
    for (const w of wanted) if (have.has(w) || [...have].some((h) => h.startsWith(w) || w.startsWith(h))) score++;
    return { c, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.c);
}
