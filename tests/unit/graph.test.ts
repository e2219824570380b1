import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntegrityError, buildGraph, type FixNode, type SymptomNode } from '../../src/model/graph.ts';
import type { CauseData } from '../../src/model/schemas/cause.ts';
import type { FixData } from '../../src/model/schemas/fix.ts';
import type { SymptomData } from '../../src/model/schemas/symptom.ts';
import { article, fixData, validContent } from './fixtures.ts';

/** Builds the graph and returns the integrity problems (empty when the content is valid). */
function problems(content = validContent()): string[] {
  try {
    buildGraph(content);
    return [];
  } catch (error) {
    if (error instanceof IntegrityError) return error.problems;
    throw error;
  }
}

function expectProblem(content: ReturnType<typeof validContent>, ...parts: string[]) {
  const found = problems(content);
  assert.ok(
    found.some((p) => parts.every((part) => p.includes(part))),
    `expected a problem containing ${JSON.stringify(parts)}, got:\n${found.join('\n')}`,
  );
}

describe('knowledge graph integrity', () => {
  it('accepts the valid fixture', () => {
    assert.deepEqual(problems(), []);
  });

  it('refuses a reference to a missing article, naming file and field', () => {
    const content = validContent();
    (article(content, 's-en').data as SymptomData).causes = ['nope'];
    expectProblem(content, 'content/symptoms/en/s.mdx', 'causes[0]', 'no article has the id "nope"');
  });

  it('refuses a reference to an article of the wrong kind', () => {
    const content = validContent();
    (article(content, 'c-en').data as CauseData).fixes = ['s-en'];
    expectProblem(content, 'content/causes/en/c.mdx', 'fixes[0]', '"s-en" is a symptom', 'expected a fix');
  });

  it('refuses a reference into the other language', () => {
    const content = validContent();
    (article(content, 's-en').data as SymptomData).causes = ['c-de'];
    expectProblem(content, 'content/symptoms/en/s.mdx', 'causes[0]', '"c-de" is in de');
  });

  it('refuses duplicate ids', () => {
    const content = validContent();
    article(content, 'c-en').data.id = 's-en';
    expectProblem(content, 'content/causes/en/c.mdx', 'id', '"s-en" is already used by content/symptoms/en/s.mdx');
  });

  it('refuses an article without its translation', () => {
    const content = validContent();
    content.articles = content.articles.filter((a) => a.data.id !== 'f-de');
    expectProblem(content, 'content/fixes/en/f.mdx', 'translation', 'no article has the id "f-de"');
  });

  it('refuses a translation pair whose graph differs', () => {
    const content = validContent();
    (article(content, 'f-de').data as FixData).evidence = [];
    expectProblem(content, 'content/fixes/de/f.mdx', 'evidence', 'differs from its translation content/fixes/en/f.mdx');
  });

  it('refuses a language that does not match the folder', () => {
    const content = validContent();
    article(content, 's-en').data.lang = 'de';
    expectProblem(content, 'content/symptoms/en/s.mdx', 'lang', 'under en/');
  });

  it('refuses evidence pointing at a source record that does not exist', () => {
    const content = validContent();
    (article(content, 'f-en').data as FixData).evidence = [{ source: 'c99', outcome: 'worked', note: 'x y z' }];
    expectProblem(
      content,
      'content/fixes/en/f.mdx',
      'evidence[0].source',
      '"c99" is not in content/sources/thread.yaml',
    );
  });

  it('refuses unknown messages and settings', () => {
    const content = validContent();
    (article(content, 's-en').data as SymptomData).messages = ['gone'];
    (article(content, 'f-en').data as FixData).settings = ['gone'];
    expectProblem(content, 'content/symptoms/en/s.mdx', 'messages[0]', '"gone" is not in content/messages.yaml');
    expectProblem(content, 'content/fixes/en/f.mdx', 'settings[0]', '"gone" is not in content/settings.yaml');
  });

  it('refuses a fix that no cause leads to', () => {
    const content = validContent();
    content.articles.push(
      {
        kind: 'fix',
        filePath: 'content/fixes/en/orphan.mdx',
        slug: 'orphan',
        data: fixData('en', 'orphan-en', 'orphan-de'),
      },
      {
        kind: 'fix',
        filePath: 'content/fixes/de/orphan.mdx',
        slug: 'orphan',
        data: fixData('de', 'orphan-de', 'orphan-en'),
      },
    );
    expectProblem(content, 'content/fixes/en/orphan.mdx', 'no cause lists the fix "orphan-en"');
  });
});

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
