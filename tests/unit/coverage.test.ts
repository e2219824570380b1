import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';

const content = readContent();
const graph = buildGraph(content);

describe('the knowledge base covers its source', () => {
  it('holds the post and all 39 comments (27 numbered, 12 replies)', () => {
    const kinds = content.sources.map((s) => s.kind);
    assert.equal(kinds.filter((k) => k === 'post').length, 1);
    assert.equal(kinds.filter((k) => k === 'comment').length, 27);
    assert.equal(kinds.filter((k) => k === 'reply').length, 12);
  });

  it('accounts for every record: used in an article, or marked unused with a reason', () => {
    const unaccounted = content.sources.filter(
      (record) => !record.unused && graph.usesOfSource(record.id, 'en').length === 0,
    );
    assert.deepEqual(
      unaccounted.map((r) => r.id),
      [],
      'these source records are neither used nor marked unused',
    );
    const usedAndUnused = content.sources.filter((r) => r.unused && graph.usesOfSource(r.id, 'en').length > 0);
    assert.deepEqual(
      usedAndUnused.map((r) => r.id),
      [],
      'these records are marked unused but are used',
    );
  });

  it('has every article in both languages', () => {
    assert.equal(graph.all('de').length, graph.all('en').length);
    for (const node of graph.all('en')) assert.equal(graph.translation(node).lang, 'de');
  });

  it('gives every fix a word on Windows 10 22H2 and Windows 11 24H2', () => {
    for (const fix of [...graph.fixes('de'), ...graph.fixes('en')]) {
      const versions = fix.data.today.map((t) => t.windows).join(' | ');
      assert.match(versions, /Windows 10 22H2/, `${fix.filePath}: today lacks Windows 10 22H2`);
      assert.match(versions, /Windows 11 24H2/, `${fix.filePath}: today lacks Windows 11 24H2`);
    }
  });

  it('keeps registry paths and commands out of article bodies (they are generated)', () => {
    for (const [id, body] of content.bodies)
      assert.doesNotMatch(body, /reg (add|delete) "?HK/i, `${id}: type no reg command by hand; reference a setting`);
  });
});
