/**
 * "Answer in a forum": the Markdown snippet is rendered by a real Markdown parser (markdown-it, as
 * Discourse uses) and the BBCode snippet parsed by a real BBCode parser (@bbob/parser); both must
 * link the page's short link, and a title full of markup characters must come out as text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseBBCode } from '@bbob/parser';
import { parseDocument } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import { useTranslations } from '../../src/i18n/index.ts';
import { forumAnswers } from '../../src/lib/forum-answer.ts';
import { recommendedFix } from '../../src/lib/recommended-fix.ts';
import { buildGraph, type ArticleNode, type FixNode } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import type { FixData } from '../../src/model/schemas/fix.ts';
import { article, validContent } from './fixtures.ts';

const SITE = 'https://netzfreigabe.example';
const HOSTILE = 'Fix *this* [b]now[/b] <img src=x onerror=alert(1)> [link](https://evil.example) & _that_';

/** A graph from the fixture whose English symptom has a title made of markup. */
function hostileGraph() {
  const content = validContent();
  article(content, 's-en').data.title = HOSTILE;
  const fix = article(content, 'f-en').data as FixData;
  fix.title = 'Turn [i]guest[/i] access on *again*';
  fix.risk = {
    level: 'high',
    exposes: 'Anyone on the network <b>can</b> read the share.',
    safer: 'Use an account [u]instead[/u].',
  };
  fix.undo = 'Set the value back to 0 and restart.';
  // Both languages must agree on the risk level.
  Object.assign(article(content, 'f-de').data as FixData, { risk: { ...fix.risk }, undo: fix.undo });
  return buildGraph(content);
}

type DomNode = { type: string; name?: string; data?: string; attribs?: Record<string, string>; children?: DomNode[] };
const text = (node: DomNode): string =>
  node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(text).join('');
function elements(node: DomNode, name?: string): DomNode[] {
  const own = node.type === 'tag' && (!name || node.name === name) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((child) => elements(child, name))];
}

describe('forum answer: Markdown', () => {
  const md = new MarkdownIt({ html: true, linkify: true });

  it('links the title to the absolute short link and escapes markup in titles', () => {
    const graph = hostileGraph();
    const node = graph.get('s-en')!;
    const html = md.render(forumAnswers(graph, node, useTranslations('en'), SITE).markdown);
    const doc = parseDocument(html) as unknown as DomNode;
    const links = elements(doc, 'a');
    assert.equal(links[0].attribs?.href, `${SITE}/kb/s-en`);
    assert.equal(text(links[0]), HOSTILE, 'the title reads exactly as written');
    assert.deepEqual(elements(doc, 'img'), [], 'an <img> in a title must not become an element');
    assert.deepEqual(elements(doc, 'em'), [], 'asterisks and underscores in a title must not become emphasis');
    assert.ok(!links.some((a) => a.attribs?.href === 'https://evil.example'), 'a link in a title must stay text');
    // Bold comes from the answer's own layout (title, labels), never from the article's text.
    assert.ok(!elements(doc, 'strong').some((s) => text(s) === 'this' || text(s) === 'that'));
  });

  it('states the recommended fix with its risk, safer alternative and undo when it weakens security', () => {
    const graph = hostileGraph();
    const html = md.render(forumAnswers(graph, graph.get('s-en')!, useTranslations('en'), SITE).markdown);
    const doc = parseDocument(html) as unknown as DomNode;
    const all = text(doc);
    assert.ok(elements(doc, 'a').some((a) => a.attribs?.href === `${SITE}/kb/f-en`));
    assert.ok(all.includes('Turn [i]guest[/i] access on *again*'));
    assert.ok(all.includes('Anyone on the network <b>can</b> read the share.'));
    assert.ok(all.includes('Use an account [u]instead[/u].'));
    assert.ok(all.includes('Set the value back to 0 and restart.'));
    assert.deepEqual(elements(doc, 'b'), []);
  });
});

