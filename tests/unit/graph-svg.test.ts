import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph } from '../../src/model/graph.ts';
import {
  DEFAULT_LAYOUT,
  escapeXml,
  graphMapInput,
  layoutMap,
  renderMapSvg,
  wrapWords,
  type MapInput,
  type MapLayout,
} from '../../src/lib/graph-svg.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import { readContent } from '../../src/model/read.ts';

const graph = buildGraph(readContent());
const labels = {
  id: 'map',
  title: 'Map <of> "things"',
  desc: 'Every symptom & cause',
  headings: { symptom: 'Symptoms', cause: 'Causes', fix: 'Fixes' },
};

function overlaps(layout: MapLayout): string[] {
  const found: string[] = [];
  for (const a of layout.nodes)
    for (const b of layout.nodes)
      if (a.id < b.id && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${a.id} / ${b.id}`);
  return found;
}

for (const lang of LANGS) {
  describe(`graph map (${lang}, real content)`, () => {
    const input = graphMapInput(graph, graph.symptoms(lang), (level) => `risk ${level}`);
    const layout = layoutMap(input);
    const svg = renderMapSvg(layout, labels);

    it('places every article exactly once, in its column', () => {
      const expected = graph
        .all(lang)
        .map((n) => n.id)
        .sort();
      assert.deepEqual(layout.nodes.map((n) => n.id).sort(), expected);
      const columnX = new Map(layout.columns.map((c) => [c.column, c.x]));
      for (const node of layout.nodes) {
        assert.equal(node.x, columnX.get(node.column), node.id);
        assert.equal(graph.get(node.id)!.kind, node.column);
      }
      for (const article of graph.all(lang)) {
        const links = svg.split(`href="${article.url}"`).length - 1;
        assert.equal(links, 1, `${article.url} is linked ${links} times in the SVG`);
      }
      assert.equal((svg.match(/<a /g) ?? []).length, graph.all(lang).length);
    });

    it('draws every edge of the graph, from box edge to box edge', () => {
      const expected = [
        ...graph.symptoms(lang).flatMap((s) => graph.causesOf(s).map((c) => `${s.id}>${c.id}`)),
        ...graph.causes(lang).flatMap((c) => graph.fixesOf(c).map((f) => `${c.id}>${f.id}`)),
      ].sort();
      assert.deepEqual(layout.edges.map((e) => `${e.from}>${e.to}`).sort(), expected);
      const drawn = [
        ...svg.matchAll(
          /<path class="edge" d="M([\d.]+) ([\d.]+) C[^"]* ([\d.]+) ([\d.]+)" data-from="([^"]+)" data-to="([^"]+)"/g,
        ),
      ];
      assert.equal(drawn.length, expected.length);
      const byId = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const [, x1, y1, x2, y2, from, to] of drawn) {
        const a = byId.get(from)!;
        const b = byId.get(to)!;
        assert.equal(Number(x1), a.x + a.width, `${from} -> ${to} starts at the right side of ${from}`);
        assert.equal(Number(x2), b.x, `${from} -> ${to} ends at the left side of ${to}`);
        assert.ok(Number(y1) > a.y && Number(y1) < a.y + a.height);
        assert.ok(Number(y2) > b.y && Number(y2) < b.y + b.height);
      }
    });

    it('keeps boxes apart, inside the picture, with every title line inside its box', () => {
      assert.deepEqual(overlaps(layout), []);
      const maxChars = Math.floor((DEFAULT_LAYOUT.columnWidth - 2 * DEFAULT_LAYOUT.padX) / DEFAULT_LAYOUT.charWidth);
      for (const node of layout.nodes) {
        assert.ok(node.x >= 0 && node.x + node.width <= layout.width, node.id);
        assert.ok(node.y >= DEFAULT_LAYOUT.top && node.y + node.height <= layout.height, node.id);
        assert.equal(node.lines.join('').replace(/\s/g, ''), node.title.replace(/\s/g, ''), node.id);
        for (const line of node.lines) assert.ok(line.length <= maxChars, `${node.id}: "${line}" is too long`);
        const lines = node.lines.length + (node.note ? 1 : 0);
        assert.equal(node.height, 2 * DEFAULT_LAYOUT.padY + lines * DEFAULT_LAYOUT.lineHeight);
      }
    });

    it('marks the risk of each fix with a class and in words', () => {
      for (const fix of graph.fixes(lang)) {
        const box = new RegExp(`<a class="node fix risk-${fix.data.risk.level}" href="${fix.url}"[^]*?</a>`).exec(svg);
        assert.ok(box, fix.id);
        assert.ok(box[0].includes(`risk ${fix.data.risk.level}`), fix.id);
      }
    });

    it('is labelled, escapes text and has no style attributes (CSP)', () => {
      assert.match(svg, /^<svg [^>]*role="group" aria-labelledby="map-title" aria-describedby="map-desc"/);
      assert.ok(svg.includes('<title id="map-title">Map &lt;of&gt; &quot;things&quot;</title>'));
      assert.ok(svg.includes('<desc id="map-desc">Every symptom &amp; cause</desc>'));
      assert.doesNotMatch(svg, /style=|<style/);
      for (const heading of Object.values(labels.headings)) assert.ok(svg.includes(`>${heading}</text>`));
    });
  });
}

describe('graph map layout', () => {
  const input: MapInput = {
    nodes: [
      { id: 's1', column: 'symptom', title: 'First symptom', href: '/s1/' },
      { id: 's2', column: 'symptom', title: 'Second symptom', href: '/s2/' },
      { id: 'c1', column: 'cause', title: 'Cause of the second', href: '/c1/' },
      { id: 'c2', column: 'cause', title: 'Cause of the first', href: '/c2/' },
      { id: 'f1', column: 'fix', title: 'Fix', href: '/f1/' },
    ],
    edges: [
      { from: 's2', to: 'c1' },
      { from: 's1', to: 'c2' },
      { from: 'c1', to: 'f1' },
      { from: 'c2', to: 'f1' },
    ],
  };

  it('orders a column by its neighbours so edges do not cross', () => {
    const layout = layoutMap(input);
    const y = (id: string) => layout.nodes.find((n) => n.id === id)!.y;
    assert.ok(y('s1') < y('s2'));
    assert.ok(y('c2') < y('c1'), 'the cause of the first symptom comes first');
  });

  it('refuses a node given twice and an edge to nowhere', () => {
    assert.throws(() => layoutMap({ ...input, nodes: [...input.nodes, input.nodes[0]] }), /"s1" is given twice/);
    assert.throws(() => layoutMap({ ...input, edges: [{ from: 's1', to: 'x' }] }), /s1 -> x/);
  });

  it('wraps at spaces, then after hyphens, then between CamelCase words, then anywhere', () => {
    assert.deepEqual(wrapWords('one two three four', 9), ['one two', 'three', 'four']);
    assert.deepEqual(wrapWords('Heimnetzgruppen-Kennwort anzeigen', 18), ['Heimnetzgruppen-', 'Kennwort anzeigen']);
    assert.deepEqual(wrapWords('Heimnetzgruppen-Kennwort', 30), ['Heimnetzgruppen-Kennwort']);
    assert.deepEqual(wrapWords('the (LocalAccountTokenFilterPolicy) value', 20), [
      'the',
      '(LocalAccountToken',
      'FilterPolicy) value',
    ]);
    assert.deepEqual(wrapWords('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
    assert.deepEqual(wrapWords('  ', 4), []);
  });

  it('escapes the five XML characters', () => {
    assert.equal(escapeXml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});

describe('graph map of one symptom', () => {
  it('holds the symptom, its causes and their fixes, and nothing else', () => {
    for (const symptom of graph.symptoms('en')) {
      const causes = graph.causesOf(symptom);
      const fixes = new Set(causes.flatMap((c) => graph.fixesOf(c)));
      const input = graphMapInput(graph, [symptom], (level) => level);
      assert.deepEqual(
        input.nodes.map((n) => n.id).sort(),
        [symptom.id, ...causes.map((c) => c.id), ...[...fixes].map((f) => f.id)].sort(),
        symptom.id,
      );
      assert.ok(
        input.edges.every((e) => input.nodes.some((n) => n.id === e.from) && input.nodes.some((n) => n.id === e.to)),
      );
    }
  });
});
