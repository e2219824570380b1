/**
 * "Answer in a forum": one article as a reply ready to paste, in the three formats forums take
 * (Markdown: Discourse, Reddit, GitHub; BBCode: phpBB, vBulletin and most German forums; plain
 * text). Each says the title, a two-line answer, the recommended fix in brief (with its risk, undo
 * and safer alternative when it weakens security) and the absolute short link, in the page's
 * language. The content is built once as plain parts; each format only decides how to write them,
 * and escapes what the article's own text could otherwise turn into markup.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { useTranslations } from '../i18n/index.ts';
import type { ArticleNode, CauseNode, FixNode, KnowledgeGraph, SymptomNode } from '../model/graph.ts';
import { shortLinkPath } from '../model/routes.ts';
import { byPrevalence, commonestRank } from './present.ts';
import { recommendedFix } from './recommended-fix.ts';

type Translate = ReturnType<typeof useTranslations>;

/** One piece of a line: text, text in bold, or a link; `self` marks the link to the article itself. */
export type Part = { text: string; strong?: boolean; href?: string; self?: boolean };
/** Lines; an empty line separates paragraphs. */
export type Answer = Part[][];

export interface ForumAnswers {
  markdown: string;
  bbcode: string;
  plain: string;
}

const line = (...parts: (Part | string)[]): Part[] => parts.map((p) => (typeof p === 'string' ? { text: p } : p));
const label = (text: string): Part => ({ text: `${text}:`, strong: true });

/** The answer's content for one article; `site` is the public origin the short links start with. */
export function forumAnswerParts(graph: KnowledgeGraph, node: ArticleNode, t: Translate, site: URL | string): Answer {
  const short = (n: ArticleNode) => new URL(shortLinkPath(n.id), site).href;
  const link = (n: ArticleNode): Part => ({ text: n.data.title, href: short(n) });
  const answer: Answer = [
    [{ text: node.data.title, strong: true, href: short(node), self: true }],
    line(node.data.summary),
  ];

  // The second line of the answer says where the article sits in the graph.
  const rec = recommendedFix(graph, node);
  if (node.kind === 'symptom' && rec?.cause) answer.push(line(label(t('forum.likelyCause')), ' ', link(rec.cause)));
  if (node.kind === 'cause') {
    const symptom = byPrevalence(graph.symptomsOf(node as CauseNode))[0] as SymptomNode | undefined;
    if (symptom) answer.push(line(label(t('forum.causeOf')), ' ', link(symptom)));
  }
  if (node.kind === 'fix') {
    // The cause a reader most likely has when trying this fix: the one behind the commonest
    // symptoms today; among equals, the one that lists this fix earliest.
    const meets = (c: CauseNode) => commonestRank(graph.symptomsOf(c));
    const rank = (c: CauseNode) => graph.fixesOf(c).indexOf(node as FixNode);
    const cause = [...graph.causesFixedBy(node as FixNode)].sort((a, b) => meets(a) - meets(b) || rank(a) - rank(b))[0];
    if (cause) answer.push(line(label(t('forum.fixes')), ' ', link(cause)));
  }

  if (rec) {
    const { fix, saferFix } = rec;
    answer.push([]);
    if (fix !== node) answer.push(line(label(t('forum.recommended')), ' ', link(fix), ` – ${fix.data.summary}`));
    const { risk, undo } = fix.data;
    if (risk.level !== 'none') {
      if (risk.exposes) answer.push(line(label(t(`risk.${risk.level}`)), ` ${risk.exposes}`));
      if (risk.safer || saferFix)
        answer.push(
          line(
            label(t('risk.saferFirst')),
            ...(risk.safer ? [` ${risk.safer}`] : []),
            ...(saferFix ? [' ', link(saferFix)] : []),
          ),
        );
      if (undo) answer.push(line(label(t('risk.undo')), ` ${undo}`));
    }
  }
  answer.push([], line(`${t('forum.details')}: ${short(node)}`));
  return answer;
}

function paragraphs(answer: Answer): Part[][][] {
  const result: Part[][][] = [[]];
  for (const l of answer) {
    if (l.length === 0) result.push([]);
    else result.at(-1)!.push(l);
  }
  return result.filter((p) => p.length > 0);
}

/**
 * Markdown through mdast-util-to-markdown, which escapes every character of the article's text that
 * CommonMark would read as markup. Each line is a paragraph of its own: a hard line break has no
 * form that Discourse, GitHub and old and new Reddit all read without trailing spaces, which
 * editors and copy buffers drop.
 */
export function toMarkdownAnswer(answer: Answer): string {
  const phrasing = (part: Part): PhrasingContent => {
    let node: PhrasingContent = { type: 'text', value: part.text };
    if (part.href) node = { type: 'link', url: part.href, children: [node] };
    if (part.strong) node = { type: 'strong', children: [node] };
    return node;
  };
  const children: Paragraph[] = answer
    .filter((l) => l.length > 0)
    .map((l) => ({ type: 'paragraph', children: l.map(phrasing) }));
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { emphasis: '_', strong: '*' }).trimEnd();
}

/**
 * BBCode has no escape that every forum understands, so a square bracket in the article's text is
 * written as its full-width twin: it still reads as a bracket, and no forum can take it for a tag.
 * HTML needs nothing: BBCode forums escape it themselves.
 */
function bbText(text: string): string {
  return text.replaceAll('[', '［').replaceAll(']', '］');
}

export function toBBCodeAnswer(answer: Answer): string {
  const write = (part: Part) => {
    let text = bbText(part.text);
    if (part.href) text = `[url=${bbUrl(part.href)}]${text}[/url]`;
    if (part.strong) text = `[b]${text}[/b]`;
    return text;
  };
  return paragraphs(answer)
    .map((lines) => lines.map((l) => l.map(write).join('')).join('\n'))
    .join('\n\n');
}

function bbUrl(href: string): string {
  if (!/^https?:\/\/[A-Za-z0-9.:/_~%-]+$/.test(href)) throw new Error(`forum-answer: unexpected link ${href}`);
  return href;
}

export function toPlainAnswer(answer: Answer): string {
  // The article's own address closes the answer, so its title needs no second copy of it.
  const write = (part: Part) => (part.href && !part.self ? `${part.text} (${part.href})` : part.text);
  return paragraphs(answer)
    .map((lines) => lines.map((l) => l.map(write).join('')).join('\n'))
    .join('\n\n');
}

export function forumAnswers(graph: KnowledgeGraph, node: ArticleNode, t: Translate, site: URL | string): ForumAnswers {
  const answer = forumAnswerParts(graph, node, t, site);
  return { markdown: toMarkdownAnswer(answer), bbcode: toBBCodeAnswer(answer), plain: toPlainAnswer(answer) };
}