describe('forum answer: BBCode', () => {
  const KNOWN = new Set(['b', 'url']);
  type BBNode = string | { tag: string; attrs?: Record<string, string>; content?: BBNode[] };
  const tags = (nodes: BBNode[]): { tag: string; attrs?: Record<string, string>; content?: BBNode[] }[] =>
    nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...tags(n.content ?? [])]));
  const plain = (nodes: BBNode[]): string =>
    nodes.map((n) => (typeof n === 'string' ? n : plain(n.content ?? []))).join('');

  it('uses only [b] and [url] tags, links the short link and keeps a title with brackets as text', () => {
    const graph = hostileGraph();
    const bbcode = forumAnswers(graph, graph.get('s-en')!, useTranslations('en'), SITE).bbcode;
    const tree = parseBBCode(bbcode) as BBNode[];
    const found = tags(tree);
    assert.deepEqual(
      [...new Set(found.map((t) => t.tag))].filter((t) => !KNOWN.has(t)),
      [],
      'tags from article text',
    );
    const first = found.find((t) => t.tag === 'url')!;
    assert.equal(Object.values(first.attrs ?? {})[0], `${SITE}/kb/s-en`);
    // Brackets are written as their full-width twins; everything else is the title as written.
    assert.equal(plain(first.content ?? []), HOSTILE.replaceAll('[', '［').replaceAll(']', '］'));
    assert.ok(found.some((t) => t.tag === 'url' && Object.values(t.attrs ?? {})[0] === `${SITE}/kb/f-en`));
    assert.ok(bbcode.trimEnd().endsWith(`${SITE}/kb/s-en`), 'the answer ends with the short link');
  });
});

describe('forum answer: the real articles', () => {
  const graph = buildGraph(readContent());

  it('every article in both languages has all three formats, in its language, ending in its short link', () => {
    for (const lang of ['de', 'en'] as const) {
      const t = useTranslations(lang);
      for (const node of graph.all(lang)) {
        const answers = forumAnswers(graph, node, t, SITE);
        for (const [format, snippet] of Object.entries(answers)) {
          assert.ok(snippet.includes(node.data.title.slice(0, 20)), `${node.id} ${format}: title`);
          assert.ok(snippet.trimEnd().endsWith(`${SITE}/kb/${node.id}`), `${node.id} ${format}: short link last`);
          assert.ok(snippet.includes(`${t('forum.details')}:`), `${node.id} ${format}: in ${lang}`);
        }
      }
    }
  });

  it('a fix names the cause readers meet most today, not the first list it appears in', () => {
    // allow-insecure-guest-logons stands first under registry-value-must-be-created (an occasional
    // symptom) and second, after the safer fix, under insecure-guest-logons-blocked (common).
    for (const [lang, id, cause] of [
      ['en', 'allow-insecure-guest-logons', 'insecure-guest-logons-blocked'],
      ['de', 'unsichere-gastanmeldungen-erlauben', 'unsichere-gastanmeldung-blockiert'],
    ] as const) {
      const { plain } = forumAnswers(graph, graph.get(id)!, useTranslations(lang), SITE);
      const line = plain.split('\n').find((l) => l.startsWith(useTranslations(lang)('forum.fixes')));
      assert.ok(line?.includes(`${SITE}/kb/${cause}`), `${id}: ${line}`);
    }
  });

  it('a risky fix is never recommended without its risk, undo and safer alternative', () => {
    for (const lang of ['de', 'en'] as const) {
      const t = useTranslations(lang);
      for (const node of graph.all(lang)) {
        const fix = recommendedFix(graph, node)!.fix;
        if (fix.data.risk.level === 'none') continue;
        const { plain } = forumAnswers(graph, node, t, SITE);
        assert.ok(plain.includes(fix.data.risk.exposes!), `${node.id}: risk`);
        assert.ok(plain.includes(fix.data.undo!), `${node.id}: undo`);
        if (fix.data.risk.safer) assert.ok(plain.includes(fix.data.risk.safer), `${node.id}: safer way`);
      }
    }
  });
});

describe('recommendedFix', () => {
  const graph = buildGraph(readContent());
  const first = <T>(list: T[]) => list[0];

  it('is the first fix of the first cause for a symptom, the first fix for a cause, the fix itself for a fix', () => {
    for (const node of graph.all('en')) {
      const rec = recommendedFix(graph, node)!;
      if (node.kind === 'symptom') {
        const cause = first(graph.causesOf(node as never));
        assert.equal(rec.cause, cause, node.id);
        assert.equal(rec.fix, first(graph.fixesOf(cause)), node.id);
      } else if (node.kind === 'cause') {
        assert.equal(rec.fix, first(graph.fixesOf(node as never)), node.id);
      } else {
        assert.equal(rec.fix, node, node.id);
      }
    }
  });

  it('adds the safer alternative of a fix that weakens security', () => {
    const risky = graph.fixes('en').find((f) => f.data.risk.level !== 'none' && f.data.risk.saferFix) as FixNode;
    assert.ok(risky, 'the content has a risky fix with a safer alternative');
    assert.equal(recommendedFix(graph, risky as ArticleNode)?.saferFix?.id, risky.data.risk.saferFix);
    const safe = graph.fixes('en').find((f) => f.data.risk.level === 'none')!;
    assert.equal(recommendedFix(graph, safe)?.saferFix, undefined);
  });
});
