/**
 * The excerpt a search result shows: a run of the article's own text around the searched words,
 * never its labels. Pagefind's index holds the page's text with the labels the page draws around
 * it ("Dialog · Error code", "Exact text, from Microsoft documentation", "Apply", "How to undo
 * it:"), and two pages that quote the same error message would show the same excerpt. So the
 * excerpt is cut here from the page text and Pagefind's word positions: the title (shown as the
 * link) and every label phrase are left out, the window with the most searched words wins, and a
 * window another result already shows is passed over.
 */

/** A piece of excerpt text; `mark` for a searched word. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** The excerpt's words, lower case: two results with the same key show the same text. */
  key: string;
}

export interface ExcerptInput {
  /** The page text as Pagefind stores it; its word positions count whitespace-separated words. */
  content: string;
  /** Positions of the searched words in `content`. */
  locations: number[];
  /** The page title, which the text starts with. */
  title: string;
  /** Label phrases of the site's templates, in the page's language. */
  labels: readonly string[];
  /** Keys of excerpts already shown; one that shares most of its words with them is passed over. */
  shown?: ReadonlySet<string>;
  /** Words in the excerpt. */
  length?: number;
}

const LENGTH = 30;
// Words shown before a searched word, at most; a sentence start this close is preferred.
const CONTEXT = 6;
const SENTENCE_END = /[.:!?]$/;
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}$]+$/gu, '');
// A label ends its block: Pagefind writes a full stop, a colon or a heading's "#" after it.
const ENDS_BLOCK = /[.:#·]$/;

/** Marks a label whose following words, up to the next label, are left out too (a quote in the other language). */
export const SPAN_LABEL = '»';
/** Marks a label whose next word is left out too (the code after "Error code"). */
export const VALUE_LABEL = '+';

/** Which words of the text belong to the title or to a label, not to the article's own text. */
export function labelMask(words: string[], title: string, labels: readonly string[]): boolean[] {
  const mask = words.map((word) => word === '·');
  const titleWords = title.split(/\s+/).filter(Boolean);
  if (titleWords.every((word, i) => bare(words[i] ?? '') === bare(word)))
    titleWords.forEach((_, i) => (mask[i] = true));
  const phrases = labels
    .map((label) => ({
      span: label.startsWith(SPAN_LABEL),
      value: label.startsWith(VALUE_LABEL),
      words: label.replace(/^[»+]/, '').split(/\s+/).map(bare).filter(Boolean),
    }))
    .filter((phrase) => phrase.words.length)
    // The longest first, so "Rückgängig machen" is not read as a shorter label inside it.
    .sort((a, b) => b.words.length - a.words.length);
  // Labels by their first word: a page has hundreds of words and the templates dozens of labels.
  const byFirst = new Map<string, typeof phrases>();
  for (const phrase of phrases) byFirst.set(phrase.words[0], [...(byFirst.get(phrase.words[0]) ?? []), phrase]);
  const bareWords = words.map(bare);
  let spanning = false;
  for (let i = 0; i < words.length; i++) {
    const phrase = (byFirst.get(bareWords[i]) ?? []).find(({ words: label }) => {
      if (i + label.length > words.length) return false;
      if (!label.every((word, j) => bareWords[i + j] === word)) return false;
      // A one-word label ("Apply", "Dialog") counts only where it stands alone as a label.
      return label.length > 1 || ENDS_BLOCK.test(words[i]) || words[i + 1] === '·';
    });
    if (!phrase) {
      if (spanning) mask[i] = true;
      continue;
    }
    const end = i + phrase.words.length;
    // "· Error code 1272." is the label line; "Error code: 0x80070035" inside a dialog's text is not.
    const length = phrase.words.length + (phrase.value && end < words.length && !/:$/.test(words[end - 1]) ? 1 : 0);
    for (let j = 0; j < length; j++) mask[i + j] = true;
    i += length - 1;
    spanning = phrase.span;
  }
  return mask;
}

/** The best excerpt of a page that no earlier result shows. */
export function excerptOf(input: ExcerptInput): Excerpt {
  const words = input.content.split(/\s+/).filter(Boolean);
  const mask = labelMask(words, input.title, input.labels);
  // The article's own words, by their position in the page text.
  const text = words.map((_, i) => i).filter((i) => !mask[i]);
  const length = input.length ?? LENGTH;
  const marked = new Set(input.locations);
  // A sentence starts after a full stop or colon, or after a label that was left out.
  const startsSentence = (at: number) =>
    at === 0 || SENTENCE_END.test(words[text[at - 1]]) || text[at] - text[at - 1] > 1;
  const score = (start: number) => {
    const hits = text.slice(start, start + length).filter((i) => marked.has(i));
    // Different searched words count more than one word again and again.
    return new Set(hits.map((i) => bare(words[i]))).size * 10 + hits.length;
  };
  // A window per searched word: a few words before it, from the start of its sentence if that is
  // near; and the start of every sentence, for a page whose best window another result shows.
  const starts = new Set<number>();
  text.forEach((index, at) => {
    if (!marked.has(index)) return;
    let start = Math.max(0, at - CONTEXT);
    for (let back = start; back >= Math.max(0, start - CONTEXT); back--)
      if (startsSentence(back)) {
        start = back;
        break;
      }
    starts.add(start);
  });
  text.forEach((_, at) => startsSentence(at) && starts.add(at));
  const candidates = [...starts]
    .map((start) => ({ start, score: score(start) + (startsSentence(start) ? 1 : 0) }))
    // Best first; among equals the earlier window, which is nearer the summary.
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const build = (start: number): Excerpt => {
    const window = text.slice(start, start + length);
    const parts: ExcerptPart[] = [];
    const push = (piece: string, mark: boolean) => {
      const previous = parts[parts.length - 1];
      if (previous && previous.mark === mark) previous.text += piece;
      else parts.push({ text: piece, mark });
    };
    if (start > 0) push('… ', false);
    window.forEach((index, n) => {
      // Label words between two pieces of text are left out; an ellipsis shows the gap.
      if (n > 0) push(index - window[n - 1] > 1 ? ' … ' : ' ', false);
      push(words[index], marked.has(index));
    });
    if (start + length < text.length) push(' …', false);
    return { parts, key: window.map((i) => bare(words[i])).join(' ') };
  };
  const shown = [...(input.shown ?? [])].map((key) => new Set(key.split(' ')));
  // Shifted by a word or two, the same quoted message is still the same excerpt to a reader.
  const seen = (key: string) => {
    const mine = new Set(key.split(' '));
    return shown.some((other) => [...mine].filter((w) => other.has(w)).length >= 0.6 * Math.min(mine.size, other.size));
  };
  for (const { start } of candidates) {
    const excerpt = build(start);
    if (!seen(excerpt.key)) return excerpt;
  }
  return build(candidates[0]?.start ?? 0);
}
