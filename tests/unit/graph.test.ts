import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph, type FixNode, type SymptomNode } from '../../src/model/graph.ts';
import type { CauseData } from '../../src/model/schemas/cause.ts';
import { article, fixData, validContent } from './fixtures.ts';

describe('knowledge graph edges', () => {
  it('derives forward and reverse edges and evidence counts', () => {
    const graph = buildGraph(validContent());
    const symptom = graph.get('s-en') as SymptomNode;
    const fix = graph.get('f-en') as FixNode;
    assert.deepEqual(
      graph.causesOf(symptom).map((c) => c.id),
      ['c-en'],
    );
    assert.deepEqual(
      graph.fixesForSymptom(symptom).map((f) => f.id),
      ['f-en'],
    );
    assert.deepEqual(
      graph.symptomsFixedBy(fix).map((s) => s.id),
      ['s-en'],
    );
    assert.deepEqual(graph.evidenceCount(fix), { worked: 1, partly: 0, failed: 0 });
    assert.equal(graph.translation(fix).id, 'f-de');
    assert.equal(fix.url, '/en/fixes/f/');
    assert.equal(graph.get('f-de')!.url, '/de/loesungen/f/');
    assert.deepEqual(
      graph
        .usesOfSource('c2', 'en')
        .map((u) => `${u.article.id}:${u.role}`)
        .sort(),
      ['c-en:origin', 'f-en:evidence', 'f-en:origin', 's-en:origin'],
    );
  });

  it('orders fixes for a symptom safest first', () => {
    const content = validContent();
    const risky = fixData('en', 'g-en', 'g-de', {
      risk: { level: 'high', exposes: 'Everything at once.', safer: 'Use an account instead.' },
      undo: 'Delete the value again.',
      evidence: [
        { source: 'c2', outcome: 'worked', note: 'a b c' },
        { source: 'post', outcome: 'worked', note: 'a b c' },
      ],
    });
    const riskyDe = fixData('de', 'g-de', 'g-en', { ...risky, id: 'g-de', lang: 'de', translation: 'g-en' });
    content.articles.push(
      { kind: 'fix', filePath: 'content/fixes/en/g.mdx', slug: 'g', data: risky },
      { kind: 'fix', filePath: 'content/fixes/de/g.mdx', slug: 'g', data: riskyDe },
    );
    (article(content, 'c-en').data as CauseData).fixes = ['g-en', 'f-en'];
    (article(content, 'c-de').data as CauseData).fixes = ['g-de', 'f-de'];
    const graph = buildGraph(content);
    assert.deepEqual(
      graph.fixesForSymptom(graph.get('s-en') as SymptomNode).map((f) => f.id),
      ['f-en', 'g-en'],
    );
  });
});
