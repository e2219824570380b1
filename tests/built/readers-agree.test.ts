/**
 * The two readers of content/ agree: the graph the build exported (dist/<lang>/kb.json, from
 * Astro's collections through src/model/collections.ts) equals the graph that src/model/read.ts, the reader
 * of the unit, browser and registry tests and the benchmark, builds from the same folder.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exportGraph } from '../../src/lib/export.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import { CONTENT_DIR, DIST_DIR } from '../../scripts/lib/paths.ts';

const graph = buildGraph(readContent(CONTENT_DIR));

describe('both content readers build the same graph', () => {
  for (const lang of LANGS)
    it(`${lang}: dist/${lang}/kb.json equals the Node reader's export`, () => {
      const file = join(DIST_DIR, lang, 'kb.json');
      assert.ok(existsSync(file), `${file} not found: run "npm run build" first`);
      const built = JSON.parse(readFileSync(file, 'utf8'));
      const site = new URL(built.symptoms[0].url).origin;
      const fromNode = JSON.parse(JSON.stringify(exportGraph(graph, lang, new URL(site))));
      assert.deepEqual(built, fromNode);
    });
});
